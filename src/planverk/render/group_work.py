"""What a group's workbook adds for its group: its mandate, its measures and its KPIs.

A group's **own** measures are those owned by the group, by a group it includes, or by a
role that belongs to one of them, and those counted toward its mandate's savings target
(or any target below it). Its KPIs are the KPIs owned so, and the KPIs of its measures.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..checks.context import PlanIndex
from ..model import Plan
from ..status import section_view
from ..status.savings import subtree
from .views import MandateView, StatusSectionView, StatusView


def mandate_view(plan: Plan, group_id: str, parties: dict[str, Any], status: StatusView) -> MandateView | None:
    """The group's mandate with its references resolved; None when it has only a summary."""
    group = next(g for g in plan.groups if g.id == group_id)
    mandate = group.mandate
    if mandate is None or mandate.model_fields_set <= {"summary"}:
        return None
    savings = {s.id: s for s in status.measures.data.savings}
    return MandateView(
        summary=mandate.summary,
        delivers=list(mandate.delivers),
        by=mandate.by,
        to=[parties[ref] for ref in mandate.to if ref in parties],
        scope=mandate.scope,
        limits=list(mandate.limits),
        savings_target=savings.get(mandate.savings_target) if mandate.savings_target else None,
    )


def _owners(plan: Plan, group_id: str) -> set[str]:
    """The ids whose ownership makes an item the group's: it, its subgroups, their roles."""
    groups = {group_id, *PlanIndex(plan).subgroups.get(group_id, ())}
    return groups | {r.id for r in plan.roles if r.group in groups}


def group_status(plan: Plan, group_id: str, status: StatusView, as_of: date) -> list[StatusSectionView]:
    """The ``measures`` and ``kpis`` sections restricted to the group (module docstring)."""
    owners = _owners(plan, group_id)
    group = next(g for g in plan.groups if g.id == group_id)
    target = group.mandate.savings_target if group.mandate is not None else None
    below = subtree(plan, target) if target else set()
    measures = {m.id for m in plan.measures if m.owner in owners or (m.savings_target in below)}
    kpis = {k.id for k in plan.kpis if k.owner in owners}
    kpis |= {ref for m in plan.measures if m.id in measures for ref in m.kpis}
    language = plan.plan.language
    sections = []
    report = status.measures.data
    mine = replace(
        report,
        savings=[s for s in report.savings if s.id in below],
        measures=[m for m in report.measures if m.id in measures],
    )
    if mine.measures or mine.savings:
        view = section_view("measures", mine, language, as_of)
        sections.append(StatusSectionView("measures", mine, view, True))
    readings = [k for k in status.kpis.data if k.id in kpis]
    if readings:
        view = section_view("kpis", readings, language, as_of)
        sections.append(StatusSectionView("kpis", readings, view, True))
    return sections
