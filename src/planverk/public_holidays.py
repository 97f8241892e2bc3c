"""Norway's public holidays, from the ``holidays`` package, reading only its Norway module.

``holidays.Norway(...)`` first imports every country the package knows (over 200
modules, about 50 ms and 10 MB); planverk needs Norway's alone.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def _norway_class() -> Any:
    import holidays

    try:
        path = Path(holidays.__file__).parent / "countries" / "norway.py"
        spec = importlib.util.spec_from_file_location("holidays.countries.norway", path)
        if spec is None or spec.loader is None:
            raise ImportError(str(path))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.Norway
    except (ImportError, OSError, AttributeError):  # another layout of the package: the usual way
        return holidays.Norway


def norway(years: list[int], language: str | None = None) -> Any:
    """Norway's public holidays in ``years`` as a ``holidays.HolidayBase`` (a dict of date to
    name); Sundays are not counted as holidays. ``language`` is the names' ("no", "en_US")."""
    options = {"language": language} if language else {}
    return _norway_class()(years=years, include_sundays=False, **options)


_LIBRARY_LANGUAGE = {"nb": "no", "nn": "no", "en": "en_US"}
"""The ``holidays`` package's language for each of planverk's; it has no nynorsk."""

_NYNORSK = {
    "Første nyttårsdag": "Fyrste nyttårsdag",
    "Første påskedag": "Fyrste påskedag",
    "Arbeidernes dag": "Arbeidarane sin dag",
    "Første pinsedag": "Fyrste pinsedag",
    "Første juledag": "Fyrste juledag",
}
"""The bokmål names nynorsk writes otherwise (the rest are written alike)."""


@lru_cache(maxsize=64)
def _names(year: int, language: str) -> dict[Any, str]:
    names = dict(norway([year], language=_LIBRARY_LANGUAGE.get(language, "en_US")))
    if language == "nn":
        names = {day: _NYNORSK.get(name, name) for day, name in names.items()}
    return names


@dataclass(frozen=True, slots=True)
class HolidayNames:
    """The names of the public holidays on some days, written in the reader's language
    (a message argument: :func:`planverk.i18n.show` calls :meth:`render`). ``days`` are
    the dates, sorted and each once (see :meth:`of`)."""

    days: tuple[date, ...]

    @classmethod
    def of(cls, days: Iterable[date]) -> HolidayNames:
        """The names for ``days`` (any order, repeats allowed)."""
        return cls(tuple(sorted(set(days))))

    def __str__(self) -> str:  # a stable sort key for messages (planverk.i18n._value_key)
        return ", ".join(day.isoformat() for day in self.days)

    def render(self, language: str) -> str:
        """The names, sorted and each once, joined with ", " (nb, nn or en)."""
        names = {_names(day.year, language).get(day) for day in self.days}
        return ", ".join(sorted(name for name in names if name))
