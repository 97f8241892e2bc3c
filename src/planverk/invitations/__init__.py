"""Invitations the plan says to send: meeting requests (RFC 6047 iMIP) and a checklist per sender.

:func:`invitation_packets` turns a validated plan into one :class:`Packet` per sender (pure:
the same plan, history and ``SOURCE_DATE_EPOCH`` give the same bytes); :func:`write_packets`
writes each into its own folder, ``DIR/SENDER-ID/``, replacing it only once all is written;
:mod:`.send` sends them over SMTP.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..files import replace_folder
from ..i18n import tr
from ..validate import Validation
from .checklist import checklist
from .message import eml
from .requests import MeetingRequest, Party, meeting_requests

__all__ = ["CHECKLIST", "MeetingRequest", "Packet", "Party", "invitation_packets", "write_packets"]

CHECKLIST = "checklist.md"


@dataclass(frozen=True, slots=True)
class Packet:
    """What one sender sends: the requests, their ``.eml`` files and the checklist."""

    sender: Party
    requests: list[MeetingRequest]
    files: dict[str, bytes]
    """File name -> bytes: ``EVENT.eml`` or ``EVENT-SLOT.eml`` per request (see
    :func:`.requests.meeting_requests`), and ``checklist.md``."""


def invitation_packets(
    validation: Validation, *, sender: str | None = None, source_date_epoch: str | None = None
) -> list[Packet]:
    """One packet per sender (or for ``sender`` only) of a validated, error-free plan."""
    assert validation.plan is not None
    info = validation.plan.plan
    requests = meeting_requests(validation, sender=sender, source_date_epoch=source_date_epoch)
    packets = []
    for ref in dict.fromkeys(r.sender.ref for r in requests):
        mine = [r for r in requests if r.sender.ref == ref]
        files = {r.filename: eml(r, info) for r in mine}
        files[CHECKLIST] = checklist(mine[0].sender, mine, info).encode("utf-8")
        packets.append(Packet(mine[0].sender, mine, files))
    return packets


def _is_ours(folder: Path) -> bool:
    return all(p.is_file() and (p.suffix == ".eml" or p.name == CHECKLIST) for p in folder.iterdir())


def write_packets(packets: list[Packet], out: Path) -> list[Path]:
    """Write each packet to ``out/SENDER-ID/``, each folder replaced as one (``replace_folder``).

    A sender's folder holding anything else than what planverk writes there is never
    replaced (UsageError); other senders' folders are left alone. Raises OutputError when
    the disk refuses.
    """
    if out.exists() and not out.is_dir():
        raise UsageError(tr("{folder} is a file: give a folder for the invitations", folder=str(out)))
    for packet in packets:
        target = out / packet.sender.ref
        if target.exists() and not (target.is_dir() and _is_ours(target)):
            raise UsageError(tr(
                "{folder} holds files planverk does not write there: give another folder, "
                "so that nothing of yours is replaced", folder=str(target)
            ))
    written = []
    for packet in packets:
        target = out / packet.sender.ref

        def fill(staging: Path, files: dict[str, bytes] = packet.files) -> None:
            for name, body in files.items():
                (staging / name).write_bytes(body)

        replace_folder(target, fill, what=tr("the invitations"))
        written.append(target)
    return written
