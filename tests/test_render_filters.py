"""Filters that keep plan text from breaking Markdown: table cells and block starts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from planverk.render.filters import cell, paragraph


@given(st.text())
def test_cells_never_break_a_table(text: str) -> None:
    out = cell(text)
    assert "\n" not in out and "\r" not in out
    assert all(out[i - 1] == "\\" for i, c in enumerate(out) if c == "|")


@given(st.text(min_size=1))
def test_paragraphs_never_start_a_list_heading_or_quote(text: str) -> None:
    out = paragraph(text)
    assert "\n" not in out
    assert not re.match(r"^(\d{1,9}[.)](\s|$)|[-+*]\s|#|>)", out)
