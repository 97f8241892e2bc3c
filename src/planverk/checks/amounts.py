"""Amounts in kroner that look as if they were written in millions, or in thousands."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model.quantities import Quantity
from ..i18n import Message, Money, tr
from .context import Issue, Loc

MILLIONS = 1_000_000
SMALL = 1_000


def magnitude_issues(amounts: Iterable[tuple[Loc, Quantity]], item: Loc | None) -> Iterator[Issue]:
    """PV605: a bare amount under 1 000 kr among amounts of a million kroner or more.

    ``item`` is the item whose ``silence:`` may silence the findings; None to silence each
    on the item its path starts with.
    """
    found = list(amounts)
    largest = max((abs(q.value) for _, q in found), default=0.0)
    if largest < MILLIONS:
        return
    yield from _thousandfold(found, item)
    for path, quantity in found:
        if quantity.bare and 0 < abs(quantity.value) < SMALL:
            yield Issue(
                "PV605",
                tr("{amount} kr is tiny beside the other amounts (up to {largest}): if it is "
                    "meant in millions, write '{amount} mill. kr'", amount=quantity, largest=Money(largest)),
                path,
                item if item is not None else path[:2],
            )


THOUSANDS = 100_000
"""Below this (and from 1 000 kr), an amount a thousand times the size of the others is suspect."""


def _thousandfold(found: list[tuple[Loc, Quantity]], item: Loc | None) -> Iterator[Issue]:
    """PV635: an amount that is the others' size only when multiplied (or divided) by 1 000.

    "9 800 kr" among amounts of 1 to 40 million kroner was written from a column in
    thousands; "9 800 mill. kr" among the same was written from one in kroner. An amount is
    reported when the thousandfold falls between the smallest and the largest of the
    plan's amounts of a million kroner or more, so real small amounts (a 50 000 kr course
    beside 40 million) stay clean.
    """
    big = [abs(q.value) for _, q in found if abs(q.value) >= MILLIONS]
    if len(big) < 2:
        return
    low, high = min(big), max(big)
    for path, quantity in found:
        value = abs(quantity.value)
        if SMALL <= value < THOUSANDS and low <= value * 1000 <= high:
            meant: Money | Message = tr("{kroner} kr", kroner=round(quantity.value * 1000))
        elif value > 100 * high and low <= value / 1000 <= high:
            meant = Money(quantity.value / 1000, approximate=quantity.approximate)
        else:
            continue
        yield Issue(
            "PV635",
            tr("{amount} is a thousand times off the plan's other amounts ({low} to {high}): did you "
                "mean {meant}?", amount=quantity, low=Money(low), high=Money(high), meant=meant),
            path,
            item if item is not None else path[:2],
        )
