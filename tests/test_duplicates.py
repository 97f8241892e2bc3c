"""What counts as the same task (PV700) or meeting (PV701) twice: planverk.checks.duplicates."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planverk.checks import PlanIndex
from planverk.checks import duplicates
from planverk.checks.duplicates import check_duplicates, same_task
from planverk.model import Plan


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Prosjektplan vedtatt", "prosjektplan vedtatt."),
        ("Budsjettseminar", "Budsjett-seminar"),
        ("Budsjett seminar", "Budsjettseminar"),
        ("Frist for innspill", "Frist innspill"),
        ("Pilot i hjemmetjenesten startet", "Pilot i hjemmetjenestn startet"),
        ("Innspel frå sektorane", "Innspel frå sektorane"),
    ],
)
def test_same_task(first: str, second: str) -> None:
    assert same_task(first, second)
    assert same_task(second, first)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Innspill fra sektor A", "Innspill fra sektor B"),
        ("Arbeidsbok del 1", "Arbeidsbok del 2"),
        ("Møte 3 forberedt", "Møte 4 forberedt"),
        ("Budsjett for oppvekst", "Budsjett for helse"),
        ("Rapport 2017", "Rapport 2018"),
        ("Tertialrapport 1", "Tertialrapport 2"),
        ("Evaluering", "Evaluering av piloten"),
        ("og", "i"),
    ],
)
def test_different_tasks(first: str, second: str) -> None:
    assert not same_task(first, second)
    assert not same_task(second, first)


# PV701 compares the occurrences of one title's events at a time; it must find what one
# pass over every occurrence of the plan finds, in the same order. The pass, as it was:
def _one_pass(index: PlanIndex) -> list[tuple[object, ...]]:
    seen: dict[tuple[object, ...], list[tuple[int, object, frozenset[str]]]] = defaultdict(list)
    reported: set[tuple[int, int]] = set()
    found = []
    for i, event in enumerate(index.plan.events):
        people = frozenset(index.expand(event.participants))
        for occurrence in index.occurrences[i]:
            if occurrence.cancelled:
                continue
            key = (duplicates._key(event.title), occurrence.start, occurrence.end)
            place = duplicates._place(occurrence.location, occurrence.room)
            for j, other_place, other_people in seen[key]:
                if j == i or (i, j) in reported:
                    continue
                if duplicates._differ(place, other_place) or (people and other_people and people != other_people):
                    continue
                reported.add((i, j))
                found.append((("events", i), (("events", j),), occurrence.start))
            seen[key].append((i, place, people))
    return found


_TITLES = st.sampled_from(["Styringsgruppemøte", "styringsgruppe-møte.", "Styringsgruppe møte", "Allmøte", "Møte i AMU"])
_EVENT = st.fixed_dictionaries(
    {
        "title": _TITLES,
        "date": st.sampled_from(["2017-03-01", "2017-03-08", "2017-03-15"]),
        "time": st.sampled_from(["08:30-10:00", "08:30-10:00", "09:00-10:00", None]),
        "location": st.sampled_from(["Rådhuset", "rådhuset", None]),
        "room": st.sampled_from(["Møterom 1", "Møterom 2", None]),
        "participants": st.lists(st.sampled_from(["ellen", "ola", "styret"]), max_size=2),
        "status": st.sampled_from(["planned", "planned", "cancelled"]),
        "repeat": st.sampled_from([None, {"every": "week", "count": 3}, {"every": "2 weeks", "until": "2017-03-20"}]),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_EVENT, min_size=2, max_size=8))
def test_repeated_meetings_as_one_pass_finds_them(events: list[dict[str, object]]) -> None:
    plan = Plan.model_validate({
        "plan": {"id": "p", "title": "P", "organisation": "K", "period": {"start": "2017-01-01", "end": "2017-12-31"}},
        "people": [{"id": "ellen", "name": "Ellen"}, {"id": "ola", "name": "Ola"}],
        "groups": [{"id": "styret", "name": "Styret", "members": ["ellen"]}],
        "events": [
            {"id": f"e{n}", **{key: value for key, value in event.items() if value is not None}}
            for n, event in enumerate(events)
        ],
    })
    index = PlanIndex(plan)
    issues = [issue for issue in check_duplicates(index) if issue.code == "PV701"]
    expected = _one_pass(index)
    assert [(issue.path, issue.related) for issue in issues] == [(path, related) for path, related, _ in expected]


def _words_by_pattern(text: str) -> tuple[str, ...]:
    """The rule of :func:`words` as its patterns say it, without the short cut for texts of
    words and spaces alone."""
    text = unicodedata.normalize("NFC", text).casefold()
    return tuple(re.findall(r"\w+", re.sub(r"(?<=\w)[-‐–](?=\w)", "", text)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(),
    st.lists(st.sampled_from(["Møte", " ", "  ", "AMU", "2017", "å", "_", "-", "İ", "ß", "o\u0308", "½", "٣", "\t"]))
    .map("".join),
))
def test_words_as_the_patterns_read_them(text: str) -> None:
    assert duplicates.words.__wrapped__(text) == _words_by_pattern(text)
