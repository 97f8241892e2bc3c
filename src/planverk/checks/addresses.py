"""E-mail addresses that cannot be right: they go into calendar attendees and documents."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..i18n import tr
from .context import Issue, Loc, PlanIndex


@lru_cache(maxsize=None)
def address_problem(address: str) -> str | None:
    """Why ``address`` is not a valid e-mail address (syntax only, no network), or None.

    Follows RFC 5322 and RFC 6531 (internationalised addresses) as the email-validator
    library reads them; deliverability (DNS) is never checked.
    """
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        return str(error)
    return None


def _addresses(index: PlanIndex) -> Iterator[tuple[Loc, Loc, str]]:
    for i, person in enumerate(index.plan.people):
        if person.email is not None:
            yield ("people", i, "email"), ("people", i), person.email
    for i, group in enumerate(index.plan.groups):
        if group.email is not None:
            yield ("groups", i, "email"), ("groups", i), group.email
    for i, deadline in enumerate(index.plan.deadlines):
        for n, target in enumerate(deadline.deliver_to):
            if "@" in target:
                yield ("deadlines", i, "deliver_to", n), ("deadlines", i), target


def check_addresses(index: PlanIndex) -> Iterator[Issue]:
    """PV501: a malformed e-mail address on a person, a group or a deadline's deliver_to."""
    for path, item, address in _addresses(index):
        problem = address_problem(address)
        if problem is not None:
            yield Issue(
                "PV501",
                tr("'{address}' is not a valid e-mail address ({problem}): correct it, e.g. "
                    "'fornavn.etternavn@kommune.no'", address=address, problem=str(problem)),
                path,
                item,
            )
