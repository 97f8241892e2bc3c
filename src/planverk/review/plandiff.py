"""What changed between two versions of a plan, in the terms a reviewer thinks in.

Events are compared occurrence by occurrence (an occurrence is matched by the date its
series gives it), so "the steering group meeting moved from 8 to 9 February" is one
change, not a removed and an added event. Whatever else changed is listed by item and
field, so an unchanged result really means nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..model import Deadline, Event, Group, Kpi, Plan
from ..model.quantities import ESTIMATES, Quantity
from ..occurrences import Occurrence, occurrences
from ..load.planfiles import COLLECTIONS
from .steering import KPI_TOLD, SteeringDiff, steering_diff
from .steering import TOLD as STEERING_TOLD


@dataclass(frozen=True)
class When:
    """When and where an occurrence takes place."""

    start: datetime
    end: datetime
    all_day: bool
    time: str | None
    """The hours as the plan writes them ('17:00', '11:00?'), for date-based events."""
    location: str | None
    room: str | None
    period: str | None = None
    """The period as the plan writes it ('uke 15', 'ultimo september'), for an event dated by one."""

    @classmethod
    def of(cls, occurrence: Occurrence, last: Occurrence | None = None) -> When:
        """The time and place of ``occurrence``, through ``last`` for the days of one event."""
        o = occurrence
        end = (last or o).end
        period = o.period.text if o.period is not None else None
        return cls(o.start, end, o.all_day, str(o.time) if o.time else None, o.location, o.room, period)


def _span(event: Event) -> tuple[When, int]:
    """When an event takes place: its first occurrence, or all its days when it does not
    repeat (the same hours on several days are one occurrence per day); and how many
    occurrences it has."""
    found = occurrences(event)
    if event.repeat is None:
        return When.of(found[0], found[-1]), 1
    return When.of(found[0]), len(found)


@dataclass(frozen=True)
class EventChange:
    """An event (or one occurrence of a series) added, removed, moved, cancelled or reinstated."""

    change: str
    """added, removed, moved, cancelled, reinstated, occurrence-added, occurrence-removed."""
    id: str
    title: str
    occurrence: date | None
    """For one occurrence of a series: its date in the series; None for the whole event."""
    old: When | None
    new: When | None
    count: int = 1
    """Occurrences of an added or removed event."""

    @property
    def sort_key(self) -> tuple[datetime, str]:
        """Chronological, by the new time when there is one."""
        when = self.new or self.old
        assert when is not None
        return when.start, self.id


@dataclass(frozen=True)
class MemberChange:
    """A person joined or left a group, or took another role in it."""

    change: str
    """joined, left or role."""
    group: str
    group_name: str
    person: str
    person_name: str
    old_role: str | None
    new_role: str | None


@dataclass(frozen=True)
class DeadlineChange:
    """A deadline or milestone added, removed, moved, done or reopened."""

    change: str
    """added, removed, moved, done or reopened."""
    id: str
    task: str
    kind: str
    old_due: str | None
    new_due: str | None
    done_on: date | None = None
    old_period: str | None = None
    """The period it was due in, as the plan writes it ('uke 15'), for one dated by a period."""
    new_period: str | None = None


@dataclass(frozen=True)
class MeasurementChange:
    """A KPI reading added, removed, or with another value."""

    change: str
    """added, removed or changed."""
    kpi: str
    kpi_name: str
    date: date
    old: Quantity | None
    """The value (JSON: as written, e.g. '8,5 %')."""
    new: Quantity | None
    source: str | None


@dataclass(frozen=True)
class RiskChange:
    """A risk whose current rating (after its latest assessment) changed."""

    id: str
    title: str
    old_probability: int
    old_consequence: int | None
    old_score: int | None
    """Probability x consequence; None without a consequence rating."""
    new_probability: int
    new_consequence: int | None
    new_score: int | None


@dataclass(frozen=True)
class FieldChange:
    """One field of an item: what it was and what it is."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ItemChange:
    """Any other change: an item added or removed, or fields of it changed."""

    kind: str
    """``plan``, or the top-level list the item is in (``people``, ``goals``, ``risks`` ...)."""
    change: str
    """added, removed or changed."""
    id: str
    name: str
    fields: tuple[FieldChange, ...] = ()


@dataclass
class PlanDiff:
    """Every change between two versions of a plan."""

    plan_id: str
    title: str
    new_plan: bool = False
    """True when there was no old version of the plan."""
    events: list[EventChange] = field(default_factory=list)
    members: list[MemberChange] = field(default_factory=list)
    deadlines: list[DeadlineChange] = field(default_factory=list)
    measurements: list[MeasurementChange] = field(default_factory=list)
    risks: list[RiskChange] = field(default_factory=list)
    other: list[ItemChange] = field(default_factory=list)
    steering: SteeringDiff = field(default_factory=lambda: SteeringDiff([], [], [], [], []))
    """What the change does to savings, realised effect, scores, KPI targets and phases."""
    language: str = "nb"
    """The new version's language: what a reviewer reads the changes in."""

    @property
    def unchanged(self) -> bool:
        """Nothing at all changed."""
        return not (
            self.new_plan or self.events or self.members or self.deadlines
            or self.measurements or self.risks or self.other or self.steering
        )


_KEYS: dict[str, Callable[[Any], str]] = {
    "goal_choices": lambda choice: f"{choice.group}/{choice.theme}",
    "quiet_periods": lambda quiet: f"{quiet.start.isoformat()}/{quiet.end.isoformat()}",  # ISO 8601 interval
}
"""How items of a list without ids are matched between versions (default: by ``id``)."""

_EXPLAINED = {
    "events": {"date", "end_date", "time", "start", "end", "weekday", "location", "room", "status", "repeat",
               "period", "week"},
    "deadlines": {"date", "time", "weekday", "status", "done_on", "period", "week"},
    "groups": {"members"},
    "kpis": {"measurements"},
    "risks": {"probability", "consequence", "assessments"},
}
_TOLD_ALWAYS = {**STEERING_TOLD, "kpis": KPI_TOLD}
"""Fields told by :mod:`planverk.review.steering` whenever they change."""
"""Fields whose change is already told as an event, deadline, membership, measurement or
risk change, and so are left out of the item's other changes."""


def diff_plans(old: Plan | None, new: Plan) -> PlanDiff:
    """The changes from ``old`` (None: the plan is new) to ``new``."""
    result = PlanDiff(new.plan.id, new.plan.title, new_plan=old is None, language=new.plan.language)
    before = old or Plan(plan=new.plan)
    if old is not None:
        result.steering = steering_diff(before, new)
    names = {p.id: p.name for p in (*before.people, *new.people)}
    result.risks = _risk_changes(before, new)
    told: set[tuple[str, str]] = {("risks", c.id) for c in result.risks}
    for kind in COLLECTIONS:
        key = _KEYS.get(kind, lambda item: str(item.id))
        olds = {key(item): item for item in getattr(before, kind)}
        news = {key(item): item for item in getattr(new, kind)}
        for item_id, item in olds.items():
            if item_id not in news:
                _removed(result, kind, item_id, item)
        for item_id, item in news.items():
            if item_id not in olds:
                _added(result, kind, item_id, item)
                continue
            if kind == "events" and _compare_events(result, olds[item_id], item):
                told.add((kind, item_id))
            elif kind == "deadlines" and _compare_deadlines(result, olds[item_id], item):
                told.add((kind, item_id))
            elif kind == "groups" and _compare_members(result, olds[item_id], item, names):
                told.add((kind, item_id))
            elif kind == "kpis" and _compare_measurements(result, olds[item_id], item):
                told.add((kind, item_id))
            skip = (_EXPLAINED.get(kind, set()) if (kind, item_id) in told else set()) | _TOLD_ALWAYS.get(kind, set())
            fields = _field_changes(olds[item_id], item, skip)
            if fields:
                result.other.append(ItemChange(kind, "changed", item_id, _name(item, item_id), fields))
    header = _field_changes(before.plan, new.plan, set())
    if header and old is not None:
        result.other.insert(0, ItemChange("plan", "changed", new.plan.id, new.plan.title, header))
    result.events.sort(key=lambda c: c.sort_key)
    result.deadlines.sort(key=lambda c: (c.new_due or c.old_due or "", c.id))
    return result


def _name(item: Any, key: str) -> str:
    for attribute in ("name", "title", "task", "description"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    return key


def _added(result: PlanDiff, kind: str, key: str, item: Any) -> None:
    if kind == "events":
        when, count = _span(item)
        result.events.append(EventChange("added", item.id, item.title, None, None, when, count))
    elif kind == "deadlines":
        result.deadlines.append(
            DeadlineChange("added", item.id, item.task, item.kind, None, _due(item), new_period=_period(item))
        )
    else:
        result.other.append(ItemChange(kind, "added", key, _name(item, key)))


def _removed(result: PlanDiff, kind: str, key: str, item: Any) -> None:
    if kind == "events":
        when, count = _span(item)
        result.events.append(EventChange("removed", item.id, item.title, None, when, None, count))
    elif kind == "deadlines":
        result.deadlines.append(
            DeadlineChange("removed", item.id, item.task, item.kind, _due(item), None, old_period=_period(item))
        )
    else:
        result.other.append(ItemChange(kind, "removed", key, _name(item, key)))


def _compare_events(result: PlanDiff, old: Event, new: Event) -> bool:
    """Add the time, place and status changes of one event; True when there were any."""
    found: list[EventChange] = []
    whole = old.status != new.status
    if whole:
        change = "cancelled" if new.status == "cancelled" else "reinstated"
        (before, _), (after, count) = _span(old), _span(new)
        found.append(EventChange(change, new.id, new.title, None, before, after, count))
    if old.repeat is None and new.repeat is None:
        (before, _), (after, _) = _span(old), _span(new)
        if before != after:
            found.append(EventChange("moved", new.id, new.title, None, before, after))
        result.events.extend(found)
        return bool(found)
    by_day = {_series_key(o): o for o in occurrences(old)}
    new_days = {_series_key(o): o for o in occurrences(new)}
    for key, o in by_day.items():
        if key not in new_days:
            found.append(EventChange("occurrence-removed", new.id, new.title, o.original, When.of(o), None))
    for key, o in new_days.items():
        if key not in by_day:
            found.append(EventChange("occurrence-added", new.id, new.title, o.original, None, When.of(o)))
    for key, after_o in new_days.items():
        before_o = by_day.get(key)
        if before_o is None:
            continue
        day = after_o.original
        if When.of(before_o) != When.of(after_o):
            found.append(EventChange("moved", new.id, new.title, day, When.of(before_o), When.of(after_o)))
        if before_o.cancelled != after_o.cancelled and not whole:
            change = "cancelled" if after_o.cancelled else "reinstated"
            found.append(EventChange(change, new.id, new.title, day, When.of(before_o), When.of(after_o)))
    result.events.extend(found)
    return bool(found)


def _series_key(occurrence: Occurrence) -> date | int:
    """What matches an occurrence of a series between versions: the date the series gives
    it, or for a yearly series dated by a period ('januar' every year) its year, so that a
    series moved from January to February is moved, not removed and added."""
    return occurrence.period.first.year or occurrence.original if occurrence.period is not None else occurrence.original


def _due(deadline: Deadline) -> str:
    return deadline.date.isoformat() + (f" {deadline.time}" if deadline.time else "")


def _period(deadline: Deadline) -> str | None:
    return deadline.period.text if deadline.period is not None else None


def _compare_deadlines(result: PlanDiff, old: Deadline, new: Deadline) -> bool:
    found = []
    periods = (_period(old), _period(new))
    if _due(old) != _due(new) or periods[0] != periods[1]:
        found.append(DeadlineChange("moved", new.id, new.task, new.kind, _due(old), _due(new), None, *periods))
    if old.status != new.status or (new.status == "done" and old.done_on != new.done_on):
        change = "done" if new.status == "done" else "reopened"
        found.append(DeadlineChange(change, new.id, new.task, new.kind, _due(old), _due(new), new.done_on, *periods))
    result.deadlines.extend(found)
    return bool(found)


def _compare_members(result: PlanDiff, old: Group, new: Group, names: dict[str, str]) -> bool:
    before = {m.person: m.role for m in old.members}
    after = {m.person: m.role for m in new.members}
    found = []
    for person in [*before, *(p for p in after if p not in before)]:
        was, now = before.get(person), after.get(person)
        if was == now:
            continue
        change = "joined" if was is None else "left" if now is None else "role"
        found.append(MemberChange(change, new.id, new.name, person, names.get(person, person), was, now))
    result.members.extend(found)
    return bool(found)


def _compare_measurements(result: PlanDiff, old: Kpi, new: Kpi) -> bool:
    before = {m.date: m for m in old.measurements}
    after = {m.date: m for m in new.measurements}
    found = []
    for day in sorted(before.keys() | after.keys()):
        was, now = before.get(day), after.get(day)
        if was is not None and now is not None and str(was.value) == str(now.value):
            continue
        change = "added" if was is None else "removed" if now is None else "changed"
        found.append(MeasurementChange(
            change, new.id, new.name, day, was.value if was else None, now.value if now else None,
            (now or was).source,  # type: ignore[union-attr]
        ))
    result.measurements.extend(found)
    return bool(found)


def _risk_changes(old: Plan, new: Plan) -> list[RiskChange]:
    """Risks in both versions whose rating in force after all assessments differs."""
    from ..status.risks import risk_status

    before = {r.id: r for r in risk_status(old, date.max).risks}
    changes = []
    for now in sorted(risk_status(new, date.max).risks, key=lambda r: r.number):
        was = before.get(now.id)
        if was is None or (was.probability, was.consequence) == (now.probability, now.consequence):
            continue
        changes.append(RiskChange(
            now.id, now.title, was.probability, was.consequence, was.score,
            now.probability, now.consequence, now.score,
        ))
    return changes


def _field_changes(old: Any, new: Any, skip: set[str]) -> tuple[FieldChange, ...]:
    # an amount or number written as an estimate stays one ({"value": .., "approximate": true}),
    # so that '35 mill. kr' -> 'ca. 35 mill. kr' is a change, as it is in savings and scores
    before = old.model_dump(mode="json", by_alias=True, context={ESTIMATES: True})
    after = new.model_dump(mode="json", by_alias=True, context={ESTIMATES: True})
    return tuple(
        FieldChange(key, before.get(key), after.get(key))
        for key in [*before, *(k for k in after if k not in before)]
        if key not in skip and before.get(key) != after.get(key)
    )
