"""Reporting as of a date: what is due and overdue, by owner, and each period of each
rhythm, reported or not (the rules are in :mod:`planverk.reporting.schedule`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Plan
from ..reporting.schedule import duties, period_statuses
from .names import name_of, names


@dataclass(frozen=True)
class PeriodRow:
    """One period of a rhythm as of the date: ``key`` like ``2024-T1``; ``number`` its
    place in the year; ``state`` reported, overdue, due, open or upcoming; ``days``
    overdue, or left to the due date."""

    key: str
    rhythm: str
    number: int
    start: date
    end: date
    due: date
    state: str
    reported_on: date | None
    days: int | None


@dataclass(frozen=True)
class DutyStatus:
    """An item with a reporting rhythm: ``kind`` reports, kpis, measures or benefits."""

    kind: str
    id: str
    name: str
    owner: str | None
    """The owner's display name."""
    owner_id: str | None
    every: str
    due_rule: str | None
    """``reporting.due`` as written (None: the period's last day)."""
    periods: list[PeriodRow]


@dataclass(frozen=True)
class DueRow:
    """A period overdue or due within the horizon, for its owner."""

    owner: str | None
    owner_id: str | None
    kind: str
    id: str
    name: str
    period: PeriodRow


@dataclass(frozen=True)
class ReportingReport:
    """Every duty with its periods, and what is overdue or due, by owner then due date."""

    duties: list[DutyStatus]
    due: list[DueRow]
    counts: dict[str, int]
    """Periods per state, up to the as-of date (upcoming ones are not counted)."""
    horizon: int
    """Days ahead a due date counts as due."""


def reporting_status(plan: Plan, as_of: date, horizon: int = 14) -> ReportingReport:
    """Reporting as of ``as_of``; a due date at most ``horizon`` days ahead is ``due``."""
    lookup = names(plan)
    result = []
    due = []
    counts = {"reported": 0, "overdue": 0, "due": 0, "open": 0}
    for duty in duties(plan):
        rows = []
        for status in period_statuses(plan, duty, as_of, horizon):
            p = status.period
            row = PeriodRow(p.key, p.rhythm, p.number, p.start, p.end, p.due, status.state,
                            status.reported_on, status.days)
            rows.append(row)
            if status.state in counts:
                counts[status.state] += 1
            if status.state in ("overdue", "due"):
                due.append(DueRow(name_of(lookup, duty.owner), duty.owner, duty.kind, duty.id, duty.name, row))
        result.append(DutyStatus(duty.kind, duty.id, duty.name, name_of(lookup, duty.owner), duty.owner,
                                 duty.reporting.every, duty.reporting.due, rows))
    due.sort(key=lambda r: (r.owner is None, (r.owner or "").casefold(), r.period.due, r.name.casefold(), r.id))
    return ReportingReport(result, due, counts, horizon)
