"""The periods of a reporting rhythm, when each is due, and whether it was reported.

Pure functions of the plan and a date; status, validate (``--as-of``) and the calendar
feeds all ask here, so they agree on what is due when.

- A rhythm's periods are calendar periods (months, quarters, tertials, half-years, years),
  those that end after the rhythm's ``from`` and on or before its ``until`` (default: the
  plan's period): a plan that starts on 30 April has no first tertial to report.
- A period is *reported* by a KPI measurement dated in it, or by a date in ``delivered``:
  each delivery counts for the last period that ended on or before it, when that one is
  not reported yet, else for the period running that day. Only what happened on or before
  the as-of date counts.
- As of a date, an unreported period is ``overdue`` after its due date, ``due`` when its
  due date is at most ``horizon`` days ahead, ``open`` once it has started, else
  ``upcoming``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ..model import Plan
from ..model.periods import periods_between
from ..model.reporting import RHYTHM_UNITS, Reporting

PeriodState = Literal["reported", "overdue", "due", "open", "upcoming"]
DutyKind = Literal["reports", "kpis", "measures", "benefits"]
DUTY_KINDS: tuple[DutyKind, ...] = ("reports", "kpis", "measures", "benefits")
"""The lists whose items may carry a reporting rhythm, in the order status lists them."""

_KEY_LETTER = {"month": "M", "quarter": "Q", "tertial": "T", "half-year": "H"}


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a rhythm: its days, its number in the year (1-12, 1-4, 1-3, 1-2, 1),
    and when its report is due."""

    rhythm: str
    start: date
    end: date
    number: int
    due: date

    @property
    def key(self) -> str:
        """A stable name: ``2024-T1``, ``2024-Q3``, ``2024-H2``, ``2024-M05`` or ``2024``."""
        year = str(self.start.year)
        if self.rhythm == "year":
            return year
        if self.rhythm == "month":
            return f"{year}-M{self.number:02d}"
        return f"{year}-{_KEY_LETTER[self.rhythm]}{self.number}"

    @property
    def year(self) -> int:
        """The year the period lies in."""
        return self.start.year


def periods(reporting: Reporting, span_start: date, span_end: date) -> list[Period]:
    """The periods of ``reporting`` that end after ``from`` (default ``span_start``) and on
    or before ``until`` (default ``span_end``), oldest first: the calendar periods of
    :func:`planverk.model.periods.periods_between`."""
    first = reporting.from_ or span_start
    last = reporting.until or span_end
    rule = reporting.due_rule
    result: list[Period] = []
    if last < first:
        return result
    for period in periods_between(first, last, RHYTHM_UNITS[reporting.every]):
        days = period.dated()
        if days.end > last:
            break
        if days.end <= first:
            continue
        try:
            due = rule.after(days.end)
        except (ValueError, OverflowError):
            break  # past the calendar's last year
        result.append(Period(reporting.every, days.start, days.end, period.number, due))
    return result


@dataclass(frozen=True, slots=True)
class Duty:
    """An item that reports at a rhythm: a report, or a KPI, measure or benefit with
    ``reporting:``. ``owner`` is the rhythm's owner, else the item's own."""

    kind: DutyKind
    id: str
    name: str
    owner: str | None
    position: int
    """Where the item is in its list (``plan.kpis[position]``)."""
    reporting: Reporting
    item: Any


def duties(plan: Plan) -> list[Duty]:
    """Every item with a reporting rhythm, reports first, then KPIs, measures and benefits."""
    result = []
    for kind in DUTY_KINDS:
        for position, item in enumerate(getattr(plan, kind)):
            reporting = item.reporting
            if reporting is None:
                continue
            name = item.name if kind == "kpis" else item.title
            owner = reporting.owner or getattr(item, "owner", None)
            result.append(Duty(kind, item.id, name, owner, position, reporting, item))
    return result


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """One period of a duty as of a date: ``reported_on`` is the measurement's or the
    delivery's date when it was reported."""

    period: Period
    state: PeriodState
    reported_on: date | None
    days: int | None = None
    """Days overdue (overdue), or days left to the due date (due, open); else None."""


def period_statuses(plan: Plan, duty: Duty, as_of: date, horizon: int = 14) -> list[PeriodStatus]:
    """Each period of ``duty``'s rhythm as of ``as_of`` (see the module docstring)."""
    found = periods(duty.reporting, plan.plan.period.start, plan.plan.period.end)
    reported: dict[int, date] = {}
    if duty.kind == "kpis":
        for n, period in enumerate(found):
            readings = [m.date for m in duty.item.measurements if period.start <= m.date <= period.end and m.date <= as_of]
            if readings:
                reported[n] = min(readings)
    for day in sorted(d for d in duty.reporting.delivered if d <= as_of):
        ended = [n for n, period in enumerate(found) if period.end <= day]
        running = [n for n, period in enumerate(found) if period.start <= day < period.end]
        for n in (ended[-1:] + running):
            if n not in reported:
                reported[n] = day
                break
    result = []
    for n, period in enumerate(found):
        if n in reported:
            result.append(PeriodStatus(period, "reported", reported[n]))
            continue
        if period.due < as_of:
            state: PeriodState = "overdue"
            days: int | None = (as_of - period.due).days
        elif (period.due - as_of).days <= horizon:
            state, days = "due", (period.due - as_of).days
        elif period.start <= as_of:
            state, days = "open", (period.due - as_of).days
        else:
            state, days = "upcoming", None
        result.append(PeriodStatus(period, state, None, days))
    return result
