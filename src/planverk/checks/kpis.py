"""KPIs whose targets, scales and units cannot all be right."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Kpi
from ..model.quantities import UNIT_WORDS, Quantity
from .amounts import magnitude_issues
from ..i18n import tr
from .context import Issue, Loc, PlanIndex

_WRONG_WAY = {"higher": ("<", "<="), "lower": (">", ">=")}


def kpi_values(kpi: Kpi, path: Loc) -> Iterator[tuple[Loc, Quantity]]:
    """Each value the KPI states (baseline, target, measurements) with its path."""
    if kpi.baseline is not None:
        yield (*path, "baseline", "value"), kpi.baseline.value
    if kpi.target is not None:
        yield (*path, "target", "value"), kpi.target.value
    for n, measurement in enumerate(kpi.measurements):
        yield (*path, "measurements", n, "value"), measurement.value


def check_kpis(index: PlanIndex) -> Iterator[Issue]:
    """PV600 target against direction, PV601 target worse than baseline, PV603 scale, PV604-PV605 units."""
    for i, kpi in enumerate(index.plan.kpis):
        path: Loc = ("kpis", i)
        yield from _target(kpi, path)
        values = list(kpi_values(kpi, path))
        for where, value in values:
            if kpi.scale is not None and not kpi.scale.contains(value.value):
                yield Issue(
                    "PV603",
                    tr("{value} is outside the scale {min}-{max} of '{kpi}'", value=value,
                        min=kpi.scale.min, max=kpi.scale.max, kpi=kpi.name),
                    where,
                    path,
                )
            if value.unit is not None and value.unit != kpi.unit:
                yield Issue(
                    "PV604",
                    tr("'{value}' is written in {written}, but '{kpi}' has unit '{unit}': write the "
                        "value without the unit, or change the KPI's 'unit'", value=value,
                        written=UNIT_WORDS[value.unit], kpi=kpi.name, unit=kpi.unit),
                    where,
                    path,
                )
        if kpi.unit == "nok":
            yield from magnitude_issues(values, path)


def _target(kpi: Kpi, path: Loc) -> Iterator[Issue]:
    target, comparator = kpi.target, kpi.comparator
    if target is None:
        return
    if comparator in _WRONG_WAY[kpi.direction]:
        yield Issue(
            "PV600",
            (tr("the target '{comparator} {target}' points the wrong way: higher is better for this "
                 "KPI; fix the comparator or the KPI's 'direction'", comparator=comparator, target=target.value)
             if kpi.direction == "higher" else
             tr("the target '{comparator} {target}' points the wrong way: lower is better for this "
                 "KPI; fix the comparator or the KPI's 'direction'", comparator=comparator, target=target.value)),
            (*path, "target", "comparator"),
            path,
        )
        return
    baseline = kpi.baseline
    if baseline is None or (baseline.value.unit or kpi.unit) != (target.value.unit or kpi.unit):
        return
    worse = target.value.value < baseline.value.value
    if kpi.direction == "lower":
        worse = target.value.value > baseline.value.value
    if worse:
        yield Issue(
            "PV601",
            (tr("the target {target} is worse than the baseline {baseline}, though higher is better "
                 "for '{kpi}'", target=target.value, baseline=baseline.value, kpi=kpi.name)
             if kpi.direction == "higher" else
             tr("the target {target} is worse than the baseline {baseline}, though lower is better "
                 "for '{kpi}'", target=target.value, baseline=baseline.value, kpi=kpi.name)),
            (*path, "target", "value"),
            path,
        )
