"""A meeting request as an e-mail message (RFC 6047 iMIP), ready to open, check and send.

The message is ``multipart/alternative``: a plain-text part in the plan's language and
the iCalendar object as ``text/calendar; method=REQUEST`` (or CANCEL), as RFC 6047 2.4
has it. Every header is a function of the plan (Date from DTSTAMP, Message-ID and the
MIME boundary from the UID and SEQUENCE), so the same plan writes the same bytes.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from ..formatting import fmt_date, fmt_time
from ..model import PlanInfo, TimeRange
from .requests import MeetingRequest, Party
from .words import WORDS

POLICY = SMTP.clone(max_line_length=998)
"""CRLF line ends; headers unfolded up to RFC 5322's limit, since Python's folding of a long
ASCII subject puts a line break right after ``Subject:`` that readers show as a space."""
_BODY_POLICY = SMTP.clone(max_line_length=76)
"""What the parts are encoded with: quoted-printable and base64 lines of at most 76 characters
(RFC 2045 6.7 and 6.8); :data:`POLICY`'s 998 would make lines mail servers may break."""


def address(party: Party) -> Address:
    """A recipient or sender as a header address, display name included."""
    user, _, domain = (party.email or "").rpartition("@")
    return Address(display_name=party.name, username=user, domain=domain)


def when_text(start: date | datetime, end: date | datetime, language: str) -> str:
    """``onsdag 3. mai 2017 kl. 08.30-10.30`` (an all-day meeting: its date or dates)."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        day = fmt_date(start.date(), "full", language=language)
        if end.date() != start.date():
            return f"{day} {fmt_time(start.time(), language=language)} - {fmt_date(end.date(), 'full', language=language)} {fmt_time(end.time(), language=language)}"
        return f"{day} {fmt_time(TimeRange(start=start.time(), end=end.time()), language=language)}"
    last = date.fromordinal(end.toordinal() - 1)  # DTEND of a day is exclusive
    if last == start:
        return fmt_date(start, "full", language=language)
    return f"{fmt_date(start, 'full', language=language)} - {fmt_date(last, 'full', language=language)}"


def plain_text(request: MeetingRequest, info: PlanInfo) -> str:
    """What the message says to someone whose mail program shows no meeting request."""
    words = WORDS[info.language]
    lines = [request.summary, ""]
    if request.part_of:
        lines.append(f"{words['part_of']}: {request.part_of}")
    lines.append(f"{words['when']}: {when_text(request.start, request.end, info.language)}")
    if request.location:
        lines.append(f"{words['where']}: {request.location}")
    if request.method == "CANCEL":
        lines += ["", words["cancelled_note"]]
    elif request.note:
        lines += ["", request.note]
    lines += ["", info.title, ""]
    return "\n".join(lines)


def message(request: MeetingRequest, info: PlanInfo, *, draft: bool) -> EmailMessage:
    """The iMIP message; a ``draft`` carries ``X-Unsent: 1`` so Outlook opens it to be sent."""
    words = WORDS[info.language]
    msg = EmailMessage(policy=_BODY_POLICY)
    if request.sender.email:
        msg["From"] = address(request.sender)
    if request.addressed:
        msg["To"] = [address(p) for p in request.addressed]
    label = words["cancel" if request.method == "CANCEL" else "request"]
    msg["Subject"] = f"{label}: {request.summary}"
    msg["Date"] = format_datetime(request.dtstamp)
    digest = hashlib.sha256(f"{request.uid}\n{request.sequence}\n{request.method}".encode()).hexdigest()
    msg["Message-ID"] = f"<{digest[:32]}@{info.id}.planverk>"
    if draft:
        msg["X-Unsent"] = "1"
    msg.set_content(plain_text(request, info), charset="utf-8")
    msg.add_alternative(
        request.calendar, maintype="text", subtype="calendar", cte="base64",
        params={"method": request.method, "charset": "UTF-8"},
    )
    msg.set_boundary(f"planverk-{digest[32:56]}")
    msg.policy = POLICY  # the parts are encoded; headers are written by POLICY (also when sent)
    return msg


def eml(request: MeetingRequest, info: PlanInfo) -> bytes:
    """The draft as the bytes of an ``.eml`` file (CRLF line ends)."""
    return message(request, info, draft=True).as_bytes(policy=POLICY)
