"""Measures and savings as of a date: target, identified, decided and realised per year,
and each measure's place in the effect x feasibility matrix.

- **identified**: the estimated effects of the target's measures that are not dropped;
- **decided**: the same, for measures decided, in progress or realised;
- **realised**: realised effects, for budget years up to the as-of date's year;
- **gap**: target minus identified (positive: more measures are needed).

A measure's **feasibility** is the mean of the ratings it has among: 6 minus its impact
on staff, 6 minus its impact on users, and its political acceptance (all 1-5). Effect and
feasibility above the middle of the scale (3) count as high; the quadrant is
``quick-win`` (high effect, high feasibility), ``major`` (high effect, low feasibility),
``fill-in`` (low effect, high feasibility) or ``reconsider`` (low, low). A measure without
an effect rating, or without any of the other three, has no quadrant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..model import Measure, Plan
from ..model.measures import DECIDED
from .names import name_of, names

Quadrant = Literal["quick-win", "major", "fill-in", "reconsider"]
QUADRANTS: tuple[Quadrant, ...] = ("quick-win", "major", "fill-in", "reconsider")
MIDDLE = 3.0


@dataclass(frozen=True)
class SavingsYear:
    """One budget year of a savings target, in kroner."""

    year: int
    target: float | None
    identified: float
    decided: float
    realised: float | None
    """None while no measure reports a realised effect for the year, and for years after
    the as-of date's year."""
    gap: float | None
    approximate: list[str] = field(default_factory=list)
    """The columns ('target', 'identified', 'decided', 'realised', 'gap') that add up an
    amount written as an estimate ('ca. 3 mill. kr'); shown with 'ca.'."""


@dataclass(frozen=True)
class SavingsStatus:
    """A savings target and its years."""

    id: str
    title: str
    total: float
    start: int
    end: int
    years: list[SavingsYear]
    total_approximate: bool = False
    """The total was written as an estimate ('ca. 40 mill. kr')."""


@dataclass(frozen=True)
class MeasureStatus:
    """One measure: status, effect by year, ratings and quadrant."""

    id: str
    title: str
    owner: str | None
    area: str | None
    status: str
    savings_target: str | None
    effect: dict[int, float]
    realised: dict[int, float]
    effect_rating: int | None
    feasibility: float | None
    quadrant: Quadrant | None
    approximate: list[str] = field(default_factory=list)
    """The amounts written as estimates, as 'effect.2026' or 'realised.2025'."""
    rollout: list[RolloutStep] = field(default_factory=list)
    """Its rollout: each unit with the period it applies in, by the period's start."""


@dataclass(frozen=True)
class RolloutStep:
    """One unit of a measure's rollout and the period it applies in."""

    unit: str
    period: str
    """As the plan wrote it (``Q3 2012``), an ISO form in words."""
    start: date
    end: date
    """The period's last day."""


@dataclass(frozen=True)
class MeasuresReport:
    """The plan's savings targets and measures as of a date."""

    as_of: date
    savings: list[SavingsStatus]
    measures: list[MeasureStatus]
    """Sorted by quadrant (quick wins first), then effect and feasibility, highest first."""

    def quadrant(self, name: Quadrant | None) -> list[MeasureStatus]:
        """The measures in one quadrant (None: those without one)."""
        return [m for m in self.measures if m.quadrant == name]


def feasibility(measure: Measure) -> float | None:
    """Mean of (6 - staff impact), (6 - user impact) and political acceptance, as rated."""
    ratings = measure.ratings
    parts = [6 - r for r in (ratings.staff_impact, ratings.user_impact) if r is not None]
    if ratings.political_acceptance is not None:
        parts.append(ratings.political_acceptance)
    return sum(parts) / len(parts) if parts else None


def quadrant(effect: int | None, feasible: float | None) -> Quadrant | None:
    """The matrix quadrant for an effect rating and a feasibility (see the module docstring)."""
    if effect is None or feasible is None:
        return None
    high_effect, high_feasibility = effect > MIDDLE, feasible > MIDDLE
    if high_effect:
        return "quick-win" if high_feasibility else "major"
    return "fill-in" if high_feasibility else "reconsider"


def _years(
    plan: Plan,
    target_id: str,
    first: int,
    last: int,
    goals: dict[int, float],
    as_of: date,
    estimates: frozenset[int] = frozenset(),
) -> list[SavingsYear]:
    """Each year's sums; ``estimates`` are the years whose target is written 'ca.'."""
    mine = [m for m in plan.measures if m.savings_target == target_id and m.status != "dropped"]
    years = sorted(set(range(first, last + 1)) | set(goals))
    result = []
    for year in years:
        identified = sum(m.effect[year].value for m in mine if year in m.effect)
        decided = sum(
            m.effect[year].value for m in mine if year in m.effect and m.status in DECIDED
        )
        reported = [m.realised[year].value for m in mine if year in m.realised]
        realised = sum(reported) if reported and year <= as_of.year else None
        target = goals.get(year)
        gap = target - identified if target is not None else None
        rough = {
            "target": year in estimates,
            "identified": any(m.effect[year].approximate for m in mine if year in m.effect),
            "decided": any(
                m.effect[year].approximate for m in mine if year in m.effect and m.status in DECIDED
            ),
            "realised": realised is not None
            and any(m.realised[year].approximate for m in mine if year in m.realised),
        }
        rough["gap"] = gap is not None and (rough["target"] or rough["identified"])
        approximate = [column for column, rough_here in rough.items() if rough_here]
        result.append(SavingsYear(year, target, identified, decided, realised, gap, approximate))
    return result


def rollout_steps(measure: Measure, language: str) -> list[RolloutStep]:
    """The measure's rollout, each unit with its period, by the period's start (stable)."""
    steps = [
        RolloutStep(unit, period.label(language), period.dated().start, period.dated().end)
        for unit, period in measure.rollout.items()
    ]
    return sorted(steps, key=lambda step: (step.start, step.end))


def measure_status(plan: Plan, as_of: date) -> MeasuresReport:
    """Savings per target and year, and the measures sorted by quadrant (module docstring)."""
    lookup = names(plan)
    savings = [
        SavingsStatus(
            id=t.id,
            title=t.title,
            total=t.total.value,
            start=t.period.start.year,
            end=t.period.end.year,
            years=_years(
                plan,
                t.id,
                t.period.start.year,
                t.period.end.year,
                {year: amount.value for year, amount in t.years.items()},
                as_of,
                frozenset(year for year, amount in t.years.items() if amount.approximate),
            ),
            total_approximate=t.total.approximate,
        )
        for t in plan.savings_targets
    ]
    measures = []
    for m in plan.measures:
        feasible = feasibility(m)
        measures.append(
            MeasureStatus(
                id=m.id,
                title=m.title,
                owner=name_of(lookup, m.owner),
                area=m.area,
                status=m.status,
                savings_target=m.savings_target,
                effect={year: amount.value for year, amount in sorted(m.effect.items())},
                realised={
                    year: amount.value
                    for year, amount in sorted(m.realised.items())
                    if year <= as_of.year
                },
                effect_rating=m.ratings.effect,
                feasibility=feasible,
                quadrant=quadrant(m.ratings.effect, feasible),
                approximate=[
                    f"{key}.{year}"
                    for key in ("effect", "realised")
                    for year, amount in sorted(getattr(m, key).items())
                    if amount.approximate
                ],
                rollout=rollout_steps(m, plan.plan.language),
            )
        )
    order = {name: n for n, name in enumerate(QUADRANTS)}
    measures.sort(
        key=lambda s: (
            order.get(s.quadrant, len(order)) if s.quadrant else len(order),
            -(s.effect_rating or 0),
            -(s.feasibility or 0),
        )
    )
    return MeasuresReport(as_of, savings, measures)
