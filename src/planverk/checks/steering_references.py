"""References made by goals, KPIs, measures, savings targets, benefits and risks."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.measures import Measure
from .context import Loc, PlanIndex, Reference, each_reference, one_reference

GOALS, KPIS, MEASURES, SAVINGS = ("goals",), ("kpis",), ("measures",), ("savings_targets",)
GROUPS, DEADLINES = ("groups",), ("deadlines",)
OWNERS = ("people", "roles", "groups")


def _measure(item: Loc, measure: Measure) -> Iterator[Reference]:
    yield from one_reference(item, "owner", measure.owner, OWNERS)
    yield from each_reference(item, "goals", measure.goals, GOALS)
    yield from each_reference(item, "kpis", measure.kpis, KPIS)
    yield from each_reference(item, "deadlines", measure.deadlines, DEADLINES)
    yield from one_reference(item, "savings_target", measure.savings_target, SAVINGS)


def steering_references(index: PlanIndex) -> Iterator[Reference]:
    """Every reference of the steering items, for the reference check."""
    plan = index.plan
    for i, goal in enumerate(plan.goals):
        yield from one_reference(("goals", i), "parent", goal.parent, GOALS)
    for i, choice in enumerate(plan.goal_choices):
        item = ("goal_choices", i)
        yield from one_reference(item, "group", choice.group, GROUPS)
        yield from one_reference(item, "theme", choice.theme, GOALS)
        yield from each_reference(item, "goals", choice.goals, GOALS)
    for i, kpi in enumerate(plan.kpis):
        item = ("kpis", i)
        yield from each_reference(item, "goals", kpi.goals, GOALS)
        yield from one_reference(item, "owner", kpi.owner, OWNERS)
    for i, measure in enumerate(plan.measures):
        yield from _measure(("measures", i), measure)
    for i, target in enumerate(plan.savings_targets):
        yield from one_reference(("savings_targets", i), "owner", target.owner, OWNERS)
        yield from one_reference(("savings_targets", i), "parent", target.parent, SAVINGS)
    for i, benefit in enumerate(plan.benefits):
        item = ("benefits", i)
        yield from one_reference(item, "owner", benefit.owner, OWNERS)
        yield from each_reference(item, "measures", benefit.measures, MEASURES)
        yield from each_reference(item, "kpis", benefit.kpis, KPIS)
        for s, step in enumerate(benefit.realisation):
            yield from each_reference(
                item, "responsible", step.responsible, OWNERS, (*item, "realisation", s)
            )
    for i, report in enumerate(plan.reports):
        item = ("reports", i)
        yield from one_reference(item, "owner", report.owner, OWNERS)
        yield from each_reference(item, "covers", report.covers, (*GOALS, *KPIS, *MEASURES, "benefits"))
    for kind in ("reports", "kpis", "measures", "benefits"):
        for i, reported in enumerate(getattr(plan, kind)):
            owner = reported.reporting.owner if reported.reporting is not None else None
            if owner is not None:
                yield (kind, i, "reporting", "owner"), (kind, i), owner, OWNERS
    for i, risk in enumerate(plan.risks):
        yield from one_reference(("risks", i), "owner", risk.owner, OWNERS)
    for i, card in enumerate(plan.scorecards):
        for a, area in enumerate(card.areas):
            yield from each_reference(("scorecards", i), "goals", area.goals, GOALS, ("scorecards", i, "areas", a))
