"""Zero kroner is written as a reader writes it, '0 kr' ('NOK 0'), in a finding as in a
table: never '0 mill. kr', which reads as a figure rounded away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli, write_as_saved_on_windows

PLAN = """\
plan:
  id: null-2025
  title: Nullpunkt
  organisation: Testvik kommune
  period: {start: 2025-01-01, end: 2027-12-31}
  language: nn
savings_targets:
- id: hovud
  title: Hovudmål
  total: ca. 35 mill kroner
  unallocated: {unallocated}
  period: {start: 2025-01-01, end: 2027-12-31}
- id: under
  title: Under
  parent: hovud
  total: 30 mill. kr
  period: {start: 2025-01-01, end: 2027-12-31}
"""


def _plan(folder: Path, unallocated: str) -> Path:
    return write_as_saved_on_windows(folder, PLAN.replace("{unallocated}", unallocated))


@pytest.mark.parametrize("unallocated", ["0", "0 kr", "'0,00 mill. kr'", "kr 0"])
@pytest.mark.parametrize(("language", "said"), [
    ("nb", "og 'unallocated' (0 kr) blir til sammen 30 mill. kr"),
    ("nn", "og 'unallocated' (0 kr) blir til saman 30 mill. kr"),
    ("en", "and 'unallocated' (NOK 0) come to NOK 30M"),
])
def test_pv608_writes_a_zero_unallocated_as_0_kr(tmp_path: Path, unallocated: str, language: str, said: str) -> None:
    run = run_cli("validate", str(_plan(tmp_path / "plan", unallocated)), "--lang", language)

    assert run.code == 1
    assert "PV608" in run.out and said in run.out, run.out
    assert not re.search(r"(?<![\d,.])0 mill|NOK 0M", run.out)
