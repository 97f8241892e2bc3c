"""Measures and savings as of a date: each savings target's target, identified, decided
and realised per year (the rules are in :mod:`planverk.status.savings`), and each
measure's place in the effect x feasibility matrix.

A measure's ``effect`` by year is what the savings sums count
(:func:`planverk.model.effects.effects`): a lasting effect is carried through the last year
of the period of its savings target or of any target above it (of the plan's, without a
target).

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
from ..model.effects import effects
from .names import name_of, names
from .savings import SavingsStatus, SavingsYear, savings_status

__all__ = ["MeasureStatus", "MeasuresReport", "SavingsStatus", "SavingsYear", "measure_status"]

Quadrant = Literal["quick-win", "major", "fill-in", "reconsider"]
QUADRANTS: tuple[Quadrant, ...] = ("quick-win", "major", "fill-in", "reconsider")
MIDDLE = 3.0


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
    savings = savings_status(plan, as_of)
    measures = []
    for m in plan.measures:
        feasible = feasibility(m)
        by_year = effects(plan, m)
        effect = {year: amount.value for year, amount in by_year.items()}
        measures.append(
            MeasureStatus(
                id=m.id,
                title=m.title,
                owner=name_of(lookup, m.owner),
                area=m.area,
                status=m.status,
                savings_target=m.savings_target,
                effect=effect,
                realised={
                    year: amount.value
                    for year, amount in sorted(m.realised.items())
                    if year <= as_of.year
                },
                effect_rating=m.ratings.effect,
                feasibility=feasible,
                quadrant=quadrant(m.ratings.effect, feasible),
                approximate=[
                    *(f"effect.{year}" for year, amount in by_year.items() if amount.approximate),
                    *(f"realised.{year}" for year, amount in sorted(m.realised.items())
                      if amount.approximate),
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
