"""Meeting requests from the invitations a plan records: one per invitation, as iTIP.

An invitation (on an event or on a slot of its timetable) says who sends it and to whom.
Each becomes a VCALENDAR with ``METHOD:REQUEST`` (RFC 5546 3.2.2), or ``METHOD:CANCEL``
(3.2.5) once the event is cancelled: the meeting's VEVENT as the feeds write it, with
the sender as ORGANIZER and every recipient with an address as ATTENDEE (``RSVP=TRUE``).
Its UID is its own (``EVENT/SLOT/invitation@PLAN.planverk``) and stable; SEQUENCE comes
from the plan's history like the feeds', so a moved meeting is an update calendars apply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from difflib import get_close_matches

from ..addressees import addressees
from ..checks.context import PlanIndex
from ..errors import UsageError
from ..ical import contentlines as cl
from ..ical.entries import EntryWriter, uid
from ..slot_identity import slot_keys
from ..ical.feeds import calendar, calendar_head, plan_timezone
from ..ical.stamps import plan_stamps
from ..formatting import place
from ..i18n import tr
from ..model import Event, Invitation, Slot
from ..validate import Validation

SEND_AHEAD = timedelta(days=14)
"""When an invitation gives no ``send_by``: this long before the meeting."""


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or recipient: a person or group of the plan, with its address if it has one."""

    ref: str
    name: str
    email: str | None
    group: bool = False
    members: tuple[Party, ...] = ()
    """For a group without an address of its own: who it is reached through, its members
    and included groups (:func:`planverk.addressees.addressees`), the sender left out."""


@dataclass(frozen=True, slots=True)
class MeetingRequest:
    """One invitation to send: who to whom, what, and its iCalendar object."""

    sender: Party
    recipients: tuple[Party, ...]
    uid: str
    method: str
    """``REQUEST`` or ``CANCEL``."""
    sequence: int
    summary: str
    part_of: str | None
    """The title of the event a slot belongs to."""
    start: date | datetime
    end: date | datetime
    """Local times in the plan's zone (dates for all-day meetings, end exclusive)."""
    location: str | None
    note: str | None
    send_by: date | None
    """None for a cancellation: it goes out as soon as possible."""
    filename: str
    calendar: bytes
    """The VCALENDAR, folded content lines with CRLF."""
    dtstamp: datetime

    @property
    def addressed(self) -> list[Party]:
        """The message's To and the ATTENDEEs: :func:`addressed`."""
        return addressed(self.recipients)

    @property
    def unaddressed(self) -> list[Party]:
        """Recipients no address reaches: named in the checklist, to be added by hand. A
        group without an address of its own whose members have addresses is reached
        through them; those of its members without one are named instead."""
        found: dict[str, Party] = {}
        for party in self.recipients:
            if party.email:
                continue
            if any(m.email for m in party.members):
                found.update((m.ref, m) for m in party.members if not m.email)
            else:
                found[party.ref] = party
        return list(found.values())


def addressed(recipients: tuple[Party, ...]) -> list[Party]:
    """Recipients with an e-mail address, a group without one through its members (see
    :attr:`Party.members`); each address once (case aside), in the order named."""
    found: dict[str, Party] = {}
    for party in recipients:
        for each in (party,) if party.email else party.members:
            if each.email and each.email.casefold() not in found:
                found[each.email.casefold()] = each
    return list(found.values())


def _party(index: PlanIndex, ref: str) -> Party:
    kind, _, item = index.by_id[ref]
    return Party(ref, item.name, getattr(item, "email", None) or None, kind == "groups")


def _recipients(index: PlanIndex, refs: list[str], sender: str) -> tuple[Party, ...]:
    """The people and groups an invitation names, each once, in the plan's order; a group
    without an address with the members it is reached through (the sender left out)."""
    parties = []
    for ref in dict.fromkeys(refs):
        party = _party(index, ref)
        if party.group and not party.email:
            members = tuple(_party(index, r) for r in addressees(index, ref) if r not in (ref, sender))
            party = replace(party, members=members)
        parties.append(party)
    return tuple(parties)


def _attendance(sender: Party, recipients: tuple[Party, ...]) -> list[bytes]:
    lines = []
    if sender.email:
        lines.append(cl.address("ORGANIZER", sender.email, {"CN": sender.name}))
    for party in addressed(recipients):
        if party.email:
            lines.append(cl.address("ATTENDEE", party.email, {
                "CN": party.name, "CUTYPE": "GROUP" if party.group else "INDIVIDUAL",
                "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE",
            }))
    return lines


def senders(validation: Validation) -> list[str]:
    """Ids of everyone the plan has send an invitation, in the order they first do."""
    assert validation.plan is not None
    found: dict[str, None] = {}
    for event in validation.plan.events:
        for invitation in [event.invitation, *(s.invitation for s in event.agenda)]:
            if invitation is not None:
                found[invitation.sender] = None
    return list(found)


def _check_sender(validation: Validation, sender: str) -> None:
    known = senders(validation)
    if sender in known:
        return
    index = PlanIndex(validation.plan)
    if sender in index.by_id:
        if known:
            raise UsageError(tr("--sender {sender}: the plan has {sender} send no invitation; those who "
                                "send are {senders}", sender=sender, senders=", ".join(known)))
        raise UsageError(tr("--sender {sender}: the plan has {sender} send no invitation", sender=sender))
    near = get_close_matches(sender, known, n=1, cutoff=0.6)
    if near:
        raise UsageError(tr("--sender {sender}: the plan has no one with that id: did you mean {near}?",
                            sender=sender, near=near[0]))
    raise UsageError(tr("--sender {sender}: the plan has no one with that id", sender=sender))


def meeting_requests(
    validation: Validation, *, sender: str | None = None, source_date_epoch: str | None = None
) -> list[MeetingRequest]:
    """Every invitation of a validated, error-free plan (or of one sender), ordered by
    sender (as the plan first names them), then start. Pure: same plan, history and
    ``SOURCE_DATE_EPOCH`` give the same requests, each with its file name (:func:`_named`:
    ``EVENT.eml``, ``EVENT-SLOT.eml``). Raises UsageError for an unknown sender."""
    assert validation.plan is not None and validation.ok
    if sender is not None:
        _check_sender(validation, sender)
    index = PlanIndex(validation.plan)
    info = validation.plan.plan
    stamp, stamps = plan_stamps(index, validation, source_date_epoch)
    writer = EntryWriter(index, stamp, stamps)
    timezone = plan_timezone(info)
    order = {ref: n for n, ref in enumerate(senders(validation))}
    found: list[tuple[Invitation, Event, Slot | None, int, str, int]] = []
    for position, event in enumerate(validation.plan.events):
        if event.invitation is not None:
            found.append((event.invitation, event, None, 0, "", position))
        for number, (slot, key) in enumerate(zip(event.agenda, slot_keys(event), strict=True), start=1):
            if slot.invitation is not None:
                found.append((slot.invitation, event, slot, number, key, position))
    requests = []
    for invitation, event, slot, number, key, position in found:
        if sender is not None and invitation.sender != sender:
            continue
        who = _party(index, invitation.sender)
        recipients = _recipients(index, invitation.recipients, invitation.sender)
        attendance = _attendance(who, recipients)
        parts = [event.id] if slot is None else [event.id, key]
        item_uid = uid(info.id, *parts, "invitation")
        if slot is None:
            timing, component = writer.event_component(position, event, item_uid, attendance)
        else:
            timing, component = writer.slot_component(position, event, slot, item_uid, attendance)
        cancelled = event.status == "cancelled"
        method = "CANCEL" if cancelled else "REQUEST"
        first_day = timing.start.date() if isinstance(timing.start, datetime) else timing.start
        stem = event.id if slot is None else f"{event.id}-{_file_key(key)}"
        requests.append(MeetingRequest(
            sender=who, recipients=recipients, uid=item_uid, method=method,
            sequence=writer.stamp(("events", position)).sequence,
            summary=slot.topic if slot else event.title, part_of=event.title if slot else None,
            start=timing.start, end=timing.end,
            location=place(event.location, (slot.room if slot else None) or event.room), note=invitation.note,
            send_by=None if cancelled else (invitation.send_by or first_day - SEND_AHEAD),
            filename=stem, calendar=calendar(calendar_head(info, method), [], timezone, [component]), dtstamp=stamp,
        ))
    requests.sort(key=lambda r: (order[r.sender.ref], _key(r.start), r.uid))
    return _named(requests)


def _file_key(slot_key: str) -> str:
    """A slot's identity (:func:`planverk.slot_identity.slot_keys`: its id, or ``#`` and its
    topic key, perhaps with ``/DAY-HHMM`` and ``/N``) as part of a file name: a-z, 0-9 and
    ``-._`` only (``#pause/1-1015`` is ``pause-1-1015``)."""
    return slot_key.removeprefix("#").replace("/", "-")


def _named(requests: list[MeetingRequest]) -> list[MeetingRequest]:
    """Each request with its file name, ``EVENT.eml`` or ``EVENT-SLOT.eml`` (the slot by its
    id, else its topic), so that a slot inserted, removed or moved renames no other file, as
    it changes no other UID. Ids and topic keys hold only a-z, 0-9 and ``-._`` and an id is
    never a name Windows reserves, so a name stays in its folder on every system. Two
    requests of one sender whose names would be the same (an event ``a-b`` beside a slot
    ``b`` of an event ``a``) are told apart by ``-2``, ``-3`` in the order of their UIDs."""
    order = sorted(range(len(requests)), key=lambda n: requests[n].uid)
    used = {(r.sender.ref, r.filename) for r in requests}  # every name as it is, claimed first
    names: dict[int, str] = {}
    seen: set[tuple[str, str]] = set()
    for n in order:
        sender, name = requests[n].sender.ref, requests[n].filename
        if (sender, name) in seen:
            number = 2
            while (sender, f"{name}-{number}") in used:
                number += 1
            name = f"{name}-{number}"
            used.add((sender, name))
        seen.add((sender, name))
        names[n] = name
    return [replace(r, filename=f"{names[n]}.eml") for n, r in enumerate(requests)]


def _key(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())
