"""People made responsible for deadlines who have no place in the plan's bodies or roles."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import tr
from .context import Issue, PlanIndex


def check_responsibilities(index: PlanIndex) -> Iterator[Issue]:
    """PV500: a deadline's responsible person holds no role and no membership (warning)."""
    role_holders = {
        person
        for role in index.plan.roles
        for person in index.expand(role.holders)
    }
    members = set(index.groups_of_person)
    for i, deadline in enumerate(index.plan.deadlines):
        for n, ref in enumerate(deadline.responsible):
            if index.kind_of(ref) != "people" or ref in role_holders or ref in members:
                continue
            yield Issue(
                "PV500",
                tr("'{person}' is responsible for '{task}' but holds no role and belongs to no group "
                    "in the plan: add them where they belong, or make a role responsible",
                    person=ref, task=deadline.task),
                ("deadlines", i, "responsible", n),
                ("deadlines", i),
            )
