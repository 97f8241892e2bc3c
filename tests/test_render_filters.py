"""Filters that keep plan text from breaking Markdown: table cells and block starts."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from planverk.formatting import _when, fmt_when
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


_DAYS = st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31))


@given(
    calls=st.lists(
        st.tuples(
            _DAYS,
            st.one_of(st.none(), _DAYS),
            st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0))),
            st.sampled_from(["full", "long", "medium", "short"]),
            st.sampled_from(["nb", "nn", "en"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_when_remembered_says_what_it_computes(calls) -> None:
    """``fmt_when`` remembers its texts: each call, in any order and language, says what
    computing it afresh says."""
    for day, last_day, at, style, language in [*calls, *reversed(calls)]:
        last = max(day, last_day) if last_day else None
        assert fmt_when(day, last, at, style=style, language=language) == _when.__wrapped__(day, last, at, style, language)
