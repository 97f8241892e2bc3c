"""RFC 5545 content lines, written by icalendar's property value types.

Values are formatted and escaped by icalendar's ``v*`` types, parameters quoted by its
``Parameters`` and lines folded at 75 octets by its ``Contentline``; this module only
picks the type of each property and strips what plan text may carry but iCalendar cannot
(control characters). Every function returns one folded line as ``bytes`` ending in CRLF,
so that a component is serialised once and feeds are joined from those bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from icalendar.parser import Contentline, Parameters
from icalendar.prop import (
    vCalAddress,
    vCategory,
    vDate,
    vDatetime,
    vDDDLists,
    vDuration,
    vInt,
    vRecur,
    vText,
    vUTCOffset,
)

CRLF = b"\r\n"

_NO_PARAMETERS = Parameters()
"""Shared by every line without parameters; icalendar only reads it."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

__all__ = [
    "CRLF", "address", "begin", "categories", "clean", "duration", "end", "floating", "integer", "line",
    "offset", "recur", "text", "utc", "when", "when_list",
]


def clean(value: str) -> str:
    """Plan text as a TEXT value holds it: line ends as LF, control characters dropped."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _param(value: str) -> str:
    """A parameter value has no line breaks: they become spaces (icalendar quotes the rest)."""
    return _CONTROL.sub("", value.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


FOLD_FROM = 75
"""Octets from which icalendar folds a line (it keeps each physical line below 75)."""


def line(name: str, value: Any, params: dict[str, str] | None = None) -> bytes:
    """One folded content line ``NAME;PARAM=x:value`` of an icalendar value object."""
    parameters = Parameters({k: _param(v) for k, v in params.items()}) if params else _NO_PARAMETERS
    content = Contentline.from_parts(name, parameters, value, sorted=False)
    raw = content.encode("utf-8")
    if len(raw) < FOLD_FROM:  # nothing to fold: what icalendar's folding would return as it is
        return raw + CRLF
    return content.to_ical() + CRLF


def begin(kind: str) -> bytes:
    """``BEGIN:VEVENT`` and the like."""
    return f"BEGIN:{kind}".encode() + CRLF


def end(kind: str) -> bytes:
    """``END:VEVENT`` and the like."""
    return f"END:{kind}".encode() + CRLF


class _Escaped:
    """TEXT escaped by RFC 5545 3.3.11 itself, for the one text icalendar's ``vText`` changes:
    its escaper first turns the two characters ``\\N`` into a line break (a legacy rule,
    step 1 of ``icalendar.parser.string._escape_char``), and a path like ``\\\\server\\Notater``
    in plan text must stay as written."""

    def __init__(self, values: list[str]) -> None:
        self.values = values

    def to_ical(self) -> bytes:
        return ",".join(
            v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
            for v in self.values
        ).encode("utf-8")


def text(name: str, value: str, params: dict[str, str] | None = None) -> bytes:
    """A TEXT property (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    value = clean(value)
    return line(name, _Escaped([value]) if "\\N" in value else vText(value), params)


def categories(values: Sequence[str]) -> bytes:
    """CATEGORIES: a comma-separated list of TEXT values."""
    cleaned = [clean(v) for v in values]
    if any("\\N" in v for v in cleaned):
        return line("CATEGORIES", _Escaped(cleaned))
    return line("CATEGORIES", vCategory(cleaned))


def integer(name: str, value: int) -> bytes:
    """An INTEGER property (SEQUENCE)."""
    return line(name, vInt(value))


def utc(name: str, moment: datetime) -> bytes:
    """A DATE-TIME in UTC (DTSTAMP, LAST-MODIFIED): ``20170503T063000Z``."""
    return line(name, vDatetime(moment.astimezone(timezone.utc)))


def floating(name: str, moment: datetime) -> bytes:
    """A local DATE-TIME without a zone (a VTIMEZONE observance's DTSTART): ``20171029T030000``."""
    return line(name, vDatetime(moment.replace(tzinfo=None)))


def when(name: str, moment: date | datetime, tzid: str) -> bytes:
    """DTSTART/DTEND/RECURRENCE-ID: a DATE, or a local DATE-TIME with ``TZID``."""
    if isinstance(moment, datetime):
        return line(name, vDatetime(moment), {"TZID": tzid})
    return line(name, vDate(moment), {"VALUE": "DATE"})


def when_list(name: str, moments: Sequence[date | datetime], tzid: str) -> bytes:
    """EXDATE/RDATE: several values of one type in one property."""
    if moments and isinstance(moments[0], datetime):
        return line(name, vDDDLists(list(moments)), {"TZID": tzid})
    return line(name, vDDDLists(list(moments)), {"VALUE": "DATE"})


def recur(name: str, rule: dict[str, Any]) -> bytes:
    """A RECUR value (RRULE) from its parts, e.g. ``{"FREQ": "YEARLY", "BYMONTH": 10}``."""
    return line(name, vRecur(rule))


def address(name: str, email: str, params: dict[str, str]) -> bytes:
    """ORGANIZER or ATTENDEE: a ``mailto:`` CAL-ADDRESS with CN, ROLE, RSVP and the like."""
    return line(name, vCalAddress(f"mailto:{email}"), params)


def offset(name: str, delta: timedelta) -> bytes:
    """TZOFFSETFROM/TZOFFSETTO: ``+0100``."""
    return line(name, vUTCOffset(delta))


def duration(name: str, delta: timedelta, params: dict[str, str] | None = None) -> bytes:
    """A DURATION value: ``PT6H``."""
    return line(name, vDuration(delta), params)
