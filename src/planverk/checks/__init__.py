"""Semantic checks: each looks at the validated plan and reports issues with data paths."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .bookings import check_bookings
from .calendar_days import check_days_off
from .context import Issue, PlanIndex
from .references import check_references
from .responsibilities import check_responsibilities
from .schedule import (
    check_local_times,
    check_order,
    check_period,
    check_recurrence,
    check_timezone,
    check_weekdays,
)

Check = Callable[[PlanIndex], Iterator[Issue]]

CHECKS: tuple[Check, ...] = (
    check_references,
    check_timezone,
    check_order,
    check_period,
    check_weekdays,
    check_recurrence,
    check_local_times,
    check_bookings,
    check_days_off,
    check_responsibilities,
)

__all__ = ["CHECKS", "Check", "Issue", "PlanIndex"]
