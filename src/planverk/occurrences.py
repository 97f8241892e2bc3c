"""Expand events into dated occurrences: repeats, exceptions, moves and cancellations.

Times are naive local times in the plan's time zone; a caller that needs instants attaches
the zone. The expansion follows RFC 5545 so that calendars agree with it: ``count``
counts the occurrences the rule generates, and ``except`` dates are removed afterwards.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .model import Event
from .model.periods import PeriodText
from .model.recurrence import MonthlyDay, Repeat
from .model.times import TimeRange

MAX_OCCURRENCES = 5_000
"""Upper bound on one series, so a mistaken rule cannot run away."""

DEFAULT_DURATION = timedelta(hours=1)
"""How long an event with a start time but no end time is taken to last."""


@dataclass(slots=True)
class Occurrence:
    """One dated instance of an event."""

    event: Event
    original: date
    """The date the rule gives (the RECURRENCE-ID of a changed occurrence)."""
    start: datetime
    """Local start; midnight for all-day occurrences."""
    end: datetime
    """Local end (exclusive); midnight after the last day for all-day occurrences."""
    all_day: bool
    cancelled: bool
    changed: bool
    time: TimeRange | None
    location: str | None
    room: str | None
    change: int | None = None
    """Index in ``repeat.changes`` of the entry that changed this occurrence, if any."""
    tentative: bool = False
    """It may not happen: the event is ``status: tentative`` (unless this occurrence's change
    says 'planned'), or this occurrence's change says 'tentative'."""
    period: PeriodText | None = None
    """The period of an event dated by one (placed in its year); its days are not meeting days."""


def _combine(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def span(day: date, last_day: date, at: TimeRange | None) -> tuple[datetime, datetime]:
    """Local start and end of something on ``day`` (to ``last_day``) at ``at``."""
    if at is None:
        return _combine(day, time()), _combine(last_day + timedelta(days=1), time())
    start = _combine(day, at.start)
    end = _combine(last_day, at.end) if at.end is not None else start + DEFAULT_DURATION
    return start, end


def nth_weekday(year: int, month: int, rule: MonthlyDay) -> date | None:
    """The n-th (or last, n=-1) weekday of a month, or None when the month has no such day."""
    days_in_month = calendar.monthrange(year, month)[1]
    if rule.nth == -1:
        last = date(year, month, days_in_month)
        return last - timedelta(days=(last.weekday() - rule.weekday) % 7)
    first = date(year, month, 1)
    day = first + timedelta(days=(rule.weekday - first.weekday()) % 7 + 7 * (rule.nth - 1))
    return day if day.month == month else None


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the given one."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def rule_dates(first: date, repeat: Repeat) -> list[date]:
    """The dates a rule generates from ``first``, before exceptions (RFC 5545 order)."""
    limit = repeat.count if repeat.count is not None else MAX_OCCURRENCES
    until = repeat.until
    result: list[date] = []

    def accept(day: date) -> bool:
        """Add ``day``; False when the series is complete."""
        if until is not None and day > until:
            return False
        if day >= first:
            result.append(day)
        return len(result) < limit

    frequency, interval = repeat.frequency, repeat.interval
    weekly_days = sorted(set(repeat.weekdays() or [first.weekday()]))
    monthly_rules = repeat.monthly_days()
    step = 0
    if frequency in ("daily", "weekly"):
        # The commonest series, with ``accept`` written out: a large plan has thousands.
        if frequency == "daily":
            base, stride, offsets = first, timedelta(days=interval), [timedelta()]
        else:
            base, stride = first - timedelta(days=first.weekday()), timedelta(weeks=interval)
            offsets = [timedelta(days=d) for d in weekly_days]
        last = until if until is not None else date.max
        while len(result) < limit and step <= MAX_OCCURRENCES:
            start = base + stride * step
            for offset in offsets:
                day = start + offset
                if day > last:
                    return result
                if day >= first:
                    result.append(day)
                if len(result) >= limit:
                    return result
            step += 1
        return result
    while len(result) < limit and step <= MAX_OCCURRENCES:
        if frequency == "monthly":
            year, month = add_months(first.year, first.month, step * interval)
            if date(year, month, 1) > (until or date.max.replace(day=1)):
                break
            if monthly_rules:
                found = sorted(d for d in (nth_weekday(year, month, r) for r in monthly_rules) if d)
            else:
                valid = first.day <= calendar.monthrange(year, month)[1]
                found = [date(year, month, first.day)] if valid else []
            if not all(accept(d) for d in found):
                break
        else:  # yearly
            year = first.year + step * interval
            if until is not None and year > until.year:
                break
            if not calendar.isleap(year) and (first.month, first.day) == (2, 29):
                step += 1
                continue
            if not accept(first.replace(year=year)):
                break
        step += 1
    return result


def period_years(event: Event) -> list[PeriodText]:
    """The periods of an event dated by one: its own, or one a year for ``every: year``.

    A yearly series runs from the period's year by the interval until ``until`` (a period
    that starts after it is left out) or for ``count`` years, leaving out the years that
    ``except`` names (a year, or a day inside that year's period) and the years without
    the period (week 53).
    """
    period = event.period
    assert period is not None
    repeat = event.repeat
    if repeat is None:
        return [period]
    assert period.year is not None
    found: list[PeriodText] = []
    years = 0
    year = period.year
    while years < (repeat.count or MAX_OCCURRENCES) and year <= 2199:
        try:
            placed = period.in_year(year)
        except ValueError:  # no week 53 this year
            placed = None
        if placed is not None:
            days = placed.dated()
            if repeat.until is not None and days.start > repeat.until:
                break
            years += 1
            skipped = any(
                day == year if isinstance(day, int) else days.contains(day) for day in repeat.except_
            )
            if not skipped:
                found.append(placed)
        year += repeat.interval
    return found


def occurrences(event: Event, dates: list[date] | None = None) -> list[Occurrence]:
    """Every occurrence of ``event`` in date order, cancelled ones included (flagged).

    ``dates``: what ``rule_dates`` gives for a series, when the caller has it already.
    """
    if event.period is not None:
        cancelled = event.status == "cancelled"
        result = []
        for period in period_years(event):
            days = period.dated()
            start, end = span(days.start, days.end, None)
            result.append(Occurrence(event, days.start, start, end, True, cancelled, False, None,
                                     event.location, event.room, None, event.may_not_happen, period=period))
        return result
    if event.repeat is None:
        cancelled = event.status == "cancelled"
        day, at = event.date, event.time
        if day is not None and at is not None and event.end_date is None:
            # One day at some hours, as most events are.
            start = datetime.combine(day, at.start)
            end = datetime.combine(day, at.end) if at.end is not None else start + DEFAULT_DURATION
            return [Occurrence(event, day, start, end, False, cancelled, False, at, event.location, event.room,
                               None, event.status == "tentative")]
        if event.start is not None and event.end is not None:
            spans = [(event.first_day, event.start, event.end)]
        elif event.time is not None:
            # The same hours on each day from date to end_date: one occurrence per day,
            # not one span across the nights (calendars show it as FREQ=DAILY;COUNT=n).
            first, at = event.first_day, event.time
            spans = []
            for n in range((event.last_day - first).days + 1):
                day = first + timedelta(days=n)
                spans.append((day, *span(day, day, at)))
        else:
            spans = [(event.first_day, *span(event.first_day, event.last_day, None))]
        all_day, at, location, room = event.all_day, event.time, event.location, event.room
        may_not_happen = event.may_not_happen
        return [
            Occurrence(
                event, day, start, end, all_day, cancelled, False, at, location, room, None, may_not_happen
            )
            for day, start, end in spans
        ]
    repeat = event.repeat
    skipped = set(repeat.except_)
    changes = {change.occurrence: (n, change) for n, change in enumerate(repeat.changes)}
    result = []
    for day in rule_dates(event.first_day, repeat) if dates is None else dates:
        if day in skipped:
            continue
        numbered = changes.get(day)
        entry, change = numbered if numbered is not None else (None, None)
        moved_to = day
        at, location, room = event.time, event.location, event.room
        cancelled = event.status == "cancelled"
        tentative = event.may_not_happen
        if change is not None:
            moved_to = change.date or day
            at = change.time or at
            location = change.location or location
            room = change.room or room
            cancelled = cancelled or change.status == "cancelled"
            if change.status is not None and change.status != "cancelled":
                tentative = change.status == "tentative"
        start, end = span(moved_to, moved_to, at)
        result.append(
            Occurrence(
                event, day, start, end, at is None, cancelled, change is not None, at, location, room,
                entry, tentative,
            )
        )
    result.sort(key=lambda o: (o.start, o.original))
    return result
