"""The annual cycle (årshjul) as a wheel: the year round a circle, activities as arcs.

January starts at the top and the months follow clockwise, each a twelfth of the circle
(a month's arc is the same size whatever its days, as hand-drawn wheels have them; a day
sits at its place within its month). Each owner group (an activity's first responsible,
else its first participant) has a ring of its own, the first group outermost; activities
of a group that share days lie in separate lanes of its ring. Each arc carries a number,
and the key beside the wheel lists the numbers with the activity and its period, so that
no text has to fit along an arc.
"""

from __future__ import annotations

import calendar
import math
from datetime import date
from typing import Any

from .canvas import COLOURS, SERIES, figure
from .charts import short

_START = 90.0
"""Degrees of 1 January: the top of the wheel (matplotlib counts anticlockwise from east)."""
_HOLE = 0.28
"""Radius of the empty middle, where the year is written."""


def year_fraction(day: date) -> float:
    """Where ``day`` lies in its year, 0 (1 January) to 1 (after 31 December), by months."""
    days = calendar.monthrange(day.year, day.month)[1]
    return ((day.month - 1) + (day.day - 1) / days) / 12


def _end_fraction(day: date) -> float:
    """Where the day after ``day`` begins: an arc ends after its last day."""
    days = calendar.monthrange(day.year, day.month)[1]
    return ((day.month - 1) + day.day / days) / 12


def _angle(fraction: float) -> float:
    return _START - 360.0 * fraction


def lanes(spans: list[tuple[float, float]]) -> list[int]:
    """A lane for each (start, end) span, in order: the first lane where it overlaps nothing."""
    ends: list[float] = []
    result = []
    for start, end in spans:
        for n, last in enumerate(ends):
            if start >= last:
                ends[n] = end
                result.append(n)
                break
        else:
            ends.append(end)
            result.append(len(ends) - 1)
    return result


def wheel_layout(items: list[Any], year: int) -> list[tuple[str, list[tuple[int, Any, float, float, int]]]]:
    """(group, [(number, item, start, end, lane)]) per owner group, in order of first due.

    ``items`` are :class:`~planverk.status.cycle.CycleItem` (by due day); ``start`` and
    ``end`` are year fractions, clipped to ``year``; numbers count from 1 in item order.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    groups: dict[str, list[tuple[int, Any, float, float]]] = {}
    for number, item in enumerate(items, start=1):
        start = year_fraction(max(item.start, first))
        end = _end_fraction(min(item.due, last))
        groups.setdefault(item.responsible[0] if item.responsible else "", []).append((number, item, start, end))
    result = []
    for group, found in groups.items():
        ordered = sorted(found, key=lambda f: (f[2], f[3], f[0]))
        placed = lanes([(f[2], f[3]) for f in ordered])
        result.append((group, [(*f, lane) for f, lane in zip(ordered, placed)]))
    return result


def wheel(spec: Any) -> Any:
    """The wheel of ``spec.data`` = (CycleReport, month names, the word for 'no one', title)."""
    from matplotlib.patches import Circle, Wedge

    report, months, no_one, _ = spec.data
    layout = wheel_layout(report.items, report.year)
    ring_lanes = [max(lane for *_, lane in arcs) + 1 for _, arcs in layout] or [1]
    lane_width = (1.0 - _HOLE) / max(sum(ring_lanes), 1)
    key_lines = sum(len(arcs) for _, arcs in layout) + len(layout)
    fig = figure(10.5, max(6.0, 0.9 + 0.17 * key_lines))
    ax, side = fig.subplots(1, 2, width_ratios=[1.3, 1])
    side.axis("off")
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_xlim(-1.22, 1.22)
    ax.set_ylim(-1.22, 1.22)
    for month in range(12):  # month sectors, alternately shaded, names outside the rim
        theta2 = _angle(month / 12)
        theta1 = _angle((month + 1) / 12)
        ax.add_patch(Wedge((0, 0), 1.0, theta1, theta2, width=1.0 - _HOLE,
                           facecolor="#f4f6f8" if month % 2 else "#ffffff",
                           edgecolor=COLOURS["grid"], linewidth=0.6))
        middle = math.radians(_angle((month + 0.5) / 12))
        ax.text(1.1 * math.cos(middle), 1.1 * math.sin(middle), months[month],
                ha="center", va="center", fontsize=8, color=COLOURS["ink"])
    ax.add_patch(Circle((0, 0), _HOLE, facecolor="#ffffff", edgecolor=COLOURS["grid"], linewidth=0.6))
    ax.text(0, 0, str(report.year), ha="center", va="center", fontsize=14, fontweight="bold")
    outer = 1.0
    key = []
    for n, (group, arcs) in enumerate(layout):
        colour = SERIES[n % len(SERIES)]
        count = ring_lanes[n]
        for number, item, start, end, lane in arcs:
            radius = outer - lane * lane_width
            ax.add_patch(Wedge((0, 0), radius - lane_width * 0.08, _angle(end), _angle(start),
                               width=lane_width * 0.84, facecolor=colour, edgecolor="#ffffff",
                               linewidth=0.8, alpha=0.9))
            middle = math.radians(_angle((start + end) / 2))
            at = radius - lane_width / 2
            ax.text(at * math.cos(middle), at * math.sin(middle), str(number), ha="center",
                    va="center", fontsize=7, color="#ffffff", fontweight="bold")
        outer -= count * lane_width
        key.append((group or no_one, colour, sorted(arcs, key=lambda a: a[0])))
    lines = []
    for group, colour, arcs in key:
        lines.append((short(group), colour, True))
        lines += [(f"{number}  {short(item.title)} ({item.period or ''})".replace(" ()", ""), colour, False)
                  for number, item, *_ in arcs]
    step = 1.0 / max(len(lines), 18)
    for row, (text, colour, heading) in enumerate(lines):
        side.text(0.0, 1.0 - row * step, text, ha="left", va="top", fontsize=8 if heading else 7.5,
                  color=colour if heading else COLOURS["ink"], fontweight="bold" if heading else "normal",
                  transform=side.transAxes)
    return fig
