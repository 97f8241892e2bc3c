"""Periods as plans write them: parsing in nb/nn/en, days, labels and arithmetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planverk.i18n import MessageError
from planverk.model.periods import (
    UNITS,
    DatedPeriod,
    parse_period,
    period_of,
    periods_between,
    place,
    weeks_in_year,
)


@pytest.mark.parametrize(
    ("text", "year", "start", "end"),
    [
        ("2017-W15", None, date(2017, 4, 10), date(2017, 4, 16)),
        ("Uke 15", 2017, date(2017, 4, 10), date(2017, 4, 16)),
        ("veke 15 2017", None, date(2017, 4, 10), date(2017, 4, 16)),
        ("week 1", 2021, date(2021, 1, 4), date(2021, 1, 10)),
        ("2020-W53", None, date(2020, 12, 28), date(2021, 1, 3)),
        ("2024-06", None, date(2024, 6, 1), date(2024, 6, 30)),
        ("juni", 2024, date(2024, 6, 1), date(2024, 6, 30)),
        ("februar 2024", None, date(2024, 2, 1), date(2024, 2, 29)),
        ("Q3 2012", None, date(2012, 7, 1), date(2012, 9, 30)),
        ("3. kvartal 2012", None, date(2012, 7, 1), date(2012, 9, 30)),
        ("2012-Q4", None, date(2012, 10, 1), date(2012, 12, 31)),
        ("T1", 2024, date(2024, 1, 1), date(2024, 4, 30)),
        ("2. tertial 2024", None, date(2024, 5, 1), date(2024, 8, 31)),
        ("tredje tertial", 2024, date(2024, 9, 1), date(2024, 12, 31)),
        ("1. halvår 2024", None, date(2024, 1, 1), date(2024, 6, 30)),
        ("H2", 2024, date(2024, 7, 1), date(2024, 12, 31)),
        ("primo oktober", 2024, date(2024, 10, 1), date(2024, 10, 10)),
        ("medio mars", 2024, date(2024, 3, 11), date(2024, 3, 20)),
        ("ultimo september", 2024, date(2024, 9, 21), date(2024, 9, 30)),
        ("ultimo februar 2023", None, date(2023, 2, 21), date(2023, 2, 28)),
        ("første halvdel av november", 2024, date(2024, 11, 1), date(2024, 11, 15)),
        ("fyrste halvdel av november", 2024, date(2024, 11, 1), date(2024, 11, 15)),
        ("andre halvdel av mai", 2024, date(2024, 5, 16), date(2024, 5, 31)),
        ("first half of November", 2024, date(2024, 11, 1), date(2024, 11, 15)),
        ("late September", 2024, date(2024, 9, 21), date(2024, 9, 30)),
        ("mid-March 2024", None, date(2024, 3, 11), date(2024, 3, 20)),
        ("ultimo september / primo oktober", 2024, date(2024, 9, 21), date(2024, 10, 10)),
        ("desember / januar", 2024, date(2024, 12, 1), date(2025, 1, 31)),
        (15, 2017, date(2017, 4, 10), date(2017, 4, 16)),
        # spans written without spaces, and the year's last of a unit
        ("uke 15-16", 2017, date(2017, 4, 10), date(2017, 4, 23)),
        ("veke 15 – 16 2017", None, date(2017, 4, 10), date(2017, 4, 23)),
        ("mai-juni", 2024, date(2024, 5, 1), date(2024, 6, 30)),
        ("Mai/Juni 2024", None, date(2024, 5, 1), date(2024, 6, 30)),
        ("ultimo mai–primo juni", 2024, date(2024, 5, 21), date(2024, 6, 10)),
        ("q1-q2", 2024, date(2024, 1, 1), date(2024, 6, 30)),
        ("siste halvår", 2024, date(2024, 7, 1), date(2024, 12, 31)),
        ("siste kvartal 2024", None, date(2024, 10, 1), date(2024, 12, 31)),
        ("last tertial", 2024, date(2024, 9, 1), date(2024, 12, 31)),
        # a year, quoted or not (YAML reads `period: 2025` as a number)
        (2025, None, date(2025, 1, 1), date(2025, 12, 31)),
        ("2025", None, date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_a_period_covers_the_days_it_names(text: object, year: int | None, start: date, end: date) -> None:
    period = parse_period(text)
    if year is not None:
        assert period.year is None
        period = period.in_year(year)
    assert period.dated() == DatedPeriod(start, end)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2017-W53", "2017 has no week 53"),
        ("uke 54", "there is no week 54"),
        ("Q5 2012", "there is no quarter 5"),
        ("4. tertial", "there is no tertial 4"),
        ("2024-13", "there is no month 13"),
        ("juni 2024 / mai 2024", "ends before it starts"),
        ("snart", "write a period as"),
        ("", "write a period as"),
    ],
)
def test_a_period_that_does_not_exist_is_refused_with_what_to_write(text: str, message: str) -> None:
    with pytest.raises(MessageError) as raised:
        parse_period(text)
    assert message in str(raised.value)


def test_week_53_of_a_year_without_it_is_refused_when_placed() -> None:
    assert weeks_in_year(2020) == 53 and weeks_in_year(2017) == 52
    with pytest.raises(MessageError, match="2017 has no week 53"):
        parse_period("uke 53").in_year(2017)
    assert [p.year for p in place(parse_period("uke 53"), date(2019, 1, 1), date(2021, 12, 31))] == [2020]


def test_documents_keep_the_writing_and_put_iso_forms_in_words() -> None:
    assert parse_period("ultimo september").label("nb") == "ultimo september"
    assert parse_period("Uke 15").label("en") == "Uke 15"
    assert parse_period("2017-W15").label("nb") == "uke 15 2017"
    assert parse_period("2017-W15").label("nn") == "veke 15 2017"
    assert parse_period(15).label("en") == "week 15"
    assert parse_period("2024-06").label("nb") == "juni 2024"
    assert parse_period("2012-Q3").label("nb") == "3. kvartal 2012"
    assert parse_period("2012-Q3").label("en") == "Q3 2012"


def test_a_yearless_period_is_placed_in_each_year_it_meets() -> None:
    school_year = (date(2024, 8, 1), date(2025, 7, 31))
    assert [p.year for p in place(parse_period("juni"), *school_year)] == [2025]
    assert [p.year for p in place(parse_period("oktober"), *school_year)] == [2024]
    assert place(parse_period("2023-06"), *school_year) == []


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2198, 12, 31)), st.sampled_from(UNITS))
def test_every_day_lies_in_the_period_of_its_unit_and_periods_follow_each_other(day: date, unit: str) -> None:
    period = period_of(day, unit)  # type: ignore[arg-type]
    days = period.dated()
    assert days.contains(day)
    assert period.next().dated().start == days.end + timedelta(days=1)
    assert days.end_exclusive == days.end + timedelta(days=1)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2190, 1, 1)), st.integers(0, 800), st.sampled_from(UNITS))
def test_periods_between_tile_the_span_without_gaps(start: date, length: int, unit: str) -> None:
    end = start + timedelta(days=length)
    found = periods_between(start, end, unit)  # type: ignore[arg-type]
    assert found[0].dated().contains(start) and found[-1].dated().contains(end)
    for before, after in zip(found, found[1:]):
        assert after.dated().start == before.dated().end + timedelta(days=1)


@given(st.integers(1901, 2198), st.sampled_from(["nb", "nn", "en"]))
def test_a_label_reads_back_as_the_same_period(year: int, language: str) -> None:
    for unit in UNITS:
        period = period_of(date(year, 11, 5), unit)
        assert parse_period(period.label(language)).first == period


@pytest.mark.parametrize(
    ("text", "year", "written"),
    [
        ("desember / januar", 2024, "desember 2024 / januar 2025"),
        ("Mai-Juni", 2024, "Mai 2024-Juni 2024"),
        ("uke 15-16", 2017, "uke 15-16 2017"),
        ("juni", 2024, "juni 2024"),
    ],
)
def test_a_placed_period_is_written_with_years_that_read_back_as_the_same_days(
    text: str, year: int, written: str
) -> None:
    placed = parse_period(text).in_year(year)
    assert placed.written_in_year() == written
    assert parse_period(written).dated() == placed.dated()


def test_a_placed_span_moves_to_another_year_as_a_whole() -> None:
    span = parse_period("desember / januar").in_year(2024)
    assert span.in_year(2030).dated() == DatedPeriod(date(2030, 12, 1), date(2031, 1, 31))
    turn = parse_period("ultimo september / primo oktober").in_year(2025)
    assert turn.in_year(2027).dated() == DatedPeriod(date(2027, 9, 21), date(2027, 10, 10))


def test_a_day_or_a_bare_number_as_text_is_read_the_way_it_was_meant() -> None:
    with pytest.raises(MessageError, match="is a day: write it in 'date'"):
        parse_period(date(2024, 6, 1))
    assert parse_period("15").first == parse_period(15).first
