"""Phases and the items in them: dates outside the named phase, overlaps, items in no phase."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..model.base import Period
from .context import Issue, Loc, PlanIndex
from .schedule import event_date_path

STRAYS = 0.1
"""Items in no phase are reported only when they are this share of all items, or just one."""
PHASED_MINIMUM = 3
"""... and at least this many others are in a phase: two phased meetings make no habit yet."""


@dataclass(frozen=True, slots=True)
class Dated:
    """An event or deadline as the phase checks see it: its days and the phase it names."""

    path: Loc
    date_path: Loc
    label: str
    first: date
    last: date
    phase: str | None


def _items(index: PlanIndex) -> Iterator[Dated]:
    for path, event in index.events():
        found = [o for o in index.occurrences[path[1]] if not o.cancelled] or index.occurrences[path[1]]
        if not found:
            continue
        first = min(o.start.date() for o in found)
        last = max((o.end - timedelta(microseconds=1)).date() for o in found)
        yield Dated(path, event_date_path(path, event), f"the event '{event.title}'", first, last, event.phase)
    for i, deadline in enumerate(index.plan.deadlines):
        word = "milestone" if deadline.kind == "milestone" else "deadline"
        path = ("deadlines", i)
        yield Dated(path, (*path, "date"), f"the {word} '{deadline.task}'", deadline.date, deadline.date, deadline.phase)


def _span(first: date, last: date) -> str:
    return str(first) if first == last else f"{first} to {last}"


def _phase_text(name: str, period: Period) -> str:
    return f"phase '{name}' ({period.start} to {period.end})"


def check_phases(index: PlanIndex) -> Iterator[Issue]:
    """PV320 an item outside its phase, PV321 overlapping phases, PV322 an item in no phase."""
    phases = index.plan.phases
    if not phases:
        return
    by_id = {p.id: (n, p) for n, p in reversed(list(enumerate(phases)))}
    items = list(_items(index))
    for item in items:
        if item.phase is None or item.phase not in by_id:
            continue
        n, phase = by_id[item.phase]
        if phase.period.start <= item.first and item.last <= phase.period.end:
            continue
        fitting = [p.id for p in phases if p.period.start <= item.first and item.last <= p.period.end]
        hint = f"name phase '{fitting[0]}'" if fitting else "correct the date or the phase"
        yield Issue(
            "PV320",
            f"{item.label} falls on {_span(item.first, item.last)}, outside its "
            f"{_phase_text(phase.name, phase.period)}: {hint}",
            item.date_path,
            item.path,
            (("phases", n, "period"),),
        )
    yield from _overlaps(index)
    yield from _unphased(index, items)


def _overlaps(index: PlanIndex) -> Iterator[Issue]:
    """PV321: a phase that starts before the one listed before it has ended."""
    phases = index.plan.phases
    for n in range(1, len(phases)):
        before, phase = phases[n - 1], phases[n]
        if before.period.end < before.period.start or phase.period.end < phase.period.start:
            continue  # PV300 already
        if phase.period.start <= before.period.end and before.period.start <= phase.period.end:
            yield Issue(
                "PV321",
                f"phase '{phase.name}' starts {phase.period.start}, before the phase listed "
                f"before it, '{before.name}', ends ({before.period.end}): phases follow each other "
                f"in the order listed; start it {before.period.end + timedelta(days=1)} or end "
                "the other earlier (silence this where they are meant to run side by side)",
                ("phases", n, "period", "start"),
                ("phases", n),
                (("phases", n - 1, "period", "end"),),
            )


def _in_phase(index: PlanIndex, item: Dated) -> bool:
    """Names a phase, or shares a day with one (a series may run through several)."""
    return item.phase is not None or any(
        p.period.start <= item.last and item.first <= p.period.end for p in index.plan.phases
    )


def _unphased(index: PlanIndex, items: list[Dated]) -> Iterator[Issue]:
    """PV322: an item neither naming a phase nor inside one, where (nearly) all others are."""
    outside = [item for item in items if not _in_phase(index, item)]
    phased = len(items) - len(outside)
    if not outside or phased < PHASED_MINIMUM or len(outside) > max(1, STRAYS * len(items)):
        return
    for item in outside:
        around = _neighbours(index, item.first)
        yield Issue(
            "PV322",
            f"{item.label} on {_span(item.first, item.last)} falls in no phase{around}, "
            "though the plan's other items do: name its phase, or widen a phase's period",
            item.date_path,
            item.path,
        )


def _neighbours(index: PlanIndex, day: date) -> str:
    ended = [p for p in index.plan.phases if p.period.end < day]
    starts = [p for p in index.plan.phases if p.period.start > day]
    before = max(ended, key=lambda p: p.period.end, default=None)
    after = min(starts, key=lambda p: p.period.start, default=None)
    parts = []
    if before is not None:
        parts.append(f"after '{before.name}' ends {before.period.end}")
    if after is not None:
        parts.append(f"before '{after.name}' starts {after.period.start}")
    return f" ({', '.join(parts)})" if parts else ""
