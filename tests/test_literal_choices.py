"""A field that takes one of a few fixed values (plan.language) says them in the plan's
language, 'nb, nn eller en', not as pydantic's English list "'nb', 'nn' or 'en'"."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

PLAN = """\ufeffplan:\r
  id: sprak\r
  title: Språk\r
  organisation: Nordvik kommune\r
  period: {start: 2025-01-01, end: 2025-12-31}\r
  language: nynorsk\r
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("nb", "plan.language: forventet en av nb, nn eller en, fikk 'nynorsk'"),
        ("nn", "plan.language: venta ein av nb, nn eller en, fekk 'nynorsk'"),
        ("en", "plan.language: expected one of nb, nn or en, got 'nynorsk'"),
    ],
)
def test_a_language_planverk_does_not_speak_is_told_with_the_choices(tmp_path: Path, lang: str, said: str) -> None:
    (tmp_path / "plan.yaml").write_bytes(PLAN.encode("utf-8"))
    result = run_cli("validate", str(tmp_path), "--lang", lang)
    assert result.code == 1
    assert f"plan.yaml:6:13: error PV101 {said}\n" in result.out
