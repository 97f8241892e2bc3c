"""Dated lists kept in date order: measurements, risk assessments, realisation steps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from .context import Issue, Loc, PlanIndex


def _order(entries: Sequence[Any], path: Loc, key: str, what: str) -> Iterator[Issue]:
    latest: date | None = None
    for n, entry in enumerate(entries):
        if latest is not None and entry.date < latest:
            yield Issue(
                "PV602",
                f"the {what} of {entry.date} comes after one of {latest}: keep them in date order",
                (*path, key, n, "date"),
                path,
            )
        latest = entry.date if latest is None else max(latest, entry.date)


def check_date_order(index: PlanIndex) -> Iterator[Issue]:
    """PV602: measurements, assessments and realisation steps in date order."""
    plan = index.plan
    for i, kpi in enumerate(plan.kpis):
        yield from _order(kpi.measurements, ("kpis", i), "measurements", "measurement")
    for i, risk in enumerate(plan.risks):
        yield from _order(risk.assessments, ("risks", i), "assessments", "assessment")
    for i, benefit in enumerate(plan.benefits):
        yield from _order(benefit.realisation, ("benefits", i), "realisation", "step")
