"""Amounts side by side are written in one unit, and zero alike everywhere: a savings table
in millions writes its amounts in 'mill. kr' and a zero as a reader writes it, '0 kr'
(English 'NOK 0'), never '0 mill. kr' (which reads as a figure rounded away) in one
column and '0 kr' in the next; in every language and every format that writes amounts as
text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PLANS, run_cli

AS_OF = "2025-06-30"
_AMOUNT = re.compile(
    r"(?:ca\. |approx\. )?(?:-?[\d\u00a0 ,.]+ (?P<nb>mill\. kr|mrd\. kr|kr)|NOK -?[\d,.]+(?P<en>M|bn|tn)?)(?![\w])"
)


def units(rows: list[str]) -> set[str]:
    """The units of the cells of ``rows`` that are amounts: 'kr' or 'mill. kr', '' or 'M'
    (English); an amount in a title or inside a sentence is not a cell's, and zero, '0 kr'
    in every column, has no unit of its own."""
    cells = [c.strip().strip("*") for row in rows for c in row.strip("|").split(" | ")]
    return {m.group("nb") or m.group("en") or "" for c in cells if (m := _AMOUNT.fullmatch(c))
            and c not in ZERO}


ZERO = {"0 kr", "NOK 0", "ca. 0 kr", "approx. NOK 0"}


def tables(markdown: str) -> list[list[str]]:
    """Each Markdown table's body rows."""
    found: list[list[str]] = []
    rows: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            rows.append(line)
        elif rows:
            found.append(rows[2:])
            rows = []
    return found


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("plan", ["cost-reduction-2025", "savings-2024"])
def test_a_tables_amounts_share_one_unit_zero_included(plan: str, language: str) -> None:
    for section in ("measures", None):
        args = ["status", str(PLANS / plan), *([section] if section else []), "-f", "markdown", "--as-of", AS_OF]
        out = run_cli(*args, "--lang", language).out
        checked = 0
        for rows in tables(out):
            if section is None:  # the overview: one cell holds one year's figures
                for row in rows:
                    figures = [f.split(": ")[-1] for f in row.split(" · ")]
                    assert len(units(["| " + " | ".join(figures) + " |"])) <= 1, row
                continue
            if units(rows):
                assert len(units(rows)) == 1, rows
                checked += 1
        assert checked or section is None


@pytest.mark.parametrize(("language", "zero", "rounded_away"), [
    ("nb", "| 0 kr |", "0 mill. kr"), ("nn", "| 0 kr |", "0 mill. kr"), ("en", "| NOK 0 |", "NOK 0M"),
])
def test_the_tree_of_cost_reduction_writes_its_zeros_as_0_kr(language: str, zero: str, rounded_away: str) -> None:
    out = run_cli(
        "status", str(PLANS / "cost-reduction-2025"), "measures", "-f", "markdown", "--as-of", AS_OF, "--lang", language
    ).out
    assert zero in out and not re.search(r"(?<![\d,.])" + re.escape(rounded_away) + r"(?![\d])", out)


def test_xlsx_writes_kroner_the_languages_way(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for language, exact, rough in (
        ("nb", '#,##0 "kr"', '"ca. "#,##0 "kr"'),
        ("en", '"NOK "#,##0', '"approx. NOK "#,##0'),
    ):
        out = tmp_path / f"{language}.xlsx"
        run = run_cli(
            "status", str(PLANS / "cost-reduction-2025"), "measures", "-f", "xlsx", "-o", str(out),
            "--as-of", AS_OF, "--lang", language,
        )
        assert run.code == 0, run.err
        formats = {c.number_format for sheet in load_workbook(out) for row in sheet.iter_rows() for c in row}
        assert exact in formats and rough in formats, formats
