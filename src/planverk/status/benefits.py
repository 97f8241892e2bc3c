"""Benefits as of a date: their KPIs and measures, and how far the realisation plan has come.

A benefit is ``off-track`` when one of its KPIs is; ``at-risk`` when a KPI is at risk or
a realisation step is overdue (open, due before the as-of date); ``on-track`` when none of
that applies and a KPI is on track or a step is done; else ``unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Plan
from .kpis import KpiState, KpiStatus
from .names import name_list, name_of, names


@dataclass(frozen=True)
class Linked:
    """A KPI or measure a benefit rests on, with its state or status."""

    id: str
    name: str
    state: str


@dataclass(frozen=True)
class Step:
    """A realisation step as of the date."""

    date: date
    step: str
    responsible: list[str]
    done: bool
    overdue: bool


@dataclass(frozen=True)
class BenefitStatus:
    """One benefit as of a date."""

    id: str
    title: str
    type: str
    owner: str | None
    measured: str | None
    kpis: list[Linked]
    measures: list[Linked]
    steps: list[Step]
    state: KpiState

    @property
    def next_step(self) -> Step | None:
        """The first open step."""
        return next((s for s in self.steps if not s.done), None)


def benefit_status(plan: Plan, as_of: date, kpis: list[KpiStatus]) -> list[BenefitStatus]:
    """Every benefit as of ``as_of``; ``kpis`` is :func:`kpi_status` of the same plan and date."""
    lookup = names(plan)
    kpi_by_id = {k.id: k for k in kpis}
    measure_by_id = {m.id: m for m in plan.measures}
    result = []
    for benefit in plan.benefits:
        linked_kpis = [
            Linked(ref, kpi_by_id[ref].name, kpi_by_id[ref].state)
            for ref in benefit.kpis
            if ref in kpi_by_id
        ]
        linked_measures = [
            Linked(ref, measure_by_id[ref].title, measure_by_id[ref].status)
            for ref in benefit.measures
            if ref in measure_by_id
        ]
        steps = [
            Step(
                s.date,
                s.step,
                name_list(lookup, s.responsible),
                s.status == "done",
                s.status != "done" and s.date < as_of,
            )
            for s in benefit.realisation
        ]
        states = {k.state for k in linked_kpis}
        state: KpiState = "unknown"
        if "off-track" in states:
            state = "off-track"
        elif "at-risk" in states or any(s.overdue for s in steps):
            state = "at-risk"
        elif "on-track" in states or any(s.done for s in steps):
            state = "on-track"
        result.append(
            BenefitStatus(
                id=benefit.id,
                title=benefit.title,
                type=benefit.type,
                owner=name_of(lookup, benefit.owner),
                measured=benefit.measured,
                kpis=linked_kpis,
                measures=linked_measures,
                steps=steps,
                state=state,
            )
        )
    return result
