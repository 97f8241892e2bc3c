"""The goal hierarchy as a tree, and each group's goal choices per theme, blanks included."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Plan
from .names import names


@dataclass(frozen=True)
class GoalNode:
    """A goal (or theme), the KPIs that serve it and the goals under it."""

    id: str
    title: str
    reference: str | None
    kpis: list[str]
    """Ids of the KPIs that serve this goal."""
    children: list[GoalNode] = field(default_factory=list)


@dataclass(frozen=True)
class Choice:
    """A group's choice in one theme; ``chosen`` is empty while not made yet."""

    theme: str
    theme_title: str
    chosen: list[tuple[str, str]]
    """(id, title) of each chosen goal."""
    justification: str | None
    practice: str | None

    @property
    def made(self) -> bool:
        """Whether any goal is chosen yet."""
        return bool(self.chosen)


@dataclass(frozen=True)
class GroupChoices:
    """One group's choices, one per theme the plan offers choices in."""

    group: str
    name: str
    choices: list[Choice]


def goal_tree(plan: Plan) -> list[GoalNode]:
    """The goals as trees, roots first, children in plan order; circles are cut."""
    kpis: dict[str, list[str]] = {}
    for kpi in plan.kpis:
        for goal in kpi.goals:
            kpis.setdefault(goal, []).append(kpi.id)
    known = {g.id for g in plan.goals}
    children: dict[str | None, list] = {}
    for goal in plan.goals:
        parent = goal.parent if goal.parent in known else None
        children.setdefault(parent, []).append(goal)

    def build(goal, seen: frozenset[str]) -> GoalNode:
        below = [build(c, seen | {goal.id}) for c in children.get(goal.id, []) if c.id not in seen]
        return GoalNode(goal.id, goal.title, goal.reference, kpis.get(goal.id, []), below)

    return [build(goal, frozenset()) for goal in children.get(None, [])]


def goal_choices(plan: Plan) -> list[GroupChoices]:
    """For each group with goal choices, every theme choices are made in, in plan order,
    with the group's choice there or an empty one: what a workbook prints as blank lines."""
    lookup = names(plan)
    themes = list(dict.fromkeys(c.theme for c in plan.goal_choices))
    groups = list(dict.fromkeys(c.group for c in plan.goal_choices))
    result = []
    for group in groups:
        mine = {c.theme: c for c in plan.goal_choices if c.group == group}
        choices = []
        for theme in themes:
            made = mine.get(theme)
            choices.append(
                Choice(
                    theme=theme,
                    theme_title=lookup.get(theme, theme),
                    chosen=[(g, lookup.get(g, g)) for g in made.goals] if made else [],
                    justification=made.justification if made else None,
                    practice=made.practice if made else None,
                )
            )
        result.append(GroupChoices(group, lookup.get(group, group), choices))
    return result
