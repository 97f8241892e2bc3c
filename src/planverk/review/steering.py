"""What a change does to the figures steering follows: savings, realised effect, scores,
KPI targets, phases.

A reviewer of a pull request asks "what does this do to the money?": a measure dropped
lowers the savings identified each year, a realised figure recorded, a target changed;
and "what does it do to the scores and goals?". These are computed here, as data; the
words are :mod:`planverk.review.diffreport`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import Plan
from ..model.quantities import Quantity
from ..model.effects import effects, row_years


@dataclass(frozen=True)
class MeasureChange:
    """A measure whose status, effect or realised effect changed, or that came or went."""

    change: str
    """status, effect, realised, added or removed."""
    id: str
    title: str
    old_status: str | None
    new_status: str | None
    decided_on: date | None
    years: tuple[tuple[int, float | None, float | None], ...]
    """(year, old, new) in kroner for each year whose amount changed (effect or realised)."""
    approximate: tuple[tuple[int, bool, bool], ...] = ()
    """(year, old, new) for the same years: whether the amount was written as an estimate
    ('ca. 3 mill. kr')."""


@dataclass(frozen=True)
class SavingsChange:
    """Savings identified towards a target, per year, or the target itself, changed."""

    change: str
    """identified (sum of the effect of the measures not dropped) or target."""
    id: str
    title: str
    years: tuple[tuple[int, float | None, float | None], ...]
    """(year, old, new) in kroner, for the budget years that changed."""
    total: tuple[float, float] | None = None
    """(old, new) in kroner when the target's total changed (change 'target'), else None."""
    approximate: tuple[tuple[int, bool, bool], ...] = ()
    """(year, old, new) for the same years: whether the amount was written as an estimate,
    or (identified) adds up one that was."""
    total_approximate: tuple[bool, bool] | None = None
    """(old, new) with ``total``: whether the total was written as an estimate."""


@dataclass(frozen=True)
class ScoreChange:
    """An area's score in one assessment (organisation and year) of a scorecard."""

    scorecard: str
    scorecard_title: str
    organisation: str
    year: int
    area: str
    area_name: str
    old: float | None
    new: float | None
    old_approximate: bool = False
    """The old score sums at least one estimate ('≈9', 'ca. 9')."""
    new_approximate: bool = False
    """The new score sums at least one estimate."""


@dataclass(frozen=True)
class KpiTargetChange:
    """A KPI's target value or date changed."""

    id: str
    name: str
    old_value: Quantity | None
    """The target value (JSON: as written)."""
    old_due: date | None
    new_value: Quantity | None
    new_due: date | None


@dataclass(frozen=True)
class PhaseChange:
    """A phase whose period changed."""

    id: str
    name: str
    old_start: date
    old_end: date
    new_start: date
    new_end: date


@dataclass
class SteeringDiff:
    """The changes to the figures steering follows."""

    measures: list[MeasureChange]
    savings: list[SavingsChange]
    scores: list[ScoreChange]
    kpi_targets: list[KpiTargetChange]
    phases: list[PhaseChange]

    def __bool__(self) -> bool:
        return bool(self.measures or self.savings or self.scores or self.kpi_targets or self.phases)


TOLD = {
    # status_history records the status changes told here (record decision adds to it)
    "measures": {"status", "decided_on", "status_history", "effect", "realised"},
    "savings_targets": {"total", "years"},
    "scorecards": {"assessments"},
    "phases": {"period"},
}
"""Fields whose change this module tells, left out of an item's other changes."""
KPI_TOLD = {"target"}


Amounts = dict[int, tuple[float, bool]]
"""Kroner by year, each with whether it was written as (or adds up) an estimate."""

Years = tuple[tuple[int, float | None, float | None], ...]
Rough = tuple[tuple[int, bool, bool], ...]


def _amounts(mapping: dict[int, Any]) -> Amounts:
    return {year: (amount.value, amount.approximate) for year, amount in mapping.items()}


def _years(old: Amounts, new: Amounts) -> tuple[Years, Rough]:
    """The years whose amount changed, (year, old, new), and whether each was an estimate.
    An amount that became an estimate, or stopped being one, changed ('35 mill. kr' to
    'ca. 35 mill. kr' is a change a reviewer must see), as a score does."""
    def value(year: int, amounts: Amounts) -> float | None:
        return amounts[year][0] if year in amounts else None

    changed = [year for year in sorted(old.keys() | new.keys()) if old.get(year) != new.get(year)]
    return (
        tuple((year, value(year, old), value(year, new)) for year in changed),
        tuple((year, old.get(year, (0, False))[1], new.get(year, (0, False))[1]) for year in changed),
    )


def _measures(old: Plan, new: Plan) -> list[MeasureChange]:
    before = {m.id: m for m in old.measures}
    after = {m.id: m for m in new.measures}
    found = []
    for measure_id in [*before, *(i for i in after if i not in before)]:
        was, now = before.get(measure_id), after.get(measure_id)
        if was is None or now is None:
            continue  # an added or removed measure is an item change; its money shows in the savings
        if was.status != now.status:
            amounts = sorted(_amounts(now.effect).items())
            found.append(MeasureChange(
                "status", now.id, now.title, was.status, now.status, now.decided_on,
                tuple((y, a, None if now.status == "dropped" else a) for y, (a, _) in amounts),
                tuple((y, rough, rough) for y, (_, rough) in amounts),
            ))
        for change, field in (("effect", "effect"), ("realised", "realised")):
            years, rough = _years(_amounts(getattr(was, field)), _amounts(getattr(now, field)))
            if years:
                found.append(MeasureChange(change, now.id, now.title, was.status, now.status, now.decided_on,
                                           years, rough))
    return found


def _identified(plan: Plan, target: str) -> Amounts:
    """The effect identified toward ``target`` per year, as status sums it: in the years the
    target has a row for, its measures' and those of every target below it, each by
    :func:`planverk.model.effects.effects`."""
    from ..status.savings import subtree

    below = subtree(plan, target)
    mine = [effects(plan, m) for m in plan.measures if m.savings_target in below and m.status != "dropped"]
    sums: Amounts = {}
    for year in row_years(plan, target):
        found = [by_year[year] for by_year in mine if year in by_year]
        if found:
            sums[year] = (sum(a.value for a in found), any(a.approximate for a in found))
    return sums


def _savings(old: Plan, new: Plan) -> list[SavingsChange]:
    before = {t.id: t for t in old.savings_targets}
    found = []
    for target in new.savings_targets:
        was = before.get(target.id)
        if was is not None:
            goals, rough = _years(_amounts(was.years), _amounts(target.years))
            changed = (was.total.value, was.total.approximate) != (target.total.value, target.total.approximate)
            total = (was.total.value, target.total.value) if changed else None
            total_rough = (was.total.approximate, target.total.approximate) if changed else None
            if goals or total:
                found.append(SavingsChange("target", target.id, target.title, goals, total, rough, total_rough))
        identified, rough = _years(_identified(old, target.id), _identified(new, target.id))
        if identified:
            found.append(SavingsChange("identified", target.id, target.title, identified, approximate=rough))
    return found


def _area_total(scores: dict[str, Any], area: str) -> tuple[float | None, bool]:
    """The area's score and whether it sums an estimate."""
    values = [v for v in (scores.get(area) or {}).values() if hasattr(v, "value")]  # missing scores have none
    return (sum(v.value for v in values) if values else None), any(v.approximate for v in values)


def _scores(old: Plan, new: Plan) -> list[ScoreChange]:
    before = {c.id: c for c in old.scorecards}
    found = []
    for card in new.scorecards:
        was_card = before.get(card.id)
        was = {(a.organisation, a.year): a.scores for a in (was_card.assessments if was_card else [])}
        now = {(a.organisation, a.year): a.scores for a in card.assessments}
        for key in [*was, *(k for k in now if k not in was)]:
            for area in card.areas:
                (old_total, old_approximate) = _area_total(was.get(key, {}), area.id)
                (new_total, new_approximate) = _area_total(now.get(key, {}), area.id)
                if (old_total, old_approximate) != (new_total, new_approximate):
                    found.append(ScoreChange(card.id, card.title, key[0], key[1], area.id, area.name, old_total,
                                             new_total, old_approximate, new_approximate))
    return found


def _kpi_targets(old: Plan, new: Plan) -> list[KpiTargetChange]:
    before = {k.id: k for k in old.kpis}
    found = []
    for kpi in new.kpis:
        was = before.get(kpi.id)
        if was is None:
            continue
        old_target, new_target = was.target, kpi.target
        old_pair = (old_target.value, old_target.due) if old_target else (None, None)
        new_pair = (new_target.value, new_target.due) if new_target else (None, None)
        if (str(old_pair[0]), old_pair[1]) != (str(new_pair[0]), new_pair[1]):  # as written
            found.append(KpiTargetChange(kpi.id, kpi.name, *old_pair, *new_pair))
    return found


def _phases(old: Plan, new: Plan) -> list[PhaseChange]:
    before = {p.id: p for p in old.phases}
    return [
        PhaseChange(p.id, p.name, was.period.start, was.period.end, p.period.start, p.period.end)
        for p in new.phases
        if (was := before.get(p.id)) is not None and (was.period.start, was.period.end) != (p.period.start, p.period.end)
    ]


def steering_diff(old: Plan, new: Plan) -> SteeringDiff:
    """The changes from ``old`` to ``new`` to savings, realised effect, scores, KPI targets and phases."""
    return SteeringDiff(_measures(old, new), _savings(old, new), _scores(old, new), _kpi_targets(old, new), _phases(old, new))
