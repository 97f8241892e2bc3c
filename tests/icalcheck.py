"""Reading feeds back the way calendar clients do: strict parsers and a recurrence expander."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import vobject
from ical.calendar_stream import IcsCalendarStream

from planverk.model import Event
from planverk.occurrences import occurrences


def parse(body: bytes) -> icalendar.Calendar:
    """Parse with three independent readers; return icalendar's tree for inspection."""
    text = body.decode("utf-8")
    IcsCalendarStream.calendar_from_ics(text)  # strict on values and recurrence
    vobject.readOne(text)
    return icalendar.Calendar.from_ical(text)


def check_format(body: bytes) -> None:
    """CRLF everywhere, lines of at most 75 octets, none cut inside a UTF-8 character."""
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert not any(b"\n" in line or b"\r" in line for line in lines)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises when a fold split a character


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    """The VEVENTs of a calendar."""
    return list(calendar.walk("VEVENT"))


def masters(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    """VEVENTs without RECURRENCE-ID, by UID."""
    return {str(e["UID"]): e for e in events(calendar) if "RECURRENCE-ID" not in e}


def expanded(calendar: icalendar.Calendar, uid: str, start: date, end: date) -> list[tuple]:
    """(start, end, cancelled) of each instance of ``uid`` as recurring-ical-events expands it."""
    found = recurring_ical_events.of(calendar).between(start, end + timedelta(days=1))
    return sorted(
        (_instant(e["DTSTART"].dt), _instant(e["DTEND"].dt), str(e.get("STATUS")) == "CANCELLED")
        for e in found if str(e["UID"]) == uid
    )


def planned(event: Event, zone: ZoneInfo) -> list[tuple]:
    """(start, end, cancelled) of each occurrence as planverk's occurrences() gives it."""
    result = []
    for o in occurrences(event):
        if o.all_day:
            result.append((o.start.date(), o.end.date(), o.cancelled))
        else:
            result.append((o.start.replace(tzinfo=zone), o.end.replace(tzinfo=zone), o.cancelled))
    return sorted((_instant(a), _instant(b), c) for a, b, c in result)


def _instant(value: date | datetime) -> date | datetime:
    """Aware datetimes compared as UTC instants; dates as dates."""
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time"
        return value.astimezone(ZoneInfo("UTC"))
    return value
