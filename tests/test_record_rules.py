"""planverk record: refusals that keep what the plan already says, in the plan's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, run_cli_en

BOKMAL = """\
plan:
  id: nb
  title: Omstilling
  organisation: Stavvik kommune
  owner: ola
  period: {start: 2026-01-01, end: 2027-12-31}
people:
  - {id: ola, name: Ola}
savings_targets:
  - id: innsparing
    title: Innsparing
    total: 4 mill. kr
    period: {start: 2026-01-01, end: 2027-12-31}
measures:
  - id: innkjop
    title: Felles innkjøp
    owner: ola
    status: vedtatt
    decided_on: 2025-12-10
    savings_target: innsparing
    effect: {2026: 2 mill. kr}
  - id: vikar
    title: Færre vikarer
    owner: ola
    status: vedtatt
    decided_on: 2025-12-10
    status_history:
      - {date: 2025-12-10, status: vedtatt}
    savings_target: innsparing
    effect: {2026: 1 mill. kr}
scorecards:
  - id: kompass
    title: Kommunekompasset
    areas:
      - id: demokrati
        name: Demokrati
        questions:
          - {id: d1, text: Innbyggerdialog, max: 20}
    assessments:
      - organisation: Stavvik kommune
        year: 2020
        scores: {demokrati: 14}
"""


def _plan(tmp_path: Path, language: str = "nb") -> Path:
    text = BOKMAL if language == "nb" else BOKMAL.replace("  owner: ola\n  period", f"  owner: ola\n  language: {language}\n  period", 1)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("measure", ["innkjop", "vikar"])
def test_deciding_a_decided_measure_again_is_refused_and_names_the_earlier_date(tmp_path: Path, measure: str) -> None:
    plan = _plan(tmp_path)
    before = (plan / "plan.yaml").read_bytes()
    result = run_cli("record", "decision", str(plan), measure, "--status", "decided", "--date", "2026-03-01")
    assert result.code == 1
    assert f"tiltaket '{measure}' ble allerede vedtatt 10. desember 2025" in result.err
    assert "--force" in result.err
    assert (plan / "plan.yaml").read_bytes() == before


def test_force_corrects_the_decision_date_and_says_what_it_was(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli_en("record", "decision", str(plan), "vikar", "--status", "decided", "--date", "2025-12-12",
                        "--force")
    assert result.code == 0, result.err
    assert "(was 10 December 2025)" in result.out
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "    decided_on: 2025-12-12\n    status_history:\n      - {date: 2025-12-12, status: vedtatt}\n" in text
    assert run_cli("validate", str(plan)).code == 0
    # the same decision again is nothing to do, not a refusal
    again = run_cli_en("record", "decision", str(plan), "vikar", "--status", "decided", "--date", "2025-12-12")
    assert again.code == 0 and again.out.startswith("nothing to do")


def test_a_later_status_keeps_the_decision_date_without_force(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli_en("record", "decision", str(plan), "innkjop", "--status", "in-progress", "--date", "2026-02-01")
    assert result.code == 0, result.err
    assert "decided_on: 2025-12-10" in (plan / "plan.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "said"), [
    ("nb", "'abc' er ikke et tall"),
    ("nn", "'abc' er ikkje eit tal"),
    ("en", "'abc' is not a number"),
])
def test_a_bad_amount_is_named_once_in_the_plans_language(tmp_path: Path, language: str, said: str) -> None:
    plan = _plan(tmp_path, language)
    result = run_cli("record", "realised", str(plan), "innkjop", "abc", "--year", "2026")
    assert result.code == 2
    assert said in result.err
    assert result.err.count("abc") == 1


@pytest.mark.parametrize(("language", "said"), [
    ("nb", "Stavvik kommune 2020 har én samlet poengsum for området 'demokrati'"),
    ("nn", "Stavvik kommune 2020 har éin samla poengsum for området 'demokrati'"),
    ("en", "Stavvik kommune 2020 scores area 'demokrati' as a whole"),
])
def test_scoring_a_question_of_an_area_scored_as_a_whole_is_refused_in_the_plans_language(
    tmp_path: Path, language: str, said: str
) -> None:
    plan = _plan(tmp_path, language)
    before = (plan / "plan.yaml").read_bytes()
    result = run_cli("record", "score", str(plan), "kompass", "Stavvik kommune", "2020", "demokrati", "d1", "12")
    assert result.code == 2
    assert said in result.err
    assert (plan / "plan.yaml").read_bytes() == before


def test_a_bad_time_for_move_is_named_once(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli("move", str(plan), "x", "--date", "2026-01-08", "--time", "25:00")
    assert result.code == 2
    assert "--time: '25:00' er ikke et klokkeslett" in result.err
    assert result.err.count("25:00") == 1
