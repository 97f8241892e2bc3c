"""Every word list of the model takes bokmål, nynorsk and English, in any case."""

from __future__ import annotations

from datetime import date

import pytest

from planverk.model import Repeat
from planverk.model.words import LANGUAGES, VOCABULARIES, Vocabulary, weekday_index
from planverk.occurrences import rule_dates

EVERY_WORD = [
    (vocabulary, value, word)
    for vocabulary in VOCABULARIES
    for value in vocabulary.values
    for language in LANGUAGES
    for word in vocabulary.words(value, language)
]


@pytest.mark.parametrize(("vocabulary", "value", "word"), EVERY_WORD, ids=lambda x: getattr(x, "name", x))
def test_every_word_reads_as_its_value_in_any_case(vocabulary: Vocabulary, value: str, word: str) -> None:
    for spelled in (word, word.upper(), word.capitalize(), f"  {word}  "):
        assert vocabulary.value_of(spelled) == value


def test_every_value_has_a_bokmal_and_a_nynorsk_word() -> None:
    missing = [(v.name, value) for v in VOCABULARIES for value, forms in v.values.items() if not (forms[0] and forms[1])]
    assert not missing


@pytest.mark.parametrize(
    ("name", "index"),
    [("måndag", 0), ("Tysdag", 1), ("tirsdag", 1), ("ONSDAG", 2), ("laurdag", 5), ("Sundag", 6), ("søndag", 6), ("friday", 4)],
)
def test_weekdays_in_nynorsk_bokmal_and_english(name: str, index: int) -> None:
    assert weekday_index(name) == index


def test_an_unknown_word_is_none() -> None:
    assert weekday_index("tysdagen") is None


@pytest.mark.parametrize(
    ("repeat", "first_dates"),
    [
        ({"every": "månad", "on": "siste tysdag", "count": 2}, [date(2025, 1, 28), date(2025, 2, 25)]),
        ({"every": "month", "on": "2. onsdag", "count": 2}, [date(2025, 1, 8), date(2025, 2, 12)]),
        ({"every": "måned", "on": "andre onsdag", "count": 1}, [date(2025, 1, 8)]),
        ({"every": "2 veker", "on": ["Tysdag", "fredag"], "count": 3}, [date(2025, 1, 7), date(2025, 1, 10), date(2025, 1, 21)]),
        ({"every": "uke", "count": 2}, [date(2025, 1, 7), date(2025, 1, 14)]),
    ],
)
def test_repeat_rules_in_norwegian(repeat: dict[str, object], first_dates: list[date]) -> None:
    start = first_dates[0]
    assert rule_dates(start, Repeat.model_validate(repeat)) == first_dates


@pytest.mark.parametrize("on", ["6. onsdag", "sjette onsdag", "2. tysdagen"])
def test_a_wrong_monthly_day_is_refused(on: str) -> None:
    with pytest.raises(ValueError):
        Repeat.model_validate({"every": "month", "on": on, "count": 2})
