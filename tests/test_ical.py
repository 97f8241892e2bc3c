"""`planverk ical`: feeds that strict parsers accept, that expand like validate's occurrences,
and that put each meeting (or each timetable slot) in the right people's calendars."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import CASES, EXAMPLE_PLANS, PLANS, run_cli
from icalcheck import check_format, events, expanded, masters, parse, planned
from planverk.occurrences import occurrences
from planverk.validate import validate_plan

SHAPES = CASES / "valid" / "calendar-shapes"
VALID_CASES = sorted(p for p in (CASES / "valid").iterdir() if (p / "plan.yaml").is_file())
OSLO = ZoneInfo("Europe/Oslo")


def _site(plan: Path, out: Path, *args: str) -> dict[str, bytes]:
    result = run_cli("ical", str(plan), "-o", str(out), *args)
    assert result.code == 0, result.out + result.err
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _feed(plan: Path, *args: str) -> bytes:
    result = run_cli("ical", str(plan), "-o", "-", *args)
    assert result.code == 0, result.err
    return result.out.encode("utf-8")


@pytest.fixture(scope="module")
def gran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _site(PLANS / "gran-2017", tmp_path_factory.mktemp("gran") / "site")


# --- every feed of every example, read back by independent parsers -------------------------


@pytest.mark.parametrize("plan", [*EXAMPLE_PLANS, *VALID_CASES], ids=lambda p: p.name)
def test_every_feed_parses_and_follows_rfc_5545(plan: Path, tmp_path: Path) -> None:
    site = _site(plan, tmp_path / "site")
    info = validate_plan(plan).plan.plan
    feeds = [name for name in site if name.endswith(".ics")]
    assert f"{info.id}.ics" in feeds and "index.html" in site and "index.md" in site
    for name in feeds:
        body = site[name]
        check_format(body)
        calendar = parse(body)
        for key, value in [("VERSION", "2.0"), ("METHOD", "PUBLISH"), ("X-WR-TIMEZONE", info.timezone),
                           ("REFRESH-INTERVAL", None), ("X-PUBLISHED-TTL", None)]:
            assert key in calendar and (value is None or str(calendar[key]) == value), (name, key)
        assert str(calendar["PRODID"]).startswith("-//planverk//")
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) and str(calendar["NAME"])
        zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
        uids = [str(e["UID"]) for e in events(calendar) if "RECURRENCE-ID" not in e]
        assert len(uids) == len(set(uids)), name
        for event in events(calendar):
            assert str(event["UID"]).endswith(f"@{info.id}.planverk")
            assert "ORGANIZER" not in event and "ATTENDEE" not in event
            start, end = event["DTSTART"], event["DTEND"]
            assert type(start.dt) is type(end.dt), "DTSTART and DTEND of one value type"
            for prop in (start, end, event.get("RECURRENCE-ID")):
                if prop is not None and isinstance(prop.dt, datetime):
                    assert prop.params["TZID"] in zones and prop.dt.tzinfo is not None
            if not isinstance(start.dt, datetime):
                assert end.dt > start.dt, "all-day events end on the day after (exclusive)"
            rule = event.get("RRULE")
            if rule:
                assert not ("COUNT" in rule and "UNTIL" in rule)
                for until in rule.get("UNTIL", []):
                    if isinstance(start.dt, datetime):
                        assert until.tzinfo is not None and until.utcoffset() == timedelta(0)
                    else:
                        assert not isinstance(until, datetime)
            for exdate in event.get("EXDATE", []) if isinstance(event.get("EXDATE"), list) else [event.get("EXDATE")]:
                if exdate is not None:
                    assert all(type(d.dt) is type(start.dt) for d in exdate.dts)


@pytest.mark.parametrize("plan", [*EXAMPLE_PLANS, *VALID_CASES], ids=lambda p: p.name)
def test_recurrence_expands_to_the_occurrences_validate_checks(plan: Path) -> None:
    validation = validate_plan(plan)
    info = validation.plan.plan
    calendar = parse(_feed(plan))
    for event in validation.plan.events:
        uids = [f"{event.id}@{info.id}.planverk"]
        if event.period is not None and event.repeat is not None:  # one VEVENT a year
            uids = [f"{event.id}/{o.period.year}@{info.id}.planverk" for o in occurrences(event) if o.period]
        found = sorted(f for uid in uids for f in expanded(calendar, uid, info.period.start, info.period.end))
        assert found == planned(event, ZoneInfo(info.timezone)), event.id


# --- the Gran plan: the acceptance points -------------------------------------------------


def _at(calendar, uid: str) -> tuple[datetime, datetime]:
    event = masters(calendar)[uid]
    return event["DTSTART"].dt, event["DTEND"].dt


def test_gran_review_slots_are_in_the_right_groups_feeds_at_their_times(gran: dict[str, bytes]) -> None:
    whole = "prosessdager-kostra@gran-2017.planverk"
    slot = "prosessdager-kostra/{}@gran-2017.planverk"
    grunnskole = parse(gran["groups/grunnskole.ics"])
    assert _at(grunnskole, slot.format("gjennomgang-grunnskole")) == (
        datetime(2017, 5, 3, 8, 30, tzinfo=OSLO), datetime(2017, 5, 3, 10, 30, tzinfo=OSLO))
    assert whole not in masters(grunnskole)
    assert slot.format("gjennomgang-barnehage") not in masters(grunnskole)
    # Sector group 4 attends its summing-up slot, not the two whole days.
    sector_4 = parse(gran["groups/sektorgruppe-4.ics"])
    assert _at(sector_4, slot.format("oppsummering-raadmann")) == (
        datetime(2017, 5, 4, 15, tzinfo=OSLO), datetime(2017, 5, 4, 16, tzinfo=OSLO))
    assert whole not in masters(sector_4)
    # PP-tjenesten is part of both school and kindergarten groups, so it has both slots.
    pp = masters(parse(gran["groups/pp-tjenesten.ics"]))
    assert {slot.format("gjennomgang-grunnskole"), slot.format("gjennomgang-barnehage")} <= set(pp)
    # People get their groups' slots; the process team, named in no slot, the whole event.
    assert slot.format("gjennomgang-grunnskole") in masters(parse(gran["people/jon.ics"]))
    assert slot.format("gjennomgang-helse-og-omsorg") in masters(parse(gran["people/mette.ics"]))
    assert whole in masters(parse(gran["groups/prosessteam.ics"]))


def test_gran_plan_feed_has_the_whole_event_with_its_timetable(gran: dict[str, bytes]) -> None:
    calendar = masters(parse(gran["gran-2017.ics"]))
    event = calendar["prosessdager-kostra@gran-2017.planverk"]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2017, 5, 3), date(2017, 5, 5))
    description = str(event["DESCRIPTION"])
    assert "Program:" in description
    assert "Onsdag 3. mai 2017:\n08:30-10:30 KOSTRA-gjennomgang for grunnskoletjenestene" in description
    assert "15:00-16:00 Oppsummering med rådmannen" in description
    assert not any("/" in uid.split("@")[0] for uid in calendar)


def test_gran_feeds_are_the_same_bytes_on_a_second_run(gran: dict[str, bytes], tmp_path: Path) -> None:
    assert _site(PLANS / "gran-2017", tmp_path / "again") == gran


def test_consecutive_days_with_the_same_hours_are_one_event_per_day(gran: dict[str, bytes]) -> None:
    event = masters(parse(gran["gran-2017.ics"]))["budsjettseminar-2017-06-20@gran-2017.planverk"]
    assert event["DTSTART"].dt == datetime(2017, 6, 20, 8, tzinfo=OSLO)
    assert event["DTEND"].dt == datetime(2017, 6, 20, 16, tzinfo=OSLO)
    assert event["RRULE"] == {"FREQ": ["DAILY"], "COUNT": [2]}


def test_deadlines_and_milestones_are_all_day_events_with_a_category(gran: dict[str, bytes]) -> None:
    calendar = masters(parse(gran["gran-2017.ics"]))
    milestone = calendar["kostra-tall-publisert@gran-2017.planverk"]
    assert (milestone["DTSTART"].dt, milestone["DTEND"].dt) == (date(2017, 3, 15), date(2017, 3, 16))
    assert "Milepæl" in milestone["CATEGORIES"].cats and str(milestone["SUMMARY"]).startswith("Milepæl: ")
    deadline = calendar["kostra-analyse-ferdig@gran-2017.planverk"]
    assert "Frist" in deadline["CATEGORIES"].cats and deadline["TRANSP"] == "TRANSPARENT"
    assert "VTODO" not in gran["gran-2017.ics"].decode()


def test_uncertain_times_are_tentative(gran: dict[str, bytes]) -> None:
    calendar = masters(parse(gran["gran-2017.ics"]))
    assert calendar["formannskapet-2017-03-16@gran-2017.planverk"]["STATUS"] == "TENTATIVE"
    assert calendar["styringsgruppe-2017-02-08@gran-2017.planverk"]["STATUS"] == "CONFIRMED"


def test_text_is_escaped_and_folded_without_splitting_characters(gran: dict[str, bytes]) -> None:
    body = gran["gran-2017.ics"]
    assert b"SUMMARY:Felles kick-off for sektorgruppene\\, m\xc3\xb8te 1" in body
    assert b"\r\n " in body  # long descriptions are folded
    event = masters(parse(body))["kommunestyret-2017-03-30@gran-2017.planverk"]
    assert "ressursbruk og prioritering av tjenesteområdene 2013-2015" in str(event["DESCRIPTION"])


# --- the other shapes, from the calendar-shapes case --------------------------------------


@pytest.fixture(scope="module")
def shapes() -> dict[str, object]:
    return masters(parse(_feed(SHAPES)))


def _uid(name: str) -> str:
    return f"{name}@calendar-shapes.planverk"


def test_series_carry_exdates_and_overrides_for_moved_and_cancelled_occurrences() -> None:
    calendar = parse(_feed(SHAPES))
    weekly = [e for e in events(calendar) if str(e["UID"]) == _uid("ukemote")]
    master = next(e for e in weekly if "RECURRENCE-ID" not in e)
    assert master["RRULE"]["UNTIL"] == [datetime(2025, 3, 26, 7, 30, tzinfo=timezone.utc)]
    assert [d.dt for d in master["EXDATE"].dts] == [datetime(2025, 2, 19, 8, 30, tzinfo=OSLO)]
    overrides = {e["RECURRENCE-ID"].dt: e for e in weekly if "RECURRENCE-ID" in e}
    moved = overrides[datetime(2025, 3, 5, 8, 30, tzinfo=OSLO)]
    assert moved["DTSTART"].dt == datetime(2025, 3, 6, 12, tzinfo=OSLO)
    assert "Flyttet på grunn av kommunestyremøte" in str(moved["DESCRIPTION"])
    cancelled = overrides[datetime(2025, 3, 26, 8, 30, tzinfo=OSLO)]
    assert cancelled["STATUS"] == "CANCELLED" and str(cancelled["SUMMARY"]).startswith("Avlyst: ")


def test_all_day_series_use_dates_throughout(shapes) -> None:
    event = shapes[_uid("annenhver-fredag")]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2025, 1, 10), date(2025, 1, 11))
    assert event["RRULE"] == {"FREQ": ["WEEKLY"], "INTERVAL": [2], "BYDAY": ["FR"], "WKST": ["MO"], "COUNT": [6]}


def test_multi_day_all_day_events_span_with_an_exclusive_end(shapes) -> None:
    event = shapes[_uid("heldags-samling")]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2025, 6, 10), date(2025, 6, 12))
    assert "RRULE" not in event
    assert str(event["DESCRIPTION"]).startswith("Lang beskrivelse med æøå")
    assert "https://example.no/samling" in str(event["DESCRIPTION"])


def test_cancelled_events_stay_with_status_and_word(shapes) -> None:
    event = shapes[_uid("avlyst-mote")]
    assert event["STATUS"] == "CANCELLED"
    assert str(event["SUMMARY"]) == "Avlyst: Møte som er avlyst"


def test_events_across_the_night_keep_their_span(shapes) -> None:
    event = shapes[_uid("natt")]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (
        datetime(2025, 9, 9, 18, tzinfo=OSLO), datetime(2025, 9, 10, 15, tzinfo=OSLO))


def test_organizer_and_attendees_only_when_asked_for() -> None:
    plain = _feed(SHAPES)
    assert b"ATTENDEE" not in plain and b"ORGANIZER" not in plain
    calendar = masters(parse(_feed(SHAPES, "--attendees")))
    friday = calendar[_uid("annenhver-fredag")]
    assert str(friday["ATTENDEE"]) == "mailto:alle@example.no"
    assert friday["ATTENDEE"].params["CUTYPE"] == "GROUP"
    seminar = calendar[_uid("avlyst-mote")]
    assert str(seminar["ATTENDEE"]) == "mailto:kari@example.no"


def test_timetable_slots_go_to_those_they_name(tmp_path: Path) -> None:
    site = _site(SHAPES, tmp_path / "site")
    leaders = masters(parse(site["groups/ledergruppe.ics"]))
    # The leaders are named by one slot: they get it and the slots open to everyone.
    assert {_uid("to-dager/#gruppearbeid-for-ledere"), _uid("to-dager/lunsj"), _uid("to-dager/apning")} <= set(leaders)
    assert _uid("to-dager") not in leaders and _uid("to-dager/per-alene") not in leaders
    # Åse is in no slot: she has the whole seminar, both days.
    aase = masters(parse(site["people/aase.ics"]))
    assert _uid("to-dager") in aase and not any(uid.startswith("to-dager/") for uid in aase)


def test_moving_an_event_keeps_its_uid(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SHAPES, plan)
    before = masters(parse(_feed(plan)))[_uid("avlyst-mote")]
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("date: 2025-04-02", "date: 2025-04-09"), encoding="utf-8")
    after = masters(parse(_feed(plan)))[_uid("avlyst-mote")]
    assert after["DTSTART"].dt - before["DTSTART"].dt == timedelta(days=7)


def test_dtstamp_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    first = _site(SHAPES, tmp_path / "a")
    assert b"DTSTAMP:20170714T024000Z\r\n" in first["calendar-shapes.ics"]
    assert _site(SHAPES, tmp_path / "b") == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = run_cli("ical", str(SHAPES), "-o", str(tmp_path / "c"))
    assert result.code == 2 and "SOURCE_DATE_EPOCH" in result.err


def test_without_git_or_epoch_the_stamp_is_the_plan_start(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SHAPES, plan)
    body = _feed(plan)
    assert b"DTSTAMP:20250101T000000Z\r\n" in body and b"SEQUENCE:0\r\n" in body
