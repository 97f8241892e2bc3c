"""DTSTAMP, SEQUENCE and LAST-MODIFIED from the plan and its git history: no hidden state.

- DTSTAMP: ``SOURCE_DATE_EPOCH`` when set; else the time of the last commit that changed
  the plan's content; else (no git) midnight UTC on the first day of the plan's period.
- An item (an event or deadline) is known by its identity, the plan's id and its own id,
  and its content: its own fields (not its ``silence``), the ``plan:`` header, and the
  names of the people, groups (and the members of a group without an address), roles and
  phase it shows, with the e-mail addresses of those people and groups (ORGANIZER and
  ATTENDEE lines with ``--attendees``). SEQUENCE counts the committed
  versions of the plan (see :mod:`planverk.review.githistory`) in which that content
  differed from the version before, after the item first appeared; uncommitted edits
  count as one more. Where the item's lines sit does not count: moving it to another
  file, renaming the plan's folder, reordering and ``planverk fmt`` change nothing,
  and every change of content, a revert too, raises SEQUENCE (RFC 5545 3.8.7.4).
  LAST-MODIFIED is the time of the newest such change (of the item's first version when
  none), never later than DTSTAMP. Without git, SEQUENCE is 0 and LAST-MODIFIED is DTSTAMP.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any

from ..addressees import addressees
from ..checks.context import PlanIndex
from ..epoch import fixed_time
from ..review.githistory import Version, plan_versions
from ..validate import Validation
from ..reporting.schedule import duties
from .entries import Stamp
from .reporting import REPORTING_KEY

ItemKey = tuple[str, int]
KINDS = ("events", "deadlines")


def dtstamp(index: PlanIndex, last_change: datetime | None, source_date_epoch: str | None) -> datetime:
    """The one DTSTAMP of every component of a run."""
    fixed = fixed_time(source_date_epoch)
    if fixed is not None:
        return fixed
    if last_change is not None:
        return last_change
    return datetime.combine(index.plan.plan.period.start, time(), timezone.utc)


def _shown(item: Any) -> list[str]:
    """Ids whose names an item's component shows."""
    refs = [*getattr(item, "participants", []), *item.responsible]
    refs += [r for r in getattr(item, "deliver_to", []) if "@" not in r]
    for part in [item, *getattr(item, "agenda", [])]:
        invitation = getattr(part, "invitation", None)
        if invitation is not None:
            refs += [invitation.sender, *invitation.recipients]
        if part is not item:
            refs += [*part.participants, *part.responsible]
    if item.phase:
        refs.append(item.phase)
    return refs


def fingerprints(index: PlanIndex) -> dict[tuple[str, str], str]:
    """(kind, id) -> a digest of what each event's and deadline's components show; an item
    with a reporting rhythm as (``reporting:KIND``, id), its whole content (a new reading
    marks a period reported) and its reporter's name."""
    header = index.plan.plan.model_dump(mode="json")
    result = {}
    for duty in duties(index.plan):
        found = index.by_id.get(duty.owner or "")
        owner = getattr(found[2], "name", None) if found else None
        content = duty.item.model_dump(mode="json", exclude={"silence"})
        text = json.dumps([content, header, owner], sort_keys=True, ensure_ascii=False, default=str)
        result[(REPORTING_KEY.format(kind=duty.kind), duty.id)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for kind in KINDS:
        for item in getattr(index.plan, kind):
            names = {}
            # a group without an address is written as its members (ATTENDEE, invitations)
            shown = [each for ref in _shown(item) for each in (ref, *addressees(index, ref))]
            for ref in dict.fromkeys(shown):
                found = index.by_id.get(ref)
                names[ref] = [getattr(found[2], "name", None), getattr(found[2], "email", None)] if found else None
            content = item.model_dump(mode="json", exclude={"silence"})
            text = json.dumps([content, header, names], sort_keys=True, ensure_ascii=False, default=str)
            result[(kind, item.id)] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return result


def _count(versions: list[Version], now: dict[tuple[str, str], str]) -> dict[tuple[str, str], tuple[int, datetime | None]]:
    """(kind, id) -> (changes of content, time of the newest; None for uncommitted)."""
    last: dict[tuple[str, str], str] = {}
    stamps: dict[tuple[str, str], tuple[int, datetime | None]] = {}
    states = [(v.time, fingerprints(PlanIndex(v.plan))) for v in versions] + [(None, now)]
    for when, prints in states:
        for key, digest in prints.items():
            if key not in last:
                stamps[key] = (0, when)
            elif last[key] != digest:
                stamps[key] = (stamps[key][0] + 1, when)
            last[key] = digest
    return stamps


def plan_stamps(
    index: PlanIndex, validation: Validation, source_date_epoch: str | None
) -> tuple[datetime, dict[ItemKey, Stamp]]:
    """DTSTAMP of the run, and SEQUENCE and LAST-MODIFIED of each event and deadline."""
    versions = plan_versions(Path(validation.target), index.plan.plan.id)
    stamp = dtstamp(index, versions[-1].time if versions else None, source_date_epoch)
    if not versions:
        return stamp, {}
    counted = _count(versions, fingerprints(index))
    result = {}
    for kind in KINDS:
        for position, item in enumerate(getattr(index.plan, kind)):
            changes, when = counted[(kind, item.id)]
            result[(kind, position)] = Stamp(changes, min(when or stamp, stamp))
    for duty in duties(index.plan):
        key = REPORTING_KEY.format(kind=duty.kind)
        changes, when = counted[(key, duty.id)]
        result[(key, duty.position)] = Stamp(changes, min(when or stamp, stamp))
    return stamp, result
