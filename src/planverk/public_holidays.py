"""Norway's public holidays, from the ``holidays`` package, reading only its Norway module.

``holidays.Norway(...)`` first imports every country the package knows (over 200
modules, about 50 ms and 10 MB); planverk needs Norway's alone. Importing the package
itself still takes about 13 ms of every ``validate``, so :func:`norway_days` keeps the
days it found in the user's cache folder (:mod:`planverk.cachedir`), one small JSON file
for each installed ``holidays`` release, span of years and language.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .values import Value
from . import cachedir


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


def norway_days(years: list[int], language: str) -> dict[date, str]:
    """``dict(norway(years, language))``: each public holiday in ``years`` and its name.

    Read from the cache when an entry for the installed ``holidays`` release (the name and
    RECORD of its ``.dist-info``: a reinstall of another release changes both), this
    module's source, the years and the language exists; else computed by ``holidays`` and
    written there. Without a ``.dist-info`` beside the package (a source checkout), nothing
    is cached.
    """
    installed = _installed_release()
    if installed is None:
        return dict(norway(years, language))
    key = hashlib.blake2b(digest_size=16)
    for part in (installed, str(sorted(set(years))), language):
        key.update(part.encode("utf-8", "surrogatepass") + b"\0")
    name = f"holidays-{key.hexdigest()}.json"
    data = cachedir.read(name)
    if data is not None:
        try:
            return {date.fromisoformat(day): text for day, text in json.loads(data)["days"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):  # torn or foreign: computed again
            pass
    days = dict(norway(years, language))
    text = json.dumps({"days": {day.isoformat(): name for day, name in sorted(days.items())}},
                      ensure_ascii=False, sort_keys=True)
    cachedir.write(name, text.encode("utf-8"))
    return days


@lru_cache(maxsize=1)
def _installed_release() -> str | None:
    """What identifies the installed ``holidays`` and how this module asks it: the name of
    its ``.dist-info`` folder (``holidays-0.87.dist-info``), a hash of that folder's RECORD
    (every installed file and its hash) and of this module's source; None when not found."""
    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.submodule_search_locations:
            return None
        package = Path(next(iter(spec.submodule_search_locations)))
        found = [entry.name for entry in os.scandir(package.parent)
                 if entry.name.startswith("holidays-") and entry.name.endswith(".dist-info")]
        if len(found) != 1:
            return None
        digest = hashlib.blake2b(digest_size=16)
        digest.update((package.parent / found[0] / "RECORD").read_bytes())
        digest.update(Path(__file__).read_bytes())
        return f"{found[0]}:{digest.hexdigest()}"
    except (ImportError, OSError, ValueError):
        return None


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
    names = norway_days([year], _LIBRARY_LANGUAGE.get(language, "en_US"))
    if language == "nn":
        names = {day: _NYNORSK.get(name, name) for day, name in names.items()}
    return names


class HolidayNames(Value):
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
