"""Savings targets as a tree, and what their measures add up to each year, as of a date.

A target's sub-targets are the targets that name it as ``parent``. A measure counts toward
its own target and every target above it, so a parent's **identified**, **decided** and
**realised** sums take in the measures of all its sub-targets. Per budget year:

- **target**: the target's figure for the year (``years``), or its total in the last year
  of its period when that year has no figure;
- **identified**: the measures' estimated effects (not dropped), each year's effect
  following the measure's ``effect_kind`` (:func:`planverk.model.effects.effects`, the one
  rule the measures table and ``diff`` count by too);
- **decided**: the same, for measures decided, in progress or realised;
- **realised**: realised effects as written, for budget years up to the as-of date's year
  (a realised figure is what the accounts show for that year, and is never carried on);
- **gap**: target minus identified (positive: more measures are needed).

A target has these for each year of its period and of every target above it
(:func:`planverk.model.effects.row_years`): a sub-target's lasting measures still count
toward its parent after the sub-target's own period, so its row runs on (with no target
figure) and a tree's rows add up to their parent in every year.

A target with sub-targets also has a **remainder** per year: the part of its target no
sub-target holds (its target minus theirs; in the last year the stated ``unallocated``),
and the measures counted toward the target itself rather than a sub-target.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..model import Plan
from ..model.effects import effects, row_years
from ..model.measures import DECIDED, Measure, SavingsTarget
from ..model.quantities import Quantity

Counted = tuple[Measure, dict[int, Quantity]]
"""A measure and its estimated effect by year (:func:`planverk.model.effects.effects`)."""

COLUMNS = ("target", "identified", "decided", "realised", "gap")


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
class OutsideFigure:
    """An effect a measure states for a year outside its savings target's years: no sum
    of the target counts it (validate reports it, PV632), so it is shown apart."""

    measure: str
    title: str
    kind: Literal["effect", "realised"]
    """'effect' (estimated) or 'realised'."""
    year: int
    amount: float
    approximate: bool = False


@dataclass(frozen=True)
class SavingsStatus:
    """A savings target and its years; with sub-targets, its place in the tree too."""

    id: str
    title: str
    total: float
    start: int
    end: int
    years: list[SavingsYear]
    total_approximate: bool = False
    """The total was written as an estimate ('ca. 40 mill. kr')."""
    parent: str | None = None
    """The target it is part of."""
    depth: int = 0
    """0 for a target without a parent, 1 for its sub-targets, and so on."""
    children: list[str] = field(default_factory=list)
    """The ids of its sub-targets, in plan order."""
    unallocated: float | None = None
    """The part of the total no sub-target holds, as the plan states it."""
    remainder: list[SavingsYear] = field(default_factory=list)
    """With sub-targets: per year, the target no sub-target holds and the measures counted
    toward this target itself (empty without sub-targets)."""
    outside: list[OutsideFigure] = field(default_factory=list)
    """Effects of the target's own measures written for years outside its years: no row
    counts them (PV632), so they are named apart."""


def subtree(plan: Plan, target_id: str) -> set[str]:
    """``target_id`` and the ids of every target below it (a circle stops the walk)."""
    found = {target_id}
    frontier = [target_id]
    while frontier:
        current = frontier.pop()
        for t in plan.savings_targets:
            if t.parent == current and t.id not in found:
                found.add(t.id)
                frontier.append(t.id)
    return found


def year_target(target: SavingsTarget, year: int) -> tuple[float, bool] | None:
    """The target's figure for ``year`` and whether it is an estimate; the total in the last
    year of the period when that year has no figure; None otherwise."""
    if year in target.years:
        amount = target.years[year]
        return amount.value, amount.approximate
    if year == target.period.end.year:
        return target.total.value, target.total.approximate
    return None


def sums(
    measures: Iterable[Counted], year: int, as_of: date, target: tuple[float, bool] | None
) -> SavingsYear:
    """One year's target, identified, decided, realised and gap over ``measures`` (each
    with its effect by year)."""
    pairs = [(m, by_year) for m, by_year in measures if m.status != "dropped"]
    counted = [m for m, _ in pairs]
    effects = [(m, by_year[year]) for m, by_year in pairs if year in by_year]
    identified = sum(amount.value for _, amount in effects)
    decided_pairs = [(m, amount) for m, amount in effects if m.status in DECIDED]
    decided = sum(amount.value for _, amount in decided_pairs)
    reported = [m.realised[year] for m in counted if year in m.realised]
    realised = sum(a.value for a in reported) if reported and year <= as_of.year else None
    goal = target[0] if target is not None else None
    gap = goal - identified if goal is not None else None
    rough = {
        "target": target is not None and target[1],
        "identified": any(amount.approximate for _, amount in effects),
        "decided": any(amount.approximate for _, amount in decided_pairs),
        "realised": realised is not None and any(a.approximate for a in reported),
    }
    rough["gap"] = gap is not None and (rough["target"] or rough["identified"])
    approximate = [column for column, rough_here in rough.items() if rough_here]
    return SavingsYear(year, goal, identified, decided, realised, gap, approximate)


def _remainder(
    measures: list[Counted], target: SavingsTarget, children: list[SavingsTarget], year: int, as_of: date
) -> SavingsYear:
    own = [(m, by_year) for m, by_year in measures if m.savings_target == target.id]
    whole = year_target(target, year)
    held = [year_target(child, year) for child in children]
    rest: tuple[float, bool] | None = None
    if year == target.period.end.year and target.unallocated is not None:
        rest = target.unallocated.value, target.unallocated.approximate
    elif whole is not None and all(h is not None for h in held):
        rest = (
            whole[0] - sum(h[0] for h in held if h is not None),
            whole[1] or any(h[1] for h in held if h is not None),
        )
    return sums(own, year, as_of, rest)


def _ordered(plan: Plan) -> list[tuple[SavingsTarget, int]]:
    """Targets in tree order (each followed by its sub-targets), with their depth; targets
    caught in a circle of parents come last, at depth 0."""
    ids = {t.id for t in plan.savings_targets}
    placed: list[tuple[SavingsTarget, int]] = []
    seen: set[str] = set()

    def visit(target: SavingsTarget, depth: int) -> None:
        seen.add(target.id)
        placed.append((target, depth))
        for child in plan.savings_targets:
            if child.parent == target.id and child.id not in seen:
                visit(child, depth + 1)

    for target in plan.savings_targets:
        if (target.parent is None or target.parent not in ids) and target.id not in seen:
            visit(target, 0)
    placed += [(t, 0) for t in plan.savings_targets if t.id not in seen]
    return placed


def _outside(target: SavingsTarget, measures: Iterable[Measure], years: set[int], as_of: date) -> list[OutsideFigure]:
    """The figures written on ``measures`` (not dropped) for years no row of the target has;
    realised ones only up to the as-of date's year, as the sums count them."""
    found = []
    for m in measures:
        if m.status == "dropped":
            continue
        for kind in ("effect", "realised"):
            for year, amount in sorted(getattr(m, kind).items()):
                if year in years or (kind == "realised" and year > as_of.year):
                    continue
                found.append(OutsideFigure(m.id, m.title, kind, year, amount.value, amount.approximate))  # type: ignore[arg-type]
    return found


def savings_status(plan: Plan, as_of: date) -> list[SavingsStatus]:
    """Every savings target in tree order, with its sums per year (module docstring)."""
    result = []
    measures = [(m, effects(plan, m)) for m in plan.measures]
    for target, depth in _ordered(plan):
        first, last = target.period.start.year, target.period.end.year
        years = row_years(plan, target.id)
        below = subtree(plan, target.id)
        mine = [(m, by_year) for m, by_year in measures if m.savings_target in below]
        children = [t for t in plan.savings_targets if t.parent == target.id and t.id != target.id]
        result.append(
            SavingsStatus(
                id=target.id,
                title=target.title,
                total=target.total.value,
                start=first,
                end=last,
                years=[sums(mine, year, as_of, year_target(target, year)) for year in years],
                total_approximate=target.total.approximate,
                parent=target.parent,
                depth=depth,
                children=[child.id for child in children],
                unallocated=None if target.unallocated is None else target.unallocated.value,
                remainder=[_remainder(measures, target, children, year, as_of) for year in years]
                if children
                else [],
                outside=_outside(target, [m for m in plan.measures if m.savings_target == target.id],
                                 set(years), as_of),
            )
        )
    return result
