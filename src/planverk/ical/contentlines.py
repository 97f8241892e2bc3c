"""RFC 5545 content lines: escaped text, quoted parameters, value formats, folding at 75 octets.

Everything here returns ``str`` with CRLF line ends; a feed is the concatenation of such
lines, encoded as UTF-8 once at the end.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

CRLF = "\r\n"
LIMIT = 75
"""Octets per physical line, CRLF excluded (RFC 5545 section 3.1)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_TEXT_SPECIAL = re.compile(r"[\\;,\n]")
_TEXT_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped; control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], value)


def text_list(values: list[str]) -> str:
    """A comma-separated list of TEXT values (CATEGORIES)."""
    return ",".join(text(v) for v in values)


def param(value: str) -> str:
    """A parameter value, quoted when it holds ``:;,``; DQUOTE and control characters dropped."""
    value = _CONTROL.sub("", value.replace("\n", " ").replace("\r", " ")).replace('"', "")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 sequence, ended by CRLF."""
    raw = line.encode("utf-8")
    if len(raw) <= LIMIT:
        return line + CRLF
    parts = []
    start, room = 0, LIMIT
    while len(raw) - start > room:
        cut = start + room
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its lead byte
            cut -= 1
        parts.append(raw[start:cut])
        start, room = cut, LIMIT - 1  # continuation lines start with one space
    parts.append(raw[start:])
    return (CRLF + " ").join(p.decode("utf-8") for p in parts) + CRLF


def prop(name: str, content: str, /, **params: str) -> str:
    """A folded property line ``NAME;PARAM=x:content``; parameter names are given in lower case."""
    head = name + "".join(f";{key.upper().replace('_', '-')}={val}" for key, val in params.items())
    return fold(f"{head}:{content}")


def date_value(day: date) -> str:
    """A DATE value: ``20170503``."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def local_value(moment: datetime) -> str:
    """A local DATE-TIME value (used with TZID): ``20170503T083000``."""
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


def utc_value(moment: datetime) -> str:
    """A UTC DATE-TIME value: ``20170503T063000Z``."""
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def when(name: str, moment: date | datetime, tzid: str) -> str:
    """DTSTART/DTEND/RECURRENCE-ID: a DATE, or a local DATE-TIME in ``tzid``."""
    if isinstance(moment, datetime):
        return prop(name, local_value(moment), tzid=param(tzid))
    return prop(name, date_value(moment), value="DATE")


def when_list(name: str, moments: list[date] | list[datetime], tzid: str) -> str:
    """EXDATE/RDATE: several values of one type in one property."""
    if moments and isinstance(moments[0], datetime):
        return prop(name, ",".join(local_value(m) for m in moments), tzid=param(tzid))  # type: ignore[arg-type]
    return prop(name, ",".join(date_value(m) for m in moments), value="DATE")
