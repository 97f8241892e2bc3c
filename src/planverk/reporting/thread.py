"""The red thread: from goals (themes, goals, strategies) through measures and KPIs to
benefits and reports, and where it breaks.

A goal's chain holds the measures and KPIs that serve it (a KPI also through a measure
that names it), the benefits those measures and KPIs bring or show, and the reports that
cover any of them (or the goal itself). A theme (a goal with goals under it) is served
through the goals under it.

Breaks, each a finding of ``planverk validate`` (PV640-PV644) and a row of ``planverk
status PLAN thread``:

- ``goal-without-measure``: a goal with no goals under it that no measure or KPI serves;
- ``measure-without-goal``: a measure (not dropped) that serves no goal;
- ``kpi-without-goal``: a KPI that measures no goal, neither itself nor through a measure;
- ``benefit-without-measure``: a benefit no measure brings and no KPI shows;
- ``kpi-without-reporting``: a KPI with no reporting rhythm of its own and no report
  that covers it.

The thread is only followed where the plan keeps one: the goal breaks when some measure
or KPI names a goal (a plan whose goals are a menu to choose from, or that has no goals,
is not asked for measures under them), the benefit break when a goal or another benefit
is linked so, the reporting break when some item of the plan has a reporting rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Plan

BreakKind = Literal[
    "goal-without-measure",
    "measure-without-goal",
    "kpi-without-goal",
    "benefit-without-measure",
    "kpi-without-reporting",
]
BREAK_CODES: dict[str, str] = {
    "goal-without-measure": "PV640",
    "measure-without-goal": "PV641",
    "kpi-without-goal": "PV642",
    "benefit-without-measure": "PV643",
    "kpi-without-reporting": "PV644",
}
"""The finding code of each kind of break."""
BREAK_KINDS: dict[str, str] = {
    "goal-without-measure": "goals",
    "measure-without-goal": "measures",
    "kpi-without-goal": "kpis",
    "benefit-without-measure": "benefits",
    "kpi-without-reporting": "kpis",
}
"""The list the item of each kind of break is in."""


@dataclass(frozen=True, slots=True)
class Break:
    """Where the thread breaks: the kind, and the item (its list, position, id and name)."""

    kind: BreakKind
    list: str
    position: int
    id: str
    name: str


@dataclass(frozen=True)
class Chain:
    """One goal's chain, and the chains of the goals under it. Lists hold ids, in plan order."""

    id: str
    title: str
    depth: int
    measures: list[str]
    kpis: list[str]
    benefits: list[str]
    reports: list[str]
    children: list[Chain] = field(default_factory=list)
    broken: bool = False
    """True when this goal is a ``goal-without-measure`` break."""


@dataclass(frozen=True)
class Thread:
    """The goals' chains (top goals first), and every break, in plan order."""

    chains: list[Chain]
    breaks: list[Break]
    kept: bool
    """Whether the plan keeps a thread: some measure or KPI names a goal."""
    names: dict[str, str]
    """Display name of every item the chains name, by id."""

    def flat(self) -> list[Chain]:
        """Every chain, each goal after the one above it (depth first, plan order)."""
        result: list[Chain] = []

        def walk(chain: Chain) -> None:
            result.append(chain)
            for child in chain.children:
                walk(child)

        for chain in self.chains:
            walk(chain)
        return result


def _ordered(ids: set[str], order: list[str]) -> list[str]:
    return [i for i in order if i in ids]


def red_thread(plan: Plan) -> Thread:
    """The plan's red thread and its breaks (see the module docstring for the rules)."""
    goal_ids = [g.id for g in plan.goals]
    known = set(goal_ids)
    kpi_order = [k.id for k in plan.kpis]
    measure_order = [m.id for m in plan.measures]
    benefit_order = [b.id for b in plan.benefits]
    report_order = [r.id for r in plan.reports]
    live = [m for m in plan.measures if m.status != "dropped"]

    measures_of: dict[str, set[str]] = {}
    kpis_of: dict[str, set[str]] = {}
    for measure in live:
        for goal in measure.goals:
            measures_of.setdefault(goal, set()).add(measure.id)
            kpis_of.setdefault(goal, set()).update(measure.kpis)
    for kpi in plan.kpis:
        for goal in kpi.goals:
            kpis_of.setdefault(goal, set()).add(kpi.id)
    kpis_known = set(kpi_order)
    for goal in kpis_of:
        kpis_of[goal] &= kpis_known

    def benefits_for(measures: set[str], kpis: set[str]) -> set[str]:
        return {b.id for b in plan.benefits if measures & set(b.measures) or kpis & set(b.kpis)}

    def reports_for(ids: set[str]) -> set[str]:
        return {r.id for r in plan.reports if ids & set(r.covers)}

    children: dict[str | None, list] = {}
    for goal in plan.goals:
        children.setdefault(goal.parent if goal.parent in known else None, []).append(goal)
    kept = any(g in known for m in live for g in m.goals) or any(g in known for k in plan.kpis for g in k.goals)

    def build(goal, depth: int, seen: frozenset[str]) -> Chain:
        below = [build(c, depth + 1, seen | {goal.id}) for c in children.get(goal.id, []) if c.id not in seen]
        measures = measures_of.get(goal.id, set())
        kpis = kpis_of.get(goal.id, set())
        benefits = benefits_for(measures, kpis)
        reports = reports_for({goal.id, *measures, *kpis, *benefits})
        broken = kept and not below and not measures and not kpis
        return Chain(
            goal.id, goal.title, depth,
            _ordered(measures, measure_order), _ordered(kpis, kpi_order),
            _ordered(benefits, benefit_order), _ordered(reports, report_order),
            below, broken,
        )

    chains = [build(goal, 0, frozenset()) for goal in children.get(None, [])]
    breaks: list[Break] = []
    if kept:
        for n, goal in enumerate(plan.goals):
            if goal.id not in children and not measures_of.get(goal.id) and not kpis_of.get(goal.id):
                breaks.append(Break("goal-without-measure", "goals", n, goal.id, goal.title))
        for n, measure in enumerate(plan.measures):
            if measure.status != "dropped" and not measure.goals:
                breaks.append(Break("measure-without-goal", "measures", n, measure.id, measure.title))
        served = {k for ks in kpis_of.values() for k in ks}
        for n, kpi in enumerate(plan.kpis):
            if kpi.id not in served:
                breaks.append(Break("kpi-without-goal", "kpis", n, kpi.id, kpi.name))
    linked = [bool(b.measures or b.kpis) for b in plan.benefits]  # an unknown id is PV201's
    if kept or any(linked):
        for n, benefit in enumerate(plan.benefits):
            if not linked[n]:
                breaks.append(Break("benefit-without-measure", "benefits", n, benefit.id, benefit.title))
    rhythms = bool(plan.reports) or any(
        item.reporting is not None for item in (*plan.kpis, *plan.measures, *plan.benefits)
    )
    if rhythms:
        covered = {ref for r in plan.reports for ref in r.covers}
        for n, kpi in enumerate(plan.kpis):
            if kpi.reporting is None and kpi.id not in covered:
                breaks.append(Break("kpi-without-reporting", "kpis", n, kpi.id, kpi.name))
    order = {kind: i for i, kind in enumerate(BREAK_CODES)}
    breaks.sort(key=lambda b: (order[b.kind], b.position))
    names = {g.id: g.title for g in plan.goals}
    names.update({k.id: k.name for k in plan.kpis})
    for titled in (*plan.measures, *plan.benefits, *plan.reports):
        names[titled.id] = titled.title
    return Thread(chains, breaks, kept, names)
