"""Events, deadlines and series share their fields-sets (planverk.model.base.SharedFieldsSet):
each model still dumps, compares, copies and takes new values as one of its own would."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest

from planverk.model import Deadline, Event
from planverk.model.base import SharedFieldsSet


def _event(ref: str, **more: object) -> Event:
    return Event.model_validate({"id": ref, "title": "Styringsgruppemøte", "date": "2017-03-08", **more})


def test_events_given_the_same_fields_share_one_set() -> None:
    first, second = _event("a"), _event("b")
    assert type(first.model_fields_set) is SharedFieldsSet
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == {"id", "title", "date"}
    assert _event("c", room="R1").model_fields_set == {"id", "title", "date", "room"}
    series = _event("d", repeat={"every": "week", "count": 3})
    assert series.repeat is not None and type(series.repeat.model_fields_set) is SharedFieldsSet
    deadline = Deadline.model_validate({"id": "f", "task": "Frist", "date": "2017-03-01"})
    assert type(deadline.model_fields_set) is SharedFieldsSet


def test_dump_and_compare_as_before() -> None:
    event = _event("a")
    assert event.model_dump(exclude_unset=True) == {"id": "a", "title": "Styringsgruppemøte", "date": event.date}
    assert event.model_dump_json(exclude_unset=True) == '{"id":"a","title":"Styringsgruppemøte","date":"2017-03-08"}'
    assert event == _event("a") and event != _event("b")
    assert repr(event.model_fields_set) == repr(set(event.model_fields_set))


def test_setting_a_field_changes_that_model_alone() -> None:
    first, second = _event("a"), _event("b")
    first.title = "Nytt møte"  # given: the shared set already holds it
    first.room = "Møterom 2"  # not given: the model gets a set of its own
    assert first.model_fields_set == {"id", "title", "date", "room"}
    assert second.model_fields_set == {"id", "title", "date"}
    assert first.model_dump(exclude_unset=True)["room"] == "Møterom 2"
    assert "room" not in second.model_dump(exclude_unset=True)
    assert _event("c").model_fields_set == {"id", "title", "date"}


@pytest.mark.parametrize(
    ("copied", "added"),
    [
        (lambda e: e.model_copy(update={"room": "Møterom 2"}), {"room"}),
        (lambda e: e.model_copy(deep=True), set()),
        (copy.copy, set()),
        (copy.deepcopy, set()),
        (lambda e: pickle.loads(pickle.dumps(e)), set()),
    ],
)
def test_copies_have_sets_of_their_own(copied: Callable[[Event], Event], added: set[str]) -> None:
    event, other = _event("a"), _event("b")
    twin = copied(event)
    assert type(twin.model_fields_set) is set
    assert twin.model_fields_set == {"id", "title", "date", *added}
    assert twin.model_dump(exclude={"room"}) == event.model_dump(exclude={"room"})
    twin.location = "Rådhuset"
    assert event.model_fields_set == other.model_fields_set == {"id", "title", "date"}
    assert event.location is None


def test_changing_a_shared_set_in_place_is_refused() -> None:
    event, other = _event("a"), _event("b")
    names = event.model_fields_set
    names.add("title")  # holds it already: nothing changes, as with a set
    for change in (lambda: names.add("room"), lambda: names.discard("id"), names.clear,
                   lambda: names.update({"room"}), lambda: names.__ior__({"room"})):
        with pytest.raises(TypeError):
            change()
    assert other.model_fields_set == {"id", "title", "date"}
    assert type(names | {"room"}) is set and names.copy() == names
