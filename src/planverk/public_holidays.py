"""Norway's public holidays, from the ``holidays`` package, reading only its Norway module.

``holidays.Norway(...)`` first imports every country the package knows (over 200
modules, about 50 ms and 10 MB); planverk needs Norway's alone.
"""

from __future__ import annotations

import importlib.util
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
