"""The red thread as status shows it: each goal's chain, and where it breaks (the rules
are in :mod:`planverk.reporting.thread`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan
from ..reporting.thread import BREAK_CODES, red_thread


@dataclass(frozen=True)
class Link:
    """An item of a chain: its id and name."""

    id: str
    name: str


@dataclass(frozen=True)
class ChainRow:
    """One goal (``depth`` 0 at the top) with what serves it; ``broken`` when no measure
    or KPI serves a goal with none under it."""

    id: str
    title: str
    depth: int
    measures: list[Link]
    kpis: list[Link]
    benefits: list[Link]
    reports: list[Link]
    broken: bool


@dataclass(frozen=True)
class BreakRow:
    """A break: its kind (``goal-without-measure`` ...), finding code, and the item."""

    kind: str
    code: str
    list: str
    id: str
    name: str
    silenced: str | None = None
    """The reason given where the item silences the break's code, else None."""


@dataclass(frozen=True)
class ThreadReport:
    """The goals' chains, depth first in plan order, and the breaks."""

    chains: list[ChainRow]
    breaks: list[BreakRow]
    kept: bool
    """Whether the plan links any measure or KPI to a goal."""


def thread_status(plan: Plan) -> ThreadReport:
    """The red thread of ``plan``."""
    thread = red_thread(plan)

    def links(ids: list[str]) -> list[Link]:
        return [Link(i, thread.names.get(i, i)) for i in ids]

    chains = [
        ChainRow(c.id, c.title, c.depth, links(c.measures), links(c.kpis), links(c.benefits),
                 links(c.reports), c.broken)
        for c in thread.flat()
    ]
    def reason(list_name: str, position: int, code: str) -> str | None:
        item = getattr(plan, list_name)[position]
        return next((s.reason for s in item.silence if s.code == code), None)

    breaks = [
        BreakRow(b.kind, BREAK_CODES[b.kind], b.list, b.id, b.name, reason(b.list, b.position, BREAK_CODES[b.kind]))
        for b in thread.breaks
    ]
    return ThreadReport(chains, breaks, thread.kept)
