"""The year's activities in the order they become due: the annual cycle (årshjul) as a list.

Every event occurrence and deadline that shares a day with the as-of date's calendar year
is one item. An item is *due* at the end of its period: the last day of its week, month,
tertial or part of a month (``ultimo september`` is due 30 September), or its own last
day when it is dated by day. Items are ordered by that day, then by their start, title
and id, so that the same plan always gives the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..model import Plan
from ..occurrences import occurrences
from .names import name_list, names

CycleState = Literal["done", "past", "running", "overdue", "later"]
CycleKind = Literal["event", "deadline", "milestone"]


@dataclass(frozen=True)
class CycleItem:
    """One activity of the year: an event occurrence or a deadline."""

    id: str
    title: str
    kind: CycleKind
    period: str | None
    """The period as the plan wrote it (``uke 15``, ``ultimo september``); None when dated by day."""
    start: date
    due: date
    """The day it is due: the last day of its period (or of the event, or the deadline's date)."""
    responsible: list[str]
    """Names of the people, roles or groups responsible (an event's participants when it
    names no one responsible)."""
    state: CycleState
    """``done`` (a deadline marked done), ``past`` (an event that has ended), ``overdue`` (an
    open deadline whose due day has passed), ``running`` (the as-of day lies in it) or ``later``."""
    days: int
    """Days from the as-of date to the due day: negative once it has passed."""


@dataclass(frozen=True)
class CycleReport:
    """The activities of ``year`` by due day, as of ``as_of``."""

    as_of: date
    year: int
    items: list[CycleItem]


def _state(kind: CycleKind, start: date, due: date, done: bool, as_of: date) -> CycleState:
    if done:
        return "done"
    if due < as_of:
        return "past" if kind == "event" else "overdue"
    return "running" if start <= as_of else "later"


def cycle_status(plan: Plan, as_of: date, year: int | None = None) -> CycleReport:
    """The activities of ``year`` (default: the as-of date's) in the order they become due."""
    year = as_of.year if year is None else year
    first, last = date(year, 1, 1), date(year, 12, 31)
    lookup = names(plan)
    items: list[CycleItem] = []
    for event in plan.events:
        for occurrence in occurrences(event):
            if occurrence.cancelled:
                continue
            start = occurrence.start.date()
            due = (occurrence.end - timedelta(microseconds=1)).date()
            if due < first or start > last:
                continue
            period = occurrence.period.label(plan.plan.language) if occurrence.period else None
            who = event.responsible or event.participants
            items.append(CycleItem(
                event.id, event.title, "event", period, start, due, name_list(lookup, who),
                _state("event", start, due, False, as_of), (due - as_of).days,
            ))
    for deadline in plan.deadlines:
        due = deadline.due
        start = deadline.period.dated().start if deadline.period else due
        if due < first or start > last:
            continue
        done = deadline.status == "done" and (deadline.done_on or due) <= as_of
        period = deadline.period.label(plan.plan.language) if deadline.period else None
        items.append(CycleItem(
            deadline.id, deadline.task, deadline.kind, period, start, due,
            name_list(lookup, deadline.responsible), _state(deadline.kind, start, due, done, as_of),
            (due - as_of).days,
        ))
    items.sort(key=lambda item: (item.due, item.start, item.title.casefold(), item.id))
    return CycleReport(as_of, year, items)
