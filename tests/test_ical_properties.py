"""Property tests: any series expands in calendars as occurrences.py says; any text survives."""

from __future__ import annotations

import calendar as months
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from icalcheck import check_format, expanded, parse, planned
from planverk.checks.context import PlanIndex
from planverk.ical import contentlines as cl
from planverk.ical.feeds import assemble, build_entries
from planverk.model import Plan
from planverk.model.recurrence import WEEKDAYS
from planverk.occurrences import rule_dates

ZONE = ZoneInfo("Europe/Oslo")
STAMP = datetime(2030, 1, 1, tzinfo=timezone.utc)


def _nth(day: date) -> list[str]:
    """The ways to name ``day``'s weekday in its month: '2nd wednesday', maybe 'last wednesday'."""
    name = WEEKDAYS[day.weekday()]
    found = [f"{(day.day - 1) // 7 + 1}{'st' if day.day <= 7 else 'th'} {name}"]
    if day.day + 7 > months.monthrange(day.year, day.month)[1]:
        found.append(f"last {name}")
    return found


@st.composite
def series(draw: st.DrawFn) -> dict:
    first = draw(st.dates(date(2024, 1, 1), date(2026, 12, 31)))
    unit = draw(st.sampled_from(["day", "week", "month", "year"]))
    every = draw(st.integers(1, 3))
    repeat: dict = {"every": f"{every} {unit}s" if every > 1 else unit}
    if unit == "week" and draw(st.booleans()):
        extra = draw(st.lists(st.sampled_from(WEEKDAYS), max_size=3))
        repeat["on"] = sorted({WEEKDAYS[first.weekday()], *extra}, key=WEEKDAYS.index)
    elif unit == "month" and draw(st.booleans()):
        repeat["on"] = draw(st.sampled_from(_nth(first)))
    if draw(st.booleans()):
        repeat["count"] = draw(st.integers(1, 12))
    else:
        repeat["until"] = first + timedelta(days=draw(st.integers(0, 400 if unit != "year" else 1500)))
    event: dict = {"id": "serie", "title": "Serie", "date": first, "repeat": repeat}
    if draw(st.booleans()):
        hour = draw(st.integers(7, 20))
        event["time"] = f"{hour:02d}:15-{hour + 1:02d}:45" if draw(st.booleans()) else f"{hour:02d}:00"
    from planverk.model import Repeat

    dates = rule_dates(first, Repeat.model_validate(repeat))
    picked = draw(st.lists(st.sampled_from(dates), unique=True, max_size=4)) if len(dates) > 1 else []
    split = draw(st.integers(0, len(picked)))
    repeat["except"] = picked[:split]
    changes = []
    for day in picked[split:]:
        change: dict = {"occurrence": day}
        if draw(st.booleans()):
            change["date"] = day + timedelta(days=draw(st.integers(-1, 2)))
        if draw(st.booleans()):
            change["status"] = "cancelled"
        elif "time" in event and draw(st.booleans()):
            change["time"] = "12:00-13:00"
        changes.append(change)
    repeat["changes"] = changes
    return event


@settings(max_examples=60, deadline=None)
@given(series())
def test_any_series_expands_in_calendars_as_planverk_expands_it(event: dict) -> None:
    plan = Plan.model_validate({
        "plan": {"id": "p", "title": "P", "organisation": "O",
                 "period": {"start": date(2024, 1, 1), "end": date(2031, 12, 31)}},
        "events": [event],
    })
    index = PlanIndex(plan)
    body = assemble(index, build_entries(index, STAMP, {}, False), ["plan"])[0].body
    check_format(body)
    calendar = parse(body)
    found = expanded(calendar, "serie@p.planverk", date(2023, 12, 1), date(2070, 1, 1))
    assert found == planned(plan.events[0], ZONE)


text_values = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1, max_size=300
).filter(lambda s: s.strip() and not any(ord(c) < 32 and c not in "\n\t" or ord(c) == 127 for c in s))


@settings(max_examples=150, deadline=None)
@given(text_values)
@example("\\\\server\\Notater\\N; a, b")  # icalendar's own escaper reads \\N as a line break
def test_any_text_survives_escaping_and_folding(value: str) -> None:
    body = b"".join([
        b"BEGIN:VCALENDAR\r\n", b"VERSION:2.0\r\n", b"PRODID:-//test//test//EN\r\n",
        b"BEGIN:VEVENT\r\n", b"UID:x@test\r\n", b"DTSTAMP:20250101T000000Z\r\n",
        b"DTSTART;VALUE=DATE:20250101\r\n",
        cl.text("SUMMARY", value), cl.text("DESCRIPTION", value),
        b"END:VEVENT\r\n", b"END:VCALENDAR\r\n",
    ])
    check_format(body)
    event = next(iter(parse(body).walk("VEVENT")))
    assert str(event["DESCRIPTION"]) == value
