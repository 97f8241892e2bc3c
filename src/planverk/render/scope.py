"""Which plan items concern a group: what its workbook or schedule keeps with ``--group``.

An item concerns a group when the people and groups it names overlap the group's: the
group itself, the groups it includes (at any depth) and their members. A group that
includes this one overlaps it too, so a meeting of all sector groups is on each sector
group's schedule. A role counts with its holders and the group it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from ..checks.context import PlanIndex
from ..model import Plan


class Scope:
    """Answers "does this list of references concern the group?" for one group of a plan."""

    def __init__(self, plan: Plan, group_id: str) -> None:
        self.plan = plan
        self.group_id = group_id

    @cached_property
    def _closures(self) -> dict[str, frozenset[str]]:
        """For every id a list can name: the ids it stands for."""
        index = PlanIndex(self.plan)
        result: dict[str, frozenset[str]] = {p.id: frozenset([p.id]) for p in self.plan.people}
        for group in self.plan.groups:
            result[group.id] = frozenset(
                [group.id, *index.subgroups[group.id], *index.group_people[group.id]]
            )
        for role in self.plan.roles:
            ids: set[str] = set()
            for ref in [*role.holders, *([role.group] if role.group else [])]:
                ids |= result.get(ref, frozenset())
            result[role.id] = frozenset(ids)
        return result

    @cached_property
    def _mine(self) -> frozenset[str]:
        return self._closures.get(self.group_id, frozenset([self.group_id]))

    def concerns(self, refs: Iterable[str]) -> bool:
        """Whether any of ``refs`` overlaps the group."""
        return any(self._closures.get(ref, frozenset()) & self._mine for ref in refs)
