"""Refusals of `invitations`, Word output and templates speak the plan's language (bokmål or
nynorsk, each its own), like every other message; `--lang en` gives English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

NB, NN = PLANS / "gran-2017", PLANS / "scorecard-2023"  # a bokmål plan and a nynorsk one


def _nynorsk_gran(tmp_path: Path) -> Path:
    """Gran's plan (which has invitations) said to be in nynorsk."""
    plan = tmp_path / "gran-nn"
    shutil.copytree(NB, plan)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("  language: nb", "  language: nn"), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "er en fil: oppgi en mappe for invitasjonene"),
        ("nn", "er ei fil: oppgi ei mappe for invitasjonane"),
        ("en", "is a file: give a folder for the invitations"),
    ],
)
def test_invitations_refuse_in_the_plans_language(language: str, expected: str, tmp_path: Path) -> None:
    plan = _nynorsk_gran(tmp_path) if language == "nn" else NB
    taken = tmp_path / "a-file"
    taken.write_text("mine", encoding="utf-8")
    english = ("--lang", "en") if language == "en" else ()
    result = run_cli("invitations", str(plan), "-o", str(taken), *english)
    assert result.code == 2 and expected in result.err, result.err


def test_an_unknown_sender_is_refused_in_bokmal(tmp_path: Path) -> None:
    result = run_cli("invitations", str(NB), "-o", str(tmp_path / "out"), "--sender", "nobody")
    assert result.code == 2 and "--sender nobody: planen har ingen med den id-en" in result.err


@pytest.mark.parametrize(("plan", "expected"), [(NB, "filen finnes ikke"), (NN, "fila finst ikkje")])
def test_word_output_refuses_in_the_plans_language(plan: Path, expected: str, tmp_path: Path) -> None:
    missing = tmp_path / "mal.docx"
    result = run_cli("render", str(plan), "-f", "docx", "--reference-doc", str(missing), "-o", str(tmp_path / "out"))
    assert result.code == 2 and f"--reference-doc {missing}: {expected}" in result.err, result.err


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        (NB, "'titel' finnes ikke for hendelse: mente du 'title'? det som finnes, er id, title"),
        (NN, "'titel' finst ikkje for hending: meinte du 'title'? det som finst, er id, title"),
    ],
)
def test_template_errors_speak_the_plans_language(plan: Path, expected: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "doc.md.j2").write_text("# x\n{% for e in events %}{{ e.titel }}{% endfor %}\n", encoding="utf-8")
    result = run_cli("render", str(plan), "doc", "--templates", str(mine))
    assert result.code == 2 and "doc.md.j2:2: " + expected in result.err, result.err
    assert ("under skriving av hendelse '" if plan == NB else "under skriving av hending '") in result.err
    missing = run_cli("render", str(plan), "doc", "--templates", str(tmp_path / "nowhere"))
    assert missing.code == 2 and ("er ikke en mappe" if plan == NB else "er ikkje ei mappe") in missing.err
