"""Double bookings: the same person, group or room in two places at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from ..model import Event
from ..occurrences import span
from ..i18n import Message, tr
from ..model.times import TimeRange
from .context import Issue, Loc, PlanIndex, event_date_path, listed


class Booking(NamedTuple):
    """A stretch of time that ties up people, groups or a room.

    A named tuple: a large plan has one per occurrence and party (a frozen dataclass is
    several times dearer to make).
    """

    start: datetime
    end: datetime
    event: int
    """Index of the event in ``plan.events``: bookings of one event never clash."""
    path: Loc
    """Where the booking's time (or, for a room, its room) is written."""
    title: str
    """The event's title (and the slot's topic), quoted as plan text."""
    all_day: bool = False
    room: str | None = None

    @property
    def label(self) -> Message:
        """What is booked and when, for messages."""
        if not self.all_day and self.end.date() > self.start.date():  # a span over days (start/end)
            return tr("{title} from {first} to {last}", title=self.title, first=self.start, last=self.end)
        if not self.all_day:
            at = TimeRange(self.start.time(), self.end.time())
            return tr("{title} on {day} {time}", title=self.title, day=self.start.date(), time=at)
        if (self.end - self.start).days <= 1:
            return tr("{title} on {day}", title=self.title, day=self.start.date())
        last = (self.end - timedelta(microseconds=1)).date()
        return tr("{title} from {first} to {last}", title=self.title, first=self.start.date(), last=last)


def bookings(index: PlanIndex) -> tuple[dict[str, list[Booking]], dict[str, list[Booking]]]:
    """Bookings by person/group id and by room."""
    by_party: dict[str, list[Booking]] = defaultdict(list)
    by_room: dict[str, list[Booking]] = defaultdict(list)
    occurrences = index.occurrences
    for path, event in index.events():
        i = path[1]
        assert isinstance(i, int)
        parties = index.expand(event.participants) if event.participants else ()
        # The same for every occurrence the series' rule gives (not moved by 'changes:').
        label = f"'{event.title}'"
        time_at, room_at = _cause(path, event, None, "time"), _cause(path, event, None, "room")
        for occurrence in occurrences[i]:
            if occurrence.cancelled or occurrence.period is not None:  # a period has no meeting day
                continue
            change = occurrence.change
            start, end, all_day, room = occurrence.start, occurrence.end, occurrence.all_day, occurrence.room
            if parties:
                at = time_at if change is None else _cause(path, event, change, "time")
                booking = _new(Booking, (start, end, i, at, label, all_day, None))
                for party in parties:
                    by_party[party].append(booking)
            if room:
                at = room_at if change is None else _cause(path, event, change, "room")
                by_room[_room_key(occurrence.location, room)].append(_new(Booking, (start, end, i, at, label, all_day, room)))
        for s, slot in enumerate(event.agenda):
            slot_path = (*path, "agenda", s)
            label = f"'{slot.topic}' ({event.title})"
            parties = index.expand(slot.participants)
            for day in _slot_days(index, i, slot.date):
                start, end = span(day, day, slot.time)
                booking = Booking(start, end, i, (*slot_path, "time"), label)
                for party in parties:
                    by_party[party].append(booking)
                if slot.room:
                    room = Booking(start, end, i, (*slot_path, "room"), label, False, slot.room)
                    by_room[_room_key(event.location, slot.room)].append(room)
    return by_party, by_room


_new = tuple.__new__
"""Makes a :class:`Booking` from a tuple of all its fields, without the keyword handling of
its constructor (a large plan makes one or two per occurrence)."""


def _cause(path: Loc, event: Event, change: int | None, what: str) -> Loc:
    """Where a booking's time (``what='time'``) or room is written: the ``changes:`` entry
    that moved or re-roomed the occurrence, else the event's own line for it."""
    if change is not None:
        return (*path, "repeat", "changes", change)
    if what == "room" and event.room is not None:
        return (*path, "room")
    if event.time is not None:
        return (*path, "time")
    return event_date_path(path, event)


def _slot_days(index: PlanIndex, i: int, written: date | None) -> list[date]:
    """The days a slot takes place: its own date, or each (kept) occurrence of a series."""
    event = index.plan.events[i]
    if event.repeat is None or (written is not None and written != event.first_day):
        return [written or event.first_day]
    return [o.start.date() for o in index.occurrences[i] if not o.cancelled]


@lru_cache(maxsize=None)
def _room_key(location: str | None, room: str) -> str:
    """Rooms compare case- and space-insensitively, within their venue."""
    return " / ".join(" ".join(part.split()) for part in (location or "", room) if part).casefold()


def _clashes(bookings: list[Booking]) -> Iterator[tuple[Booking, Booking]]:
    """Overlapping pairs from different events, each pair once (sweep over start times)."""
    active: list[Booking] = []
    for booking in sorted(bookings, key=lambda b: (b.start, b.end, b.event)):
        active = [a for a in active if a.end > booking.start]
        for other in active:
            if other.event != booking.event:
                yield other, booking
        active.append(booking)


def _cause_order(booking: Booking) -> tuple[bool, datetime, int]:
    """Of two clashing bookings, the one made by a ``changes:`` entry, else the one that
    starts later, else the one written later, is where the finding stands."""
    return ("changes" in booking.path, booking.start, booking.event)


def _clashing_pairs(bookings_by_key: dict[str, list[Booking]]) -> dict[tuple[Loc, Loc, date], tuple[Booking, Booking, set[str]]]:
    """Each clashing pair of bookings once per day, with the keys (parties, rooms) it shares."""
    pairs: dict[tuple[Loc, Loc, date], tuple[Booking, Booking, set[str]]] = {}
    for key, bookings in bookings_by_key.items():
        for one, other in _clashes(bookings):
            first, second = sorted((one, other), key=_cause_order)
            pair = (first.path, second.path, second.start.date())
            pairs.setdefault(pair, (first, second, set()))[2].add(key)
    return pairs


def check_bookings(index: PlanIndex) -> Iterator[Issue]:
    """PV400 people and groups booked twice; PV401 rooms booked twice.

    Each finding stands at the later booking; a ``silence:`` on either event silences it.
    """
    by_party, by_room = bookings(index)
    for first, second, parties in _clashing_pairs(by_party).values():
        yield Issue(
            "PV400",
            tr("{second} overlaps {first}: {parties} booked twice",
                second=second.label, first=first.label, parties=listed(sorted(parties))),
            second.path,
            ("events", second.event),
            (first.path,),
            (("events", first.event),),
        )
    for first, second, _ in _clashing_pairs(by_room).values():
        yield Issue(
            "PV401",
            tr("room '{room}' is booked for {second} and {first}",
                room=second.room, second=second.label, first=first.label),
            second.path,
            ("events", second.event),
            (first.path,),
            (("events", first.event),),
        )
