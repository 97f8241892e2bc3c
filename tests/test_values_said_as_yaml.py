"""A finding quotes a wrong value as the plan's YAML writes it (null, true, [a, b]), never
as Python prints it (None, True, ['a', 'b']): the reader wrote YAML."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_as_saved_on_windows

PLAN = """\
plan:
  id: r
  title:
  organisation: [Vik, kommune]
  period: {start: 2025-01-01, end: 2025-12-31}
  language: nn
people:
- id: ola
  name: true
- id: per
  name: {first: Per, last: [Hansen]}
"""


def test_wrong_values_are_quoted_as_yaml(tmp_path: Path) -> None:
    run = run_cli("validate", str(write_as_saved_on_windows(tmp_path / "plan", PLAN)))

    assert run.code == 1
    assert "plan.title: venta tekst, fekk null\n" in run.out
    assert "plan.organisation: venta tekst, fekk [Vik, kommune]\n" in run.out
    assert "name for person 'ola': venta tekst, fekk true\n" in run.out
    assert "fekk {first: Per, last: [Hansen]}\n" in run.out
    for python in ("None", "True", "['", "{'"):
        assert python not in run.out, run.out
