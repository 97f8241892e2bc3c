"""References made by goals, KPIs, measures, savings targets, benefits and risks."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.measures import Measure
from .context import Loc, PlanIndex

Reference = tuple[Loc, Loc, str, tuple[str, ...]]
"""(path of the reference, item it belongs to, id, allowed kinds)."""

GOALS, KPIS, MEASURES, SAVINGS = ("goals",), ("kpis",), ("measures",), ("savings_targets",)
GROUPS, DEADLINES = ("groups",), ("deadlines",)
OWNERS = ("people", "roles", "groups")


def _one(item: Loc, key: str, ref: str | None, kinds: tuple[str, ...]) -> Iterator[Reference]:
    if ref is not None:
        yield (*item, key), item, ref, kinds


def _many(
    item: Loc, key: str, refs: list[str], kinds: tuple[str, ...], base: Loc | None = None
) -> Iterator[Reference]:
    for n, ref in enumerate(refs):
        yield (*(base or item), key, n), item, ref, kinds


def _measure(item: Loc, measure: Measure) -> Iterator[Reference]:
    yield from _one(item, "owner", measure.owner, OWNERS)
    yield from _many(item, "goals", measure.goals, GOALS)
    yield from _many(item, "kpis", measure.kpis, KPIS)
    yield from _many(item, "deadlines", measure.deadlines, DEADLINES)
    yield from _one(item, "savings_target", measure.savings_target, SAVINGS)


def steering_references(index: PlanIndex) -> Iterator[Reference]:
    """Every reference of the steering items, for the reference check."""
    plan = index.plan
    for i, goal in enumerate(plan.goals):
        yield from _one(("goals", i), "parent", goal.parent, GOALS)
    for i, choice in enumerate(plan.goal_choices):
        item = ("goal_choices", i)
        yield from _one(item, "group", choice.group, GROUPS)
        yield from _one(item, "theme", choice.theme, GOALS)
        yield from _many(item, "goals", choice.goals, GOALS)
    for i, kpi in enumerate(plan.kpis):
        item = ("kpis", i)
        yield from _many(item, "goals", kpi.goals, GOALS)
        yield from _one(item, "owner", kpi.owner, OWNERS)
    for i, measure in enumerate(plan.measures):
        yield from _measure(("measures", i), measure)
    for i, target in enumerate(plan.savings_targets):
        yield from _one(("savings_targets", i), "owner", target.owner, OWNERS)
    for i, benefit in enumerate(plan.benefits):
        item = ("benefits", i)
        yield from _one(item, "owner", benefit.owner, OWNERS)
        yield from _many(item, "measures", benefit.measures, MEASURES)
        yield from _many(item, "kpis", benefit.kpis, KPIS)
        for s, step in enumerate(benefit.realisation):
            yield from _many(
                item, "responsible", step.responsible, OWNERS, (*item, "realisation", s)
            )
    for i, risk in enumerate(plan.risks):
        yield from _one(("risks", i), "owner", risk.owner, OWNERS)
