"""Status tables at 80 columns: cells wrap at spaces; no word or amount is cut in two."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLANS
from planverk.status import SECTIONS, compute, render_status, section_view
from planverk.status.render import _AMOUNT
from planverk.validate import validate_plan

AS_OF = date(2025, 6, 1)


def _source_texts(plan, section: str) -> list[str]:
    report = section_view(section, compute(plan, section, AS_OF), plan.plan.language, AS_OF)
    texts = [report.title, report.subtitle]
    for part in report.parts:
        if isinstance(part, str):
            texts.append(part)
            continue
        table = part.pruned()
        texts += [table.title, table.note or "", *table.headers]
        texts += [t for row in table.rows for cell in row for t in (cell.text, cell.detail or "")]
    return texts


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
@pytest.mark.parametrize("width", [80, 100])
def test_no_word_or_amount_is_cut_in_two(plan: Path, width: int) -> None:
    model = validate_plan(plan).plan
    assert model is not None
    for section in SECTIONS:
        texts = _source_texts(model, section)
        words = {w for t in texts for w in t.split()}
        out = render_status(model, section, AS_OF, fmt="rich", width=width)
        lines = out.splitlines()
        assert all(len(line) <= width for line in lines), section
        for token in out.split():
            # A whole word, a table rule, or a word shortened to fit ('medisindi…').
            assert token in words or set(token) == {"─"} or token.endswith("…"), (section, token)
        for text in texts:
            for amount in _AMOUNT.finditer(text):
                if " " in amount.group(0):
                    assert any(amount.group(0) in line for line in lines), (section, amount.group(0))


def test_amounts_stay_whole_in_a_narrow_table() -> None:
    model = validate_plan(Path(__file__).parent.parent / "plans" / "savings-2024").plan
    out = render_status(model, "measures", AS_OF, fmt="rich", width=80)
    assert "18,2 mill. kr" in out and "39,4 mill. kr" in out
    assert not re.search(r"mill\.\s*\n\s*kr", out)
