"""A person's text goes into the plan exactly as typed, whatever the file's style.

The recording commands write notes, sources and organisation names into files written in
any style (``tests/cases/edit-styles``): padded flow brackets, single quotes, CR LF. The
text read back by the plan loader must be the text given, character for character; text
the plan may not hold (a control character) is refused, and then nothing is written.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import CASES, run_cli_en
from planverk.load.planfiles import read_plan

STYLES = sorted(p for p in (CASES / "edit-styles").iterdir() if p.is_dir())

TEXT_COMMANDS = {
    "assessment note": (
        ("record", "assessment", "PLAN", "lavere-effekt", "--probability", "4", "--date", "2019-05-02",
         "--note", "TEXT"),
        lambda data: data["risks"][0]["assessments"][-1]["note"],
    ),
    "measurement note": (
        ("record", "measurement", "PLAN", "sykefravaer", "8,7 %", "--date", "2019-06-30", "--note", "TEXT"),
        lambda data: data["kpis"][0]["measurements"][-1]["note"],
    ),
    "measurement source": (
        ("record", "measurement", "PLAN", "sykefravaer", "8,7 %", "--date", "2019-06-30", "--source", "TEXT"),
        lambda data: data["kpis"][0]["measurements"][-1]["source"],
    ),
}
"""Each recording command that writes a text the user types, and where that text lands."""


def _record(folder: Path, style: Path, command: str, text: str) -> tuple[int, str, bytes, bytes]:
    """Run ``command`` with ``text`` on a fresh copy of ``style``: exit code, stderr, file before and after."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(style, folder, ignore=shutil.ignore_patterns("*.diff"))
    before = (folder / "plan.yaml").read_bytes()
    args, _ = TEXT_COMMANDS[command]
    result = run_cli_en(*(str(folder) if a == "PLAN" else text if a == "TEXT" else a for a in args))
    return result.code, result.err, before, (folder / "plan.yaml").read_bytes()


def _written(folder: Path, command: str) -> object:
    data = read_plan(folder).data
    assert data is not None
    return TEXT_COMMANDS[command][1](data)


def _plan_may_hold(text: str) -> bool:
    """Whether the plan's checks accept ``text``: no control characters but line breaks and tabs, no format characters."""
    return all(c in "\n\t" or unicodedata.category(c) not in {"Cc", "Cf", "Cs"} for c in text)


@pytest.mark.parametrize("style", STYLES, ids=lambda p: p.name)
@pytest.mark.parametrize("command", sorted(TEXT_COMMANDS))
def test_brackets_in_a_note_are_the_users_text_in_every_style(tmp_path: Path, style: Path, command: str) -> None:
    text = "Se vedlegg [2] og {x}, jf. [ a ]"
    code, err, _, _ = _record(tmp_path / "plan", style, command, text)
    assert code == 0, err
    assert _written(tmp_path / "plan", command) == text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    style=st.sampled_from(STYLES),
    command=st.sampled_from(sorted(TEXT_COMMANDS)),
    text=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
)
@example(style=CASES / "edit-styles" / "flow-mappings", command="assessment note", text="{ a } [b]")
@example(style=CASES / "edit-styles" / "mixed-quoting", command="measurement note", text="før\u2028etter")
@example(style=CASES / "edit-styles" / "layout", command="measurement source", text="x\u2029")
@example(style=CASES / "edit-styles" / "notepad", command="assessment note", text="\x1b[31mrød")
def test_any_text_is_written_exactly_or_refused_unwritten(tmp_path: Path, style: Path, command: str, text: str) -> None:
    folder = tmp_path / "plan"
    code, err, before, after = _record(folder, style, command, text)
    if _plan_may_hold(text):
        assert code == 0, err
        assert _written(folder, command) == text
    elif code != 0:
        assert after == before
    else:
        assert _written(folder, command) == text
