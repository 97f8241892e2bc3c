"""Nested savings targets: no circles, and sub-targets that add up to their parent.

A target's sub-targets (the targets naming it as ``parent``) share out its total; the part
not given to any of them is stated as ``unallocated``. So the sub-targets' totals plus
``unallocated`` equal the total, to the krone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..formatting import fmt_money, money_layout
from ..i18n import Items, Money, tr
from .context import Issue, Loc, PlanIndex
from .goals import circles

TOLERANCE = 0.5
"""Kroner: sums are compared to the krone."""


def check_savings_tree(index: PlanIndex) -> Iterator[Issue]:
    """PV636 targets in a circle; PV608 sub-targets that do not add up; PV609 a remainder
    left unstated."""
    targets = index.plan.savings_targets
    in_circle: set[str] = set()
    for i, circle in circles([(t.id, t.parent) for t in targets]):
        in_circle.update(circle)
        yield Issue(
            "PV636",
            tr("savings targets are each other's parents in a circle: {circle}; a target "
               "is part of one larger target, never of itself", circle=" -> ".join(circle)),
            ("savings_targets", i, "parent"),
            ("savings_targets", i),
        )
    for i, target in enumerate(targets):
        if target.id in in_circle:
            continue
        children = [(n, t) for n, t in enumerate(targets) if t.parent == target.id and n != i]
        if not children and target.unallocated is None:
            continue
        path: Loc = ("savings_targets", i)
        shares = sum(t.total.value for _, t in children)
        related = tuple(("savings_targets", n, "total") for n, _ in children)
        unallocated = target.unallocated.value if target.unallocated is not None else None
        # every amount of a message in one unit, none rounded: the sums it compares add up
        scale, digits = money_layout([t.total.value for _, t in children] + [
            shares, target.total.value, unallocated, target.total.value - shares,
            shares + (unallocated or 0)])

        amount = partial(Money, scale=scale, digits=digits)

        parts = Items(tuple(amount(t.total.value, approximate=t.total.approximate) for _, t in children))
        rough = any(t.total.approximate for _, t in children)  # a sum of an estimate is one
        total = amount(target.total.value, approximate=target.total.approximate)
        if target.unallocated is not None and not children:
            if abs(target.unallocated.value - target.total.value) >= TOLERANCE:
                yield Issue(
                    "PV608",
                    tr("'unallocated' ({unallocated}) is not the total {total}, and no savings target "
                       "names '{id}' as its parent: give the sub-targets 'parent: {id}', or remove "
                       "'unallocated'", unallocated=amount(target.unallocated.value,
                                                          approximate=target.unallocated.approximate),
                       total=total, id=target.id),
                    (*path, "unallocated"),
                    path,
                )
        elif target.unallocated is not None:
            stated = shares + target.unallocated.value
            if abs(stated - target.total.value) >= TOLERANCE:
                yield Issue(
                    "PV608",
                    tr("the sub-targets ({parts}) and 'unallocated' ({unallocated}) come to {sum}, "
                       "not the total {total}: correct a sub-target or 'unallocated'",
                       parts=parts, unallocated=amount(target.unallocated.value,
                                                      approximate=target.unallocated.approximate),
                       sum=amount(stated, approximate=rough or target.unallocated.approximate), total=total),
                    (*path, "unallocated"),
                    path,
                    related,
                )
        elif shares - target.total.value >= TOLERANCE:
            yield Issue(
                "PV608",
                tr("the sub-targets ({parts}) come to {sum}, more than the total {total}: "
                   "correct a sub-target's total, or the total",
                   parts=parts, sum=amount(shares, approximate=rough), total=total),
                (*path, "total"),
                path,
                related,
            )
        elif target.total.value - shares >= TOLERANCE:
            # the remainder as the plan would write it (planverk reads '3 mill. kr' in any language)
            yield Issue(
                "PV609",
                tr("the sub-targets ({parts}) come to {sum} of the total {total}: state what is "
                   "left to find, 'unallocated: {rest}', or add the missing sub-target",
                   parts=parts, sum=amount(shares, approximate=rough), total=total,
                   rest=fmt_money(target.total.value - shares, language="nb", scale=scale, digits=digits)),
                (*path, "total"),
                path,
                related,
            )
