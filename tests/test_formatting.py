"""Dates, times and numbers in bokmål, nynorsk and English, as status tables and documents
print them (one set of rules: planverk.formatting)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planverk import formatting
from planverk.formatting import (
    filters,
    fmt_date,
    fmt_date_range,
    fmt_money,
    fmt_number,
    fmt_partial_date,
    fmt_percent,
    fmt_time,
    fmt_when,
    plural_form,
    upper_first,
)
from planverk.model.quantities import parse_quantity
from planverk.model.times import parse_time_range
from planverk.model.workbook import PartialDate

LANGUAGES = ("nb", "nn", "en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            [
                "onsdag 8. februar 2017",
                "kl. 08.30-10.30",
                "20.-21. juni 2017",
                "35 mill. kr",
                "4,5",
                "8 700",
                "65,3 %",
                "450 000 kr",
                "01.02.2012",
            ],
        ),
        (
            "nn",
            [
                "onsdag 8. februar 2017",
                "kl. 08.30-10.30",
                "20.-21. juni 2017",
                "35 mill. kr",
                "4,5",
                "8 700",
                "65,3 %",
                "450 000 kr",
                "01.02.2012",
            ],
        ),
        (
            "en",
            [
                "Wednesday, 8 February 2017",
                "08:30-10:30",
                "20-21 June 2017",
                "NOK 35M",
                "4.5",
                "8,700",
                "65.3%",
                "NOK 450,000",
                "01/02/2012",
            ],
        ),
    ],
)
def test_the_rules_in_each_language(language: str, expected: list[str]) -> None:
    got = [
        fmt_date(date(2017, 2, 8), language=language),
        fmt_time(parse_time_range("08:30-10:30"), language=language),
        fmt_date_range(date(2017, 6, 20), date(2017, 6, 21), language=language),
        fmt_money(35_000_000, language=language),
        fmt_number(4.5, language=language),
        fmt_number(8700, language=language),
        fmt_percent(65.3, language=language),
        fmt_money(450_000, language=language),
        fmt_date(date(2012, 2, 1), "short", language=language),
    ]
    assert got == expected


def test_nynorsk_has_its_own_words() -> None:
    assert fmt_date(date(2017, 2, 9), language="nn") == "torsdag 9. februar 2017"
    assert fmt_date(date(2017, 2, 10), language="nb") == "fredag 10. februar 2017"
    assert fmt_date(date(2017, 2, 11), language="nb") == "lørdag 11. februar 2017"
    assert fmt_date(date(2017, 2, 11), language="nn") == "laurdag 11. februar 2017"


def test_date_styles_and_ranges() -> None:
    day = date(2017, 2, 8)
    assert [fmt_date(day, s) for s in ("long", "medium", "short", "month")] == [
        "8. februar 2017",
        "8. feb. 2017",
        "08.02.2017",
        "februar 2017",
    ]
    assert fmt_date_range(date(2017, 5, 30), date(2017, 6, 2)) == "30. mai-2. juni 2017"
    assert (
        fmt_date_range(date(2017, 12, 30), date(2018, 1, 2)) == "30. desember 2017-2. januar 2018"
    )
    assert fmt_date_range(day, day) == "8. februar 2017"
    with pytest.raises(ValueError, match="the 'date' filter has no style 'fancy'"):
        fmt_date(day, "fancy")


def test_times_and_when() -> None:
    assert fmt_time(parse_time_range("17:00")) == "kl. 17.00"
    assert fmt_time(parse_time_range("11:00?")) == "kl. 11.00"
    assert fmt_time(time(9, 5), language="en") == "09:05"
    assert (
        fmt_when(date(2017, 2, 8), None, parse_time_range("08:30-10:30"))
        == "onsdag 8. februar 2017, kl. 08.30-10.30"
    )
    assert fmt_when(date(2017, 5, 30), date(2017, 5, 31)) == "30.-31. mai 2017"
    assert fmt_when(date(2018, 9, 6), at=time(16), style="short") == "06.09.2018, kl. 16.00"


def test_numbers_money_and_percentages() -> None:
    assert fmt_number(1234567) == "1 234 567"
    assert fmt_number(4.5, 2) == "4,50"
    assert fmt_number(1234567, language="en") == "1,234,567"
    assert fmt_money(12_500) == "12 500 kr"
    assert fmt_money(35_500_000) == "35,5 mill. kr"
    assert fmt_money(1_250_000_000) == "1,25 mrd. kr"
    assert fmt_money(-2_000_000) == "-2 mill. kr"
    assert fmt_money(-2_000_000, language="en") == "-NOK 2M"
    assert fmt_money(12_500, language="en") == "NOK 12,500"
    assert fmt_percent(50) == "50 %"
    assert fmt_percent(12.5, language="nn") == "12,5 %"
    assert fmt_percent(20, language="en") == "20%"


def test_decimals_it_has_at_most_two_rounded_as_excel_rounds() -> None:
    assert fmt_number(0.9 - -1.2) == "2,1"  # 2.0999999999999996, a computed change
    assert fmt_number(10 / 3) == "3,33"
    assert [fmt_number(2.25, 1), fmt_number(2.35, 1), fmt_number(-2.25, 1)] == [
        "2,3",
        "2,4",
        "-2,3",
    ]
    assert fmt_number(2.675) == "2,68"  # the float is 2.67499..., the plan wrote 2.675
    assert fmt_number(-0.001) == "0" and fmt_percent(-0.001) == "0 %"  # never "-0"
    assert fmt_percent(65.3) == "65,3 %" and fmt_percent(12.345) == "12,35 %"


def test_millions_keep_two_decimals_and_roll_over_to_billions() -> None:
    assert fmt_money(18_250_000) == "18,25 mill. kr"  # one decimal would say 18,2 or 18,3
    assert fmt_money(3_255_000) == "3,26 mill. kr"
    assert fmt_money(999_999.6) == "1 mill. kr"
    assert fmt_money(999_999_999) == "1 mrd. kr"  # not "1000 mill. kr"
    assert fmt_money(18_250_000, language="en") == "NOK 18.25M"


def test_signed_values_show_plus_only_when_above_zero() -> None:
    assert fmt_number(0.2, 1, signed=True) == "+0,2"
    assert fmt_number(-3, signed=True) == "-3"
    assert fmt_number(0.001, signed=True) == "0"
    assert fmt_percent(2.5, signed=True) == "+2,5 %"
    assert fmt_money(500_000, signed=True) == "+500 000 kr"
    assert fmt_money(2e6, signed=True, language="en") == "+NOK 2M"


def test_plural_forms_follow_cldr() -> None:
    assert [plural_form(n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_form(n, "nn") for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [plural_form(n, "en") for n in (0, 1, 2)] == ["other", "one", "other"]


def test_partial_dates() -> None:
    assert fmt_partial_date(PartialDate(2018)) == "2018"
    assert fmt_partial_date(PartialDate(2018, 8)) == "august 2018"
    assert fmt_partial_date(PartialDate(2018, 8, 15)) == "15. august 2018"
    assert fmt_partial_date(PartialDate(2018, 8), language="en") == "August 2018"


def test_wrong_inputs_say_what_the_filter_takes() -> None:
    with pytest.raises(TypeError, match="the 'money' filter takes an amount in kroner, not a text: '35'"):
        fmt_money("35")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"the 'date' filter takes a date, not an empty value \(None\)"):
        fmt_date(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language 'sv'"):
        filters("sv")


def test_upper_first_leaves_the_rest_alone() -> None:
    assert upper_first("onsdag 8. februar") == "Onsdag 8. februar"
    assert upper_first("iPhone-møte i Oslo") == "IPhone-møte i Oslo"
    assert upper_first("") == ""


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@given(days, st.integers(0, 800), st.sampled_from(LANGUAGES))
def test_ranges_are_plain_text_naming_both_days(start: date, length: int, language: str) -> None:
    end = start + timedelta(days=length)
    text = fmt_date_range(start, end, language=language)
    assert text.isprintable() and "\u00a0" not in text and "–" not in text
    assert str(end.year) in text and str(end.day) in text
    if start != end:
        assert str(start.day) in text.split("-")[0]


@given(st.floats(-1e12, 1e12, allow_nan=False), st.sampled_from(LANGUAGES), st.booleans())
def test_amounts_are_plain_text(amount: float, language: str, signed: bool) -> None:
    for text in (
        fmt_money(amount, signed=signed, language=language),
        fmt_number(amount, signed=signed, language=language),
        fmt_number(amount, 1, signed=signed, language=language),
        fmt_percent(amount, signed=signed, language=language),
    ):
        assert text.isprintable() and "\u00a0" not in text and "\u202f" not in text
        assert not text.startswith("-0") or any(c in "123456789" for c in text)


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_norwegian_numbers_read_back(value) -> None:
    assert parse_quantity(fmt_number(float(value))).value == pytest.approx(float(value))


def test_large_amounts_use_planverks_own_unit_words() -> None:
    """The unit words are planverk's promise, not CLDR's compact forms (which changed
    between babel releases): the same in every babel version."""
    assert fmt_money(2_500_000_000_000) == "2,5 bill. kr"
    assert fmt_money(2_500_000_000_000, language="en") == "NOK 2.5tn"
    assert fmt_money(1_250_000_000, language="en") == "NOK 1.25bn"
    assert fmt_money(35_000_000, language="nn") == "35 mill. kr"
    assert fmt_money(-1_250_000_000, language="nn") == "-1,25 mrd. kr"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_small_whole_numbers_and_plural_forms_are_cldrs_without_loading_the_locale(language: str) -> None:
    from decimal import Decimal

    from babel import Locale
    from babel.numbers import format_decimal as babel_format_decimal

    locale = formatting.LOCALES[language]
    for n in [*range(-3, 1200), 10**6, -(10**6)]:
        assert formatting.plural_form(n, language) == Locale.parse(locale).plural_form(n), n
    for n in range(0, 1001):
        for value in (n, Decimal(n), Decimal(n).quantize(Decimal("0.01"))):
            for pattern in ("#,##0.##", "#,##0"):
                expected = babel_format_decimal(value, pattern, locale=locale)
                assert formatting.format_decimal(value, pattern, locale=locale) == expected, (value, pattern)
