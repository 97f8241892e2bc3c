"""Clock times as people write them in schedules: ``08:30-10:30``, ``17:00``, ``11:00?``."""


import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import time
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from ..i18n import MessageError, tr

_KL = r"(?:[Kk][Ll](?:\.|[Oo][Kk][Kk][Aa]|[Oo][Kk][Kk][Ee][Nn])?\s*)?"
"""'kl. ', 'kl ', 'klokka ', 'klokken ' before a clock time, as Norwegian schedules write it."""
_CLOCK = r"(\d{1,2})[:.](\d{2})"
_TIME_RANGE = re.compile(rf"^\s*{_KL}{_CLOCK}\s*(?:[-–]\s*{_KL}{_CLOCK})?\s*(\?)?\s*$")
_SCHEMA_CLOCK = rf"{_KL}([01]?\d|2[0-3])[:.][0-5]\d"
"""A clock time as :func:`parse_time_range` accepts it, for the JSON Schema: the schema
refuses 25:99 and 24:00 as validate does (PV101)."""


@dataclass(frozen=True, slots=True)
class TimeRange:
    """A start time, an optional end time, and whether the time is uncertain (``?``)."""

    start: time
    end: time | None = None
    uncertain: bool = False

    def __str__(self) -> str:
        text = self.start.strftime("%H:%M")
        if self.end is not None:
            text += "-" + self.end.strftime("%H:%M")
        return text + ("?" if self.uncertain else "")


def _clock(hours: str, minutes: str, text: str) -> time:
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        raise MessageError(tr("'{value}': write 24:00 as 23:59, or end the event on the next day", value=text))
    if h > 23 or m > 59:
        raise MessageError(tr("'{value}' is not a clock time (hours 00-23, minutes 00-59)", value=text))
    return time(h, m)


def parse_time_range(value: Any) -> TimeRange:
    """Parse ``HH:MM``, ``HH:MM-HH:MM``, either with a trailing ``?`` for an uncertain time.

    ``.`` also separates hours and minutes, and each time may follow ``kl.`` (``kl. 09.00-11.00``),
    as Norwegian schedules write times.
    """
    if isinstance(value, TimeRange):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        raise MessageError(tr(
            "{value} was read as a number: write the time as HH:MM, e.g. '17:00' or '08:30-10:30'",
            value=str(value),
        ))
    if not isinstance(value, str):
        raise MessageError(tr("expected a time like 08:30-10:30, 17:00 or 11:00? (uncertain)"))
    return _parse_text(value)


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> TimeRange:
    """:func:`parse_time_range` of a text. A plan writes the same few times thousands of
    times, and a :class:`TimeRange` is immutable: each text's is made once and shared."""
    match = _TIME_RANGE.match(value)
    if not match:
        raise MessageError(tr(
            "'{value}' is not a time: write HH:MM or HH:MM-HH:MM, "
            "with a trailing '?' when the time is uncertain", value=value
        ))
    h1, m1, h2, m2, question = match.groups()
    start = _clock(h1, m1, value)
    end = _clock(h2, m2, value) if h2 is not None else None
    return TimeRange(start=start, end=end, uncertain=question is not None)


TimeSpec = Annotated[
    TimeRange,
    BeforeValidator(parse_time_range),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^\s*{_SCHEMA_CLOCK}\s*([-–]\s*{_SCHEMA_CLOCK})?\s*\??\s*$",
            "patternErrorMessage": (
                "A clock time HH:MM (hours 00-23, minutes 00-59), or a span HH:MM-HH:MM, with a "
                "trailing ? when uncertain: 08:30-10:30, 17:00, 11:00?. Write 24:00 as 23:59."
            ),
            "examples": ["08:30-10:30", "17:00", "11:00?"],
        }
    ),
]
"""A pydantic field type for :class:`TimeRange`, read from and written as text."""
