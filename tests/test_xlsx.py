"""`planverk status --format xlsx -o FILE`, read back with openpyxl as Excel would: numbers
are numbers, dates are dates, kroner and percent have number formats, headers and sheet
names speak the plan's language, plan text is never a formula, same plan same bytes."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import CASES, PLANS, run_cli

AS_OF = "--as-of=2026-06-30"


def workbook(path: Path, *args: str):
    result = run_cli("status", *args, "--format", "xlsx", "-o", str(path), AS_OF)
    assert result.code == 0, result.err
    assert result.out in (f"skrev {path}\n", f"skreiv {path}\n", f"wrote {path}\n")  # the plan's language
    return openpyxl.load_workbook(path)


def rows(sheet) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row)) for row in values[1:]]


def cells(sheet, header: str):
    column = [c.value for c in sheet[1]].index(header) + 1
    return [sheet.cell(r, column) for r in range(2, sheet.max_row + 1)]


def test_every_section_is_a_sheet_with_norwegian_names_and_headers(tmp_path: Path) -> None:
    book = workbook(tmp_path / "status.xlsx", str(PLANS / "savings-2024"))
    assert book.sheetnames == [
        "Frister",
        "KPI-er",
        "Innsparing per år",
        "Tiltak",
        "Gevinster",
        "Risikoer",
    ]
    assert [c.value for c in book["Risikoer"][1]][:6] == [
        "Id",
        "Tittel",
        "Sannsynlighet",
        "Konsekvens",
        "Score",
        "Nivå",
    ]
    assert rows(book["Risikoer"])[0]["Nivå"] == "Høy"


def test_numbers_are_numbers_and_dates_are_dates_with_formats(tmp_path: Path) -> None:
    book = workbook(tmp_path / "status.xlsx", str(PLANS / "savings-2024"))
    savings = rows(book["Innsparing per år"])
    assert savings[0]["År"] == 2024 and savings[0]["Mål"] == 10_000_000
    money = cells(book["Innsparing per år"], "Identifisert")
    assert all(isinstance(c.value, (int, float)) and "kr" in c.number_format for c in money)
    kpis = {row["Id"]: row for row in rows(book["KPI-er"])}
    absence = kpis["sykefravaer"]
    assert absence["Utgangspunkt"] == 0.094  # 9,4 % as an Excel percentage
    assert isinstance(absence["Utgangspunkt, dato"], datetime)
    assert absence["Utgangspunkt, dato"].date().isoformat() == "2023-12-31"
    percent = cells(book["KPI-er"], "Utgangspunkt")[1]
    assert "%" in percent.number_format
    dates = cells(book["Frister"], "Dato")
    assert all(c.is_date and c.number_format == "dd.mm.yyyy" for c in dates)
    risks = rows(book["Risikoer"])
    assert all(isinstance(r["Score"], int) for r in risks if r["Score"] is not None)
    assert all(isinstance(r["Ny vurdering forfalt"], bool) for r in risks)


def test_one_section_and_english_headers(tmp_path: Path) -> None:
    book = workbook(tmp_path / "m.xlsx", str(CASES / "valid" / "mermaid-labels"), "measures")
    assert book.sheetnames == ["Savings per year", "Measures"]
    assert [c.value for c in book["Measures"][1]][:3] == ["Id", "Title", "Owner"]
    assert cells(book["Measures"], "Estimated 2025")[0].value == 1_000_000


def test_plan_text_is_never_a_formula(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(
        "plan: {id: p, title: T, organisation: O, period: {start: 2026-01-01, end: 2026-12-31}}\n"
        "risks:\n"
        '  - {id: r1, title: \'=HYPERLINK("http://example.org","x")\', probability: 3, consequence: 2}\n'
        "  - {id: r2, title: '+1+1', probability: 2, consequence: 2}\n",
        encoding="utf-8",
    )
    book = workbook(tmp_path / "r.xlsx", str(plan), "risks")
    titles = cells(book["Risikoer"], "Tittel")
    assert [c.value for c in titles] == ['=HYPERLINK("http://example.org","x")', "+1+1"]
    assert all(c.data_type == "s" for c in titles)


def test_same_plan_same_bytes_with_fixed_dates(tmp_path: Path) -> None:
    workbook(tmp_path / "a.xlsx", str(PLANS / "savings-2024"))
    workbook(tmp_path / "b.xlsx", str(PLANS / "savings-2024"))
    data = (tmp_path / "a.xlsx").read_bytes()
    assert data == (tmp_path / "b.xlsx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = openpyxl.load_workbook(tmp_path / "a.xlsx").properties
    assert props.created == props.modified == datetime(2026, 6, 30)


def test_xlsx_needs_a_file() -> None:
    result = run_cli("status", str(PLANS / "savings-2024"), "--format", "xlsx")
    assert result.code == 2
    assert "-o FILE" in result.err


def test_csv_stays_plain_utf8_and_can_go_to_a_file(tmp_path: Path) -> None:
    result = run_cli(
        "status",
        str(PLANS / "savings-2024"),
        "risks",
        "-f",
        "csv",
        "-o",
        str(tmp_path / "r.csv"),
        AS_OF,
    )
    assert result.code == 0, result.err
    data = (tmp_path / "r.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8").splitlines()[0].startswith("id,title,probability,")


CODE_WORDS_PLAN = """\
plan: {id: p, title: T, organisation: O, period: {start: 2026-01-01, end: 2026-12-31}, language: LANG}
people: [{id: kari, name: Kari}]
deadlines:
  - {id: d1, date: 2026-05-29, task: Rapport, responsible: kari}
  - {id: d2, kind: milestone, date: 2026-06-30, task: Vedtatt}
kpis:
  - id: sykefravaer
    name: Sykefravær
    unit: percent
    direction: lower
    data_source: register
    baseline: {value: "8,2", date: 2025-12-31}
    target: {value: "6,5", due: 2026-12-31}
    measurements: [{date: 2026-04-30, value: "7,9"}]
scorecards:
  - id: kort
    title: Kort
    areas: [{id: a, name: Ledelse, questions: [{id: q1, text: Mål, max: 10}]}]
    assessments: [{organisation: Org, year: 2026, scores: {a: {q1: 5}}}]
"""


@pytest.mark.parametrize(
    "language, words",
    [
        ("nb", ["frist", "milepæl", "prosent"]),
        ("nn", ["frist", "milepæl", "prosent"]),
        ("en", ["deadline", "milestone", "percent"]),
    ],
)
def test_code_words_are_in_the_plans_language(tmp_path: Path, language: str, words: list[str]) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(CODE_WORDS_PLAN.replace("LANG", language), encoding="utf-8")
    book = workbook(tmp_path / "s.xlsx", str(plan))
    deadlines, kpis, scorecard = (rows(sheet) for sheet in book.worksheets[:3])
    first = list(deadlines[0].values())[1], list(deadlines[1].values())[1]
    kpi = list(kpis[0].values())
    assert [*first, kpi[2]] == words
    codes = {"deadline", "milestone", "percent", "lower", "behind-line", "at-risk"}
    if language == "en":
        return  # English keeps the codes

    text = {c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row}
    assert not codes & text


def test_a_workbook_of_empty_sections_has_their_headers_not_sheet1(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(CODE_WORDS_PLAN.replace("LANG", "nn"), encoding="utf-8")
    book = workbook(tmp_path / "r.xlsx", str(plan), "risks")
    assert book.sheetnames == ["Risikoar"]
    assert [c.value for c in book["Risikoar"][1]][:3] == ["Id", "Tittel", "Sannsyn"]
    assert book["Risikoar"].max_row == 1
