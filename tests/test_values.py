"""planverk.values.Value behaves as the frozen dataclass it replaces, with hypothesis."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import date
from typing import ClassVar

import pytest
from hypothesis import given, strategies as st

from planverk.i18n import Day, Items, Message, Money, Month
from planverk.values import Value, fields, replace


class Point(Value):
    x: int
    y: int = 0
    label: ClassVar[str] = "point"


@dataclasses.dataclass(frozen=True)
class PointClass:
    x: int
    y: int = 0


class Ranked(Value, order=True):
    rank: int
    name: str


class Holder(Value, eq=False):
    items: list


class Checked(Value):
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


small = st.integers(-5, 5)


@given(small, small, small, small)
def test_equality_and_hash_follow_the_fields_as_a_dataclass_s_do(a: int, b: int, c: int, d: int) -> None:
    assert (Point(a, b) == Point(c, d)) == (PointClass(a, b) == PointClass(c, d))
    if Point(a, b) == Point(c, d):
        assert hash(Point(a, b)) == hash(Point(c, d))
    assert Point(a) == Point(x=a) == Point(a, y=0)


@given(small, small, small, small)
def test_order_is_the_order_of_the_fields(a: int, b: int, c: int, d: int) -> None:
    left, right = Ranked(a, str(b)), Ranked(c, str(d))
    assert (left < right) == ((a, str(b)) < (c, str(d)))
    assert (left >= right) == ((a, str(b)) >= (c, str(d)))


def test_values_of_different_classes_are_never_equal() -> None:
    day = date(2026, 3, 4)
    assert Day(day) != Month(day)
    assert len({Day(day), Month(day)}) == 2
    with pytest.raises(TypeError):
        _ = Ranked(1, "a") < Point(1)  # type: ignore[operator]


def test_a_value_is_immutable_and_has_no_dict() -> None:
    money = Money(35.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.value = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del money.value
    assert not hasattr(money, "__dict__")
    assert Point.label == "point" and fields(Point) == ("x", "y")


def test_arguments_are_checked_as_a_dataclass_checks_them() -> None:
    with pytest.raises(TypeError, match="missing"):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected"):
        Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple"):
        Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="positional"):
        Point(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    with pytest.raises(TypeError, match="follows a field with a default"):
        class Wrong(Value):  # noqa: F841
            a: int = 0
            b: int


def test_repr_copy_pickle_and_replace() -> None:
    message = Message("{n} items", (("n", Items(("a", "b"))),), count=2)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert pickle.loads(pickle.dumps(message)) == message
    assert copy.deepcopy(message) == message and copy.copy(message) is not None
    assert replace(Point(1, 2), y=5) == Point(1, 5)
    with pytest.raises(TypeError):
        replace(Point(1), z=1)


def test_eq_false_keeps_identity() -> None:
    one, two = Holder([1]), Holder([1])
    assert one != two and one == one
    assert len({one, two}) == 2
