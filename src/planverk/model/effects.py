"""Where and how much a measure's estimated effect counts: one rule for every sum, table,
diff and check of planverk.

A savings target has a row for each budget year of its ``period`` (and of its ``years``)
and for each year of the targets above it: a measure counts toward its target and every
target above it, so a tree's rows add up to their parent's in each year of the top
target (a sub-target has no target figure outside its own period).

A measure's effect in a year is :meth:`planverk.model.Measure.effect_in`: the year's
figure, and for ``effect_kind: lasting`` the latest earlier figure. A lasting effect is
carried through its **horizon**: the last year its savings target has a row for (so the
last year of the period of its target or of any target above it), or the plan's last year
for a measure without a savings target. A figure written for a year counts in that year
whatever the horizon (a year no row has is reported, PV632).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .quantities import Quantity

if TYPE_CHECKING:
    from .measures import Measure, SavingsTarget
    from .plan import Plan


def chain(plan: Plan, target_id: str | None) -> list[SavingsTarget]:
    """The savings target ``target_id`` and every target above it, nearest first; a circle
    of parents stops the walk, and an unknown id gives an empty list."""
    by_id = {t.id: t for t in plan.savings_targets}
    found: list[SavingsTarget] = []
    seen: set[str] = set()
    current = by_id.get(target_id or "")
    while current is not None and current.id not in seen:
        seen.add(current.id)
        found.append(current)
        current = by_id.get(current.parent or "")
    return found


def own_years(target: SavingsTarget) -> set[int]:
    """The budget years of a target's own ``period``, and those its ``years`` name."""
    return set(range(target.period.start.year, target.period.end.year + 1)) | set(target.years)


def row_years(plan: Plan, target_id: str) -> list[int]:
    """The budget years, ascending, the savings target ``target_id`` has a row for: its own
    (:func:`own_years`) and those of every target above it (module docstring)."""
    years: set[int] = set()
    for target in chain(plan, target_id):
        years |= own_years(target)
    return sorted(years)


def effects(plan: Plan, measure: Measure) -> dict[int, Quantity]:
    """The measure's estimated effect by budget year, in kroner, as planverk counts it
    everywhere (module docstring): each year from its first figure through the later of
    its horizon and its last figure that has an effect. Dropped measures are not left out
    here: the sums leave them out."""
    if not measure.effect:
        return {}
    rows = row_years(plan, measure.savings_target) if measure.savings_target else []
    horizon = rows[-1] if rows else plan.plan.period.end.year
    last = max(horizon, max(measure.effect))
    found = {year: measure.effect_in(year) for year in range(min(measure.effect), last + 1)}
    return {year: amount for year, amount in found.items() if amount is not None}
