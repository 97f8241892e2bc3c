"""The steering checks run on a plan that steers and are not loaded for one that does not.

``planverk.checks.checks_for`` leaves the goal, KPI, savings, realisation, scorecard,
red-thread, reporting and dated-list checks out of a plan whose steering lists are all
empty. That is sound only while those checks find nothing in such a plan: these tests
hold them to it on every example plan, and hold the order of the checks to the order
of their findings.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import EXAMPLE_PLANS, PLANS
from planverk.checks import STEERING_LISTS, PlanIndex, checks_for, steers
from planverk.validate import validate_plan

STEERING_MODULES = ("goals", "kpis", "dated", "savings", "savings_tree", "realised", "scorecards", "reporting")


def _every_check() -> list:
    from importlib import import_module

    from planverk.checks import _ORDER

    return [
        getattr(import_module(f"planverk.checks.{check[0]}"), check[1]) if isinstance(check, tuple) else check
        for check in _ORDER
    ]


@pytest.mark.parametrize("folder", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_steering_checks_find_nothing_once_the_steering_lists_are_empty(folder) -> None:
    result = validate_plan(folder)
    assert result.plan is not None
    bare = result.plan.model_copy(update={name: [] for name in STEERING_LISTS})
    assert not steers(bare)
    index = PlanIndex(bare)
    everything = [check for check in _every_check() if check not in checks_for(bare)]
    assert {check.__module__.rsplit(".", 1)[1] for check in everything} == set(STEERING_MODULES)
    assert [issue for check in everything for issue in check(index)] == []


@pytest.mark.parametrize("folder", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_a_plan_that_steers_gets_every_check_in_order(folder) -> None:
    plan = validate_plan(folder).plan
    assert plan is not None
    if steers(plan):
        assert list(checks_for(plan)) == _every_check()
    else:
        assert list(checks_for(plan)) == [c for c in _every_check() if c.__module__.rsplit(".", 1)[1] not in STEERING_MODULES]


@pytest.mark.parametrize("name", STEERING_LISTS)
def test_one_item_in_any_steering_list_brings_the_steering_checks(name: str) -> None:
    plan = validate_plan(PLANS / "gran-2017").plan
    assert plan is not None and not steers(plan)
    assert steers(plan.model_copy(update={name: [object()]}))
    assert len(checks_for(plan.model_copy(update={name: [object()]}))) == len(_every_check())


def test_a_calendar_plan_is_validated_without_loading_the_steering_checks() -> None:
    code = (
        "import sys; from pathlib import Path; from planverk.validate import validate_plans; "
        f"r = validate_plans([Path({str(PLANS / 'gran-2017')!r})]); assert r[0].ok; "
        "print(sorted(m for m in sys.modules if m.startswith(('planverk.checks.', 'planverk.reporting'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = {name.rsplit(".", 1)[1] for name in eval(done.stdout)}  # a list of module names
    assert not loaded & set(STEERING_MODULES), loaded
