"""Semantic checks: each looks at the validated plan and reports issues with data paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import TYPE_CHECKING

from .bookings import check_bookings
from .addresses import check_addresses
from .calendar_days import check_days_off, check_quiet_periods
from .context import Issue, PlanIndex
from .duplicates import check_duplicates
from .invitations import check_invitations
from .phases import check_phases
from .references import check_references
from .responsibilities import check_responsibilities
from .schedule import (
    check_local_times,
    check_order,
    check_period,
    check_recurrence,
    check_skipped_months,
    check_timezone,
    check_weekdays,
)
from .series import check_series_overlap
from .timetables import check_slot_identities, check_timetables

if TYPE_CHECKING:
    from ..model import Plan

Check = Callable[[PlanIndex], Iterator[Issue]]

# Every check, in the order its findings come; a steering check is named by its module
# and loaded only for a plan that steers (see checks_for).
_ORDER: tuple[Check | tuple[str, str], ...] = (
    check_references,
    check_timezone,
    check_order,
    check_period,
    check_weekdays,
    check_recurrence,
    check_series_overlap,
    check_skipped_months,
    check_timetables,
    check_slot_identities,
    check_invitations,
    check_phases,
    check_local_times,
    check_bookings,
    check_duplicates,
    check_days_off,
    check_quiet_periods,
    check_responsibilities,
    check_addresses,
    ("goals", "check_goals"),
    ("kpis", "check_kpis"),
    ("dated", "check_date_order"),
    ("savings", "check_savings"),
    ("savings_tree", "check_savings_tree"),
    ("realised", "check_realised"),
    ("scorecards", "check_scorecards"),
    ("reporting", "check_thread"),
    ("reporting", "check_reporting"),
)

STEERING_LISTS = (
    "goals", "goal_choices", "kpis", "measures", "savings_targets", "benefits", "reports", "risks",
    "scorecards",
)
"""The plan's lists the steering checks (goals, KPIs, measures, savings, realisation,
scorecards, the red thread, reporting, dated lists) read: with all of them empty those
checks find nothing, so they are not loaded."""


def steers(plan: Plan) -> bool:
    """True when any of :data:`STEERING_LISTS` of ``plan`` has an item."""
    return any(getattr(plan, name) for name in STEERING_LISTS)


def checks_for(plan: Plan) -> tuple[Check, ...]:
    """The checks to run on ``plan``, in the order of their findings: every check for a plan
    that :func:`steers`, else only those of its calendar, people and references. A plan
    without goals, measures or savings does not import the code that checks them (ten
    modules, about 3 % of a small plan's start-up)."""
    if not steers(plan):
        return tuple(check for check in _ORDER if not isinstance(check, tuple))
    return tuple(
        getattr(import_module(f".{check[0]}", __name__), check[1]) if isinstance(check, tuple) else check
        for check in _ORDER
    )


__all__ = ["STEERING_LISTS", "Check", "Issue", "PlanIndex", "checks_for", "steers"]
