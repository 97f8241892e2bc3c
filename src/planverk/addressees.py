"""Who an e-mail to a person or group of the plan reaches, and at which addresses.

A person is reached at their own address. A group with an ``email`` (a list address) is
reached at it; a group without one through its members and the groups it includes, in
the order the plan lists them, each once, an included group again at its own address if
it has one. People without an address are kept, so that a caller can name them as
missing rather than drop them.
"""

from __future__ import annotations

from .checks.context import PlanIndex


def addressees(index: PlanIndex, ref: str) -> list[str]:
    """The ids of the people and groups whose addresses reach ``ref``, in plan order.

    ``[ref]`` for a person, a group with its own address, or an id that is neither; a
    group without one gives its members and included groups (recursively, cycles
    tolerated: PV203 reports them), without repeats. An empty group gives ``[]``.
    """
    found: dict[str, None] = {}
    _collect(index, ref, found, frozenset())
    return list(found)


def _collect(index: PlanIndex, ref: str, found: dict[str, None], seen: frozenset[str]) -> None:
    entry = index.by_id.get(ref)
    if entry is None or entry[0] != "groups" or getattr(entry[2], "email", None):
        found[ref] = None
        return
    if ref in seen:
        return
    group = entry[2]
    for member in group.members:
        found[member.person] = None
    for included in group.includes:
        _collect(index, included, found, seen | {ref})
