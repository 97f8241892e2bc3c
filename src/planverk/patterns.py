"""Regular expressions compiled when first used, not when their module is imported.

Python compiles a pattern in Python code (``re._compiler``): about half a million
instructions each. planverk's modules hold some forty, most of them for texts a given
run never meets (period words, number forms, error paths), and a small ``validate`` is
mostly start-up (issue 18). :func:`lazy` defers the compiling to the first use.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    """Stands for ``re.compile(pattern, flags)``: the first read of an attribute
    (``match``, ``search``, ``sub``, ``pattern``, ...) compiles it and keeps what the
    compiled pattern gives, so every later read is an ordinary attribute read."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # called only for names not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(*self._args), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r}, {self._args[1]!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """A regular expression that behaves as ``re.compile(pattern, flags)`` (its methods and
    attributes) and is compiled when one of them is first read.

    An invalid ``pattern`` raises :class:`re.error` at that first read, not here: a test
    that uses each pattern finds it."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, int(flags)))
