"""Phases and the items in them: dates outside the named phase, overlaps, items in no phase."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..values import Value
from ..model.base import Period
from ..i18n import Items, Message, tr
from .context import Issue, Loc, PlanIndex, event_date_path

STRAYS = 0.1
"""Items in no phase are reported only when they are this share of all items, or just one."""
PHASED_MINIMUM = 3
"""... and at least this many others are in a phase: two phased meetings make no habit yet."""


class Dated(Value):
    """An event or deadline as the phase checks see it: its days and the phase it names."""

    path: Loc
    date_path: Loc
    label: Message
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
        label = tr("the event '{title}'", title=event.title)
        yield Dated(path, event_date_path(path, event), label, first, last, event.phase)
    for i, deadline in enumerate(index.plan.deadlines):
        label = (tr("the milestone '{task}'", task=deadline.task) if deadline.kind == "milestone"
                 else tr("the deadline '{task}'", task=deadline.task))
        path = ("deadlines", i)
        yield Dated(path, (*path, "date"), label, deadline.date, deadline.date, deadline.phase)


def _span(first: date, last: date) -> date | Message:
    return first if first == last else tr("{first} to {last}", first=first, last=last)


def _phase_text(name: str, period: Period) -> Message:
    return tr("phase '{phase}' ({start} to {end})", phase=name, start=period.start, end=period.end)


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
        hint = tr("name phase '{phase}'", phase=fitting[0]) if fitting else tr("correct the date or the phase")
        yield Issue(
            "PV320",
            tr("{item} falls on {span}, outside its {phase}: {hint}", item=item.label,
                span=_span(item.first, item.last), phase=_phase_text(phase.name, phase.period), hint=hint),
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
                tr("phase '{phase}' starts {start}, before the phase listed before it, '{before}', "
                    "ends ({end}): phases follow each other in the order listed; start it {next} or end "
                    "the other earlier (silence this where they are meant to run side by side)",
                    phase=phase.name, start=phase.period.start, before=before.name,
                    end=before.period.end, next=before.period.end + timedelta(days=1)),
                ("phases", n, "period", "start"),
                ("phases", n),
                (("phases", n - 1, "period", "end"),),
                (("phases", n - 1),),
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
        span = _span(item.first, item.last)
        yield Issue(
            "PV322",
            tr("{item} on {span} falls in no phase ({around}), though the plan's other items do: "
                "name its phase, or widen a phase's period", item=item.label, span=span, around=around)
            if around is not None else
            tr("{item} on {span} falls in no phase, though the plan's other items do: name its "
                "phase, or widen a phase's period", item=item.label, span=span),
            item.date_path,
            item.path,
        )


def _neighbours(index: PlanIndex, day: date) -> Items | None:
    ended = [p for p in index.plan.phases if p.period.end < day]
    starts = [p for p in index.plan.phases if p.period.start > day]
    before = max(ended, key=lambda p: p.period.end, default=None)
    after = min(starts, key=lambda p: p.period.start, default=None)
    parts = []
    if before is not None:
        parts.append(tr("after '{phase}' ends {day}", phase=before.name, day=before.period.end))
    if after is not None:
        parts.append(tr("before '{phase}' starts {day}", phase=after.name, day=after.period.start))
    return Items(tuple(parts)) if parts else None
