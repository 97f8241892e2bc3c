"""A real amount in a money column is never shown as 0: the column keeps one unit (its
largest amount's), and an amount two decimals would round to 0 gets the decimals its first
digit needs (4 000 kr beside 40 mill. kr is 0,004 mill. kr)."""

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
        (0, 10**6, "0 mill. kr", "NOK 0M"),
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
    assert "| – Omstillingsprosjektet | 0,004 mill. kr | 0 mill. kr |" in year_2026
    assert "| **Redusere netto driftsutgifter med 40 mill. kr** | **2 mill. kr** | **2 mill. kr** |" in year_2026  # rounded as ever
