"""Invitations that would go out too late: `send_by` on or after the meeting."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import tr
from .context import Issue, PlanIndex


def check_invitations(index: PlanIndex) -> Iterator[Issue]:
    """PV313: an invitation's `send_by` on or after the (first) day of what it invites to."""
    for path, event in index.events():
        if event.invitation is None and not event.agenda:
            continue  # most events of a large plan: nothing to look at
        found = [((*path, "invitation"), event.invitation, event.first_day, event.title)]
        found += [
            ((*path, "agenda", s, "invitation"), slot.invitation, slot.date or event.first_day, slot.topic)
            for s, slot in enumerate(event.agenda)
        ]
        for where, invitation, day, title in found:
            if invitation is None or invitation.send_by is None or invitation.send_by < day:
                continue
            yield Issue(
                "PV313",
                tr("the invitation to '{title}' is to be sent by {send_by}, but the meeting is on "
                   "{day}: give a send_by before the meeting", title=title, send_by=invitation.send_by, day=day),
                (*where, "send_by"),
                path,
            )
