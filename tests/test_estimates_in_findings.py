"""A finding that quotes an amount written as an estimate keeps its 'ca.', as status and
the diff do: 'the total ca. 35 mill. kr', never a bare '35 mill. kr' the plan never wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_as_saved_on_windows

PLAN = """\
plan:
  id: anslag-2025
  title: Anslag
  organisation: Vik kommune
  period: {start: 2025-01-01, end: 2027-12-31}
  language: nn
savings_targets:
- id: hovud
  title: Hovudmål
  total: ca. 35 mill kroner
  unallocated: 2 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
  years: {2025: 10 mill. kr, 2026: 20 mill. kr, 2027: om lag 30 mill. kr}
- id: under
  title: Under
  parent: hovud
  total: ~30 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
measures:
- id: tiltak
  title: Tiltak
  status: decided
  decided_on: 2024-12-01
  savings_target: under
  effect: {2025: ca. 100 000 kr}
  realised: {2025: 3 mill. kr}
"""


@pytest.mark.parametrize(("language", "said"), [
    ("nn", [
        "PV608 delmåla (ca. 30 mill. kr) og 'unallocated' (2 mill. kr) blir til saman ca. 32 mill. kr, "
        "ikkje totalen ca. 35 mill. kr",
        "(2027: ca. 30 mill. kr) er ikkje totalen (ca. 35 mill. kr)",
        "(3 mill. kr) er 30 gonger overslaget (ca. 100 000 kr)",
    ]),
    ("en", [
        "PV608 the sub-targets (approx. NOK 30M) and 'unallocated' (NOK 2M) come to approx. NOK 32M, "
        "not the total approx. NOK 35M",
        "(2027: approx. NOK 30M) is not the total (approx. NOK 35M)",
        "(NOK 3M) is 30 times the estimate (approx. NOK 100,000)",
    ]),
])
def test_findings_keep_the_estimates_ca(tmp_path: Path, language: str, said: list[str]) -> None:
    run = run_cli("validate", str(write_as_saved_on_windows(tmp_path / "plan", PLAN)), "--lang", language)

    assert run.code == 1
    for text in said:
        assert text in run.out, run.out
