"""Display names for ids: a person's name, a group's or role's name, else the id itself."""

from __future__ import annotations

from ..model import Plan


def names(plan: Plan) -> dict[str, str]:
    """Every id of the plan mapped to the name a reader knows it by."""
    result: dict[str, str] = {}
    for item in (*plan.people, *plan.groups, *plan.roles):
        result.setdefault(item.id, item.name)
    for goal in plan.goals:
        result.setdefault(goal.id, goal.title)
    for kpi in plan.kpis:
        result.setdefault(kpi.id, kpi.name)
    for titled in (
        *plan.measures,
        *plan.savings_targets,
        *plan.benefits,
        *plan.risks,
        *plan.scorecards,
    ):
        result.setdefault(titled.id, titled.title)
    return result


def name_list(lookup: dict[str, str], refs: list[str]) -> list[str]:
    """Names for a list of ids, in order."""
    return [lookup.get(ref, ref) for ref in refs]


def name_of(lookup: dict[str, str], ref: str | None) -> str | None:
    """The name for one id; None for None."""
    return lookup.get(ref, ref) if ref is not None else None
