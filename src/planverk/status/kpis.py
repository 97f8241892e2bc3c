"""KPIs as of a date: baseline, latest reading, target, trend, and whether they are on track.

The rule, applied to the latest measurement on or before the as-of date:

1. No target, or no measurement yet: the state is ``unknown``.
2. The latest value meets the target (by its comparator): ``on-track``.
3. The target's due date has passed and it is not met: ``off-track``.
4. With a dated baseline and a due date, draw a straight line from the baseline to the
   target. A latest value at least as good as the line at its date is ``on-track``; one
   behind the line but better than the baseline is ``at-risk``; one no better than the
   baseline is ``off-track``.
5. Without that line, a value better than the baseline (or with no baseline) is
   ``at-risk``, otherwise ``off-track``.

"Better" follows the KPI's direction: higher or lower.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model import Kpi, Plan
from .names import name_list, name_of, names

KpiState = Literal["on-track", "at-risk", "off-track", "unknown"]
Reason = Literal[
    "no-target",
    "no-measurement",
    "met",
    "missed",
    "on-line",
    "behind-line",
    "no-progress",
    "not-met",
]
Trend = Literal["improving", "worsening", "unchanged"]

_COMPARE = {
    ">=": operator.ge,
    ">": operator.gt,
    "=": operator.eq,
    "<=": operator.le,
    "<": operator.lt,
}


@dataclass(frozen=True)
class Reading:
    """A value with when and where it was measured."""

    value: float
    date: date | None
    source: str | None
    approximate: bool = False
    """Written as an estimate (``ca. 8,7 %``): shown with its 'ca.'."""


@dataclass(frozen=True)
class KpiStatus:
    """One KPI as of a date."""

    id: str
    name: str
    unit: str
    scale: tuple[float, float] | None
    direction: str
    goals: list[str]
    """Titles of the goals it serves."""
    owner: str | None
    baseline: Reading | None
    latest: Reading | None
    """The latest measurement on or before the as-of date."""
    target: float | None
    comparator: str | None
    due: date | None
    change: float | None
    """Latest minus baseline."""
    trend: Trend | None
    expected: float | None
    """Where the straight line from baseline to target stands at the latest reading's date."""
    state: KpiState
    reason: Reason
    method: str | None
    data_source: str | None
    target_approximate: bool = False
    """The target was written as an estimate (``ca. 5 %``)."""

    @property
    def approximate(self) -> list[str]:
        """The values that are estimates, by column ('baseline', 'latest', 'target', and
        'change' or 'expected' when an estimate went into them), as the CSV names them."""
        rough = {"baseline": bool(self.baseline and self.baseline.approximate),
                 "latest": bool(self.latest and self.latest.approximate), "target": self.target_approximate}
        rough["change"] = self.change is not None and (rough["baseline"] or rough["latest"])
        rough["expected"] = self.expected is not None and (rough["baseline"] or rough["target"])
        return [name for name, estimate in rough.items() if estimate]


def _better(a: float, b: float, direction: str) -> bool:
    return a > b if direction == "higher" else a < b


def _latest(kpi: Kpi, as_of: date) -> Reading | None:
    readings = [m for m in kpi.measurements if m.date <= as_of]
    if not readings:
        return None
    last = max(readings, key=lambda m: m.date)
    return Reading(last.value.value, last.date, last.source, last.value.approximate)


def _expected(kpi: Kpi, at: date) -> float | None:
    baseline, target = kpi.baseline, kpi.target
    if baseline is None or baseline.date is None or target is None or target.due is None:
        return None
    span = (target.due - baseline.date).days
    if span <= 0:
        return None
    share = min(max((at - baseline.date).days / span, 0.0), 1.0)
    return baseline.value.value + (target.value.value - baseline.value.value) * share


def _judge(kpi: Kpi, latest: Reading | None, as_of: date) -> tuple[KpiState, Reason, float | None]:
    target, comparator = kpi.target, kpi.comparator
    if target is None or comparator is None:
        return "unknown", "no-target", None
    if latest is None:
        return "unknown", "no-measurement", None
    if _COMPARE[comparator](latest.value, target.value.value):
        return "on-track", "met", None
    if target.due is not None and as_of > target.due:
        return "off-track", "missed", None
    baseline = kpi.baseline.value.value if kpi.baseline is not None else None
    expected = _expected(kpi, latest.date) if latest.date else None
    if expected is not None:
        if not _better(expected, latest.value, kpi.direction):
            return "on-track", "on-line", expected
        if baseline is not None and _better(latest.value, baseline, kpi.direction):
            return "at-risk", "behind-line", expected
        return "off-track", "no-progress", expected
    if baseline is None or _better(latest.value, baseline, kpi.direction):
        return "at-risk", "not-met", None
    return "off-track", "no-progress", None


def kpi_status(plan: Plan, as_of: date) -> list[KpiStatus]:
    """Every KPI of the plan as of ``as_of``, in plan order (see the module docstring for the rule)."""
    lookup = names(plan)
    result = []
    for kpi in plan.kpis:
        baseline = None
        if kpi.baseline is not None:
            baseline = Reading(
                kpi.baseline.value.value, kpi.baseline.date, kpi.baseline.source, kpi.baseline.value.approximate
            )
        latest = _latest(kpi, as_of)
        state, reason, expected = _judge(kpi, latest, as_of)
        change = trend = None
        if baseline is not None and latest is not None:
            change = latest.value - baseline.value
            trend = (
                "unchanged"
                if change == 0
                else "improving"
                if _better(latest.value, baseline.value, kpi.direction)
                else "worsening"
            )
        result.append(
            KpiStatus(
                id=kpi.id,
                name=kpi.name,
                unit=kpi.unit,
                scale=(kpi.scale.min, kpi.scale.max) if kpi.scale else None,
                direction=kpi.direction,
                goals=name_list(lookup, kpi.goals),
                owner=name_of(lookup, kpi.owner),
                baseline=baseline,
                latest=latest,
                target=kpi.target.value.value if kpi.target else None,
                comparator=kpi.comparator,
                due=kpi.target.due if kpi.target else None,
                change=change,
                trend=trend,
                expected=expected,
                state=state,
                reason=reason,
                method=kpi.method,
                data_source=kpi.data_source,
                target_approximate=bool(kpi.target and kpi.target.value.approximate),
            )
        )
    return result
