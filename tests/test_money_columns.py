"""A real amount in a money column is never shown as 0: the column keeps one unit (its
largest amount's), and an amount two decimals would round to 0 gets the decimals its first
digit needs (4 000 kr beside 40 mill. kr is 0,004 mill. kr). The amounts of one table (or
message) share one unit and one rounding and none is rounded, so that a parent's row adds
up its children's as shown: more decimals, or a smaller unit down to whole kroner."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from planverk import formatting
from test_savings_years import PLAN


@pytest.mark.parametrize(
    ("kroner", "scale", "nb", "en"),
    [
        (4_000, 10**6, "0,004 mill. kr", "NOK 0.004M"),
        (-4_000, 10**6, "-0,004 mill. kr", "-NOK 0.004M"),
        (1_500, 10**6, "0,002 mill. kr", "NOK 0.002M"),  # one digit, a half rounded up
        (37, 10**6, "0,00004 mill. kr", "NOK 0.00004M"),
        (9_999, 10**6, "0,01 mill. kr", "NOK 0.01M"),
        (5_000_000, 10**9, "0,01 mrd. kr", "NOK 0.01bn"),
        (800_000, 10**6, "0,8 mill. kr", "NOK 0.8M"),
        (0, 10**6, "0 kr", "NOK 0"),  # nothing is 0 kr in any unit
        (0, 10**9, "0 kr", "NOK 0"),
    ],
)
def test_a_real_amount_in_a_column_of_millions_is_never_0(kroner: float, scale: int, nb: str, en: str) -> None:
    assert formatting.fmt_money(kroner, scale=scale) == nb
    assert formatting.fmt_money(kroner, scale=scale, language="en") == en


@settings(max_examples=200, deadline=None)
@given(st.integers(-10**10, 10**10).filter(lambda n: n != 0), st.sampled_from([10**6, 10**9]))
def test_no_amount_of_a_krone_or_more_shows_as_0(kroner: int, scale: int) -> None:
    text = formatting.fmt_money(kroner, scale=scale)
    assert any(digit in text for digit in "123456789"), text


def test_a_small_saving_beside_millions_shows_in_the_status(tmp_path: Path) -> None:
    plan = PLAN.replace("effect: {2026: 500 000 kr}", "effect: {2026: 4 000 kr}")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    out = run_cli("status", str(tmp_path), "measures", "--as-of", "2026-06-01", "-f", "markdown").out
    year_2026 = out[out.index("## 2026:"):out.index("## 2027:")]
    assert "| – Omstillingsprosjektet | 0,004 mill. kr | 0 kr |" in year_2026
    # the parent shows the sum of its rows as shown, not rounded where they are not
    assert "| **Redusere netto driftsutgifter med 40 mill. kr** | **2,004 mill. kr** | **2 mill. kr** |" in year_2026


TREE = """\ufeffplan:
  id: vik-2025
  title: Innsparing
  organisation: Vik kommune
  period: {start: 2025-01-01, end: 2025-12-31}
  language: nn
savings_targets:
- id: heile
  title: Heile kommunen
  total: ca. 35 mill kroner
  period: {start: 2025-01-01, end: 2025-12-31}
- {id: skule, title: Skule, parent: heile, total: 12 345 678 kr, period: {start: 2025-01-01, end: 2025-12-31}}
- {id: helse, title: Helse, parent: heile, total: '22,65 mill. kr', period: {start: 2025-01-01, end: 2025-12-31}}
measures:
- {id: m1, title: Færre klassar, savings_target: skule, status: proposed, effect: {2025: 1 234 567 kr}}
- {id: m2, title: Heimetenester, savings_target: helse, status: proposed, effect: {2025: '2,35 mill. kr'}}
"""


def _amount(text: str) -> int:
    """Whole kroner from a cell as shown ('**ca. 35 000 000 kr**', '2,8 mill. kr')."""
    number = text.strip("* ").removeprefix("ca. ").removesuffix(" kr").replace("\u00a0", " ")
    if number.endswith(" mill."):
        return round(float(number.removesuffix(" mill.").replace(" ", "").replace(",", ".")) * 10**6)
    return int(number.replace(" ", ""))


def test_a_savings_tree_adds_up_as_shown(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(TREE.replace("\n", "\r\n").encode("utf-8"))
    out = run_cli("status", str(tmp_path), "measures", "--as-of", "2025-06-01", "-f", "markdown").out
    rows = [line.split("|")[1:-1] for line in out.splitlines() if line.startswith(("| **Heile", "| – "))]
    parent, *children = [[cell.strip() for cell in row] for row in rows]
    assert [row[0] for row in children] == ["– Skule", "– Helse", "– Ikkje fordelt"]
    assert len(parent) >= 4  # target, identified, ..., gap
    for column in range(1, len(parent)):
        assert _amount(parent[column]) == sum(_amount(row[column]) for row in children), (column, rows)
    assert parent[1] == "**ca. 35 000 000 kr**" and children[0][1] == "12 345 678 kr"


def test_a_message_compares_amounts_as_written(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(TREE.encode("utf-8"))
    out = run_cli("validate", str(tmp_path)).out
    assert ("delmåla (12 345 678 kr, 22 650 000 kr) blir til saman 34 995 678 kr av totalen "
            "ca. 35 000 000 kr: skriv kva som står att å finne, 'unallocated: 4 322 kr'") in out
