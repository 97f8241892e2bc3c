"""An amount written as an estimate ('ca. 35 mill kroner') against one written exactly
('kr 35 mill.') is a change `planverk diff` shows, in every money field, as it is for scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GitRepo, run_cli, write_as_saved_on_windows

OLD = """\
plan:
  id: sparing-2025
  title: Sparing 2025
  organisation: Testvik kommune
  period: {start: 2025-01-01, end: 2027-12-31}
  language: nn
savings_targets:
- id: hovud
  title: Hovudmål
  total: kr 35 mill.
  unallocated: 5 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
  years: {2025: 10 mill. kr, 2026: 20 mill. kr, 2027: kr 35 mill.}
- id: under
  title: Under
  parent: hovud
  total: 30 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
  years: {2025: 10 mill. kr, 2026: 20 mill. kr, 2027: 30 mill. kr}
measures:
- id: tiltak-a
  title: Tiltak A
  status: decided
  decided_on: 2024-12-01
  savings_target: under
  effect: {2025: 3 mill. kr}
  realised: {2025: 2 mill. kr}
"""

ESTIMATED = (
    ("total: kr 35 mill.", "total: ca. 35 mill kroner"),
    ("2027: kr 35 mill.}", "2027: ca. 35 mill kroner}"),
    ("unallocated: 5 mill. kr", "unallocated: om lag 5 mill. kr"),
    ("effect: {2025: 3 mill. kr}", "effect: {2025: ca. 3 mill. kr}"),
    ("realised: {2025: 2 mill. kr}", "realised: {2025: ~2 mill. kr}"),
)


def _estimated(text: str) -> str:
    for exact, rough in ESTIMATED:
        assert exact in text
        text = text.replace(exact, rough)
    return text


def test_every_amount_that_became_an_estimate_is_a_change(tmp_path: Path) -> None:
    old, new = write_as_saved_on_windows(tmp_path / "old", OLD), write_as_saved_on_windows(tmp_path / "new", _estimated(OLD))

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert "ingen endringar" not in run.out
    for line in (
        "- Tiltaket **Tiltak A** (`tiltak-a`), venta effekt: 2025: 3 mill. kr → ca. 3 mill. kr\n",
        "- Tiltaket **Tiltak A** (`tiltak-a`), realisert: 2025: 2 mill. kr → ca. 2 mill. kr\n",
        "totalt: 35 mill. kr → ca. 35 mill. kr; 2027: 35 mill. kr → ca. 35 mill. kr\n",
        "- Identifisert innsparing mot **Under** (`under`): 2025: 3 mill. kr → ca. 3 mill. kr\n",
        "ikkje fordelt: 5 mill. kr → ca. 5 mill. kr\n",
    ):
        assert line in run.out
    back = run_cli("diff", str(new), str(old), "--lang", "en")
    assert "unallocated: approx. NOK 5M → NOK 5M" in back.out
    assert "total: approx. NOK 35M → NOK 35M" in back.out


def test_json_marks_the_estimates(tmp_path: Path) -> None:
    old, new = write_as_saved_on_windows(tmp_path / "old", OLD), write_as_saved_on_windows(tmp_path / "new", _estimated(OLD))

    document = json.loads(run_cli("diff", str(old), str(new), "-f", "json").out)

    target = next(s for s in document["savings"] if s["change"] == "target")
    assert target["total"] == [35e6, 35e6] and target["total_approximate"] == [False, True]
    assert target["approximate"] == [[2027, False, True]]
    effect = next(m for m in document["measures"] if m["change"] == "effect")
    assert effect["years"] == [[2025, 3e6, 3e6]] and effect["approximate"] == [[2025, False, True]]
    [field] = document["other"][0]["fields"]
    assert field == {"field": "unallocated", "old": 5e6, "new": {"value": 5e6, "approximate": True}}


def test_the_same_amount_written_another_way_is_no_change(tmp_path: Path) -> None:
    """'kr 35 mill.' and '35 mill. kr' are one amount, both exact: nothing to review."""
    reworded = OLD.replace("total: kr 35 mill.", "total: 35 000 000 kr").replace("2027: kr 35 mill.}", "2027: 35 MNOK}")
    old, new = write_as_saved_on_windows(tmp_path / "old", OLD), write_as_saved_on_windows(tmp_path / "new", reworded)

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert "ingen endringar" in run.out


@pytest.mark.parametrize("field", ["effect", "total"])
def test_between_two_git_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str) -> None:
    (tmp_path / "repo").mkdir()
    repo = GitRepo(tmp_path / "repo")
    plan = write_as_saved_on_windows(repo.root / "plans" / "sparing", OLD)
    repo.commit("plan")
    exact, rough = next(pair for pair in ESTIMATED if pair[0].startswith(field))
    write_as_saved_on_windows(plan, OLD.replace(exact, rough))
    repo.commit("an estimate")
    monkeypatch.chdir(repo.root)

    run = run_cli("diff", "--git", "HEAD~1..HEAD", "plans/sparing")

    assert run.code == 0, run.err
    assert "Samanlikna: HEAD~1 → HEAD" in run.out
    assert "→ ca. " in run.out


def test_a_percentage_stays_one_and_an_estimated_number_says_so(tmp_path: Path) -> None:
    """A KPI's baseline '9 %' was told as '9'; a scorecard area's total '~40' as '40'."""
    plan = """\
plan:
  id: k
  title: K
  organisation: Vik kommune
  language: en
  period: {start: 2025-01-01, end: 2025-12-31}
kpis:
- id: sick
  name: Sick leave
  unit: percent
  direction: lower
  baseline: {value: 9 %, date: 2024-12-31}
scorecards:
- id: s
  title: S
  areas:
  - {id: a, name: A, total: 40}
"""
    old = write_as_saved_on_windows(tmp_path / "old", plan)
    new = write_as_saved_on_windows(tmp_path / "new", plan.replace("value: 9 %", "value: ca. 9 %").replace("total: 40", "total: ~40"))

    run = run_cli("diff", str(old), str(new))

    assert "baseline, value: 9% → approx. 9%\n" in run.out
    assert "total: 40 → approx. 40\n" in run.out
    fields = [f for item in json.loads(run_cli("diff", str(old), str(new), "-f", "json").out)["other"]
              for f in item["fields"]]
    assert fields[0]["field"] == "baseline"
    assert fields[0]["old"]["value"] == {"value": 9.0, "unit": "percent"}
    assert fields[0]["new"]["value"] == {"value": 9.0, "unit": "percent", "approximate": True}
