"""Calendar feeds of a plan: one for the whole plan, one per group, one per person.

:func:`calendar_feeds` turns a validated plan into feeds (pure: the same plan, history and
``SOURCE_DATE_EPOCH`` give the same bytes); :mod:`.site` writes them out atomically.
"""

from __future__ import annotations

from collections.abc import Callable

from difflib import get_close_matches

from ..checks.context import PlanIndex
from ..errors import UsageError
from ..i18n import tr
from ..load.planfiles import ITEM_WORDS
from ..validate import Validation, gc_paused
from .entries import PLAN_FEED
from .feeds import Feed, assemble, build_entries, feed_keys
from .stamps import plan_stamps

__all__ = ["Feed", "calendar_feeds", "select"]

_KINDS = {"group": "groups", "person": "people"}


def select(index: PlanIndex, only: str) -> str:
    """The feed key ``--only`` names (``plan``, ``group:ID`` or ``person:ID``), checked."""
    if only == PLAN_FEED:
        return only
    kind, _, ident = only.partition(":")
    if kind not in _KINDS or not ident:
        raise UsageError(tr("--only {only}: write group:ID, person:ID or plan", only=only))
    found = index.kind_of(ident)
    if found == _KINDS[kind]:
        return only
    if found in ("groups", "people"):
        other = "group" if found == "groups" else "person"
        raise UsageError(tr("--only {only}: '{id}' is a {found}, not a {wanted}: write --only {option}", only=only,
                            id=ident, found=ITEM_WORDS[found], wanted=ITEM_WORDS[_KINDS[kind]],
                            option=f"{other}:{ident}"))
    near = get_close_matches(ident, index.ids_of(_KINDS[kind]), n=1, cutoff=0.6)
    if near:
        raise UsageError(tr("--only {only}: the plan has no {kind} '{id}', so there is no feed to write: did you "
                            "mean {option}?", only=only, kind=ITEM_WORDS[_KINDS[kind]], id=ident,
                            option=f"{kind}:{near[0]}"))
    raise UsageError(tr("--only {only}: the plan has no {kind} '{id}', so there is no feed to write", only=only,
                        kind=ITEM_WORDS[_KINDS[kind]], id=ident))


def calendar_feeds(
    validation: Validation,
    *,
    only: str | None = None,
    attendees: bool = False,
    source_date_epoch: str | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[Feed]:
    """The feeds of a validated, error-free plan: all of them, or the one ``only`` names.

    ``progress(done, 3)`` is called after each stage (dates from git, events, feeds)."""
    assert validation.plan is not None and validation.ok
    index = PlanIndex(validation.plan)
    keys = [select(index, only)] if only else list(feed_keys(index))
    stamp, stamps = plan_stamps(index, validation, source_date_epoch)
    progress(1, 3)
    with gc_paused():
        entries = build_entries(index, stamp, stamps, attendees)
        progress(2, 3)
        feeds = assemble(index, entries, keys)
    progress(3, 3)
    return feeds
