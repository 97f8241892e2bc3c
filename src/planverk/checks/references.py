"""Every id unique, every reference resolving to an item of the right kind, no group cycles."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches
from itertools import chain

from ..model import Invitation, Mandate
from ..i18n import Either, tr
from .context import KIND_WORDS, Issue, Loc, PlanIndex, Reference, each_reference, one_reference
from .steering_references import DEADLINES, GROUPS, OWNERS, SAVINGS, steering_references

PEOPLE, PHASES = ("people",), ("phases",)
ATTENDEES = ("people", "groups")


def _invitation(item: Loc, base: Loc, invitation: Invitation | None) -> Iterator[Reference]:
    if invitation is None:
        return
    yield (*base, "invitation", "sender"), item, invitation.sender, PEOPLE
    recipients = invitation.recipients
    yield from each_reference(item, "recipients", recipients, ATTENDEES, (*base, "invitation"))


def _references(index: PlanIndex) -> Iterator[Reference]:
    """Every reference of the people, groups, roles, phases, events, deadlines and forms."""
    plan = index.plan
    yield from one_reference(("plan",), "owner", plan.plan.owner, PEOPLE)

    for i, group in enumerate(plan.groups):
        item = ("groups", i)
        for n, member in enumerate(group.members):
            yield (*item, "members", n, "person"), item, member.person, PEOPLE
        yield from each_reference(item, "includes", group.includes, GROUPS)
        yield from one_reference(item, "reports_to", group.reports_to, GROUPS)
        if isinstance(group.mandate, Mandate):
            base = (*item, "mandate")
            yield from each_reference(item, "to", group.mandate.to, OWNERS, base)
            if group.mandate.savings_target is not None:
                yield (*base, "savings_target"), item, group.mandate.savings_target, SAVINGS
    for i, role in enumerate(plan.roles):
        item = ("roles", i)
        yield from each_reference(item, "holders", role.holders, ATTENDEES)
        yield from one_reference(item, "group", role.group, GROUPS)
    for i, phase in enumerate(plan.phases):
        yield from each_reference(("phases", i), "contacts", phase.contacts, PEOPLE)
    for i, event in enumerate(plan.events):
        item = ("events", i)
        # A large plan has tens of thousands of events, most with few of these: an empty
        # one is passed by without a generator.
        for n, ref in enumerate(event.participants):
            yield (*item, "participants", n), item, ref, ATTENDEES
        if event.responsible:
            yield from each_reference(item, "responsible", event.responsible, OWNERS)
        if event.phase is not None:
            yield (*item, "phase"), item, event.phase, PHASES
        if event.invitation is not None:
            yield from _invitation(item, item, event.invitation)
        for s, slot in enumerate(event.agenda):
            base = (*item, "agenda", s)
            yield from each_reference(item, "participants", slot.participants, ATTENDEES, base)
            yield from each_reference(item, "responsible", slot.responsible, OWNERS, base)
            yield from _invitation(item, base, slot.invitation)
    for i, deadline in enumerate(plan.deadlines):
        item = ("deadlines", i)
        yield from each_reference(item, "responsible", deadline.responsible, OWNERS)
        yield from each_reference(item, "participants", deadline.participants, ATTENDEES)
        for n, target in enumerate(deadline.deliver_to):
            if "@" not in target:
                yield (*item, "deliver_to", n), item, target, ATTENDEES
        yield from one_reference(item, "phase", deadline.phase, PHASES)
    for i, form in enumerate(plan.forms):
        yield from one_reference(("forms", i), "deadline", form.deadline, DEADLINES)


def _kinds_text(kinds: tuple[str, ...]) -> Either:
    return Either(tuple(KIND_WORDS[k] for k in kinds))


def check_references(index: PlanIndex) -> Iterator[Issue]:
    """PV200 duplicate ids, PV201 unknown references, PV202 wrong kinds, PV203 group cycles."""
    for ref, first, second in index.duplicates:
        yield Issue(
            "PV200",
            tr("id '{id}' is already used at the related position ({kind}): ids are unique "
                "across the whole plan", id=ref, kind=KIND_WORDS[str(first[0])]),
            (*second, "id"),
            second,
            ((*first, "id"),),
        )
    for path, item, ref, kinds in chain(_references(index), steering_references(index)):
        kind = index.kind_of(ref) or index.absent.get(ref)
        if kind is None:
            near = get_close_matches(ref, index.ids_of(*kinds), n=1, cutoff=0.6)
            unread = ", ".join(index.unread)
            if near and index.unread:
                found = tr("no {kinds} has the id '{id}': did you mean '{near}'? (or it is in {files}, "
                           "which could not be read)", kinds=_kinds_text(kinds), id=ref, near=near[0],
                           files=unread)
            elif near:
                found = tr("no {kinds} has the id '{id}': did you mean '{near}'?",
                           kinds=_kinds_text(kinds), id=ref, near=near[0])
            elif index.unread:
                found = tr("no {kinds} has the id '{id}': correct the reference, or add what is missing "
                           "(or it is in {files}, which could not be read)",
                           kinds=_kinds_text(kinds), id=ref, files=unread)
            else:
                found = tr("no {kinds} has the id '{id}': correct the reference, or add what is missing",
                           kinds=_kinds_text(kinds), id=ref)
            yield Issue("PV201", found, path, item)
        elif kind not in kinds:
            yield Issue(
                "PV202",
                tr("'{id}' is a {kind}, but a {kinds} belongs here", id=ref, kind=KIND_WORDS[kind],
                    kinds=_kinds_text(kinds)),
                path,
                item,
            )
    yield from _group_cycles(index)


def _group_cycles(index: PlanIndex) -> Iterator[Issue]:
    includes = {g.id: g.includes for g in index.plan.groups}
    reported: set[frozenset[str]] = set()
    for start in includes:
        stack = [(start, (start,))]
        while stack:
            current, trail = stack.pop()
            for sub in includes.get(current, []):
                if sub == start:
                    cycle = frozenset(trail)
                    if cycle not in reported:
                        reported.add(cycle)
                        path = index.by_id[start][1]
                        yield Issue(
                            "PV203",
                            tr("groups include each other in a circle: {circle}",
                                circle=" -> ".join((*trail, start))),
                            (*path, "includes"),
                            path,
                        )
                elif sub not in trail and sub in includes:
                    stack.append((sub, (*trail, sub)))
