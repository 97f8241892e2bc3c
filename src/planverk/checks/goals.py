"""The goal hierarchy has no circles, and groups choose goals from the theme they name."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import tr
from .context import Issue, PlanIndex


def _ancestors(parents: dict[str, str | None], start: str) -> list[str]:
    """The chain of parents above ``start``, stopping before a repeat."""
    chain: list[str] = []
    current = parents.get(start)
    while current is not None and current not in chain and current != start:
        chain.append(current)
        current = parents.get(current)
    if current == start:
        chain.append(start)
    return chain


def circles(items: list[tuple[str, str | None]]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Items (``(id, parent id)`` in plan order) whose parents lead back to them: for each
    circle once, the position of its first item and the ids around it, first id last too."""
    parents = dict(items)
    reported: set[frozenset[str]] = set()
    for i, (item, _) in enumerate(items):
        chain = _ancestors(parents, item)
        if chain and chain[-1] == item:
            circle = frozenset(chain)
            if circle not in reported:
                reported.add(circle)
                yield i, (item, *chain)


def check_goals(index: PlanIndex) -> Iterator[Issue]:
    """PV620 goals in a circle; PV621 chosen goals outside the choice's theme."""
    parents = {goal.id: goal.parent for goal in index.plan.goals}
    for i, circle in circles([(goal.id, goal.parent) for goal in index.plan.goals]):
        yield Issue(
            "PV620",
            tr("goals are each other's parents in a circle: {circle}", circle=" -> ".join(circle)),
            ("goals", i, "parent"),
            ("goals", i),
        )
    for i, choice in enumerate(index.plan.goal_choices):
        for n, chosen in enumerate(choice.goals):
            if chosen in parents and choice.theme not in _ancestors(parents, chosen):
                yield Issue(
                    "PV621",
                    tr("'{goal}' is not a goal under the theme '{theme}'", goal=chosen, theme=choice.theme),
                    ("goal_choices", i, "goals", n),
                )
