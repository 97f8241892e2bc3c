"""An event's own timetable: slots that overlap each other, slots whose identity is unsure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from ..model import Event, Slot
from ..i18n import tr
from ..slot_identity import shared_topics, topic_key
from .context import Issue, Loc, PlanIndex, listed


def _times(slot: Slot, day: date) -> tuple[datetime, datetime]:
    """A slot's start and end; a slot with only a start takes no time (the next one ends it)."""
    end: time = slot.time.end or slot.time.start
    return datetime.combine(day, slot.time.start), datetime.combine(day, end)


def _room(slot: Slot) -> str | None:
    return " ".join(slot.room.split()).casefold() if slot.room else None


def _shared(index: PlanIndex, first: Slot, second: Slot) -> tuple[str | None, list[str]] | None:
    """What two slots at overlapping times both tie up: the room they share (or None) and
    the people and groups they share; None when they may run side by side (in different
    rooms, or for different people, with nothing in common)."""
    room = first.room if _room(first) and _room(first) == _room(second) else None
    people: list[str] = []
    if first.participants and second.participants:
        people = sorted(index.expand(first.participants) & index.expand(second.participants))
    if room or people:
        return room, people
    rooms_differ = bool(first.room and second.room)
    people_differ = bool(first.participants and second.participants)
    return None if rooms_differ or people_differ else (None, [])


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    if a[0] == b[0]:
        return True
    return a[0] < b[1] and b[0] < a[1]


def _event_overlaps(index: PlanIndex, path: Loc, event: Event) -> Iterator[Issue]:
    placed = [(s, slot, _times(slot, slot.date or event.first_day)) for s, slot in enumerate(event.agenda)]
    placed.sort(key=lambda entry: (entry[2], entry[0]))
    for n, (s, slot, at) in enumerate(placed):
        for r, earlier, other in placed[:n]:
            shared = _shared(index, earlier, slot) if _overlap(other, at) else None
            if shared is None:
                continue
            room, people = shared
            args = {"slot": slot.topic, "time": slot.time, "other": earlier.topic,
                    "other_time": earlier.time, "day": at[0].date()}
            if room and people:
                message = tr("the slot '{slot}' ({time}) overlaps the slot '{other}' ({other_time}) on "
                    "{day}: room '{room}' and {parties} are booked in both; correct one of the times, "
                    "or move one slot to another room and other participants", room=room,
                    parties=listed(people), **args)
            elif room:
                message = tr("the slot '{slot}' ({time}) overlaps the slot '{other}' ({other_time}) on "
                    "{day}: room '{room}' is booked in both; correct one of the times, or move one "
                    "slot to another room", room=room, **args)
            elif people:
                message = tr("the slot '{slot}' ({time}) overlaps the slot '{other}' ({other_time}) on "
                    "{day}: {parties} booked in both; correct one of the times, or give one slot "
                    "other participants", parties=listed(people), **args)
            else:
                message = tr("the slot '{slot}' ({time}) overlaps the slot '{other}' ({other_time}) on "
                    "{day}: correct one of the times, or give the two their own rooms or participants "
                    "if they run side by side", **args)
            yield Issue("PV311", message, (*path, "agenda", s, "time"), path, ((*path, "agenda", r, "time"),))
            break


def check_timetables(index: PlanIndex) -> Iterator[Issue]:
    """PV311: two slots of one event at overlapping times (each later slot once)."""
    for path, event in index.events():
        if len(event.agenda) > 1:
            yield from _event_overlaps(index, path, event)


def _identities(path: Loc, event: Event) -> Iterator[Issue]:
    first_with: dict[str, int] = {}
    shared = shared_topics(event)
    for s, slot in enumerate(event.agenda):
        if slot.id is not None:
            if slot.id in first_with:
                yield Issue("PV315", tr(
                    "two slots of this event have the id '{id}', so their calendar entries have "
                    "one UID and calendars show only one of them; give each slot its own id",
                    id=slot.id), (*path, "agenda", s, "id"), path, ((*path, "agenda", first_with[slot.id], "id"),))
            first_with.setdefault(slot.id, s)
            continue
        key = "#" + topic_key(slot.topic)
        example = f"{key[1:]}-{s + 1}"
        if key[1:] in shared and key in first_with:
            yield Issue("PV315", tr(
                "the slot '{slot}' has no id and the same topic as another slot of this event: "
                "calendars tell the two apart by day and time only, so moving one makes it a new "
                "meeting in subscribers' calendars; give each of them an id (e.g. 'id: {example}')",
                slot=slot.topic, example=example),
                (*path, "agenda", s, "topic"), path, ((*path, "agenda", first_with[key], "topic"),))
        elif slot.invitation is not None:
            yield Issue("PV315", tr(
                "the slot '{slot}' has an invitation but no id: its meeting request is known by "
                "the slot's topic, so rewording the topic after the request is sent gives the "
                "recipients a second meeting; give the slot an id (e.g. 'id: {example}')",
                slot=slot.topic, example=topic_key(slot.topic)), (*path, "agenda", s, "invitation"), path)
        first_with.setdefault(key, s)


def check_slot_identities(index: PlanIndex) -> Iterator[Issue]:
    """PV315: agenda slots whose calendar identity is not sure without an id (see
    ``planverk.slot_identity``): slots without an id sharing a topic, a slot with an
    invitation and no id, two slots with one id."""
    for path, event in index.events():
        yield from _identities(path, event)
