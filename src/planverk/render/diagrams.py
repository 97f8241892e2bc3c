"""Mermaid diagrams, which GitHub and GitLab draw: a Gantt chart and an organisation chart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from .views import DeadlineView, GroupView, PhaseView, PlanView

GANTT_LABEL_LENGTH = 60
"""Longest task label in the Gantt chart; longer ones are cut at a word and end in '…'."""

_AXIS = {"nb": "%d.%m.%Y", "nn": "%d.%m.%Y", "en": "%d %b %Y"}
_SPACE = re.compile(r"\s+")
_COLON = re.compile(r"\s*:\s*")
_NODE_ID = re.compile(r"[^A-Za-z0-9_]")


def gantt_text(text: str) -> str:
    """Text safe as a Gantt title or task: Mermaid reads ':', ';' and '#' as syntax there,
    and draws '<' and '>' as HTML (they become '‹' and '›')."""
    text = _COLON.sub(" – ", _SPACE.sub(" ", text)).replace(";", ",").replace("#", "")
    text = text.replace("<", "‹").replace(">", "›")
    return text.strip(" –")


def _short(text: str) -> str:
    if len(text) <= GANTT_LABEL_LENGTH:
        return text
    cut = text[: GANTT_LABEL_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,.–")
    return cut + "…"


def gantt(
    plan: PlanView,
    phases: Sequence[PhaseView],
    deadlines: Sequence[DeadlineView],
    labels: dict[str, Any],
) -> str:
    """Phases as bars, deadlines and milestones as diamonds (milestones marked critical)."""
    if not phases and not deadlines:
        return ""
    lines = [
        "gantt",
        f"    title {gantt_text(plan.title)}",
        "    dateFormat YYYY-MM-DD",
        f"    axisFormat {_AXIS[plan.language]}",
        "    todayMarker off",
    ]
    if phases:
        lines.append(f"    section {gantt_text(labels['phases'])}")
        for phase in phases:
            end = phase.end + timedelta(days=1)  # Mermaid's end is exclusive
            lines.append(f"    {_short(gantt_text(phase.name))} : {phase.start}, {end}")
    for kind, title, tags in (
        ("deadline", "deadlines", "milestone"),
        ("milestone", "milestones", "milestone, crit"),
    ):
        chosen = sorted((d for d in deadlines if d.kind == kind), key=lambda d: (d.date, d.id))
        if chosen:
            lines.append(f"    section {gantt_text(labels[title])}")
            lines += [f"    {_short(gantt_text(d.task))} : {tags}, {d.date}, 0d" for d in chosen]
    return "\n".join(lines)


def flowchart_text(text: str) -> str:
    """Text safe inside a quoted flowchart label."""
    text = _SPACE.sub(" ", text).strip()
    return (
        text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    )


def _node_ids(groups: Sequence[GroupView]) -> dict[str, str]:
    """Mermaid node ids from plan ids: letters, digits and '_' only, never a keyword."""
    result: dict[str, str] = {}
    used: set[str] = set()
    for group in groups:
        base = "g_" + _NODE_ID.sub("_", group.id)
        node, n = base, 2
        while node in used:
            node, n = f"{base}_{n}", n + 1
        used.add(node)
        result[group.id] = node
    return result


def org_chart(
    groups: Sequence[GroupView], current: GroupView | None, labels: dict[str, Any]
) -> str:
    """Each group with its members; arrows to the group it reports to, dotted to those it includes."""
    if not groups:
        return ""
    ids = _node_ids(groups)
    lines = ["flowchart TD"]
    for group in groups:
        rows = [f"<b>{flowchart_text(group.name)}</b>"]
        for member in group.members:
            role = "" if member.role == "member" else f" ({flowchart_text(member.role_name)})"
            rows.append(flowchart_text(member.person.name) + role)
        lines.append(f'    {ids[group.id]}["{"<br/>".join(rows)}"]')
    for group in groups:
        if group.reports_to is not None:
            lines.append(
                f"    {ids[group.id]} -->|{labels['reports_to']}| {ids[group.reports_to.id]}"
            )
        for sub in group.includes:
            lines.append(f"    {ids[group.id]} -.->|{labels['includes']}| {ids[sub.id]}")
    if current is not None:
        lines += ["    classDef current stroke-width:4px", f"    class {ids[current.id]} current"]
    return "\n".join(lines)
