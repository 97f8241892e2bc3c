"""Amounts in kroner that look as if they were written in millions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model.quantities import Quantity
from ..i18n import Money, msg
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
    for path, quantity in found:
        if quantity.bare and 0 < abs(quantity.value) < SMALL:
            yield Issue(
                "PV605",
                msg("{amount} kr is tiny beside the other amounts (up to {largest}): if it is "
                    "meant in millions, write '{amount} mill. kr'", amount=str(quantity), largest=Money(largest)),
                path,
                item if item is not None else path[:2],
            )
