"""Each plan item serialised once as VEVENT text, with the feeds it belongs in.

An event becomes one entry (with its overrides); an event with a timetable also becomes one
entry per slot, for the people the timetable names. Deadlines and milestones become
all-day (or timed) entries. Feeds are then put together from these texts without
serialising anything twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ..addressees import addressees
from ..checks.context import PlanIndex
from ..model import Deadline, Event, Invitation, Slot
from ..model.periods import PeriodText
from ..occurrences import occurrences
from ..slot_identity import slot_keys
from ..status.names import name_list, names
from . import contentlines as cl
from .timing import Moved, Timing, event_timing, slot_timing
from ..formatting import fmt_date, place, upper_first
from .words import WORDS, kind_label

UID_DOMAIN = "planverk"
PLAN_FEED = "plan"


@dataclass(frozen=True, slots=True)
class Stamp:
    """How often an item changed (SEQUENCE) and when it last did (LAST-MODIFIED, UTC)."""

    sequence: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class Entry:
    """One serialised component (a VEVENT and its overrides) and where it goes."""

    uid: str
    start: datetime
    body: bytes
    """The VEVENT and its overrides, folded content lines ending in CRLF."""
    in_plan_feed: bool
    feeds: frozenset[str]
    """Keys of the group and person feeds it goes into: ``group:ID``, ``person:ID``."""


def uid(plan_id: str, *parts: str) -> str:
    """A UID from the plan id and item ids only, so that it survives any move in time."""
    return f"{'/'.join(parts)}@{plan_id}.{UID_DOMAIN}"


class EntryWriter:
    """Serialises a plan's events and deadlines; one writer per feed run."""

    def __init__(
        self,
        index: PlanIndex,
        dtstamp: datetime,
        stamps: dict[tuple[str, int], Stamp],
        attendees: bool = False,
    ) -> None:
        self.index = index
        self.plan = index.plan
        self.zone = ZoneInfo(self.plan.plan.timezone)
        self.tzid = self.plan.plan.timezone
        self.language = self.plan.plan.language
        self.words = WORDS[self.language]
        self.dtstamp = dtstamp
        self.dtstamp_line = cl.utc("DTSTAMP", dtstamp)
        self.stamps = stamps
        self.attendees = attendees
        self._reach: dict[str, frozenset[str]] = {}
        self._lines: dict[tuple, bytes] = {}
        self.lookup = names(self.plan)
        self.phases = {p.id: p.name for p in self.plan.phases}

    # --- who ---------------------------------------------------------------------------

    def name(self, ref: str) -> str:
        """The display name of a person, group or role (the id when it has none)."""
        return self.lookup.get(ref, ref)

    def names(self, refs: list[str]) -> str:
        """Display names, comma-separated."""
        return ", ".join(name_list(self.lookup, refs))

    def reach(self, refs: list[str]) -> frozenset[str]:
        """The feeds a list of people, groups and roles reaches.

        A group reaches its own feed, the feeds of the groups it includes (all their
        members take part) and the feeds of all its people; a role reaches its holders.
        """
        result: set[str] = set()
        for ref in refs:
            found = self._reach.get(ref)
            if found is None:
                found = self._reach[ref] = self._reach_one(ref, frozenset())
            result |= found
        return frozenset(result)

    def _reach_one(self, ref: str, seen: frozenset[str]) -> frozenset[str]:
        kind = self.index.kind_of(ref)
        if kind == "people":
            return frozenset([f"person:{ref}"])
        if kind == "groups":
            groups = {ref, *self.index.subgroups.get(ref, ())}
            people = self.index.group_people.get(ref, frozenset())
            return frozenset([*(f"group:{g}" for g in groups), *(f"person:{p}" for p in people)])
        if kind == "roles" and ref not in seen:
            role = self.index.by_id[ref][2]
            return frozenset().union(*(self._reach_one(h, seen | {ref}) for h in role.holders))
        return frozenset()

    # --- events --------------------------------------------------------------------------

    def event_component(
        self, position: int, event: Event, item_uid: str, attendance: list[bytes], found=None,
    ) -> tuple[Timing, bytes]:
        """The event as one VEVENT (with its overrides), with the given ORGANIZER/ATTENDEE lines."""
        found = occurrences(event) if found is None else found
        timing = event_timing(event, found, self.zone)
        cancelled = event.status == "cancelled"
        text = self._component(
            item_uid, timing, self._summary(event.title, cancelled), place(event.location, event.room),
            self._event_description(event), self._categories(event.kind, event.phase), cancelled,
            event.time is not None and event.time.uncertain, event.time is not None and event.time.end is None,
            self.stamp(("events", position)), attendance, may_not_happen=event.may_not_happen,
            transparent=event.period is not None,  # a month of work leaves the days free
        )
        return timing, text

    def event_entries(self, position: int, event: Event) -> list[Entry]:
        """The event's entry and, when it has a timetable, one entry per slot."""
        found = occurrences(event)
        event_uid = uid(self.plan.plan.id, event.id)
        attendance = self._attendance(event.participants, event.responsible, event.invitation)
        if event.period is not None and event.repeat is not None:
            return self._period_entries(position, event, found, attendance)
        timing, text = self.event_component(position, event, event_uid, attendance, found)
        everyone = self.reach([*event.participants, *event.responsible])
        if not event.agenda:
            return [Entry(event_uid, timing.sort_key, text, True, everyone)]
        # With a timetable, the event's owners and the participants no slot names see the
        # whole event; whoever a slot names sees the slots they take part in, plus the
        # slots open to every participant (those without participants).
        owners = self.reach(event.responsible)
        attending = self.reach(event.participants)
        named = [self.reach([*s.participants, *s.responsible]) - owners for s in event.agenda]
        singled_out = frozenset().union(*named)
        entries = [Entry(event_uid, timing.sort_key, text, True, everyone - singled_out)]
        for key, slot, reached in zip(slot_keys(event), event.agenda, named, strict=True):
            if not slot.participants:
                reached = reached | (attending & singled_out)
            if reached:
                slot_uid = uid(self.plan.plan.id, event.id, key)
                attendance = self._attendance(slot.participants, slot.responsible, slot.invitation)
                timing, text = self.slot_component(position, event, slot, slot_uid, attendance, found)
                entries.append(Entry(slot_uid, timing.sort_key, text, False, reached))
        return entries

    def _period_entries(self, position: int, event: Event, found: list, attendance: list[bytes]) -> list[Entry]:
        """A yearly event dated by a period: one all-day span a year, each with its own UID.

        One VEVENT with FREQ=YEARLY would repeat the first year's dates, but week 15 and the
        end of February fall on other days each year; so each year is its own entry,
        ``ID/YEAR@...``, DTSTART the period's first day and DTEND the day after its last.
        """
        entries = []
        everyone = self.reach([*event.participants, *event.responsible])
        cancelled = event.status == "cancelled"
        for occurrence in found:
            assert occurrence.period is not None
            year_uid = uid(self.plan.plan.id, event.id, str(occurrence.period.year))
            timing = Timing(occurrence.start.date(), occurrence.end.date())
            text = self._component(
                year_uid, timing, self._summary(event.title, cancelled), place(event.location, event.room),
                self._event_description(event), self._categories(event.kind, event.phase), cancelled,
                False, False, self.stamp(("events", position)), attendance, transparent=True,
                may_not_happen=event.may_not_happen,
            )
            entries.append(Entry(year_uid, timing.sort_key, text, True, everyone))
        return entries

    def slot_component(
        self, position: int, event: Event, slot: Slot, item_uid: str, attendance: list[bytes], found=None,
    ) -> tuple[Timing, bytes]:
        """A timetable slot as one VEVENT at its own times, with the given ORGANIZER/ATTENDEE lines."""
        found = occurrences(event) if found is None else found
        timing = slot_timing(event, slot, found, self.zone)
        description = "\n\n".join(
            part for part in (
                f"{self.words['part_of']}: {event.title}",
                self._people_lines(slot.participants, slot.responsible, slot.invitation),
                (event.description or "").strip(),
                self._links(event.links),
            ) if part
        )
        cancelled = event.status == "cancelled"
        text = self._component(
            item_uid, timing, self._summary(slot.topic, cancelled),
            place(event.location, slot.room or event.room), description, self._categories(event.kind, event.phase),
            cancelled, slot.time.uncertain or (event.time is not None and event.time.uncertain),
            slot.time.end is None, self.stamp(("events", position)), attendance,
            may_not_happen=event.may_not_happen,
        )
        return timing, text

    def _event_description(self, event: Event) -> str:
        parts = [
            self._period_line(event.period),
            (event.description or "").strip(),
            self._people_lines(event.participants, event.responsible, event.invitation),
            self._agenda(event),
            self._links(event.links),
        ]
        return "\n\n".join(p for p in parts if p)

    def _period_line(self, period: PeriodText | None) -> str:
        """``Periode: uke 15``: the period as the plan wrote it, for an item dated by one."""
        return f"{self.words['period']}: {period.label(self.language)}" if period is not None else ""

    def _people_lines(self, participants: list[str], responsible: list[str], invitation: Invitation | None) -> str:
        lines = []
        if participants:
            lines.append(f"{self.words['participants']}: {self.names(participants)}")
        if responsible:
            lines.append(f"{self.words['responsible']}: {self.names(responsible)}")
        if invitation is not None:
            line = f"{self.words['invitation']}: {self.name(invitation.sender)}"
            if invitation.recipients:
                line += f" {self.words['sends_to']} {self.names(invitation.recipients)}"
            if invitation.note:
                line += f". {invitation.note}"
            lines.append(line)
        return "\n".join(lines)

    def _agenda(self, event: Event) -> str:
        if not event.agenda:
            return ""
        lines = [f"{self.words['programme']}:"]
        several_days = event.first_day != event.last_day
        day: date | None = None
        for slot in sorted(event.agenda, key=lambda s: (s.date or event.first_day, s.time.start)):
            slot_day = slot.date or event.first_day
            if several_days and slot_day != day:
                day = slot_day
                lines.append(upper_first(fmt_date(day, "full", language=self.language)) + ":")
            line = f"{slot.time} {slot.topic}"
            who = self.names([*slot.participants])
            if who:
                line += f" ({who})"
            lines.append(line)
        return "\n".join(lines)

    def _links(self, links: list[str]) -> str:
        return "\n".join([f"{self.words['links']}:", *links]) if links else ""

    # --- deadlines -----------------------------------------------------------------------

    def deadline_entry(self, position: int, deadline: Deadline) -> Entry:
        """A deadline or milestone as an event: all day without a time, at its time with one."""
        at = deadline.time
        timing = Timing(deadline.date, date.fromordinal(deadline.date.toordinal() + 1))
        if deadline.period is not None:  # all day over its period, never a made-up day
            days = deadline.period.dated()
            timing = Timing(days.start, days.end_exclusive)
        if at is not None:
            start = datetime.combine(deadline.date, at.start)
            timing = Timing(start, datetime.combine(deadline.date, at.end) if at.end else start)
        label = self.words[deadline.kind]
        lines = []
        if deadline.responsible:
            lines.append(f"{self.words['responsible']}: {self.names(deadline.responsible)}")
        if deadline.participants:
            lines.append(f"{self.words['participants']}: {self.names(deadline.participants)}")
        if deadline.deliver_to:
            lines.append(f"{self.words['deliver_to']}: {self.names(deadline.deliver_to)}")
        if deadline.status == "done":
            lines.append(f"{self.words['done']}" + (f": {deadline.done_on.isoformat()}" if deadline.done_on else ""))
        if deadline.period is not None:
            lines.insert(0, self._period_line(deadline.period))
        description = "\n\n".join(p for p in ((deadline.description or "").strip(), "\n".join(lines)) if p)
        item_uid = uid(self.plan.plan.id, deadline.id)
        text = self._component(
            item_uid, timing, f"{label}: {deadline.task}", None, description,
            [label, *self._categories(None, deadline.phase)], False,
            at is not None and at.uncertain, False, self.stamp(("deadlines", position)),
            self._attendance(deadline.participants, deadline.responsible, None), transparent=True,
        )
        reach = self.reach([*deadline.responsible, *deadline.participants, *deadline.deliver_to])
        return Entry(item_uid, timing.sort_key, text, True, reach)

    def all_day(self, item_uid: str, day: date, summary: str, description: str, categories: list[str],
                stamp: Stamp) -> tuple[Timing, bytes]:
        """A free (TRANSPARENT) all-day VEVENT on ``day``: a due date that books no one's time."""
        timing = Timing(day, date.fromordinal(day.toordinal() + 1))
        text = self._component(item_uid, timing, summary, None, description, categories, False, False, False,
                               stamp, [], transparent=True)
        return timing, text

    def _attendance(self, participants: list[str], responsible: list[str], invitation: Invitation | None) -> list[bytes]:
        """ORGANIZER and ATTENDEE lines, only when asked for, for those with an e-mail address
        (a group without one through its members: :func:`planverk.addressees.addressees`)."""
        if not self.attendees:
            return []
        lines = []
        for ref in [*([invitation.sender] if invitation else []), *responsible]:
            found = self.index.by_id.get(ref)
            if found and found[0] == "people" and found[2].email:
                lines.append(cl.address("ORGANIZER", found[2].email, {"CN": found[2].name}))
                break
        seen = set()
        named = [*((r, "CHAIR") for r in responsible), *((r, "REQ-PARTICIPANT") for r in participants)]
        # A group without an address of its own is reached through its members.
        for ref, role in [(each, role) for ref, role in named for each in addressees(self.index, ref)]:
            found = self.index.by_id.get(ref)
            email = getattr(found[2], "email", None) if found else None
            if not email or email in seen:
                continue
            seen.add(email)
            cutype = "GROUP" if found[0] == "groups" else "INDIVIDUAL"
            lines.append(cl.address(
                "ATTENDEE", email, {"CN": found[2].name, "CUTYPE": cutype, "ROLE": role, "RSVP": "FALSE"},
            ))
        return lines

    # --- serialising ---------------------------------------------------------------------

    def stamp(self, key: tuple[str, int]) -> Stamp:
        """SEQUENCE and LAST-MODIFIED of the event or deadline at ``key`` (kind, position)."""
        return self.stamps.get(key) or Stamp(0, self.dtstamp)

    def _summary(self, title: str, cancelled: bool) -> str:
        return f"{self.words['cancelled']}: {title}" if cancelled else title

    def _categories(self, kind: str | None, phase: str | None) -> list[str]:
        found = [kind_label(kind, self.language)] if kind else []
        if phase and phase in self.phases:
            found.append(self.phases[phase])
        return found

    def _component(
        self,
        item_uid: str,
        timing: Timing,
        summary: str,
        location: str | None,
        description: str,
        categories: list[str],
        cancelled: bool,
        tentative: bool,
        open_end: bool,
        stamp: Stamp,
        attendance: list[bytes],
        transparent: bool = False,
        may_not_happen: bool = False,
    ) -> bytes:
        """The VEVENT of ``timing`` and one override per moved or cancelled occurrence.

        ``tentative``: the time is not final; ``may_not_happen``: the event as a whole may
        not take place (``status: tentative``). Either gives STATUS:TENTATIVE (RFC 5545
        3.8.1.11), with a note saying which."""
        notes = [description]
        if may_not_happen:
            notes.append(self.words["may_not_happen"])
        if tentative:
            notes.append(self.words["uncertain"])
        if open_end:
            notes.append(self.words["no_end"])
        uid_line = cl.text("UID", item_uid)
        tail = self._tail(categories, transparent, stamp) + attendance
        lines = [
            cl.begin("VEVENT"), uid_line, self.dtstamp_line,
            cl.when("DTSTART", timing.start, self.tzid), cl.when("DTEND", timing.end, self.tzid),
        ]
        if timing.rule:
            lines.append(cl.recur("RRULE", timing.rule))
        if timing.exdates:
            lines.append(cl.when_list("EXDATE", timing.exdates, self.tzid))
        lines += self._body(summary, location, notes, cancelled, tentative or may_not_happen)
        lines += tail
        lines.append(cl.end("VEVENT"))
        for moved in timing.moved:
            lines += self._override(uid_line, moved, summary, location, description, tail)
        return b"".join(lines)

    def _override(self, uid_line: bytes, moved: Moved, summary: str, location, description, tail) -> list[bytes]:
        title = summary
        if moved.cancelled and not summary.startswith(self.words["cancelled"]):
            title = self._summary(summary, True)
        notes = [f"{self.words['changed']}: {moved.note}" if moved.note else "", description]
        if moved.may_not_happen:
            notes.append(self.words["may_not_happen"])
        if moved.tentative:
            notes.append(self.words["uncertain"])
        if moved.open_end:
            notes.append(self.words["no_end"])
        where = place(moved.location, moved.room) if (moved.location or moved.room) else location
        return [
            cl.begin("VEVENT"), uid_line, self.dtstamp_line,
            cl.when("RECURRENCE-ID", moved.original, self.tzid),
            cl.when("DTSTART", moved.start, self.tzid), cl.when("DTEND", moved.end, self.tzid),
            *self._body(title, where, notes, moved.cancelled, moved.tentative or moved.may_not_happen),
            *tail,
            cl.end("VEVENT"),
        ]

    def _body(self, summary: str, location: str | None, notes: list[str], cancelled: bool, tentative: bool) -> list[bytes]:
        lines = [cl.text("SUMMARY", summary)]
        if location:
            lines.append(self._once(("LOCATION", location), cl.text, "LOCATION", location))
        description = "\n\n".join(n for n in notes if n)
        if description:
            lines.append(cl.text("DESCRIPTION", description))
        status = "CANCELLED" if cancelled else ("TENTATIVE" if tentative else "CONFIRMED")
        lines.append(self._once(("STATUS", status), cl.text, "STATUS", status))
        return lines

    def _tail(self, categories: list[str], transparent: bool, stamp: Stamp) -> list[bytes]:
        lines = []
        if categories:
            lines.append(self._once(("CATEGORIES", *categories), cl.categories, categories))
        if transparent:
            lines.append(self._once(("TRANSP",), cl.text, "TRANSP", "TRANSPARENT"))
        lines.append(self._once(("SEQUENCE", stamp.sequence), cl.integer, "SEQUENCE", stamp.sequence))
        modified = min(stamp.modified, self.dtstamp)
        lines.append(self._once(("LAST-MODIFIED", modified), cl.utc, "LAST-MODIFIED", modified))
        return lines

    def _once(self, key: tuple, write, *args) -> bytes:
        """A content line many components share (a status, a sequence), serialised once per run."""
        found = self._lines.get(key)
        if found is None:
            found = self._lines[key] = write(*args)
        return found
