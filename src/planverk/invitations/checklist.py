"""The checklist a sender works through: what to send, to whom, by when, and what the
recipients do with it, in the plan's language, as Markdown."""

from __future__ import annotations

from ..formatting import fmt_date
from ..model import PlanInfo
from ..render.filters import cell, paragraph
from .message import when_text
from .requests import MeetingRequest, Party
from .words import WORDS


def _names(parties: list[Party]) -> str:
    return ", ".join(cell(p.name) for p in parties)


def checklist(sender: Party, requests: list[MeetingRequest], info: PlanInfo) -> str:
    """One sender's checklist: a heading, how to send, then one section per message."""
    words = WORDS[info.language]
    lines = [f"# {cell(words['title'].format(sender=sender.name))}", "", paragraph(info.title), "", words["intro"], ""]
    if not sender.email:
        lines += [words["no_sender_address"].format(sender=cell(sender.name)), ""]
    for number, request in enumerate(requests, start=1):
        label = words["cancel" if request.method == "CANCEL" else "request"]
        lines += [f"## {number}. {label}: {cell(request.summary)}", ""]
        due = (words["send_by"].format(date=fmt_date(request.send_by, "full", language=info.language))
               if request.send_by else words["send_now"])
        lines.append(f"- [ ] {due}: `{request.filename}`")
        when = when_text(request.start, request.end, info.language)
        if request.location:
            when += f", {cell(request.location)}"
        lines.append(f"- {words['when']}: {when}")
        if request.part_of:
            lines.append(f"- {words['part_of']}: {cell(request.part_of)}")
        lines.append(f"- {words['to']}: {_names(list(request.recipients)) or words['none']}")
        for group in request.recipients:
            reached = [m for m in group.members if m.email] if not group.email else []
            if reached:
                lines.append(f"- {words['via_members'].format(group=cell(group.name), members=_names(reached))}")
        if request.unaddressed:
            lines.append(f"- {words['no_address']}: {_names(request.unaddressed)} ({words['no_address_hint']})")
        if request.note and request.method != "CANCEL":
            lines.append(f"- {words['recipients_do']}: {cell(request.note)}")
        lines.append("")
    return "\n".join(lines)
