"""The built-in templates' compiled code in the cache folder: used only when it cannot be stale."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import CASES
from planverk.render.context import build_context
from planverk.render.engine import environment, render_template
from planverk.render.labels import LABELS
from planverk.render.templates import TemplateFolders, builtin_root
from planverk.validate import validate_plan

MARKS = CASES / "valid" / "render-marks"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANVERK_CACHE_DIR", str(folder))
    monkeypatch.delenv("PLANVERK_NO_CACHE", raising=False)
    return folder


@pytest.fixture(scope="module")
def context():
    model = validate_plan(MARKS).plan
    assert model is not None
    return build_context(model, LABELS[model.plan.language], as_of=date(2025, 1, 1))


def _builtins(tmp_path: Path) -> TemplateFolders:
    """A copy of the built-in folder, taken as the built-ins (so that a test may change one)."""
    copy = tmp_path / "builtin"
    if not copy.exists():
        shutil.copytree(Path(str(builtin_root())), copy)
    return TemplateFolders([("built-in", copy)])


def _render(folders: TemplateFolders, context, name: str = "schedule.md.j2") -> str:
    return render_template(environment(folders, context.language), folders, name, context)


def _entries(cache: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in cache.glob("template-*.bin")}


def test_a_second_run_uses_the_compiled_code_and_prints_the_same(cache: Path, tmp_path: Path, context) -> None:
    folders = _builtins(tmp_path)
    first = _render(folders, context)
    written = _entries(cache)
    assert len(written) == 3  # the schedule, the macros it imports, the rows it includes
    assert _render(folders, context) == first
    assert _entries(cache) == written  # read, not written again


def test_a_stale_entry_is_never_used(cache: Path, tmp_path: Path, context) -> None:
    folders = _builtins(tmp_path)
    before = _render(folders, context)
    rows = folders.folders[-1][1] / "_schedule_rows.md.j2"
    rows.write_text(rows.read_text(encoding="utf-8").replace("| {{ (o.place", "| @{{ (o.place"), encoding="utf-8")
    after = _render(folders, context)
    assert after != before and "| @" in after and "| @" not in before
    assert after == _render(TemplateFolders([("built-in", folders.folders[-1][1])]), context)


@pytest.mark.parametrize("damage", [
    lambda data: data[:40],
    lambda data: data[:32] + bytes([data[32] ^ 1]) + data[33:],
    lambda data: b"",
    lambda data: b"\x00" * 32 + data[32:],
])
def test_a_torn_or_damaged_entry_is_compiled_again(cache: Path, tmp_path: Path, context, damage) -> None:
    folders = _builtins(tmp_path)
    expected = _render(folders, context)
    for entry in cache.glob("template-*.bin"):
        entry.write_bytes(damage(entry.read_bytes()))
    assert _render(folders, context) == expected
    assert all(len(data) > 100 for data in _entries(cache).values())  # written whole again


def test_no_cache_writes_nothing(cache: Path, tmp_path: Path, context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANVERK_NO_CACHE", "1")
    _render(_builtins(tmp_path), context)
    assert not cache.exists() or not _entries(cache)


def test_a_users_template_is_not_cached(cache: Path, tmp_path: Path, context) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "doc.md.j2").write_text("# {{ plan.title }}\n", encoding="utf-8")
    folders = TemplateFolders([("--templates", mine), ("built-in", builtin_root())])
    assert _render(folders, context, "doc.md.j2").startswith("# ")
    assert not _entries(cache)
