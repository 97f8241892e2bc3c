"""A value a comma cut inside '{ }' ('{2025: 3,5 mill. kr}') is told at the field it was
written in ('effect'), quoting the value as meant, as other findings name their fields;
never by the key the comma left ('effect.5 mill. kr')."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write_as_saved_on_windows

PLAN = """\
plan:
  id: komma
  title: Komma
  organisation: Vik kommune
  language: {language}
  period: {start: 2025-01-01, end: 2027-12-31}
savings_targets:
- id: mal
  title: Mål
  total: 10 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
  years: {2025: 2,5 mill. kr, 2026: 10 mill. kr}
measures:
- id: tiltak
  title: Tiltak
  savings_target: mal
  effect: {2025: 3,5 mill. kr}
  realised: {2025: 2,5 mill.}
  rollout: {LOS: Q3 2025, Skatt}
"""


def _plan(folder: Path, language: str) -> Path:
    return write_as_saved_on_windows(folder, PLAN.replace("{language}", language))


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [
        "plan.yaml:12:19: error PV101 years of savings target 'mal': inside { } a comma separates entries, so "
        "'5 mill. kr' was read as a key without a value: quote the value (2025: '2,5 mill. kr')",
        "plan.yaml:17:20: error PV101 effect of measure 'tiltak': inside { } a comma separates entries, so "
        "'5 mill. kr' was read as a key without a value: quote the value (2025: '3,5 mill. kr')",
        "plan.yaml:18:22: error PV101 realised of measure 'tiltak': inside { } a comma separates entries, so "
        "'5 mill.' was read as a key without a value: quote the value (2025: '2,5 mill.')",
        "plan.yaml:19:27: error PV101 rollout of measure 'tiltak': inside { } a comma separates entries, so "
        "'Skatt' was read as a key without a value: quote the value (LOS: 'Q3 2025, Skatt')",
    ]),
    ("nn", [
        "plan.yaml:17:20: error PV101 effect for tiltak 'tiltak': inne i { } skil komma oppføringar, så "
        "'5 mill. kr' vart lesen som ein nøkkel utan verdi: set verdien i hermeteikn (2025: '3,5 mill. kr')",
    ]),
])
def test_the_finding_names_the_field_and_quotes_the_value(tmp_path: Path, language: str, expected: list[str]) -> None:
    run = run_cli("validate", str(_plan(tmp_path / "plan", language)))

    assert run.code == 1
    findings = [line for line in run.out.splitlines() if ": error " in line]
    for line in expected:
        assert any(line in finding for finding in findings), (line, run.out)
    assert len(findings) == 4, run.out
    assert "mill. kr of" not in run.out and "mill. kr for" not in run.out and "effect.5" not in run.out
