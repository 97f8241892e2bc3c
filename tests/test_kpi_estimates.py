"""KPI values written as estimates ('ca. 8,7 %', '≈ 9') keep their mark everywhere status
shows them: tables and documents ('ca.'), CSV (``approximate``), JSON and XLSX (the cell's
number format), as scores and amounts already do."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from conftest import run_cli

PLAN = """\
plan:
  id: anslag
  title: Anslag
  organisation: Test kommune
  owner: kari
  period: {start: 2025-01-01, end: 2026-12-31}
  language: LANG
people:
  - {id: kari, name: Kari}
groups:
  - {id: staff, name: Staff, kind: management-team, members: [kari]}
kpis:
  - id: sykefravaer
    name: Sykefravær
    unit: percent
    direction: lower
    owner: kari
    baseline: {value: ca. 10 %, date: 2025-01-31}
    target: {value: 7 %, due: 2026-12-31}
    measurements:
      - {date: 2025-06-30, value: "ca. 8,7 %"}
  - id: innbyggere
    name: Innbyggere
    unit: count
    owner: kari
    baseline: {value: 1200, date: 2025-01-31}
    target: {value: ca. 1500, due: 2026-12-31}
    measurements:
      - {date: 2025-06-30, value: 1300}
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    def write(language: str) -> Path:
        (tmp_path / "plan.yaml").write_text(PLAN.replace("LANG", language), encoding="utf-8")
        return tmp_path
    return write  # type: ignore[return-value]


@pytest.mark.parametrize(("language", "about"), [("nb", "ca."), ("nn", "ca."), ("en", "approx.")])
def test_the_table_marks_each_estimate(plan, language: str, about: str) -> None:
    result = run_cli("status", str(plan(language)), "kpis", "-f", "markdown", "--as-of", "2025-12-31")
    assert result.code == 0, result.out + result.err
    rows = [line for line in result.out.splitlines() if line.startswith("| Sykefravær") or line.startswith("| Innbyggere")]
    sick, people = rows
    assert sick.count(f"{about} ") == 3  # baseline, latest and the change from one to the other
    assert f"{about} 10" in sick and f"{about} 8" in sick and f"{about} -1" in sick
    assert people.count(f"{about} ") == 1 and f"{about} 1" in people  # the target alone


def test_csv_names_the_estimates_in_approximate(plan) -> None:
    result = run_cli("status", str(plan("nb")), "kpis", "-f", "csv", "--as-of", "2025-12-31")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.out))}
    assert rows["sykefravaer"]["approximate"] == "baseline; latest; change; expected"
    assert rows["innbyggere"]["approximate"] == "target; expected"


def test_json_marks_each_reading_and_the_target(plan) -> None:
    result = run_cli("status", str(plan("nb")), "kpis", "-f", "json", "--as-of", "2025-12-31")
    sick, people = json.loads(result.out)["data"]
    assert sick["baseline"]["approximate"] is True and sick["latest"]["approximate"] is True
    assert sick["target_approximate"] is False
    assert people["latest"]["approximate"] is False and people["target_approximate"] is True


def test_xlsx_shows_the_estimates_with_ca_in_the_number_format(plan, tmp_path: Path) -> None:
    out = tmp_path / "kpis.xlsx"
    result = run_cli("status", str(plan("nb")), "kpis", "-f", "xlsx", "-o", str(out), "--as-of", "2025-12-31")
    assert result.code == 0, result.err
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    sick = {h: c for h, c in zip(header, sheet[2])}
    people = {h: c for h, c in zip(header, sheet[3])}
    assert "Anslått" not in header  # named by the cells' format, not a column
    assert sick["Utgangspunkt"].number_format.startswith('"ca. "') and sick["Utgangspunkt"].value == pytest.approx(0.10)
    assert sick["Siste måling"].number_format.startswith('"ca. "')
    assert not sick["Mål"].number_format.startswith('"ca. "')
    assert people["Mål"].number_format.startswith('"ca. "') and people["Mål"].value == 1500
    assert not people["Siste måling"].number_format.startswith('"ca. "')


def test_record_measurement_keeps_the_mark(plan) -> None:
    folder = plan("nb")
    result = run_cli("record", "measurement", str(folder), "innbyggere", "ca. 1 350", "--date", "2025-09-30")
    assert result.code == 0, result.err
    shown = run_cli("status", str(folder), "kpis", "-f", "markdown", "--as-of", "2025-12-31").out
    assert "ca. 1 350" in shown.replace("\u00a0", " ")


SAVINGS = """\
savings_targets:
  - {id: heile, title: Heile kommunen, total: ca. 35 mill kroner, period: {start: 2025-01-01, end: 2025-12-31}}
measures:
  - id: klassar
    title: Færre klassar
    savings_target: heile
    status: proposed
    effect:
      2025: ca. 3 mill. kr
"""


def test_picture_alt_texts_keep_the_estimates(plan, tmp_path: Path) -> None:
    folder = plan("nn")
    with (folder / "plan.yaml").open("a", encoding="utf-8") as f:
        f.write(SAVINGS)
    out = tmp_path / "out"
    result = run_cli("render", str(folder), "status-report", "-f", "html", "-o", str(out), "--as-of", "2025-12-31")
    assert result.code == 0, result.out + result.err
    page = (out / "status-report.html").read_text(encoding="utf-8")
    labels = [label for label in page.split('aria-label="')[1:]]
    sick = next(label for label in labels if label.startswith("Sykefravær"))
    assert "ca. 10 %" in sick and "ca. 8,7 %" in sick  # the baseline and the reading
    savings = next(label for label in labels if label.startswith("Heile kommunen"))
    assert "mål ca. 35 mill. kr" in savings and "identifisert ca. 3 mill. kr" in savings


def test_diff_keeps_the_estimates_of_the_economy(plan, tmp_path: Path) -> None:
    old = plan("nn")
    (old / "plan.yaml").write_text((old / "plan.yaml").read_text(encoding="utf-8") + SAVINGS, encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    text = (old / "plan.yaml").read_text(encoding="utf-8")
    (new / "plan.yaml").write_text(text.replace("ca. 35 mill", "ca. 36 mill").replace("ca. 3 mill", "4 mill"),
                                   encoding="utf-8")
    result = run_cli("diff", str(old), str(new))
    assert result.code == 0, result.out + result.err
    assert "venta effekt: 2025: ca. 3 mill. kr → 4 mill. kr" in result.out
    assert "totalt: ca. 35 mill. kr → ca. 36 mill. kr" in result.out
    assert "2025: ca. 3 mill. kr → 4 mill. kr" in result.out.split("Identifisert")[1]
    document = json.loads(run_cli("diff", str(old), str(new), "-f", "json").out)
    [effect] = document["measures"]
    assert effect["approximate"] == [[2025, True, False]]
    target, identified = document["savings"]
    assert target["total_approximate"] == [True, True] and identified["approximate"] == [[2025, True, False]]
