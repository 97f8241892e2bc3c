"""Every reader of a plan agrees on what it says: the edit commands and fmt read scalars as
validate does, survive what validate accepts, and never change more than the user named."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

HEADER = "plan: {id: p, title: P, organisation: O, period: {start: 2024-01-01, end: 2027-12-31}}\n"


def _plan(folder: Path, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("ident", ["2020-03-03", "2020_03_04", "1_000", "0b101", "2001-12-14t21.59"])
def test_edits_find_ids_that_yaml_1_1_reads_as_dates_or_numbers(tmp_path: Path, ident: str) -> None:
    plan = _plan(tmp_path / "p", HEADER + f"deadlines:\n  - {{id: {ident}, task: D, date: 2025-01-01}}\n")
    assert run_cli("validate", str(plan)).code == 0
    result = run_cli("done", ident, "--date", "2025-01-02", "-p", str(plan))
    assert result.code == 0, result.err
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert f"{{id: {ident}, task: D, date: 2025-01-01, status: done, done_on: 2025-01-02}}" in text
    assert run_cli("validate", str(plan)).code == 0


def test_round_trip_reads_scalars_as_the_loader_does() -> None:
    from planverk.edit.roundtrip import dump, load
    from planverk.load.yamlsource import resolve_plain

    for text in ["2020-03-03", "2020_03_04", "0o17", "0x1F", "1e3", "08:30", "NO", "0017", "1.", "~", "true", "0b101"]:
        value = load(f"a: {text}\n")["a"]
        expected = resolve_plain(text)
        assert value == expected and isinstance(value, type(expected)), text
        assert dump(load(f"a: {text}\n")) == f"a: {text}\n".replace("a: ~", "a:")


@pytest.mark.parametrize("ending", ["...\n", "...\n...\n", "...\n...\n...", "\n...\n\n...\n"])
def test_fmt_reads_files_ending_in_document_end_markers(tmp_path: Path, ending: str) -> None:
    plan = _plan(tmp_path / "p", HEADER + "people: [{id: a, name: A}]\n" + ending)
    assert run_cli("validate", str(plan)).code == 0
    result = run_cli("fmt", "--check", str(plan))
    assert result.code in (0, 1) and "Traceback" not in result.err
    assert run_cli("fmt", str(plan)).code == 0
    assert run_cli("fmt", "--check", str(plan)).code == 0
    assert run_cli("validate", str(plan)).code == 0


def test_fmt_and_edits_survive_the_deepest_nesting_validate_reads(tmp_path: Path) -> None:
    from planverk.load.yamlsource import MAX_DEPTH

    depth = MAX_DEPTH - 4
    plan = _plan(tmp_path / "p", HEADER + "x: " + "[" * depth + "]" * depth + "\n")
    assert "PV100" in run_cli("validate", str(plan)).out  # read, then refused by the model
    result = run_cli("fmt", "--check", str(plan))
    assert result.code in (0, 1) and "Traceback" not in result.err
    too_deep = _plan(tmp_path / "q", HEADER + "x: " + "[" * 1000 + "]" * 1000 + "\n")
    result = run_cli("fmt", "--check", str(too_deep))
    assert result.code == 2 and "PV013" in result.err


SHARED = HEADER + """events:
  - id: a
    title: A
    date: 2024-01-03
    time: "10:00-11:00"
    repeat: &serie {every: week, until: 2024-03-01}
  - id: b
    title: B
    date: 2024-01-03
    time: "12:00-13:00"
    repeat: *serie
"""


def test_an_edit_through_a_shared_anchor_is_refused(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "p", SHARED)
    assert run_cli("validate", str(plan)).code == 0
    result = run_cli("cancel", "a", "--occurrence", "2024-01-10", "-p", str(plan))
    assert result.code == 1 and "&serie" in result.err
    assert (plan / "plan.yaml").read_text(encoding="utf-8") == SHARED


def test_an_edit_beside_a_shared_anchor_changes_exactly_the_item(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "p", SHARED)
    result = run_cli("cancel", "a", "-p", str(plan))
    assert result.code == 0, result.err
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert text.count("status: cancelled") == 1 and "repeat: *serie" in text
