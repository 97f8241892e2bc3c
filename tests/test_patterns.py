"""planverk.patterns.lazy: a pattern compiled on first use behaves as re.compile's."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, strategies as st

import planverk
from planverk.patterns import _LazyPattern, lazy


def _lazy_patterns() -> list[tuple[str, str, _LazyPattern]]:
    found = []
    for info in pkgutil.walk_packages(planverk.__path__, "planverk."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, _LazyPattern):
                found.append((info.name, name, value))
    return found


LAZY = _lazy_patterns()


def test_planverk_defers_its_patterns() -> None:
    assert len(LAZY) >= 20


@pytest.mark.parametrize("where", LAZY, ids=lambda w: f"{w[0]}.{w[1]}")
def test_every_deferred_pattern_compiles_to_what_re_compile_gives(where) -> None:
    _, _, pattern = where
    pattern_text, flags = pattern._args
    compiled = re.compile(pattern_text, flags)
    assert pattern.pattern == compiled.pattern
    assert pattern.flags == compiled.flags
    assert pattern.groupindex == compiled.groupindex


@given(st.text(alphabet="0123456789-+.,xoaeinfINF kvartal uke mai/juni–", max_size=20))
def test_a_deferred_pattern_matches_as_the_compiled_one(text: str) -> None:
    for _, _, pattern in LAZY:
        compiled = re.compile(*pattern._args)
        for method in ("match", "search", "fullmatch"):
            got, want = getattr(pattern, method)(text), getattr(compiled, method)(text)
            assert (got and got.groups()) == (want and want.groups())
        assert pattern.sub("_", text) == compiled.sub("_", text)


def test_a_bad_pattern_fails_at_first_use_with_re_error() -> None:
    bad = lazy("(unclosed")
    with pytest.raises(re.error):
        bad.match("x")


def test_reading_an_attribute_keeps_it() -> None:
    pattern = lazy(r"\d+", re.ASCII)
    first = pattern.findall
    assert pattern.findall is first
    assert pattern.findall("a 12 b 3") == ["12", "3"]
    assert "lazy" in repr(pattern)
