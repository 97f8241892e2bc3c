"""Numbers from the plan in findings are written the plan language's way (``25,5`` in
bokmål and nynorsk, ``25.5`` in English; amounts as ``11,5 mill. kr``, never ``1.15e+07``),
and a negative score is told it is below 0, whatever the question's maximum."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GitRepo, run_cli

PLAN = """\
plan:
  id: tall
  title: Tall i meldinger
  organisation: Nordvik kommune
  period: {{start: 2025-01-01, end: 2028-12-31}}
  language: {language}
scorecards:
  - id: kk
    title: Kommunekompasset
    areas:
      - id: demokrati
        name: Demokrati
        questions:
          - {{id: d1, text: Innsyn, max: 20}}
          - {{id: d2, text: Strømming, max: 20}}
    assessments:
      - organisation: Nordvik kommune
        year: 2024
        date: 2024-09-27
        scores:
          demokrati: {{d1: 25.5, d2: -2.5}}
kpis:
  - id: fravaer
    name: Sykefravær
    unit: percent
    scale: {{min: 0, max: 100}}
    direction: lower
    baseline: {{value: 7.5, date: 2023-12-31}}
    target: {{value: 9.25, due: 2026-12-31}}
    measurements:
      - {{date: 2024-12-31, value: 120.5}}
savings_targets:
  - id: kutt
    title: Kutt
    total: 12000000
    period: {{start: 2025-01-01, end: 2026-12-31}}
    years: {{2025: 4000000, 2026: 11500000}}
"""


def _findings(tmp_path: Path, language: str) -> str:
    (tmp_path / "plan.yaml").write_text(PLAN.format(language=language), encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.code == 1, result.err
    return result.out + result.err


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["gir 25,5 poeng på 'demokrati.d1', der maksimum er 20",
                "gir -2,5 poeng på 'demokrati.d2': en score er 0 eller mer",
                "målverdien 9,25 er dårligere enn utgangsverdien 7,5",
                "120,5 er utenfor skalaen 0-100",
                "(2026: 11,5 mill. kr) er ikke totalen (12 mill. kr)"]),
        ("nn", ["gir 25,5 poeng på 'demokrati.d1'",
                "gir -2,5 poeng på 'demokrati.d2': ein score er 0 eller meir",
                "120,5 er utanfor skalaen"]),
        ("en", ["scores 25.5 on 'demokrati.d1', whose maximum is 20",
                "scores -2.5 on 'demokrati.d2': a score is 0 or more",
                "(2026: NOK 11.5M) is not the total (NOK 12M)"]),
    ],
)
def test_numbers_in_findings_are_written_the_plans_way(tmp_path: Path, language: str, expected: list[str]) -> None:
    out = _findings(tmp_path, language)
    for text in expected:
        assert text in out
    if language != "en":
        assert "25.5" not in out and "9.25" not in out and "e+07" not in out


def test_a_number_written_as_text_is_shown_as_written(tmp_path: Path) -> None:
    plan = PLAN.format(language="nb").replace("d1: 25.5", 'd1: "ca. 25,5"')
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    out = run_cli("validate", str(tmp_path)).out
    assert "gir ca. 25,5 poeng på 'demokrati.d1'" in out


KPI_PLAN = """\
plan:
  id: k
  title: K
  organisation: Nordvik kommune
  period: {start: 2025-01-01, end: 2028-12-31}
  language: nb
kpis:
  - id: fravaer
    name: Sykefravær
    unit: percent
    direction: lower
    baseline: {value: 9.5, date: 2023-12-31}
    target: {value: 8.5, due: 2026-12-31}
    measurements:
      - {date: 2024-12-31, value: 9.25}
"""


def test_the_diff_writes_a_plans_numbers_its_way_and_json_as_written(
    tmp_path: Path, repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "plan.yaml").write_text(KPI_PLAN, encoding="utf-8")
    plan = repo.add_plan(source)
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(
        text.replace("value: 8.5, due", "value: 7.75, due").replace("value: 9.25}", "value: 9.125}"), encoding="utf-8"
    )
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "målingen per 31. desember 2024 er endret fra 9,25 til 9,125" in out  # every decimal: a diff hides none
    assert "målet er endret fra 8,5 innen 31. desember 2026 til 7,75 innen 31. desember 2026" in out
    document = json.loads(run_cli("diff", "--git", "HEAD", str(plan), "-f", "json").out)
    assert (document["measurements"][0]["old"], document["measurements"][0]["new"]) == ("9.25", "9.125")
    assert (document["kpi_targets"][0]["old_value"], document["kpi_targets"][0]["new_value"]) == ("8.5", "7.75")
