"""Deadlines as of a date: overdue, due within a horizon, done, and later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model import Deadline, Plan
from .names import name_list, names

DeadlineState = Literal["overdue", "due", "done", "later"]


@dataclass(frozen=True)
class DeadlineItem:
    """One deadline or milestone and where it stands."""

    id: str
    task: str
    kind: str
    date: date
    time: str | None
    responsible: list[str]
    """Names of the people, roles or groups responsible."""
    state: DeadlineState
    days: int
    """Days from the as-of date to the due date: negative when overdue."""
    done_on: date | None
    period: str | None = None
    """The period it is due in, as the plan wrote it (``uke 15``); ``date`` is its last day."""


@dataclass(frozen=True)
class DeadlineReport:
    """The plan's deadlines as of a date; ``due`` covers the next ``horizon`` days."""

    as_of: date
    horizon: int
    overdue: list[DeadlineItem]
    due: list[DeadlineItem]
    done: list[DeadlineItem]
    later: list[DeadlineItem]

    def by_responsible(self, items: list[DeadlineItem]) -> list[tuple[str, list[DeadlineItem]]]:
        """``items`` grouped by responsible (an item with two appears twice), names sorted;
        items without anyone responsible come last, under the empty name."""
        groups: dict[str, list[DeadlineItem]] = {}
        for item in items:
            for who in item.responsible or [""]:
                groups.setdefault(who, []).append(item)
        return sorted(groups.items(), key=lambda pair: (pair[0] == "", pair[0].casefold()))


def _state(deadline: Deadline, as_of: date, horizon: int) -> DeadlineState:
    """Done from the day it was done (its ``done_on``, else its due date); otherwise by due date."""
    if deadline.status == "done" and (deadline.done_on or deadline.date) <= as_of:
        return "done"
    if deadline.date < as_of:
        return "overdue"
    if (deadline.date - as_of).days <= horizon:
        return "due"
    return "later"


def deadline_status(plan: Plan, as_of: date, horizon: int = 14) -> DeadlineReport:
    """Sort the plan's deadlines into overdue, due in the next ``horizon`` days, done and later.

    A deadline marked done counts as done from its ``done_on`` day, or without one from its
    due date; before that it is open like any other. Each list is in date order.
    """
    lookup = names(plan)
    found: dict[DeadlineState, list[DeadlineItem]] = {
        "overdue": [],
        "due": [],
        "done": [],
        "later": [],
    }
    for deadline in sorted(plan.deadlines, key=lambda d: (d.date, d.id)):
        state = _state(deadline, as_of, horizon)
        found[state].append(
            DeadlineItem(
                id=deadline.id,
                task=deadline.task,
                kind=deadline.kind,
                date=deadline.date,
                time=str(deadline.time) if deadline.time else None,
                responsible=name_list(lookup, deadline.responsible),
                state=state,
                days=(deadline.date - as_of).days,
                done_on=deadline.done_on,
                period=deadline.period.label(plan.plan.language) if deadline.period else None,
            )
        )
    return DeadlineReport(
        as_of, horizon, found["overdue"], found["due"], found["done"], found["later"]
    )
