"""A plan's changes as Markdown (for a pull-request comment) or versioned JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from ..checks.context import KIND_NAMES
from ..formatting import markdown_text
from .plandiff import (
    DeadlineChange,
    EventChange,
    FieldChange,
    ItemChange,
    MeasurementChange,
    MemberChange,
    PlanDiff,
    RiskChange,
    When,
)

JSON_VERSION = 1
"""Bumped when a key of the JSON diff changes meaning or disappears."""

SHOWN_PER_EVENT = 5
"""Occurrence changes of one series listed in Markdown before the rest are counted."""

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _md(text: str | None) -> str:
    """Plan text made safe to stand in Markdown: 'Lea`n' must not open a code span."""
    return markdown_text(text or "")


def _code(text: str) -> str:
    """``text`` as a code span, fenced so a backtick inside it cannot close it."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _day(day: date) -> str:
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _when(when: When, place: bool = False) -> str:
    first, last = when.start.date(), when.end.date()
    if when.all_day:
        last = (when.end - timedelta(days=1)).date()
    days = _day(first) + (f" – {_day(last)}" if last != first else "")
    if when.all_day:
        text = days
    elif when.time is not None:
        text = f"{days}{',' if last != first else ''} {when.time}"
    else:
        text = f"{_day(first)} {when.start:%H:%M} – {_day(last)} {when.end:%H:%M}"
    where = ", ".join(_md(p) for p in (when.location, when.room) if p)
    return text + (f", {where}" if place and where else "")


def _event_line(c: EventChange) -> str:
    name = f"**{_md(c.title)}**"
    which = f" ({_code(c.id)}" + (f", occurrence of {c.occurrence.isoformat()}" if c.occurrence else "") + ")"
    if c.change == "moved":
        assert c.old and c.new
        place = (c.old.location, c.old.room) != (c.new.location, c.new.room)
        return f"{name} moved: {_when(c.old, place)} → {_when(c.new, place)}{which}"
    if c.change in ("added", "removed"):
        when = c.new if c.change == "added" else c.old
        assert when
        series = f" (first of {c.count})" if c.count > 1 else ""
        return f"{name} {c.change}: {_when(when, True)}{series}{which}"
    if c.change in ("occurrence-added", "occurrence-removed"):
        when = c.new or c.old
        assert when
        return f"{name}: occurrence {c.change.split('-')[1]}, {_when(when)}{which}"
    when = c.new or c.old
    assert when
    whole = " (all occurrences)" if c.occurrence is None and c.count > 1 else ""
    return f"{name} {c.change}{whole}: {_when(when)}{which}"


def _event_lines(changes: list[EventChange]) -> list[str]:
    lines: list[str] = []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for c in changes:
        key = f"{c.id}/{c.change}"
        shown[key] = shown.get(key, 0) + 1
        if c.occurrence is not None and shown[key] > SHOWN_PER_EVENT:
            hidden[key] = hidden.get(key, 0) + 1
            continue
        lines.append(f"- {_event_line(c)}")
    for key, n in hidden.items():
        event, change = key.split("/")
        lines.append(f"- … and {n} more occurrences of `{event}` {change.replace('occurrence-', '')}")
    return lines


def _member_line(c: MemberChange) -> str:
    who, group = f"**{_md(c.person_name)}**", _md(c.group_name)
    if c.change == "joined":
        role = f" as {c.new_role}" if c.new_role and c.new_role != "member" else ""
        return f"{who} joined {group}{role}"
    if c.change == "left":
        return f"{who} left {group}"
    return f"{who} in {group}: {c.old_role} → {c.new_role}"


def _due(text: str | None) -> str:
    if not text:
        return ""
    day, _, at = text.partition(" ")
    return _day(date.fromisoformat(day)) + (f" {at}" if at else "")


def _deadline_line(c: DeadlineChange) -> str:
    name = f"**{_md(c.task)}**" + (" (milestone)" if c.kind == "milestone" else "")
    which = f" ({_code(c.id)})"
    if c.change == "moved":
        return f"{name} moved: {_due(c.old_due)} → {_due(c.new_due)}{which}"
    if c.change == "done":
        on = f" on {_day(c.done_on)}" if c.done_on else ""
        return f"{name} done{on} (due {_due(c.new_due)}){which}"
    if c.change == "reopened":
        return f"{name} reopened (due {_due(c.new_due)}){which}"
    return f"{name} {c.change}: due {_due(c.new_due or c.old_due)}{which}"


def _measurement_line(c: MeasurementChange) -> str:
    name = f"**{_md(c.kpi_name)}** ({_code(c.kpi)})"
    source = f" ({_md(c.source)})" if c.source else ""
    if c.change == "added":
        return f"{name}: {_md(c.new)} on {_day(c.date)}{source}"
    if c.change == "removed":
        return f"{name}: the measurement of {_day(c.date)} ({_md(c.old)}) removed"
    return f"{name}: the measurement of {_day(c.date)} changed from {_md(c.old)} to {_md(c.new)}{source}"


def _risk_line(c: RiskChange) -> str:
    def rating(probability: int, consequence: int | None, score: int | None) -> str:
        if score is None:
            return f"probability {probability}, no consequence rating"
        return f"score {score} (probability {probability} × consequence {consequence})"

    old = rating(c.old_probability, c.old_consequence, c.old_score)
    new = rating(c.new_probability, c.new_consequence, c.new_score)
    return f"**{_md(c.title)}** ({_code(c.id)}): {old} → {new}"


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return _code(text if len(text) <= 60 else f"{text[:57]}…")


def _field(f: FieldChange) -> str:
    scalar = (str, int, float, bool, type(None))
    if isinstance(f.old, list) and isinstance(f.new, list) and all(isinstance(v, scalar) for v in f.old + f.new):
        parts = [f"+{_value(v)}" for v in f.new if v not in f.old] + [f"−{_value(v)}" for v in f.old if v not in f.new]
        return f"{f.field} {', '.join(parts) or '(reordered)'}"
    if isinstance(f.old, scalar) and isinstance(f.new, scalar):
        return f"{f.field} {_value(f.old)} → {_value(f.new)}"
    return f.field


def _item_line(c: ItemChange) -> str:
    head = f"{KIND_NAMES.get(c.kind, c.kind)} **{_md(c.name)}** ({_code(c.id)}) {c.change}"
    return head + (": " + "; ".join(_field(f) for f in c.fields) if c.fields else "")


def diff_markdown(diff: PlanDiff, old_label: str, new_label: str) -> str:
    """The changes as Markdown, headed by the plan and the two versions compared."""
    title = f"{_md(diff.title)} ({_code(diff.plan_id)})"
    compared = f"{old_label} → {new_label}"
    if diff.unchanged:
        return f"**{title}**: no changes ({compared}).\n"
    lines = [f"### Changes to {title}", "", f"Compared: {compared}", ""]
    if diff.new_plan:
        lines += [f"The plan is new: it is not in {old_label}.", ""]
    sections = [
        ("Events", _event_lines(diff.events)),
        ("Membership", [f"- {_member_line(c)}" for c in diff.members]),
        ("Deadlines and milestones", [f"- {_deadline_line(c)}" for c in diff.deadlines]),
        ("KPI measurements", [f"- {_measurement_line(c)}" for c in diff.measurements]),
        ("Risks", [f"- {_risk_line(c)}" for c in diff.risks]),
        ("Other changes", [f"- {_item_line(c)}" for c in diff.other]),
    ]
    for heading, body in sections:
        if body:
            lines += [f"#### {heading}", "", *body, ""]
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def diff_json(diff: PlanDiff, old_label: str, new_label: str) -> str:
    """The changes as one versioned JSON document (see docs/workflow.md)."""
    document = {
        "version": JSON_VERSION,
        "plan": {"id": diff.plan_id, "title": diff.title},
        "old": old_label,
        "new": new_label,
        "changed": not diff.unchanged,
        "new_plan": diff.new_plan,
        "events": [_plain(asdict(c)) for c in diff.events],
        "members": [_plain(asdict(c)) for c in diff.members],
        "deadlines": [_plain(asdict(c)) for c in diff.deadlines],
        "measurements": [_plain(asdict(c)) for c in diff.measurements],
        "risks": [_plain(asdict(c)) for c in diff.risks],
        "other": [_plain(asdict(c)) for c in diff.other],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
