"""Dated lists kept in date order: measurements, risk assessments, realisation steps,
measures' status changes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from collections.abc import Callable

from ..i18n import Message, tr
from .context import Issue, Loc, PlanIndex


def _MEASUREMENT(**args: Any) -> Message:
    return tr("the measurement of {date} comes after one of {latest}: keep them in date order", **args)


def _ASSESSMENT(**args: Any) -> Message:
    return tr("the assessment of {date} comes after one of {latest}: keep them in date order", **args)


def _STEP(**args: Any) -> Message:
    return tr("the step of {date} comes after one of {latest}: keep them in date order", **args)


def _CHANGE(**args: Any) -> Message:
    return tr("the status change of {date} comes after one of {latest}: keep them in date order", **args)


def _order(entries: Sequence[Any], path: Loc, key: str, what: Callable[..., Message]) -> Iterator[Issue]:
    latest: date | None = None
    for n, entry in enumerate(entries):
        if latest is not None and entry.date < latest:
            yield Issue(
                "PV602",
                what(date=entry.date, latest=latest),
                (*path, key, n, "date"),
                path,
            )
        latest = entry.date if latest is None else max(latest, entry.date)


def check_date_order(index: PlanIndex) -> Iterator[Issue]:
    """PV602: measurements, assessments, realisation steps and status changes in date order."""
    plan = index.plan
    for i, kpi in enumerate(plan.kpis):
        yield from _order(kpi.measurements, ("kpis", i), "measurements", _MEASUREMENT)
    for i, risk in enumerate(plan.risks):
        yield from _order(risk.assessments, ("risks", i), "assessments", _ASSESSMENT)
    for i, benefit in enumerate(plan.benefits):
        yield from _order(benefit.realisation, ("benefits", i), "realisation", _STEP)
    for i, measure in enumerate(plan.measures):
        yield from _order(measure.status_history, ("measures", i), "status_history", _CHANGE)
