"""Immutable value objects declared as frozen dataclasses are, made without generated code.

``@dataclass(frozen=True)`` writes each class's ``__init__``, ``__eq__``, ``__hash__``,
``__repr__``, ``__setattr__`` and ``__delattr__`` as Python source and compiles them
when the module is imported: on Python 3.11 about three million instructions a class.
The messages, findings and issues every run imports are such classes, and a small
``planverk validate`` is mostly start-up (issue 18). A :class:`Value` is declared the
same way, fields as annotations with optional defaults, and shares one implementation
of those methods:

    class Money(Value):
        value: float
        scale: int | None = None

- ``Money(35.0)``, ``Money(value=35.0, scale=6)``: positional or keyword arguments, in
  the order of the fields (a base class's first); a missing or unknown one raises
  ``TypeError`` as a dataclass's ``__init__`` does. ``__post_init__`` runs when defined.
- Immutable: setting or deleting a field raises :class:`dataclasses.FrozenInstanceError`.
- ``==`` holds between values of the same class with equal fields; ``hash`` is the hash
  of the fields (so equal values hash alike; a field that cannot be hashed makes the
  value unhashable, as it would a dataclass). ``eq=False`` in the class line keeps
  identity instead; ``order=True`` adds ``<``, ``<=``, ``>``, ``>=`` over the fields.
- ``repr``, ``copy``, ``pickle`` and :func:`replace` work as for a dataclass; instances
  have ``__slots__`` and no ``__dict__`` (a class names in ``__slots__`` what else it
  keeps, set with ``object.__setattr__`` in ``__post_init__``).

``dataclasses.fields()`` and ``asdict()`` do not know a Value; use :func:`fields`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any, TypeVar

V = TypeVar("V", bound="Value")

_NO_DEFAULT: Any = object()


class _ValueType(type):
    """Reads a Value class's annotated fields and defaults and gives it ``__slots__``."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any],
                eq: bool = True, order: bool = False) -> _ValueType:
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        for base in bases:
            inherited += getattr(base, "__value_fields__", ())
            defaults.update(getattr(base, "__value_defaults__", {}))
        own = tuple(
            field for field, kind in namespace.get("__annotations__", {}).items()
            if not field.startswith("__") and not str(kind).startswith(("ClassVar", "typing.ClassVar"))
        )
        for field in own:
            if field in namespace:
                defaults[field] = namespace.pop(field)
        fields = inherited + own
        required = [field for field in fields if field not in defaults]
        if required and fields.index(required[-1]) > min(
            (fields.index(field) for field in defaults), default=len(fields)
        ):
            raise TypeError(f"{name}: non-default field '{required[-1]}' follows a field with a default")
        namespace["__slots__"] = own + tuple(namespace.get("__slots__", ()))  # and any the class keeps besides
        namespace.setdefault("__value_fields__", fields)
        namespace.setdefault("__value_defaults__", defaults)
        namespace["__match_args__"] = fields
        if not eq:
            namespace.setdefault("__eq__", object.__eq__)
            namespace.setdefault("__hash__", object.__hash__)
        if order:
            for method in _ORDER:
                namespace.setdefault(method.__name__, method)
        return super().__new__(mcs, name, bases, namespace)


def _values(value: Value) -> tuple[Any, ...]:
    return tuple(getattr(value, field) for field in value.__value_fields__)


class Value(metaclass=_ValueType):
    """Base of the immutable value classes (see the module's documentation)."""

    __slots__ = ()
    __value_fields__: tuple[str, ...] = ()
    __value_defaults__: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self.__value_fields__
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} positional arguments "
                            f"but {len(args)} were given")
        for field, value in zip(fields, args):
            object.__setattr__(self, field, value)
        for field, value in kwargs.items():
            if field not in fields:
                raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{field}'")
            if fields.index(field) < len(args):
                raise TypeError(f"{type(self).__name__}() got multiple values for argument '{field}'")
            object.__setattr__(self, field, value)
        if len(args) + len(kwargs) < len(fields):
            defaults = self.__value_defaults__
            for field in fields[len(args):]:
                if field in kwargs:
                    continue
                value = defaults.get(field, _NO_DEFAULT)
                if value is _NO_DEFAULT:
                    raise TypeError(f"{type(self).__name__}() missing required argument: '{field}'")
                object.__setattr__(self, field, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}'")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self) == _values(other)  # type: ignore[arg-type]

    def __hash__(self) -> int:
        return hash(_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{field}={getattr(self, field)!r}" for field in self.__value_fields__)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), _values(self))


def _compare(name: str, test: Callable[[Any, Any], bool]) -> Callable[[Value, Any], bool]:
    """The method ``name`` (``__lt__`` ...): ``test`` of the fields of two values of one class."""

    def method(self: Value, other: Any) -> bool:
        return test(_values(self), _values(other)) if other.__class__ is self.__class__ else NotImplemented

    method.__name__ = name
    return method


_ORDER = tuple(_compare(f"__{name}__", getattr(operator, name)) for name in ("lt", "le", "gt", "ge"))


def fields(value: Value | type[Value]) -> tuple[str, ...]:
    """The names of a Value's (or Value class's) fields, in order."""
    return value.__value_fields__


def replace(value: V, **changes: Any) -> V:
    """A copy of ``value`` with some fields changed (as :func:`dataclasses.replace`)."""
    current = {field: getattr(value, field) for field in value.__value_fields__}
    unknown = set(changes) - set(current)
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {sorted(unknown)[0]!r}")
    return type(value)(**{**current, **changes})
