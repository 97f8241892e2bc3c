"""Realised effects of measures that cannot be right: before the decision, outside the
savings target's years, missing where the status says realised, far above the estimate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date

from ..model import Measure
from ..model.effects import row_years
from ..model.measures import DECIDED
from ..i18n import Money, tr
from ..model.words import MEASURE_STATUS, Shown
from .context import Issue, Loc, PlanIndex

FAR_ABOVE = 3.0
"""A realised effect more than this many times the estimate for its year is a warning."""


def check_realised(index: PlanIndex) -> Iterator[Issue]:
    """PV630-PV634, PV637: decision dates, status histories and realised effects of measures."""
    targets = {t.id: t for t in index.plan.savings_targets}
    for i, measure in enumerate(index.plan.measures):
        path: Loc = ("measures", i)
        yield from _decision(measure, path)
        yield from _history(measure, path)
        target = targets.get(measure.savings_target or "")
        if target is not None:
            # the years the target has a row for: its own and those of the targets above it
            years = row_years(index.plan, target.id)
            first, last = years[0], years[-1]
            for key in ("effect", "realised"):
                for year in getattr(measure, key):
                    if year not in years:
                        args = {"year": str(year), "target": target.id, "first": str(first), "last": str(last)}
                        yield Issue(
                            "PV632",
                            tr("the estimated effect for {year} lies outside the years of its savings "
                                "target '{target}' ({first}-{last}), so no sum counts it: correct the "
                                "year, or count it towards a target that runs then", **args)
                            if key == "effect" else
                            tr("the realised effect for {year} lies outside the years of its savings "
                                "target '{target}' ({first}-{last}), so no sum counts it: correct the "
                                "year, or count it towards a target that runs then", **args),
                            (*path, key, str(year)),
                            path,
                            (("savings_targets", list(targets).index(target.id), "period"),),
                        )
        for year, realised in measure.realised.items():
            estimate = measure.effect.get(year)
            if estimate is not None and estimate.value > 0 and realised.value > FAR_ABOVE * estimate.value:
                yield Issue(
                    "PV634",
                    tr("the realised effect for {year} ({realised}) is {times} times the estimate "
                        "({estimate}): check the unit and the figure, or raise the estimate if it was "
                        "too low", year=str(year), realised=Money(realised.value, approximate=realised.approximate),
                        times=round(realised.value / estimate.value),
                        estimate=Money(estimate.value, approximate=estimate.approximate)),
                    (*path, "realised", str(year)),
                    path,
                )


def _decision(measure: Measure, path: Loc) -> Iterator[Issue]:
    if measure.status in DECIDED and measure.decided_on is None:
        yield Issue(
            "PV630",
            tr("'{measure}' is {status} but has no decision date: add 'decided_on: YYYY-MM-DD' (the "
                "meeting that decided it)", measure=measure.title, status=Shown(MEASURE_STATUS, measure.status)),
            (*path, "status"),
            path,
        )
    decided_on = decision_date(measure)
    if decided_on is not None:
        for year in measure.realised:
            if year < decided_on.year:
                yield Issue(
                    "PV631",
                    tr("an effect is realised in {year}, before the measure was decided ({decided}): "
                        "correct the year or the decision date", year=str(year), decided=decided_on),
                    (*path, "realised", str(year)),
                    path,
                    ((*path, "decided_on") if measure.decided_on else (*path, "status_history"),),
                )
    if measure.status == "realised" and not measure.realised:
        yield Issue(
            "PV633",
            tr("'{measure}' is realised but states no realised effect: add 'realised: {{YYYY: amount}}', "
                "or set the status to {status}", measure=measure.title, status=Shown(MEASURE_STATUS, "in-progress")),
            (*path, "status"),
            path,
        )


def decision_date(measure: Measure) -> Date | None:
    """When ``measure`` was decided: ``decided_on``, else its history's first 'decided' entry."""
    if measure.decided_on is not None:
        return measure.decided_on
    return next((c.date for c in measure.status_history if c.status == "decided"), None)


def _history(measure: Measure, path: Loc) -> Iterator[Issue]:
    """The status history against ``status``, ``decided_on`` and the realised effects."""
    history = measure.status_history
    if not history:
        return
    at = (*path, "status_history")
    last = max(range(len(history)), key=lambda n: (history[n].date, n))
    if history[last].status != measure.status:
        yield Issue(
            "PV637",
            tr("the status is '{status}', but the status history's last entry ({date}) says "
                "'{last}': the last entry is the status now, so make the two agree",
                status=measure.status, date=history[last].date, last=history[last].status),
            (*path, "status"),
            path,
            ((*at, last, "status"),),
        )
    decided = next((n for n, c in enumerate(history) if c.status == "decided"), None)
    if decided is not None and measure.decided_on is not None and history[decided].date != measure.decided_on:
        yield Issue(
            "PV637",
            tr("the status history has it decided on {date}, but 'decided_on' says {decided}: "
                "correct one of the two dates", date=history[decided].date, decided=measure.decided_on),
            (*at, decided, "date"),
            path,
            ((*path, "decided_on"),),
        )
    since = decision_date(measure)
    for n, change in enumerate(history):
        if change.status in ("in-progress", "realised") and since is not None and change.date < since:
            yield Issue(
                "PV631",
                tr("the status history has it {status} on {date}, before it was decided ({decided}): "
                    "correct the date, or the decision date", status=change.status, date=change.date,
                    decided=since),
                (*at, n, "date"),
                path,
            )
        if change.status == "realised" and not measure.realised and measure.status != "realised":
            yield Issue(
                "PV633",
                tr("the status history has it realised on {date}, but the measure states no realised "
                    "effect: add 'realised: {{YYYY: amount}}', or correct the entry", date=change.date),
                (*at, n, "status"),
                path,
            )
