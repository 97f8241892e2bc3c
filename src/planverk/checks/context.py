"""What the semantic checks share: issues they report and an index of the plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cached_property
from typing import Any

from ..values import Value
from ..i18n import Items, Message
from ..load.planfiles import ITEM_WORDS
from ..model import Event, Plan
from ..occurrences import Occurrence, occurrences, rule_dates

Loc = tuple[str | int, ...]

Reference = tuple[Loc, Loc, str, tuple[str, ...]]
"""(path of the reference, item it belongs to, id, allowed kinds)."""


class Issue(Value):
    """A semantic finding before it is placed in a file: data paths instead of positions."""

    code: str
    message: Message
    path: Loc
    """What the finding points at."""
    item: Loc | None = None
    """The plan item whose ``silence:`` may silence it."""
    related: tuple[Loc, ...] = ()
    also: tuple[Loc, ...] = ()
    """Other items whose ``silence:`` silences it too: the other event of a finding
    between two events (a double booking), so that either may carry the silence."""

    def __post_init__(self) -> None:
        if not isinstance(self.message, Message):
            raise TypeError(f"{self.code}: an issue's message is a planverk.i18n.Message, not {self.message!r}")

def event_date_path(path: Loc, event: Event) -> Loc:
    """Where an event's (first) day is written: its ``date``, ``start`` or ``period``."""
    if event.period is not None:
        return (*path, "period")
    return (*path, "date") if event.date is not None else (*path, "start")


def listed(texts: list[Any], shown: int = 5) -> Items:
    """The first ``shown`` texts, comma-separated, and how many more there are."""
    return Items(tuple(texts), shown)


def one_reference(
    item: Loc, key: str, ref: str | None, kinds: tuple[str, ...]
) -> Iterator[Reference]:
    """``item.key``, a reference to one of ``kinds``, when it is set."""
    if ref is not None:
        yield (*item, key), item, ref, kinds


def each_reference(
    item: Loc, key: str, refs: list[str], kinds: tuple[str, ...], base: Loc | None = None
) -> Iterator[Reference]:
    """Each reference of the list ``key`` of ``item`` (or of ``base`` inside it)."""
    for n, ref in enumerate(refs):
        yield (*(base or item), key, n), item, ref, kinds


KIND_WORDS: dict[str, Message] = {kind: word for kind, word in ITEM_WORDS.items() if kind != "goal_choices"}
"""What a message calls an item of each top-level list whose items have plan-wide ids."""

KIND_NAMES = {kind: word.template for kind, word in KIND_WORDS.items()}
"""The same in English, for texts that are English only."""

KINDS = tuple(KIND_WORDS)
"""Top-level lists whose items have plan-wide ids (and may carry ``silence:``)."""


class PlanIndex:
    """Lookups over a validated plan: items by id, group members, event occurrences."""

    def __init__(self, plan: Plan, absent: dict[str, str] | None = None, unread: list[str] | None = None,
                 as_of: date | None = None) -> None:
        self.plan = plan
        self.absent: dict[str, str] = {} if absent is None else absent
        """Ids of items left out of ``plan`` because they failed the schema, with their list:
        references to them are not unknown, only not checkable further."""
        self.unread: list[str] = [] if unread is None else unread
        """Files that could not be read: an id not found may be in one of them."""
        self.as_of = as_of
        """The date ``validate --as-of`` checks reporting against; None: reporting is not
        checked for being overdue."""
        self.by_id: dict[str, tuple[str, Loc, Any]] = {}
        self.duplicates: list[tuple[str, Loc, Loc]] = []
        self._index()

    def _index(self) -> None:
        for kind in KINDS:
            for index, item in enumerate(getattr(self.plan, kind)):
                path: Loc = (kind, index)
                if item.id in self.by_id:
                    self.duplicates.append((item.id, self.by_id[item.id][1], path))
                else:
                    self.by_id[item.id] = (kind, path, item)
        steps: set[str] = set()
        for b, benefit in enumerate(self.plan.benefits):
            for s, step in enumerate(benefit.realisation):
                if step.id is None:
                    continue
                if step.id in self.by_id or step.id in steps:
                    first = self.by_id[step.id][1] if step.id in self.by_id else self._step(step.id)
                    self.duplicates.append((step.id, first, ("benefits", b, "realisation", s)))
                steps.add(step.id)

    def _step(self, step_id: str) -> Loc:
        """Where the first realisation step with ``step_id`` is."""
        return next(
            ("benefits", b, "realisation", s)
            for b, benefit in enumerate(self.plan.benefits)
            for s, step in enumerate(benefit.realisation)
            if step.id == step_id
        )

    def kind_of(self, ref: str) -> str | None:
        """'people', 'groups', ... for a known id, else None."""
        found = self.by_id.get(ref)
        return found[0] if found else None

    def ids_of(self, *kinds: str) -> list[str]:
        """All ids of the given kinds."""
        return [ref for ref, (kind, _, _) in self.by_id.items() if kind in kinds]

    @cached_property
    def subgroups(self) -> dict[str, frozenset[str]]:
        """The groups each group includes, directly or through included groups."""
        groups = {g.id: g for g in self.plan.groups}
        result: dict[str, frozenset[str]] = {}

        def collect(group_id: str, seen: frozenset[str]) -> frozenset[str]:
            if group_id in result:
                return result[group_id]
            group = groups.get(group_id)
            if group is None or group_id in seen:
                return frozenset()
            found = set(group.includes)
            for sub in group.includes:
                found |= collect(sub, seen | {group_id})
            return frozenset(found)

        for group_id in groups:
            result[group_id] = collect(group_id, frozenset())
        return result

    @cached_property
    def group_people(self) -> dict[str, frozenset[str]]:
        """Each group's people, through included groups too (cycles are tolerated)."""
        groups = {g.id: g for g in self.plan.groups}
        return {
            group_id: frozenset(
                m.person for sub in (group_id, *self.subgroups[group_id]) if sub in groups
                for m in groups[sub].members
            )
            for group_id in groups
        }

    @cached_property
    def groups_of_person(self) -> dict[str, frozenset[str]]:
        """The groups each person belongs to, directly or through included groups."""
        result: dict[str, set[str]] = {}
        for group_id, people in self.group_people.items():
            for person in people:
                result.setdefault(person, set()).add(group_id)
        return {person: frozenset(groups) for person, groups in result.items()}

    def expand(self, refs: list[str]) -> set[str]:
        """People and groups a list of participants books: groups bring their members."""
        booked = set(refs)
        for ref in refs:
            booked |= self.group_people.get(ref, frozenset())
        return booked

    def events(self) -> Iterator[tuple[Loc, Event]]:
        """Each event with its path."""
        return iter(self._events)

    @cached_property
    def _events(self) -> list[tuple[Loc, Event]]:
        """(path, event) of every event, made once: a dozen checks walk them all."""
        return [(("events", index), event) for index, event in enumerate(self.plan.events)]

    @cached_property
    def rule_dates(self) -> dict[int, list[date]]:
        """The dates each series' rule gives (:func:`planverk.occurrences.rule_dates`: before
        exceptions and changes), by index in ``plan.events``; series dated by a period
        (their years) are not here."""
        return {
            index: rule_dates(event.first_day, event.repeat)
            for index, event in enumerate(self.plan.events)
            if event.repeat is not None and event.period is None
        }

    @cached_property
    def occurrences(self) -> dict[int, list[Occurrence]]:
        """Occurrences of each event, by index in ``plan.events``."""
        dates = self.rule_dates
        return {index: occurrences(event, dates.get(index)) for index, event in enumerate(self.plan.events)}
