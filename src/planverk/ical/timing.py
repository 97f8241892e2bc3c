"""When a calendar component happens: DTSTART/DTEND, its RRULE, EXDATEs and moved occurrences.

Everything is derived from :mod:`planverk.occurrences`, so a feed's recurrence expands to
exactly the occurrences `validate` checks; the tests hold the two to each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from ..model import Event, Repeat, Slot
from ..occurrences import DEFAULT_DURATION, Occurrence, rule_dates

When = date | datetime
"""A DATE (all day) or a local DATE-TIME in the plan's zone."""

RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""RFC 5545 weekday codes (BYDAY), Monday first as ``date.weekday()`` counts."""


@dataclass(frozen=True, slots=True)
class Moved:
    """One occurrence of a series that differs from the rule: a RECURRENCE-ID override."""

    original: When
    start: When
    end: When
    cancelled: bool
    tentative: bool
    open_end: bool
    location: str | None
    room: str | None
    note: str | None
    may_not_happen: bool = False
    """The occurrence may not take place (a tentative event or change)."""


@dataclass(slots=True)
class Timing:
    """Start, end and recurrence of one component."""

    start: When
    end: When
    rule: dict[str, Any] | None = None
    """RRULE parts, e.g. ``{"FREQ": "WEEKLY", "BYDAY": ["WE"], "COUNT": 6}``."""
    exdates: list[When] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)

    @property
    def sort_key(self) -> datetime:
        """The start as a datetime, to order a feed."""
        if isinstance(self.start, datetime):
            return self.start
        return datetime.combine(self.start, time())


def _at(day: date, start: time | None) -> When:
    return datetime.combine(day, start) if start is not None else day


def rrule(repeat: Repeat, last: date, start: time | None, zone: ZoneInfo) -> dict[str, Any]:
    """The RRULE parts of ``repeat``: COUNT, or an UNTIL in UTC (a DATE for all-day series).

    ``last`` is the last date the rule gives: UNTIL is exactly that occurrence's start,
    in UTC as RFC 5545 requires when DTSTART carries a TZID.
    """
    parts: dict[str, Any] = {"FREQ": repeat.frequency.upper()}
    if repeat.interval > 1:
        parts["INTERVAL"] = repeat.interval
    weekdays = repeat.weekdays()
    if weekdays:
        parts["BYDAY"] = [RRULE_DAYS[d] for d in sorted(set(weekdays))]
    monthly = repeat.monthly_days()
    if monthly:
        parts["BYDAY"] = [f"{m.nth}{RRULE_DAYS[m.weekday]}" for m in monthly]
    if repeat.frequency == "weekly" and repeat.interval > 1:
        parts["WKST"] = "MO"  # weeks start on Monday, as occurrences.py counts them
    if repeat.count is not None:
        parts["COUNT"] = repeat.count
    elif start is None:
        parts["UNTIL"] = last
    else:
        parts["UNTIL"] = datetime.combine(last, start, tzinfo=zone).astimezone(timezone.utc)
    return parts


def event_timing(event: Event, found: list[Occurrence], zone: ZoneInfo) -> Timing:
    """The timing of an event as one component (with its rule, exceptions and moves)."""
    if event.start is not None and event.end is not None:
        return Timing(event.start, event.end)
    first = event.first_day
    at = event.time
    if at is None:
        if event.repeat is None:
            return Timing(first, event.last_day + timedelta(days=1))
        return _series(event, found, zone, first, timedelta(days=1), _event_times)
    start = datetime.combine(first, at.start)
    end = datetime.combine(first, at.end) if at.end is not None else start + DEFAULT_DURATION
    if event.repeat is None:
        days = (event.last_day - first).days + 1
        return Timing(start, end, {"FREQ": "DAILY", "COUNT": days} if days > 1 else None)
    return _series(event, found, zone, start, end - start, _event_times)


def _event_times(occurrence: Occurrence) -> tuple[When, When]:
    if occurrence.all_day:
        return occurrence.start.date(), occurrence.end.date()
    return occurrence.start, occurrence.end


def slot_timing(event: Event, slot: Slot, found: list[Occurrence], zone: ZoneInfo) -> Timing:
    """A slot at its own times; in a repeating event it repeats (and moves) with the event."""
    day = slot.date or event.first_day
    start = datetime.combine(day, slot.time.start)
    end = datetime.combine(day, slot.time.end) if slot.time.end is not None else start + DEFAULT_DURATION
    if event.repeat is None:
        return Timing(start, end)
    base = datetime.combine(event.first_day, event.time.start if event.time else time())
    offset, length = start - base, end - start
    return _series(event, found, zone, start, length, lambda o: (o.start + offset, o.start + offset + length))


def _series(
    event: Event,
    found: list[Occurrence],
    zone: ZoneInfo,
    start: When,
    length: timedelta,
    moved_times: Callable[[Occurrence], tuple[When, When]],
) -> Timing:
    """A repeating component starting at ``start``; ``moved_times`` places a changed occurrence."""
    repeat = event.repeat
    assert repeat is not None
    at = start.time() if isinstance(start, datetime) else None
    dates = rule_dates(event.first_day, repeat)
    generated = set(dates)
    notes = {change.occurrence: change for change in repeat.changes}
    timing = Timing(start, start + length, rrule(repeat, dates[-1], at, zone))
    timing.exdates = [_at(day, at) for day in sorted(set(repeat.except_)) if day in generated]
    for occurrence in found:
        if not occurrence.changed:
            continue
        change = notes[occurrence.original]
        new_start, new_end = moved_times(occurrence)
        timing.moved.append(
            Moved(
                _at(occurrence.original, at), new_start, new_end, occurrence.cancelled,
                occurrence.time is not None and occurrence.time.uncertain,
                occurrence.time is not None and occurrence.time.end is None,
                occurrence.location, occurrence.room, change.note, occurrence.tentative,
            )
        )
    return timing
