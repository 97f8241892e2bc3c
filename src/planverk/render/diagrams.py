"""Mermaid diagrams, which GitHub and GitLab draw: a Gantt chart, an organisation chart,
the effect x feasibility matrix (``quadrantChart``) and KPI readings (``xychart-beta``).

Plan text is data, never Mermaid syntax. Mermaid turns ``#NAME;`` and ``#NUMBER;`` into
HTML entities in every kind of diagram before it parses anything, so every character
that means something to a diagram's grammar is written as ``#NUMBER;``:

- always ``#``, ``;``, ``:``, ``"``, `````, ``<``, ``>``, ``&`` and ``%`` (labels other
  than Gantt tasks are always quoted, where brackets and pipes are plain text); ``$$``,
  which a flowchart would draw as math, gets an invisible word joiner between its '$'s;
- in a Gantt task, also the first character when the task would otherwise start like a
  Gantt statement (``section``, ``title``, ``includes``, ``click``, ``gantt``, a date
  ``2024-01-31``, ...: Mermaid's Gantt lexer matches those before a task's text, case
  insensitively and without needing a word boundary), or with a character that is not a
  letter or digit.

Each label then draws as one item, shown as written (long Gantt labels are cut at a word
to :data:`GANTT_LABEL_LENGTH` characters and end in '…').
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from ..publish.pictures.layout import arrange, links
from .views import DeadlineView, GroupView, OccurrenceView, PhaseView, PlanView

GANTT_LABEL_LENGTH = 60
"""Longest task label in the Gantt chart; longer ones are cut at a word and end in '…'."""

POINT_LABEL_LENGTH = 30
"""Longest measure label in the quadrant chart."""

_AXIS = {"nb": "%d.%m.%Y", "nn": "%d.%m.%Y", "en": "%d %b %Y"}
_SPACE = re.compile(r"\s+")
_NODE_ID = re.compile(r"[^A-Za-z0-9_]")
_SYNTAX = {ord(c): f"#{ord(c)};" for c in '#;:"`<>&%¶ﬂ'}
"""Characters written as entities: Mermaid's syntax, and the markers its encodeEntities
puts around entities ('ﬂ°°' ... '¶ß'), which its decodeEntities would read in plan text too."""
_GANTT_STATEMENT = re.compile(
    r"(?i)(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes"
    r"|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr"
    r"|section|click|call|href|\d{4}-\d\d-\d\d)"
)


_MATH = re.compile(r"\$(?=\$)")
"""A '$' right before another: Mermaid draws ``$$...$$`` in a label as KaTeX math, after it
has turned entities back into characters, so no entity keeps it text."""


def mermaid_text(text: str) -> str:
    """``text`` on one line with every character Mermaid reads as syntax written as an
    entity (``#35;`` for ``#``), which Mermaid shows as the character itself, and a word
    joiner (U+2060, which draws as nothing) between two '$' so that no math begins."""
    return _MATH.sub("$\u2060", _SPACE.sub(" ", text).strip()).translate(_SYNTAX)


def gantt_text(text: str) -> str:
    """Text safe as a Gantt title, section or task, shown as written."""
    text = _SPACE.sub(" ", text).strip()
    if text and (_GANTT_STATEMENT.match(text) or not text[0].isalnum()):
        return f"#{ord(text[0])};" + text[1:].translate(_SYNTAX)
    return text.translate(_SYNTAX)


def _short(text: str, length: int = GANTT_LABEL_LENGTH) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,.–")
    return cut + "…"


def _gantt_deadline(deadline: DeadlineView, tags: str) -> str:
    """A deadline as a diamond on its day, or as a bar over the period it is due in."""
    task = gantt_text(_short(deadline.task))
    if deadline.start is not None:
        end = deadline.date + timedelta(days=1)  # Mermaid's end is exclusive
        bar = "crit, " if deadline.kind == "milestone" else ""
        return f"    {task} : {bar}{deadline.start}, {end}"
    return f"    {task} : {tags}, {deadline.date}, 0d"


GANTT_BARS = 200
"""At most this many bars of events in a timeline. Mermaid draws nothing of a diagram
past 50,000 characters (its ``maxTextSize``), about 1,000 bars, and a timeline of
thousands of meetings is no overview: the schedule lists them."""


def gantt_occurrences(occurrences: Sequence[OccurrenceView]) -> list[OccurrenceView]:
    """The occurrences the timeline draws, in time order: every one not cancelled; when
    they are more than :data:`GANTT_BARS`, only those over several days (activities dated
    by a period), the first :data:`GANTT_BARS` of them."""
    shown = [o for o in occurrences if not o.cancelled]
    if len(shown) > GANTT_BARS:
        shown = [o for o in shown if o.last_day > o.day]
    return sorted(shown, key=lambda o: (o.day, o.last_day, o.event.id))[:GANTT_BARS]


def _gantt_occurrence(occurrence: OccurrenceView) -> str:
    """An event's occurrence as a bar over its days: a meeting over its day, an activity
    dated by a period ('januar', 'uke 15') over the period."""
    end = occurrence.last_day + timedelta(days=1)  # Mermaid's end is exclusive
    return f"    {gantt_text(_short(occurrence.event.title))} : {occurrence.day}, {end}"


def gantt(
    plan: PlanView,
    phases: Sequence[PhaseView],
    deadlines: Sequence[DeadlineView],
    labels: dict[str, Any],
    occurrences: Sequence[OccurrenceView] = (),
) -> str:
    """Phases as bars, the events' occurrences (meetings, activities dated by a period) as
    bars over their days, deadlines and milestones as diamonds (milestones marked
    critical); a deadline dated by a period as a bar over the period. Cancelled
    occurrences are left out."""
    drawn = gantt_occurrences(occurrences)
    if not phases and not deadlines and not drawn:
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
            lines.append(f"    {gantt_text(_short(phase.name))} : {phase.start}, {end}")
    if drawn:
        lines.append(f"    section {gantt_text(labels['events_and_activities'])}")
        lines += [_gantt_occurrence(o) for o in drawn]
    for kind, title, tags in (
        ("deadline", "deadlines", "milestone"),
        ("milestone", "milestones", "milestone, crit"),
    ):
        chosen = sorted((d for d in deadlines if d.kind == kind), key=lambda d: (d.date, d.id))
        if chosen:
            lines.append(f"    section {gantt_text(labels[title])}")
            lines += [_gantt_deadline(d, tags) for d in chosen]
    return "\n".join(lines)


def flowchart_text(text: str) -> str:
    """Text safe inside a quoted flowchart label."""
    return mermaid_text(text)


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
    """Each group with its members, in the rows of :mod:`planverk.publish.pictures.layout`:
    a group that reports to another is drawn under it with an arrow up to it; a group
    another includes is drawn under it, joined by a dotted line. Invisible links (``~~~``)
    keep rows at most :data:`~planverk.publish.pictures.layout.ROW_WIDTH` boxes wide."""
    if not groups:
        return ""
    ids = _node_ids(groups)
    found = links(groups)
    placed = arrange([g.id for g in groups], found)
    by_id = {g.id: g for g in groups}
    order = sorted(placed, key=lambda n: (placed[n][1], placed[n][0]))
    lines = ["flowchart BT"]
    for group_id in order:
        group = by_id[group_id]
        rows = [f"<b>{flowchart_text(group.name)}</b>"]
        for member in group.members:
            role = "" if member.role == "member" else f" ({flowchart_text(member.role_name)})"
            rows.append(flowchart_text(member.person.name) + role)
        lines.append(f'    {ids[group.id]}["{"<br/>".join(rows)}"]')
    # In a bottom-to-top chart the start of a link is drawn below its end.
    for link in found:
        lower, upper = ids[link.lower], ids[link.upper]
        if link.kind == "reports-to":
            lines.append(f"    {lower} -->|{flowchart_text(labels['reports_to'])}| {upper}")
        else:
            lines.append(f"    {lower} -.-|{flowchart_text(labels['includes'])}| {upper}")
    # Tie every box to the row above it and to the row below it, so that Mermaid keeps
    # the rows (a box with no line would otherwise go to the bottom, in a bottom-to-top chart).
    linked = {(link.lower, link.upper) for link in found}
    by_row: dict[int, list[str]] = {}
    for group_id in order:
        by_row.setdefault(placed[group_id][1], []).append(group_id)

    def nearest(x: float, row: list[str]) -> str:
        return min(row, key=lambda n: (abs(placed[n][0] - x), placed[n][0]))

    tied: list[tuple[str, str]] = []
    for group_id in order:
        x, row = placed[group_id]
        above, below = by_row.get(row - 1, []), by_row.get(row + 1, [])
        if above and not any((group_id, n) in linked for n in above):
            tied.append((group_id, nearest(x, above)))
        if below and not any((n, group_id) in linked for n in below):
            tie = (nearest(x, below), group_id)
            if tie not in tied:
                tied.append(tie)
    lines += [f"    {ids[lower]} ~~~ {ids[upper]}" for lower, upper in tied]
    if current is not None:
        lines += ["    classDef current stroke-width:4px", f"    class {ids[current.id]} current"]
    return "\n".join(lines)


def _unit(value: float) -> str:
    """A rating 1-5 as a share of the axis, as quadrantChart reads it: '0.25', '1'."""
    share = min(max((value - 0.5) / 5, 0.0), 1.0)
    return "1" if share >= 1 else "0" if share <= 0 else f"{share:.3f}".rstrip("0").rstrip(".")


def quadrant_chart(measures: Sequence[Any], words: dict[str, str]) -> str:
    """The rated measures at (feasibility, effect), both 1-5, in Mermaid's quadrantChart.

    ``words``: ``title``, ``feasibility_low``, ``feasibility_high``, ``effect_low``,
    ``effect_high`` and the four quadrant names, in the plan's language. Quadrant 1 is
    the upper right (quick win), 2 the upper left, 3 the lower left, 4 the lower right.
    """
    rated = [m for m in measures if m.quadrant is not None]
    if not rated:
        return ""
    said = {key: mermaid_text(text) for key, text in words.items()}
    lines = [
        "quadrantChart",
        f"    title {said['title']}",
        f'    x-axis "{said["feasibility_low"]}" --> "{said["feasibility_high"]}"',
        f'    y-axis "{said["effect_low"]}" --> "{said["effect_high"]}"',
        f'    quadrant-1 "{said["quick-win"]}"',
        f'    quadrant-2 "{said["major"]}"',
        f'    quadrant-3 "{said["reconsider"]}"',
        f'    quadrant-4 "{said["fill-in"]}"',
    ]
    for m in rated:
        name = mermaid_text(_short(m.title, POINT_LABEL_LENGTH))
        lines.append(f'    "{name}": [{_unit(m.feasibility)}, {_unit(m.effect_rating)}]')
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


def kpi_trend(kpi: Any, readings: Sequence[tuple[Any, float]], words: Any) -> str:
    """A KPI's readings (dated baseline first) against its baseline and target, as
    :func:`trend_chart` draws them; ``words``: a status view context in the plan's language."""
    from ..status.views.kpis import kpi_value

    points = [(words.date(d), v) for d, v in readings]
    base = kpi.baseline
    if base is not None and base.date is not None and (not readings or base.date < readings[0][0]):
        points.insert(0, (words.date(base.date), base.value))
    parts, flat = [kpi.name], []
    if base is not None:
        parts.append(f"{words.t('baseline').lower()} {kpi_value(words, base.value, kpi.unit, about=base.approximate)}")
        flat.append(base.value)
    if kpi.target is not None:
        parts.append(f"{words.t('target').lower()} {kpi_value(words, kpi.target, kpi.unit, about=kpi.target_approximate)}")
        flat.append(kpi.target)
    axis = {"percent": "%", "nok": "kr"}.get(kpi.unit, "")
    return trend_chart(
        f"{parts[0]} ({', '.join(parts[1:])})" if parts[1:] else parts[0], axis, points, flat
    )


def trend_chart(
    title: str, axis: str, points: Sequence[tuple[str, float]], flat: Sequence[float]
) -> str:
    """A KPI's readings as a line over labelled points (``xychart-beta``), with each
    value of ``flat`` (baseline, target) as a level line; '' without two readings."""
    if len(points) < 2:
        return ""
    values = [v for _, v in points] + list(flat)
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1
    labels = ", ".join(f'"{mermaid_text(label)}"' for label, _ in points)
    lines = [
        "xychart-beta",
        f'    title "{mermaid_text(title)}"',
        f"    x-axis [{labels}]",
        f'    y-axis "{mermaid_text(axis) or " "}" {_number(low - pad)} --> {_number(high + pad)}',
        f"    line [{', '.join(_number(v) for _, v in points)}]",
    ]
    lines += [f"    line [{', '.join(_number(level) for _ in points)}]" for level in flat]
    return "\n".join(lines)
