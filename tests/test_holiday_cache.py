"""Norway's public holidays kept in the user's cache folder (planverk.public_holidays.norway_days):
the same days as ``holidays`` computes, and an entry of another ``holidays`` release, span of
years or language is never used."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from planverk import public_holidays
from planverk.public_holidays import norway, norway_days


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own, and a ``holidays`` release of the test's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANVERK_CACHE_DIR", str(folder))
    monkeypatch.setattr(public_holidays, "_installed_release", lambda: "holidays-1.0.dist-info:abc")
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("holidays-*.json"))


@pytest.mark.parametrize("years, language", [([2017], "no"), ([2016, 2017, 2018], "no"),
                                               ([1900, 2199], "no"), ([2024], "en_US"), ([], "no")])
def test_the_days_are_those_holidays_computes(cache: Path, years: list[int], language: str) -> None:
    expected = dict(norway(years, language))
    assert norway_days(years, language) == expected  # computed, then written
    assert norway_days(years, language) == expected  # read back
    assert len(entries(cache)) == 1


def test_the_entry_is_what_a_second_run_reads(cache: Path) -> None:
    norway_days([2017], "no")
    entry = entries(cache)[0]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["days"]["2017-03-01"] = "Written by the test"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert norway_days([2017], "no")[date(2017, 3, 1)] == "Written by the test"


def test_an_entry_of_another_release_span_or_language_is_never_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    norway_days([2017], "no")
    entry = entries(cache)[0]
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["days"]["2017-03-01"] = "Stale"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert date(2017, 3, 1) not in norway_days([2017, 2018], "no")
    assert date(2017, 3, 1) not in norway_days([2017], "en_US")
    monkeypatch.setattr(public_holidays, "_installed_release", lambda: "holidays-2.0.dist-info:def")
    assert norway_days([2017], "no") == dict(norway([2017], "no"))


@pytest.mark.parametrize("damage", [b"", b"{\"days\": {\"2017-13-45\": 1}}", b"[1, 2]", b"\xff\xfe"])
def test_a_torn_or_corrupt_entry_is_computed_again(cache: Path, damage: bytes) -> None:
    norway_days([2017], "no")
    entries(cache)[0].write_bytes(damage)
    assert norway_days([2017], "no") == dict(norway([2017], "no"))
    assert norway_days([2017], "no") == dict(norway([2017], "no"))


def test_the_installed_release_names_its_dist_info_and_record() -> None:
    public_holidays._installed_release.cache_clear()
    release = public_holidays._installed_release()
    if release is None:  # holidays installed without a .dist-info beside it: nothing is cached
        return
    name, _, digest = release.partition(":")
    assert name.startswith("holidays-") and name.endswith(".dist-info")
    assert len(digest) == 32


def test_nothing_is_cached_when_caching_is_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANVERK_NO_CACHE", "1")
    assert norway_days([2017], "no") == dict(norway([2017], "no"))
    assert not cache.exists()
