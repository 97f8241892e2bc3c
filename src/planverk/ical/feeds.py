"""Put feeds together: one for the whole plan, one per group and one per person.

Every item is serialised once (:mod:`.entries`); a feed is a calendar header, the plan's
VTIMEZONE and the texts of the entries that belong in it, in start order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..checks.context import PlanIndex
from ..model import PlanInfo
from . import contentlines as cl
from .entries import PLAN_FEED, Entry, EntryWriter, Stamp
from .reporting import reporting_entries
from .vtimezone import vtimezone

PRODID = "-//planverk//planverk//{language}"
REFRESH = timedelta(hours=6)
"""How often subscribers are asked to refresh (REFRESH-INTERVAL and X-PUBLISHED-TTL)."""


@dataclass(frozen=True, slots=True)
class Feed:
    """One calendar file: who it is for, where it goes and its bytes."""

    key: str
    """``plan``, ``group:ID`` or ``person:ID``."""
    name: str
    path: str
    """Relative path in the output folder, e.g. ``groups/styringsgruppe.ics``."""
    body: bytes
    events: int


def feed_path(plan_id: str, key: str) -> str:
    """Where the feed ``key`` is written: ``PLAN.ics``, ``groups/ID.ics``, ``people/ID.ics``."""
    if key == PLAN_FEED:
        return f"{plan_id}.ics"
    kind, _, ident = key.partition(":")
    return f"{'groups' if kind == 'group' else 'people'}/{ident}.ics"


def feed_keys(index: PlanIndex) -> dict[str, str]:
    """Every feed of the plan, key -> display name, in the order an index lists them."""
    plan = index.plan
    names = {PLAN_FEED: plan.plan.title}
    for group in sorted(plan.groups, key=lambda g: (g.name.casefold(), g.id)):
        names[f"group:{group.id}"] = f"{group.name} – {plan.plan.title}"
    for person in sorted(plan.people, key=lambda p: (p.name.casefold(), p.id)):
        names[f"person:{person.id}"] = f"{person.name} – {plan.plan.title}"
    return names


def build_entries(index: PlanIndex, dtstamp: datetime, stamps: dict[tuple[str, int], Stamp], attendees: bool) -> list[Entry]:
    """Every event, slot, deadline and reporting due date of the plan, serialised once, in start order."""
    writer = EntryWriter(index, dtstamp, stamps, attendees)
    entries = [e for i, event in enumerate(index.plan.events) for e in writer.event_entries(i, event)]
    entries += [writer.deadline_entry(i, deadline) for i, deadline in enumerate(index.plan.deadlines)]
    entries += reporting_entries(writer)
    entries.sort(key=lambda e: (e.start, e.uid))
    return entries


def calendar_head(info: PlanInfo, method: str) -> bytes:
    """BEGIN:VCALENDAR and the properties every calendar of the plan with ``method`` has."""
    return b"".join([
        cl.begin("VCALENDAR"),
        cl.text("VERSION", "2.0"),
        cl.text("PRODID", PRODID.format(language=info.language.upper())),
        cl.text("CALSCALE", "GREGORIAN"),
        cl.text("METHOD", method),
    ])


def calendar(head: bytes, properties: list[bytes], timezone: bytes, components: list[bytes]) -> bytes:
    """A VCALENDAR of already serialised parts (``head`` from :func:`calendar_head`), as bytes."""
    return b"".join([head, *properties, timezone, *components, cl.end("VCALENDAR")])


def plan_timezone(info: PlanInfo) -> bytes:
    """The VTIMEZONE of the plan's zone over the plan's years."""
    return vtimezone(ZoneInfo(info.timezone), info.period.start.year, info.period.end.year)


def assemble(index: PlanIndex, entries: list[Entry], keys: list[str]) -> list[Feed]:
    """The feeds ``keys`` from already serialised entries."""
    info = index.plan.plan
    names = feed_keys(index)
    parts: dict[str, list[bytes]] = {key: [] for key in keys}
    for entry in entries:
        if entry.in_plan_feed and PLAN_FEED in parts:
            parts[PLAN_FEED].append(entry.body)
        for key in entry.feeds:
            if key in parts:
                parts[key].append(entry.body)
    timezone = plan_timezone(info)
    head = calendar_head(info, "PUBLISH")
    common = [
        cl.text("X-WR-TIMEZONE", info.timezone),
        cl.duration("REFRESH-INTERVAL", REFRESH, {"VALUE": "DURATION"}),
        cl.duration("X-PUBLISHED-TTL", REFRESH),
    ]
    feeds = []
    for key in keys:
        name = names[key]
        properties = [cl.text("NAME", name), cl.text("X-WR-CALNAME", name), *common]
        body = calendar(head, properties, timezone, parts[key])
        feeds.append(Feed(key, name, feed_path(info.id, key), body, len(parts[key])))
    return feeds
