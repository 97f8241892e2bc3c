"""ical and invitations: calendar feeds and meeting requests."""


import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .app import app
from ..i18n import plural, tr
from .language import choose, say
from .options import LangOption, PlanArg
from .terminal import progress


@app.command()
def ical(
    plan: PlanArg,
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="Folder for the feeds and index pages; with --only a file (NAME.ics) or a folder; "
                     "'-' writes one feed to stdout."),
    ],
    only: Annotated[
        str | None,
        typer.Option("--only", help="Write one feed: group:ID, person:ID or plan.", show_default=False),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Where the folder is published; index pages then give subscribe links.",
                     show_default=False),
    ] = None,
    attendees: Annotated[
        bool, typer.Option("--attendees", help="Add ORGANIZER and ATTENDEE (e-mail addresses) to events.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write calendar feeds: the whole plan, each group and each person (what they attend).

    Refuses (exit 1) when `validate` finds errors in the plan, and prints them. Output is
    the same bytes for the same plan: DTSTAMP comes from SOURCE_DATE_EPOCH, else the
    plan's last commit.
    """
    from ..ical import calendar_feeds
    from ..ical.site import write_feed, write_site
    from ..validate import checked_plan, in_language

    code = choose(lang, plan)
    result = in_language(checked_plan(plan, tr("{plan} has errors: fix them first; no feed was written",
                                               plan=str(plan))), code)
    assert result.plan is not None
    warn_if_shallow([plan])
    with progress(3, threshold=0) as advance:
        feeds = calendar_feeds(
            result,
            only=only or ("plan" if output == "-" else None),
            attendees=attendees,
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
            progress=advance,
        )
    if output == "-":
        binary = getattr(sys.stdout, "buffer", None)  # bytes as they are: CRLF, UTF-8
        if binary is None:
            sys.stdout.write(feeds[0].body.decode("utf-8"))
        else:
            sys.stdout.flush()
            binary.write(feeds[0].body)
            binary.flush()
        return
    if only:
        written = write_feed(feeds[0], Path(output))
        say(plural("wrote {file} ({count} event)", "wrote {file} ({count} events)", feeds[0].events,
                   file=str(written)))
        return
    write_site(feeds, Path(output), result.plan.plan, base_url)
    say(plural("wrote {count} feed and index.html to {folder}", "wrote {count} feeds and index.html to {folder}",
               len(feeds), folder=str(output)))


def warn_if_shallow(plans: list[Path]) -> None:
    """A note on standard error when a plan is in a shallow git clone: SEQUENCE would go
    back, and calendar apps would then keep the old events (docs/calendar-feeds.md)."""
    from ..load.planfiles import plan_folder
    from ..review.githistory import shallow

    for plan in plans:
        if plan_folder(plan).is_dir() and shallow(plan_folder(plan)):
            say(tr("note: {plan} is in a shallow git clone: SEQUENCE counts only the history fetched, and "
                   "calendar apps that have seen a higher one ignore what is written now; fetch the whole history "
                   "first (git fetch --unshallow; in CI, fetch-depth: 0)", plan=str(plan)), err=True)
            return


@app.command()
def invitations(
    plan: PlanArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the messages: one folder per sender in it.")
    ],
    sender: Annotated[
        str | None, typer.Option("--sender", help="Only the invitations this person sends (an id).", show_default=False)
    ] = None,
    send: Annotated[
        bool,
        typer.Option("--send/--dry-run", help="Send the messages through --smtp; by default nothing is sent."),
    ] = False,
    smtp: Annotated[
        str | None,
        typer.Option("--smtp", metavar="HOST[:PORT]", help="Mail server to send through (port 587 by default).",
                     show_default=False),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write the meeting requests the plan's invitations call for, and a checklist per sender.

    Each invitation becomes an .eml message (RFC 6047: METHOD:REQUEST, or METHOD:CANCEL
    for a cancelled meeting) that a mail program opens and sends, in OUTPUT/SENDER-ID/
    with checklist.md. With --send --smtp HOST[:PORT] they are also sent (STARTTLS when
    offered; login from PLANVERK_SMTP_USER and PLANVERK_SMTP_PASSWORD).
    """
    from ..invitations import invitation_packets, write_packets
    from ..load.planfiles import display_path
    from ..validate import checked_plan, in_language

    code = choose(lang, plan)
    if send and not smtp:
        raise UsageError(tr("--send needs the mail server: --smtp HOST[:PORT]"))
    result = in_language(checked_plan(plan, tr("{plan} has errors: fix them first; no invitation was written",
                                               plan=str(plan))), code)
    assert result.plan is not None
    warn_if_shallow([plan])
    packets = invitation_packets(result, sender=sender, source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    if not packets:
        say(tr("{plan}: the plan records no invitations (give events or slots an `invitation:`)", plan=str(plan)))
        return
    requests = [r for p in packets for r in p.requests]
    if send:
        from ..invitations.send import check_sendable

        check_sendable(requests)
    for packet, folder in zip(packets, write_packets(packets, output), strict=True):
        say(plural("wrote {count} invitation from {sender} and checklist.md to {folder}",
                   "wrote {count} invitations from {sender} and checklist.md to {folder}",
                   len(packet.requests), sender=packet.sender.name, folder=display_path(folder)))
    if not send:
        if smtp:
            say(tr("dry run: nothing was sent (add --send to send)"))
        return
    from ..invitations.send import send as send_all

    def _sent(request) -> None:
        say(tr("sent {file} to {addresses}", file=request.filename,
               addresses=", ".join(p.email for p in request.addressed)))

    send_all(requests, result.plan.plan, smtp, os.environ, _sent)
