"""A VTIMEZONE for an IANA zone in the form Outlook, Google and tzurl.org publish.

Outlook reduces a VTIMEZONE to one yearly rule for each of standard and daylight time,
read from the DTSTART and RRULE of the STANDARD and DAYLIGHT observances (MS-OXCICAL
2.1.3.1.1.19; MS-STANOICAL 2.2.47); a definition of one dated observance per transition
can put a series an hour off there. So each rule the zone follows becomes one observance
with a yearly RRULE (``FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`` for Europe/Oslo's return to
standard time), and only a transition that follows no yearly rule inside the plan's years
(a change of the zone's rules, e.g. Europe/Moscow in 2011 and 2014) is a dated observance
of its own. A zone without daylight saving time is a single STANDARD.

The transitions come from the zone data Python itself uses (zoneinfo), so the definition
agrees with what `validate` checks and is the same on every machine with the same data.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import groupby
from zoneinfo import ZoneInfo

from . import contentlines as cl
from .timing import RRULE_DAYS

_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of a zone's UTC offset."""

    onset: datetime
    """The first UTC instant of the new offset."""
    before: timedelta
    after: timedelta
    daylight: bool
    name: str | None

    @property
    def local(self) -> datetime:
        """The onset as local time read just before the change (RFC 5545 3.6.5), naive."""
        return (self.onset + self.before).replace(tzinfo=None)

    def rule(self) -> tuple:
        """What makes two transitions the same yearly rule: kind, offsets, month, weekday, time."""
        local = self.local
        nth = (local.day - 1) // 7 + 1
        last = local.day + 7 > calendar.monthrange(local.year, local.month)[1]
        byday = f"{-1 if last and nth >= 4 else nth}{RRULE_DAYS[local.weekday()]}"
        return (self.daylight, self.before, self.after, self.name, local.month, byday, local.time())


def _onset(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first UTC minute in (before, after] with the offset of ``after``."""
    target = after.astimezone(zone).utcoffset()
    low, high = before, after
    while high - low > _MINUTE:
        middle = (low + (high - low) / 2).replace(second=0, microsecond=0)
        if middle <= low:
            middle = low + _MINUTE
        if middle.astimezone(zone).utcoffset() == target:
            high = middle
        else:
            low = middle
    return high


def _name(moment: datetime) -> str | None:
    """The zone's abbreviation (CET), none for a bare offset (+04)."""
    name = moment.tzname()
    return name if name and name[0] not in "+-" else None


def transitions(zone: ZoneInfo, start: datetime, end: datetime) -> list[Transition]:
    """Every offset change of ``zone`` between two UTC instants, found day by day."""
    found = []
    day = start
    while day < end:
        following = day + _DAY
        if following.astimezone(zone).utcoffset() != day.astimezone(zone).utcoffset():
            onset = _onset(zone, day, following)
            after = onset.astimezone(zone)
            found.append(Transition(
                onset, (onset - _MINUTE).astimezone(zone).utcoffset(), after.utcoffset(),
                bool(after.dst()), _name(after),
            ))
        day = following
    return found


def _observance(first: Transition, rule: dict | None) -> bytes:
    kind = "DAYLIGHT" if first.daylight else "STANDARD"
    lines = [cl.begin(kind), cl.floating("DTSTART", first.local)]
    if rule is not None:
        lines.append(cl.recur("RRULE", rule))
    lines += [cl.offset("TZOFFSETFROM", first.before), cl.offset("TZOFFSETTO", first.after)]
    if first.name:
        lines.append(cl.text("TZNAME", first.name))
    lines.append(cl.end(kind))
    return b"".join(lines)


def vtimezone(zone: ZoneInfo, first_year: int, last_year: int) -> bytes:
    """BEGIN:VTIMEZONE ... END:VTIMEZONE, right for every local time from ``first_year`` to ``last_year``.

    Transitions are read from the year before ``first_year`` on, so that the yearly rules
    start before the plan does. Consecutive years whose transition follows the same rule
    (same month, weekday of the month, local time and offsets) are one observance with
    ``RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nDD``, ended by UNTIL (UTC) when the rule stops
    inside the years; a transition that fits no rule of two years or more is a dated
    observance. Returns the component's folded content lines.
    """
    start = datetime(first_year - 1, 1, 1, tzinfo=zone).astimezone(timezone.utc)
    end = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(timezone.utc)
    plan_start = datetime(first_year, 1, 1, tzinfo=zone)
    found = transitions(zone, start, end)
    observances: list[tuple[datetime, bytes]] = []
    if not found or found[0].onset > plan_start:
        # Nothing changes between the start of the year before and the plan: that offset holds.
        opening = start.astimezone(zone)
        steady = Transition(start, opening.utcoffset(), opening.utcoffset(), bool(opening.dst()), _name(opening))
        observances.append((start, _observance(steady, None)))
    # A dated observance replaced before the plan starts defines nothing the plan uses.
    superseded = max((t.onset for t in found if t.onset <= plan_start), default=start)
    by_rule: dict[tuple, list[Transition]] = {}
    for transition in found:
        by_rule.setdefault(transition.rule(), []).append(transition)
    for rule, members in by_rule.items():
        # Runs of consecutive years: the year minus the position is constant along a run.
        for _, pairs in groupby(enumerate(members), key=lambda pair: pair[1].local.year - pair[0]):
            run = [t for _, t in pairs]
            recurrence = None
            if len(run) > 1:
                recurrence = {"FREQ": "YEARLY", "BYMONTH": rule[4], "BYDAY": rule[5]}
                if run[-1].local.year < last_year:
                    recurrence["UNTIL"] = run[-1].onset
            elif run[0].onset < superseded:
                continue
            observances.append((run[0].onset, _observance(run[0], recurrence)))
    observances.sort(key=lambda pair: pair[0])
    return b"".join([
        cl.begin("VTIMEZONE"), cl.text("TZID", zone.key), *(text for _, text in observances), cl.end("VTIMEZONE"),
    ])
