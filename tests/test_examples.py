"""The bundled example plans are the project's truest test data: they must stay clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE_PLANS, run_cli
from planverk.validate import validate_plan


def test_there_are_example_plans() -> None:
    names = {p.name for p in EXAMPLE_PLANS}
    assert {"gran-2017", "nordre-follo-2018", "lunner-lean-2012"} <= names


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_example_plan_validates_clean_in_strict_mode(plan: Path) -> None:
    result = run_cli("validate", "--strict", "--lang", "en", str(plan))
    assert result.code == 0, result.out
    assert "no problems found" in result.out


def test_gran_schedule_carries_the_corrected_date() -> None:
    plan = validate_plan(Path(__file__).parent.parent / "plans" / "gran-2017").plan
    assert plan is not None
    briefing = [e for e in plan.events if e.weekday == "torsdag" and e.date and e.date.month == 3 and e.date.day == 16]
    assert briefing and briefing[0].date.year == 2017 and briefing[0].tentative
