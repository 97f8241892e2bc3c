"""A language code planverk has no words for gets bokmål's, from every table of words."""

from __future__ import annotations

from planverk.model.periods import parse_period
from planverk.review.diffreport import diff_markdown
from planverk.review.fieldwords import FieldWriter
from planverk.review.words import words


def test_the_diffs_sentences_fall_back_to_bokmal() -> None:
    assert words("sv") == words("nb") != words("en")
    assert words("") == words("nb")


def test_the_diffs_field_names_fall_back_to_bokmal() -> None:
    writer = FieldWriter("de", lambda text: f"`{text}`")
    assert writer.changes("savings_targets", "unallocated", 3e6, 4e6) == ["ikke fordelt: 3 mill. kr → 4 mill. kr"]


def test_a_diff_of_a_plan_that_does_not_read_speaks_bokmal() -> None:
    assert diff_markdown(None, "HEAD", "working tree").startswith("Den nye versjonen kan ikke leses")


def test_a_period_label_falls_back_to_bokmal() -> None:
    assert parse_period("2025-W15").label("sv") == parse_period("2025-W15").label("nb") == "uke 15 2025"
