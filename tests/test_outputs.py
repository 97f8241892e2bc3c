"""Outputs are complete or untouched: folders swap as one, killed runs are cleaned up,
read-only files are not replaced, and any text reaches a terminal that cannot encode it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

GRAN = PLANS / "gran-2017"
NORDRE = PLANS / "nordre-follo-2018"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_output_folder_is_never_missing_during_the_swap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planverk import files

    probe_a, probe_b = tmp_path / "a", tmp_path / "b"
    probe_a.mkdir(), probe_b.mkdir()
    if not files._exchange(probe_a, probe_b):
        pytest.skip("this file system has no atomic exchange; replace_folder uses two renames here")
    probe_a.rmdir(), probe_b.rmdir()
    site = tmp_path / "site"
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    seen: list[bool] = []
    real_rename = os.rename

    def watching_rename(a, b, *args, **kwargs):  # every step of the swap, as another process sees it
        seen.append(site.is_dir() and (site / "index.html").is_file())
        real_rename(a, b, *args, **kwargs)
        seen.append(site.is_dir() and (site / "index.html").is_file())

    monkeypatch.setattr(files.os, "rename", watching_rename)
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    assert seen == []  # one atomic exchange, no rename at all
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_run_killed_between_two_renames_is_repaired_by_the_next(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    before = _snapshot(site)
    # What a kill between the two renames of the fallback leaves: the old folder hidden,
    # a half-written new one beside it, and no site.
    site.rename(tmp_path / ".site.k1ll.old")
    (tmp_path / ".site.h4lf.new").mkdir()
    (tmp_path / ".site.h4lf.new" / "index.md").write_text("half", encoding="utf-8")
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    assert _snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_two_rename_fallback_restores_the_old_folder_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planverk import files

    site = tmp_path / "site"
    assert run_cli("ical", str(GRAN), "-o", str(site)).code == 0
    before = _snapshot(site)
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)
    calls = []
    real_rename = os.rename

    def second_fails(a, b, *args, **kwargs):
        calls.append((a, b))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_rename(a, b, *args, **kwargs)

    monkeypatch.setattr(files.os, "rename", second_fails)
    result = run_cli("ical", str(NORDRE), "-o", str(site))
    assert result.code == 2 and "disken er full" in result.err
    assert _snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_no_room_for_the_staging_folder_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planverk import files

    def no_inodes(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.tempfile, "mkdtemp", no_inodes)
    result = run_cli("ical", str(GRAN), "-o", str(tmp_path / "site"))
    assert result.code == 2
    # the feeds need the plan's history (read through a temporary copy) before they are written
    assert ("kan ikke skrive kalenderfeedene" in result.err or "kan ikke kopiere planen fra git" in result.err)
    assert "disken er full: gjør plass" in result.err and "Traceback" not in result.err


def test_render_writes_its_documents_as_one_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine\n", encoding="utf-8")
    assert run_cli("render", str(NORDRE), "-o", str(out), "--as-of", "2018-09-01").code == 0
    before = _snapshot(out)
    assert "notes.md" in before and len(before) > 2
    written = []
    real = Path.write_text

    def full_after_one(self, *args, **kwargs):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_after_one)
    result = run_cli("render", str(NORDRE), "-o", str(out), "--as-of", "2019-03-01")
    assert result.code == 2 and "disken er full" in result.err
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_render_keeps_other_documents_of_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("render", str(NORDRE), "workbook", "-o", str(out), "--as-of", "2018-09-01").code == 0
    assert run_cli("render", str(NORDRE), "schedule", "-o", str(out), "--as-of", "2018-09-01").code == 0
    assert sorted(p.name for p in out.iterdir()) == ["schedule.md", "workbook.md"]


def test_done_refuses_a_read_only_file(tmp_path: Path) -> None:
    import shutil

    plan = tmp_path / "plan"
    shutil.copytree(NORDRE, plan)
    target = next(p for p in plan.rglob("*.yaml") if "frist-revidert-arbeidsbok" in p.read_text(encoding="utf-8"))
    before = target.read_bytes()
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        result = run_cli("done", "frist-revidert-arbeidsbok", "--date", "2018-10-11", "-p", str(plan))
    finally:
        target.chmod(0o644)
    assert result.code == 2 and "er skrivebeskyttet: gjør den skrivbar" in result.err
    assert target.read_bytes() == before


def _run_with_encoding(encoding: str, *args: str) -> tuple[int, bytes]:
    """Run planverk in-process with a stdout that encodes as ``encoding`` (a terminal's locale)."""
    import io
    from contextlib import redirect_stdout

    from planverk.cli import main

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, write_through=True)
    code = 0
    with redirect_stdout(stream):
        try:
            main(list(args))
        except SystemExit as exit_:
            code = exit_.code or 0
    stream.flush()
    return code, raw.getvalue()


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "iso-8859-1"])
def test_any_terminal_encoding_gets_text_not_a_traceback(encoding: str) -> None:
    code, out = _run_with_encoding(encoding, "status", str(PLANS / "savings-2024"), "-f", "markdown",
                                   "--as-of", "2025-06-01")
    assert code == 0
    text = out.decode(encoding)
    if encoding != "cp1252":  # cp1252 has the en dash
        assert "2024-2027" in text
    code, out = _run_with_encoding(encoding, "render", str(GRAN), "schedule", "--as-of", "2017-06-01")
    assert code == 0 and out.decode(encoding)


def test_render_refuses_a_folder_that_holds_folders(tmp_path: Path) -> None:
    (tmp_path / "repo" / "src").mkdir(parents=True)
    result = run_cli("render", str(NORDRE), "-o", str(tmp_path / "repo"), "--as-of", "2018-09-01")
    assert result.code == 2 and "inneholder mapper" in result.err  # the plan's bokmål
    assert sorted(p.name for p in (tmp_path / "repo").iterdir()) == ["src"]
