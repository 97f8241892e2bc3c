"""Double bookings: the same person, group or room in two places at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, timedelta

from ..occurrences import span
from ..i18n import Message, tr
from ..model.times import TimeRange
from .context import Issue, Loc, PlanIndex, listed


@dataclass(frozen=True, slots=True)
class Booking:
    """A stretch of time that ties up people, groups or a room."""

    start: datetime
    end: datetime
    event: int
    """Index of the event in ``plan.events``: bookings of one event never clash."""
    path: Loc
    title: str
    """The event's title (and the slot's topic), quoted as plan text."""
    all_day: bool = False
    room: str | None = None

    @property
    def label(self) -> Message:
        """What is booked and when, for messages."""
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
    for path, event in index.events():
        i = path[1]
        assert isinstance(i, int)
        parties = index.expand(event.participants)
        for occurrence in index.occurrences[i]:
            if occurrence.cancelled:
                continue
            label = f"'{event.title}'"
            booking = Booking(occurrence.start, occurrence.end, i, path, label, occurrence.all_day)
            for party in parties:
                by_party[party].append(booking)
            if occurrence.room:
                room = Booking(booking.start, booking.end, i, path, label, occurrence.all_day, occurrence.room)
                by_room[_room_key(occurrence.location, occurrence.room)].append(room)
        for s, slot in enumerate(event.agenda):
            slot_path = (*path, "agenda", s)
            label = f"'{slot.topic}' ({event.title})"
            parties = index.expand(slot.participants)
            for day in _slot_days(index, i, slot.date):
                start, end = span(day, day, slot.time)
                booking = Booking(start, end, i, slot_path, label)
                for party in parties:
                    by_party[party].append(booking)
                if slot.room:
                    room = Booking(start, end, i, slot_path, label, False, slot.room)
                    by_room[_room_key(event.location, slot.room)].append(room)
    return by_party, by_room


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


def _clashing_pairs(bookings_by_key: dict[str, list[Booking]]) -> dict[tuple[Loc, Loc, date], tuple[Booking, Booking, set[str]]]:
    """Each clashing pair of bookings once per day, with the keys (parties, rooms) it shares."""
    pairs: dict[tuple[Loc, Loc, date], tuple[Booking, Booking, set[str]]] = {}
    for key, bookings in bookings_by_key.items():
        for first, second in _clashes(bookings):
            pair = (first.path, second.path, second.start.date())
            pairs.setdefault(pair, (first, second, set()))[2].add(key)
    return pairs


def check_bookings(index: PlanIndex) -> Iterator[Issue]:
    """PV400 people and groups booked twice; PV401 rooms booked twice."""
    by_party, by_room = bookings(index)
    for first, second, parties in _clashing_pairs(by_party).values():
        yield Issue(
            "PV400",
            tr("{second} overlaps {first}: {parties} booked twice",
                second=second.label, first=first.label, parties=listed(sorted(parties))),
            second.path,
            ("events", second.event),
            (first.path,),
        )
    for first, second, _ in _clashing_pairs(by_room).values():
        yield Issue(
            "PV401",
            tr("room '{room}' is booked for {second} and {first}",
                room=second.room, second=second.label, first=first.label),
            second.path,
            ("events", second.event),
            (first.path,),
        )
