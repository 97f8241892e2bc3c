"""Plans checked together: the same person or room booked at once in two plans.

The chief executive sits in every process of a municipality; each plan alone looks fine,
but two plans may call the same person to two meetings at once. A person is the same
across plans by e-mail address (case aside), or by id where a plan gives no address; a
room is the same by venue and room name (case and spacing aside).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..values import Value
from ..diagnostics import Finding, Position, finding
from ..load.schema_errors import locate
from ..load.yamlsource import SourceMap
from ..model import Plan
from .bookings import Booking, bookings
from ..i18n import Message, tr
from .context import PlanIndex, listed

CODE = "PV405"


class Placed(Value):
    """A booking of one plan, with where it is written."""

    plan: int
    booking: Booking
    position: Position | None
    silenced: bool


def _silenced(plan: Plan, event: int) -> bool:
    return any(s.code == CODE for s in plan.events[event].silence)


def _person_key(index: PlanIndex, ref: str) -> str | None:
    found = index.by_id.get(ref)
    if found is None or found[0] != "people":
        return None
    person = found[2]
    if person.email:
        return "email:" + person.email.strip().casefold()
    return "id:" + ref


def _collect(plans: list[tuple[Plan, SourceMap]]) -> tuple[dict[str, list[Placed]], dict[str, str]]:
    """Bookings by person or room key across the plans, and how to name each key."""
    by_key: dict[str, list[Placed]] = defaultdict(list)
    names: dict[str, str | Message] = {}
    for n, (plan, source) in enumerate(plans):
        index = PlanIndex(plan)
        by_party, by_room = bookings(index)
        keyed: list[tuple[str, list[Booking]]] = []
        for party, booked in by_party.items():
            key = _person_key(index, party)
            if key is not None:
                names.setdefault(key, index.by_id[party][2].name)
                keyed.append((key, booked))
        for room, booked in by_room.items():
            names.setdefault("room:" + room, tr("room '{room}'", room=booked[0].room))
            keyed.append(("room:" + room, booked))
        for key, booked in keyed:
            for booking in booked:
                placed = Placed(n, booking, locate(source, booking.path), _silenced(plan, booking.event))
                by_key[key].append(placed)
    return by_key, names


def _clashes(placed: list[Placed]) -> Iterator[tuple[Placed, Placed]]:
    """Overlapping pairs from different plans (sweep over start times)."""
    active: list[Placed] = []
    for item in sorted(placed, key=lambda p: (p.booking.start, p.booking.end, p.plan)):
        active = [a for a in active if a.booking.end > item.booking.start]
        for other in active:
            if other.plan != item.plan:
                yield (other, item) if other.plan < item.plan else (item, other)
        active.append(item)


def check_across(plans: list[tuple[Plan, SourceMap]]) -> list[list[Finding]]:
    """PV405 findings for each of ``plans`` (in order): bookings that clash across plans.

    Each clash is reported once, in the later plan, with the earlier plan's booking as a
    related position; a ``silence`` of PV405 on either event drops it.
    """
    result: list[list[Finding]] = [[] for _ in plans]
    if len(plans) < 2:
        return result
    by_key, names = _collect(plans)
    pairs: dict[tuple[int, object, int, object, object], tuple[Placed, Placed, set[str | Message]]] = {}
    for key, placed in by_key.items():
        if len({p.plan for p in placed}) < 2:
            continue
        for first, second in _clashes(placed):
            if first.silenced or second.silenced:
                continue
            pair = (first.plan, first.booking.path, second.plan, second.booking.path, second.booking.start.date())
            pairs.setdefault(pair, (first, second, set()))[2].add(names[key])
    for first, second, who in pairs.values():
        ids = [plans[p.plan][0].plan.id for p in (first, second)]
        files = [p.position.file if p.position else "?" for p in (first, second)]
        result[second.plan].append(
            finding(
                CODE,
                tr("{second} in plan '{plan}' ({file}) overlaps {first} in plan '{other_plan}' "
                    "({other_file}): {parties} booked in both plans; move one, or silence PV405 on "
                    "the event with the reason", second=second.booking.label, plan=ids[1],
                    file=files[1], first=first.booking.label, other_plan=ids[0], other_file=files[0],
                    parties=listed(sorted(who, key=str))),
                second.position,
                *([first.position] if first.position else []),
            )
        )
    return result
