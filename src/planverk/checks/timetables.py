"""An event's own timetable: slots that overlap each other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from ..model import Event, Slot
from ..i18n import tr
from .context import Issue, Loc, PlanIndex


def _times(slot: Slot, day: date) -> tuple[datetime, datetime]:
    """A slot's start and end; a slot with only a start takes no time (the next one ends it)."""
    end: time = slot.time.end or slot.time.start
    return datetime.combine(day, slot.time.start), datetime.combine(day, end)


def _apart(index: PlanIndex, first: Slot, second: Slot) -> bool:
    """Slots that may run side by side: in different rooms, or for different people."""
    if first.room and second.room:
        return " ".join(first.room.split()).casefold() != " ".join(second.room.split()).casefold()
    if first.participants and second.participants:
        return not index.expand(first.participants) & index.expand(second.participants)
    return False


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    if a[0] == b[0]:
        return True
    return a[0] < b[1] and b[0] < a[1]


def _event_overlaps(index: PlanIndex, path: Loc, event: Event) -> Iterator[Issue]:
    placed = [(s, slot, _times(slot, slot.date or event.first_day)) for s, slot in enumerate(event.agenda)]
    placed.sort(key=lambda entry: (entry[2], entry[0]))
    for n, (s, slot, at) in enumerate(placed):
        for r, earlier, other in placed[:n]:
            if not _overlap(other, at) or _apart(index, earlier, slot):
                continue
            yield Issue(
                "PV311",
                tr("the slot '{slot}' ({time}) overlaps the slot '{other}' ({other_time}) on {day}: "
                    "correct one of the times, or give the two their own rooms or participants if "
                    "they run side by side", slot=slot.topic, time=slot.time, other=earlier.topic,
                    other_time=earlier.time, day=at[0].date()),
                (*path, "agenda", s, "time"),
                path,
                ((*path, "agenda", r, "time"),),
            )
            break


def check_timetables(index: PlanIndex) -> Iterator[Issue]:
    """PV311: two slots of one event at overlapping times (each later slot once)."""
    for path, event in index.events():
        if len(event.agenda) > 1:
            yield from _event_overlaps(index, path, event)
