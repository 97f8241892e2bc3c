"""VTIMEZONE in the form Outlook reads: yearly STANDARD and DAYLIGHT rules, dated observances
only where a zone's rules changed, and offsets that agree with zoneinfo at every local time.

The VTIMEZONE is read back by icalendar and its rules expanded by dateutil, independently
of how planverk found them."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from conftest import EXAMPLE_PLANS, PLANS, run_cli
from icalcheck import parse
from planverk.ical.vtimezone import vtimezone
from planverk.occurrences import occurrences
from planverk.validate import validate_plan

OTHER_ZONES = ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "Europe/Moscow"]
_UTC = ZoneInfo("UTC")


class Offsets:
    """The UTC offset a VTIMEZONE gives at a local time, by expanding its observances."""

    def __init__(self, component: icalendar.Timezone, until: int) -> None:
        onsets: list[tuple[datetime, timedelta]] = []
        first_from = None
        for observance in component.walk():
            if observance.name not in ("STANDARD", "DAYLIGHT"):
                continue
            start = observance["DTSTART"].dt
            before, after = observance["TZOFFSETFROM"].td, observance["TZOFFSETTO"].td
            assert isinstance(start, datetime) and start.tzinfo is None, "DTSTART is local time"
            local_onsets = [start]
            rule = observance.get("RRULE")
            if rule is not None:
                limit = rule.get("UNTIL", [None])[0]
                parts = {k: v for k, v in rule.items() if k != "UNTIL"}
                text = icalendar.vRecur(parts).to_ical().decode()
                local_onsets = [
                    o for o in rrulestr(text, dtstart=start).between(start, datetime(until + 1, 1, 1), inc=True)
                    if limit is None or (o - before).replace(tzinfo=_UTC) <= limit
                ]
            for onset in local_onsets:
                onsets.append(((onset - before), after))
            if first_from is None or start < first_from[0]:
                first_from = (start - before, before)
        onsets.sort()
        self.instants = [o for o, _ in onsets]
        self.after = [a for _, a in onsets]
        self.earliest = first_from[1]
        self.candidates = sorted({*self.after, self.earliest}, reverse=True)

    def at_utc(self, instant: datetime) -> timedelta:
        """The offset in effect at a naive UTC instant."""
        found = bisect_right(self.instants, instant)
        return self.after[found - 1] if found else self.earliest

    def at_local(self, local: datetime) -> timedelta | None:
        """The offset of a local time; in a repeated hour the earlier one (zoneinfo's fold=0)."""
        for offset in self.candidates:  # largest first: the earlier of two instants
            if self.at_utc(local - offset) == offset:
                return offset
        return None


def _component(zone: str, first_year: int, last_year: int) -> icalendar.Timezone:
    body = b"".join([
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n",
        vtimezone(ZoneInfo(zone), first_year, last_year),
        b"END:VCALENDAR\r\n",
    ])
    return next(iter(parse(body).walk("VTIMEZONE")))  # parse() runs the strict readers too


def _existing(local: datetime, zone: ZoneInfo) -> bool:
    """Whether a local time exists (is not in a spring-forward gap)."""
    back = local.replace(tzinfo=zone).astimezone(_UTC).astimezone(zone).replace(tzinfo=None)
    return back == local


def _assert_offsets(zone_name: str, first_year: int, last_year: int, times: list[datetime]) -> None:
    zone = ZoneInfo(zone_name)
    offsets = Offsets(_component(zone_name, first_year, last_year), last_year)
    checked = 0
    for local in times:
        if not _existing(local, zone):
            continue
        assert offsets.at_local(local) == local.replace(tzinfo=zone).utcoffset(), (zone_name, local)
        checked += 1
    assert checked


@cache
def _event_times(plan: Path) -> tuple[str, int, int, list[datetime]]:
    """Every local start and end of every occurrence and timetable slot of a plan."""
    validation = validate_plan(plan)
    info = validation.plan.plan
    found = []
    for event in validation.plan.events:
        for occurrence in occurrences(event):
            found += [occurrence.start, occurrence.end]
        for slot in event.agenda:
            day = slot.date or event.first_day
            found.append(datetime.combine(day, slot.time.start))
            if slot.time.end is not None:
                found.append(datetime.combine(day, slot.time.end))
    for deadline in validation.plan.deadlines:
        found.append(datetime.combine(deadline.date, deadline.time.start if deadline.time else time()))
    return info.timezone, info.period.start.year, info.period.end.year, found


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("zone", [None, *OTHER_ZONES])
def test_offsets_at_every_event_equal_zoneinfo(plan: Path, zone: str | None) -> None:
    own, first, last, times = _event_times(plan)
    _assert_offsets(zone or own, first, last, times)


@pytest.mark.parametrize("zone", OTHER_ZONES)
def test_offsets_at_every_half_hour_of_2011_to_2014_equal_zoneinfo(zone: str) -> None:
    start = datetime(2011, 1, 1)
    steps = int((datetime(2015, 1, 1) - start) / timedelta(minutes=30))
    _assert_offsets(zone, 2011, 2014, [start + timedelta(minutes=30 * n) for n in range(steps)])


def _observances(component: icalendar.Timezone) -> list[icalendar.cal.Component]:
    return [c for c in component.walk() if c.name in ("STANDARD", "DAYLIGHT")]


def test_oslo_is_one_yearly_standard_and_one_yearly_daylight_rule() -> None:
    found = _observances(_component("Europe/Oslo", 2017, 2017))
    rules = {(c.name, c["RRULE"]["BYMONTH"][0], c["RRULE"]["BYDAY"][0]) for c in found}
    assert rules == {("DAYLIGHT", 3, "-1SU"), ("STANDARD", 10, "-1SU")}
    assert all(c["RRULE"]["FREQ"] == ["YEARLY"] and "UNTIL" not in c["RRULE"] for c in found)
    assert all(c["DTSTART"].dt.year == 2016 for c in found), "the rules start before the plan"


def test_a_zone_without_daylight_saving_is_a_single_standard() -> None:
    found = _observances(_component("Asia/Kolkata", 2011, 2014))
    assert [c.name for c in found] == ["STANDARD"] and "RRULE" not in found[0]
    assert found[0]["TZOFFSETTO"].td == timedelta(hours=5, minutes=30)


def test_a_rule_change_inside_the_years_ends_the_old_rules_and_starts_new_ones() -> None:
    # The United States moved daylight saving time in 2007 (2nd Sunday of March, 1st of November).
    found = _observances(_component("America/New_York", 2005, 2009))
    rules = sorted((c["DTSTART"].dt.year, c.name, c["RRULE"]["BYMONTH"][0], c["RRULE"]["BYDAY"][0],
                    "UNTIL" in c["RRULE"]) for c in found)
    assert rules == [
        (2004, "DAYLIGHT", 4, "1SU", True), (2004, "STANDARD", 10, "-1SU", True),
        (2007, "DAYLIGHT", 3, "2SU", False), (2007, "STANDARD", 11, "1SU", False),
    ]


def test_moscows_changes_are_dated_observances_without_rules() -> None:
    found = _observances(_component("Europe/Moscow", 2011, 2014))
    assert not any("RRULE" in c for c in found)
    assert [c["DTSTART"].dt.date() for c in found] == [date(2010, 10, 31), date(2011, 3, 27), date(2014, 10, 26)]


def test_every_observance_rule_is_one_outlook_can_read() -> None:
    """MS-OXCICAL 2.1.3.1.1.19.2.2: FREQ=YEARLY and BYDAY a single weekday occurrence."""
    for zone in ["Europe/Oslo", *OTHER_ZONES]:
        for component in _observances(_component(zone, 2005, 2020)):
            rule = component.get("RRULE")
            if rule is not None:
                assert rule["FREQ"] == ["YEARLY"] and len(rule["BYDAY"]) == 1 and len(rule["BYMONTH"]) == 1
                assert rule["BYDAY"][0][:-2] in ("1", "2", "3", "4", "-1")


def test_the_feeds_carry_the_rule_form(tmp_path: Path) -> None:
    result = run_cli("ical", str(PLANS / "gran-2017"), "-o", "-")
    assert result.code == 0, result.err
    zone = next(iter(parse(result.out.encode()).walk("VTIMEZONE")))
    assert sorted(c.name for c in _observances(zone)) == ["DAYLIGHT", "STANDARD"]
    assert all("RRULE" in c for c in _observances(zone))
