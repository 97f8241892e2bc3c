"""Semantic checks: each looks at the validated plan and reports issues with data paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .bookings import check_bookings
from .addresses import check_addresses
from .calendar_days import check_days_off, check_quiet_periods
from .context import Issue, PlanIndex
from .dated import check_date_order
from .duplicates import check_duplicates
from .goals import check_goals
from .invitations import check_invitations
from .kpis import check_kpis
from .phases import check_phases
from .realised import check_realised
from .references import check_references
from .reporting import check_reporting, check_thread
from .responsibilities import check_responsibilities
from .savings import check_savings
from .savings_tree import check_savings_tree
from .schedule import (
    check_local_times,
    check_order,
    check_period,
    check_recurrence,
    check_skipped_months,
    check_timezone,
    check_weekdays,
)
from .scorecards import check_scorecards
from .series import check_series_overlap
from .timetables import check_slot_identities, check_timetables

Check = Callable[[PlanIndex], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
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
    check_goals,
    check_kpis,
    check_date_order,
    check_savings,
    check_savings_tree,
    check_realised,
    check_scorecards,
    check_thread,
    check_reporting,
)

__all__ = ["CHECKS", "Check", "Issue", "PlanIndex"]
