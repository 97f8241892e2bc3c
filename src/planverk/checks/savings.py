"""Measures and savings targets: realised effects, yearly targets, amounts in the wrong unit."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.measures import DECIDED
from ..model.quantities import Quantity
from .amounts import magnitude_issues
from ..i18n import Either, Money, tr
from ..model.words import MEASURE_STATUS, Shown
from .context import Issue, Loc, PlanIndex


def _amounts(index: PlanIndex) -> Iterator[tuple[Loc, Quantity]]:
    """Every amount of the savings targets and measures, with its path."""
    for i, target in enumerate(index.plan.savings_targets):
        yield ("savings_targets", i, "total"), target.total
        if target.unallocated is not None:
            yield ("savings_targets", i, "unallocated"), target.unallocated
        for year, amount in target.years.items():
            yield ("savings_targets", i, "years", str(year)), amount
    for i, measure in enumerate(index.plan.measures):
        for key in ("effect", "realised"):
            for year, amount in getattr(measure, key).items():
                yield ("measures", i, key, str(year)), amount


def check_savings(index: PlanIndex) -> Iterator[Issue]:
    """PV605 amounts that look like MNOK, PV606 realised but not decided, PV607 yearly targets."""
    yield from magnitude_issues(_amounts(index), None)
    for i, measure in enumerate(index.plan.measures):
        if measure.realised and measure.status not in DECIDED:
            yield Issue(
                "PV606",
                tr("'{measure}' has a realised effect but its status is '{status}': set the status "
                    "to {allowed}, or remove 'realised'", measure=measure.title,
                    status=Shown(MEASURE_STATUS, measure.status),
                    allowed=Either(tuple(Shown(MEASURE_STATUS, s) for s in ("decided", "in-progress", "realised")))),
                ("measures", i, "realised"),
                ("measures", i),
            )
    for i, target in enumerate(index.plan.savings_targets):
        path: Loc = ("savings_targets", i)
        first, last = target.period.start.year, target.period.end.year
        for year in target.years:
            if not first <= year <= last:
                yield Issue(
                    "PV607",
                    tr("{year} is outside the target's period ({first}-{last})",
                        year=str(year), first=str(first), last=str(last)),
                    (*path, "years", str(year)),
                    path,
                )
        if target.years:
            final = max(target.years)
            if abs(target.years[final].value - target.total.value) >= 0.5:
                yield Issue(
                    "PV607",
                    tr("the last year's figure ({year}: {amount}) is not the total ({total}): each "
                        "year states how much lower costs are than before, so the last year reaches "
                        "the total", year=str(final),
                        amount=Money(target.years[final].value, approximate=target.years[final].approximate),
                        total=Money(target.total.value, approximate=target.total.approximate)),
                    (*path, "years", str(final)),
                    path,
                )
