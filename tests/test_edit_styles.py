"""Each edit command on files in each writing style: the git diff is only the intended lines.

``tests/cases/edit-styles/STYLE/plan.yaml`` is one small plan written in a style people
use (CR LF line ends, a byte-order mark, lists flush with their key, four spaces a level,
flow mappings, comments aligned by hand, no final line end, mixed quoting).
``STYLE/COMMAND.diff`` is what ``git diff -U0`` shows after the command, from its first
``@@`` on, with a carriage return shown as ``<CR>`` and a byte-order mark as ``<BOM>``
so that both are seen when the file is read. ``PLANVERK_UPDATE_GOLDEN=1`` rewrites them:
read each diff before committing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import CASES, GitRepo, run_cli, run_cli_en

STYLES = CASES / "edit-styles"

COMMANDS: dict[str, tuple[str, ...]] = {
    "done": ("done", "PLAN", "innspill", "--date", "2019-09-19"),
    "cancel": ("cancel", "PLAN", "samling"),
    "cancel-occurrence": ("cancel", "PLAN", "styringsgruppemote", "--occurrence", "2019-03-13"),
    "record-measurement": ("record", "measurement", "PLAN", "sykefravaer", "8,7 %", "--date", "2019-06-30",
                           "--source", "Fraværsstatistikk 2. kvartal"),
    "record-realised": ("record", "realised", "PLAN", "innkjop", "1,2 mill. kr", "--year", "2019"),
    "record-decision": ("record", "decision", "PLAN", "innkjop", "--status", "in-progress", "--date", "2019-02-06"),
    "record-assessment": ("record", "assessment", "PLAN", "lavere-effekt", "--probability", "4",
                          "--consequence", "4", "--date", "2019-05-02", "--note", "Svakere første tertial"),
    "record-score": ("record", "score", "PLAN", "gjennomgang", "Oppvekst", "2019", "leiarskap", "l2", "15"),
    "record-score-new": ("record", "score", "PLAN", "gjennomgang", "Helse", "2019", "leiarskap", "l1", "12"),
    # text that cannot stand plain: quoted with the file's own quote, never ruamel's choice
    "record-score-quoted": ("record", "score", "PLAN", "gjennomgang", "Helse: sør", "2019", "leiarskap", "l1",
                            "ca. 12"),
    "record-measurement-quoted": ("record", "measurement", "PLAN", "sykefravaer", "8,7 %", "--date",
                                  "2019-06-30", "--source", "Statistikk: 2. kvartal", "--note", "foreløpig #2"),
    "record-assessment-quoted": ("record", "assessment", "PLAN", "lavere-effekt", "--probability", "4",
                                 "--date", "2019-05-02", "--note", "Ny vurdering: høyere"),
    "done-step": ("done", "PLAN", "tiltaksliste", "--date", "2019-03-14"),
    "move": ("move", "PLAN", "samling", "--date", "2019-09-12", "--time", "10:00-15:00"),
    "move-occurrence": ("move", "PLAN", "styringsgruppemote", "--occurrence", "2019-03-13", "--date", "2019-03-14"),
}


def _shown(diff: bytes) -> str:
    """The hunks of a diff, with CR and BOM made visible."""
    text = diff.decode("utf-8").replace("\r", "<CR>").replace("\ufeff", "<BOM>")
    lines = text.split("\n")
    first = next(n for n, line in enumerate(lines) if line.startswith("@@"))
    return "\n".join(lines[first:])


def _diff_after(repo: GitRepo, style: Path, command: tuple[str, ...]) -> tuple[str, str]:
    plan = repo.root / "plan"
    shutil.copytree(style, plan, ignore=shutil.ignore_patterns("*.diff"))
    repo.commit("start")
    result = run_cli_en(*(str(plan) if a == "PLAN" else a for a in command))
    assert result.code == 0, result.err
    assert result.err == ""
    import subprocess

    diff = subprocess.run(
        ["git", "diff", "-U0", "--no-color", "--", "plan/plan.yaml"],
        cwd=repo.root, capture_output=True, check=True,
    ).stdout
    return _shown(diff), (plan / "plan.yaml").read_bytes().decode("utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("style", sorted(p.name for p in STYLES.iterdir() if p.is_dir()))
def test_an_edit_changes_only_its_lines_in_the_files_style(repo: GitRepo, style: str, command: str) -> None:
    folder = STYLES / style
    shown, text = _diff_after(repo, folder, COMMANDS[command])
    expected = folder / f"{command}.diff"
    if os.environ.get("PLANVERK_UPDATE_GOLDEN") == "1":
        expected.write_text(shown, encoding="utf-8")
    assert expected.is_file(), f"no {expected}: regenerate with PLANVERK_UPDATE_GOLDEN=1 and read it"
    assert shown == expected.read_text(encoding="utf-8")
    original = (folder / "plan.yaml").read_bytes()
    # what the style is made of survives every edit
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    assert text.endswith("\n") == original.endswith(b"\n")
    if b"\r\n" in original:
        assert "\n" not in text.replace("\r\n", "")
    assert run_cli("validate", str(repo.root / "plan")).code == 0
