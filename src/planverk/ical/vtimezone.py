"""A VTIMEZONE for an IANA zone, built from the zone data Python itself uses (zoneinfo).

Each offset change inside the years a feed covers becomes one observance with its exact
onset, so the definition agrees with the zone's rules and with what `validate` checks,
and is the same on every machine with the same zone data.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .contentlines import local_value, prop

_DAY = timedelta(days=1)


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{minutes:02d}"


def _transition(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first UTC minute in (before, after] with the offset of ``after``."""
    target = after.astimezone(zone).utcoffset()
    low, high = before, after
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        middle = middle.replace(second=0, microsecond=0)
        if middle <= low:
            middle = low + timedelta(minutes=1)
        if middle.astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    return high


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> str:
    """BEGIN:VTIMEZONE ... END:VTIMEZONE covering 1 January of ``first_year`` to the end of ``last_year``."""
    start = datetime(first_year, 1, 1, tzinfo=zone).astimezone(timezone.utc)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(timezone.utc)
    observances = []
    local = start.astimezone(zone)
    observances.append((local.replace(tzinfo=None), local.utcoffset(), local.utcoffset(), local))
    day = start
    while day < end:
        following = day + _DAY
        if following.astimezone(zone).utcoffset() != day.astimezone(zone).utcoffset():
            onset = _transition(zone, day, following)
            before = (onset - timedelta(minutes=1)).astimezone(zone).utcoffset()
            after = onset.astimezone(zone)
            # The onset in local time as it read just before the change (RFC 5545 3.6.5).
            observances.append(((onset + before).replace(tzinfo=None), before, after.utcoffset(), after))
        day = following
    lines = ["BEGIN:VTIMEZONE\r\n", prop("TZID", zone.key)]
    for onset_local, before, after, moment in observances:
        kind = "DAYLIGHT" if moment.dst() else "STANDARD"
        lines.append(f"BEGIN:{kind}\r\n")
        lines.append(prop("DTSTART", local_value(onset_local)))
        lines.append(prop("TZOFFSETFROM", _offset(before)))
        lines.append(prop("TZOFFSETTO", _offset(after)))
        name = moment.tzname()
        if name and name[0] not in "+-":
            lines.append(prop("TZNAME", name))
        lines.append(f"END:{kind}\r\n")
    lines.append("END:VTIMEZONE\r\n")
    return "".join(lines)
