"""The charts: timeline, risk matrix, effect x feasibility, KPI readings, savings per
year and scorecards. Each function takes a :class:`~.specs.PictureSpec` and returns a
matplotlib figure; :mod:`.canvas` turns it into bytes."""

from __future__ import annotations

import textwrap
from datetime import date, timedelta
from typing import Any

from ... import formatting
from ...status.views.common import Context as Words
from ...status.views.kpis import kpi_value
from ...status.views.scorecards import score_number
from .canvas import COLOURS, SERIES, figure
from .words import word

LABEL_LENGTH = 60
"""Longest label on a chart axis; longer ones are cut at a word and end in '…'."""


def short(text: str, length: int = LABEL_LENGTH) -> str:
    """``text`` on one line, cut at a word to at most ``length`` characters."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,.;:–-") + "…"


def wrapped(text: str, width: int) -> str:
    """``text`` broken at spaces into lines of about ``width`` characters."""
    return "\n".join(textwrap.wrap(" ".join(text.split()), width, break_long_words=False)) or " "


def _month(value: date, language: str) -> str:
    from babel.dates import format_skeleton

    locale = formatting.LOCALES[language]
    text = format_skeleton("MMM", value, locale=locale).rstrip(".")
    return f"{text}\n{value.year}" if value.month == 1 else text


def _date_axis(ax: Any, start: date, end: date, language: str) -> None:
    """Ticks on the first of each month (or every few months on a long span)."""
    from matplotlib.dates import date2num

    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 14)
    ticks, labels = [], []
    current = date(start.year, start.month, 1)
    first = True
    while current <= end:
        if (current.year * 12 + current.month - 1) % step == 0:
            text = _month(current, language) if step < 12 else str(current.year)
            if first and "\n" not in text and step < 12:
                text = f"{text}\n{current.year}"
            ticks.append(date2num(current))
            labels.append(text)
            first = False
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    ax.set_xticks(ticks, labels)


def gantt(spec: Any) -> Any:
    """Phases as bars, each event's occurrences as green bars on one row per event (a
    series' meetings, an activity every January), deadlines as orange diamonds,
    milestones as red diamonds; one row each, labelled on the left with its name and date."""
    from matplotlib.dates import date2num

    plan, phases, dated, labels, drawn = spec.data
    words = Words(spec.language)
    rows: list[tuple[str, str, date, date]] = [("phase", p.name, p.start, p.end) for p in phases]
    spans: dict[str, list[tuple[date, date]]] = {}  # event id -> its occurrences' days, a row each
    for o in drawn:
        if o.event.id not in spans:
            spans[o.event.id] = []
            rows.append(("event", o.event.id, o.day, o.last_day))
        spans[o.event.id].append((o.day, o.last_day))
    titles = {o.event.id: o.event.title for o in drawn}
    rows += [(d.kind, d.task, d.start or d.date, d.date) for d in dated]
    periods = {d.task: d.period for d in dated if d.period is not None}
    first = min([plan.start, *(r[2] for r in rows), *(s[0] for each in spans.values() for s in each)])
    last = max([plan.end, *(r[3] for r in rows), *(s[1] for each in spans.values() for s in each)])
    fig = figure(9.5, 0.8 + 0.32 * len(rows))
    ax = fig.add_subplot()
    for y, (kind, name, start, end) in enumerate(rows):
        if kind in ("phase", "event"):
            for begin, until in spans[name] if kind == "event" else [(start, end)]:
                ax.barh(
                    y,
                    date2num(until + timedelta(days=1)) - date2num(begin),
                    left=date2num(begin),
                    height=0.6 if kind == "phase" else 0.45,
                    color=COLOURS[kind],
                )
        else:
            if start != end:  # dated by a period: a light bar over it, the diamond at its end
                ax.barh(
                    y,
                    date2num(end + timedelta(days=1)) - date2num(start),
                    left=date2num(start),
                    height=0.35,
                    color=COLOURS[kind],
                    alpha=0.35,
                )
            ax.plot(
                date2num(end),
                y,
                marker="D",
                markersize=7 if kind == "milestone" else 6,
                color=COLOURS[kind],
                linestyle="none",
            )
    ax.set_yticks(
        range(len(rows)),
        [
            short(name) if kind == "phase"
            else _event_label(titles[name], spans[name], words) if kind == "event"
            else f"{short(name)} ({periods[name]})" if start != end and name in periods
            else f"{short(name)} ({words.date(end)})"
            for kind, name, start, end in rows
        ],
    )
    ax.invert_yaxis()
    ax.set_xlim(date2num(first) - 2, date2num(last + timedelta(days=1)) + 2)
    _date_axis(ax, first, last, spec.language)
    ax.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    legend = []
    if phases:
        legend.append(Patch(color=COLOURS["phase"], label=labels["phases"]))
    if drawn:
        legend.append(Patch(color=COLOURS["event"], label=labels["events_and_activities"]))
    for kind, key in (("deadline", "deadlines"), ("milestone", "milestones")):
        if any(d.kind == kind for d in dated):
            legend.append(
                Line2D([], [], marker="D", color=COLOURS[kind], linestyle="none", label=labels[key])
            )
    ax.legend(
        handles=legend,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.06 - 0.5 / (len(rows) + 3)),
        ncols=len(legend),
        frameon=False,
    )
    ax.set_title(short(plan.title, 90), loc="left", fontweight="bold")
    return fig


def _event_label(title: str, spans: list[tuple[date, date]], words: Any) -> str:
    """An event's row: its title, with its day when it has one occurrence ('Samling
    (4. mai 2025)'), else with how many ('Styringsgruppemøte (×12)')."""
    if len(spans) == 1:
        return f"{short(title)} ({words.date(spans[0][0])})"
    return f"{short(title)} (×{len(spans)})"


def risk_matrix(spec: Any) -> Any:
    """5x5 grid, probability up and consequence across, cells tinted by level, each open
    risk written as R<number> in its cell."""
    from matplotlib.patches import Rectangle

    from ...status.risks import level

    report = spec.data
    words = Words(spec.language)
    fig = figure(7.5, 6.2)
    ax = fig.add_subplot()
    for p in range(1, 6):
        for c in range(1, 6):
            tone = level(p * c)
            ax.add_patch(
                Rectangle(
                    (c - 0.5, p - 0.5),
                    1,
                    1,
                    facecolor=COLOURS[f"{tone}_bg"],
                    edgecolor="white",
                    linewidth=2,
                )
            )
            found = report.matrix[p - 1][c - 1]
            if found:
                lines = [
                    ", ".join(f"R{n}" for n in found[i : i + 3]) for i in range(0, len(found), 3)
                ]
                ax.text(
                    c, p, "\n".join(lines), ha="center", va="center", fontsize=10, fontweight="bold"
                )
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_aspect("equal")
    ax.set_xticks(range(1, 6), [f"{c}\n{words.t(f'rating_{c}')}" for c in range(1, 6)])
    ax.set_yticks(range(1, 6), [f"{words.t(f'rating_{p}')} {p}" for p in range(1, 6)])
    ax.set_xlabel(words.t("consequence"))
    ax.set_ylabel(words.t("probability"))
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    unrated = [n for row in report.unrated for n in row]
    title = words.t("risk_matrix")
    ax.set_title(title, loc="left", fontweight="bold")
    if unrated:
        fig.text(
            0.01,
            0.01,
            f"{words.t('not_rated')}: " + ", ".join(f"R{n}" for n in unrated),
            fontsize=8,
            color=COLOURS["muted"],
        )
    from matplotlib.patches import Patch

    ax.legend(
        handles=[
            Patch(color=COLOURS[f"{t}_bg"], label=words.t(t)) for t in ("low", "moderate", "high")
        ],
        loc="upper left",
        bbox_to_anchor=(1.02, 1),
        frameon=False,
    )
    return fig


def measure_matrix(spec: Any) -> Any:
    """Each rated measure as a numbered point at (feasibility, effect), the four quadrants
    named in their corners, and the numbers listed with titles beside."""
    measures = spec.data
    words = Words(spec.language)
    fig = figure(10, 5.6)
    grid = fig.add_gridspec(1, 2, width_ratios=[1.15, 1])
    ax = fig.add_subplot(grid[0])
    side = fig.add_subplot(grid[1])
    ax.axvline(3, color=COLOURS["muted"], linewidth=0.8)
    ax.axhline(3, color=COLOURS["muted"], linewidth=0.8)
    corners = {
        "quick-win": (5.4, 5.4, "right", "top"),
        "major": (0.6, 5.4, "left", "top"),
        "fill-in": (5.4, 0.6, "right", "bottom"),
        "reconsider": (0.6, 0.6, "left", "bottom"),
    }
    for name, (x, y, ha, va) in corners.items():
        ax.text(x, y, words.t(name), ha=ha, va=va, color=COLOURS["muted"], fontstyle="italic")
    seen: dict[tuple[float, float], int] = {}
    for n, m in enumerate(measures, start=1):
        point = (round(m.feasibility, 2), float(m.effect_rating))
        offset = seen.get(point, 0)
        seen[point] = offset + 1
        x, y = point[0] + 0.18 * (offset % 3), point[1] - 0.22 * (offset // 3)
        ax.plot(x, y, marker="o", markersize=15, color=COLOURS["phase"], linestyle="none")
        ax.text(
            x, y, str(n), ha="center", va="center", color="white", fontsize=8, fontweight="bold"
        )
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(f"{words.t('feasibility')} → ")
    ax.set_ylabel(f"{words.t('effect')} → ")
    ax.set_title(words.t("matrix"), loc="left", fontweight="bold")
    side.axis("off")
    listing = [
        f"{n}. {short(m.title, 44)} ({words.t(m.quadrant)})" for n, m in enumerate(measures, 1)
    ]
    side.text(
        0,
        1,
        "\n".join(listing),
        va="top",
        ha="left",
        fontsize=8.5,
        linespacing=1.5,
        transform=side.transAxes,
    )
    return fig


def kpi(spec: Any) -> Any:
    """Readings as a line with points, the baseline as a dotted line, the target as a
    dashed line (and a point at its due date when it has one)."""
    from matplotlib.dates import date2num

    status, readings = spec.data
    words = Words(spec.language)
    fig = figure(7.5, 3.6)
    ax = fig.add_subplot()
    dates = [d for d, _ in readings]
    if status.baseline is not None and status.baseline.date is not None:
        dates.append(status.baseline.date)
    if status.due is not None:
        dates.append(status.due)
    start, end = (min(dates), max(dates)) if dates else (date(2000, 1, 1), date(2000, 12, 31))
    if start == end:
        start, end = start - timedelta(days=30), end + timedelta(days=30)
    x0, x1 = date2num(start), date2num(end)
    if status.baseline is not None:
        ax.axhline(
            status.baseline.value,
            color=COLOURS["muted"],
            linestyle=":",
            linewidth=1.4,
            label=f"{words.t('baseline')}: "
            f"{kpi_value(words, status.baseline.value, status.unit, about=status.baseline.approximate)}",
        )
    if status.target is not None:
        ax.axhline(
            status.target,
            color=COLOURS["good"],
            linestyle="--",
            linewidth=1.4,
            label=f"{words.t('target')}: {kpi_value(words, status.target, status.unit, about=status.target_approximate)}",
        )
        if status.due is not None:
            ax.plot(
                date2num(status.due),
                status.target,
                marker="*",
                markersize=12,
                color=COLOURS["good"],
                linestyle="none",
            )
    if readings:
        ax.plot(
            [date2num(d) for d, _ in readings],
            [v for _, v in readings],
            marker="o",
            color=COLOURS["phase"],
            linewidth=2,
            label=word("measurements", spec.language),
        )
    pad = (x1 - x0) * 0.04
    ax.set_xlim(x0 - pad, x1 + pad)
    if dates:
        _date_axis(ax, start, end, spec.language)
    else:  # a baseline and a target, neither dated: no time axis to show
        ax.set_xticks([])
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _: kpi_value(words, float(v), status.unit))
    )
    if status.scale is not None and status.unit == "score":
        ax.set_ylim(status.scale[0], status.scale[1])
    ax.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(short(status.name, 80), loc="left", fontweight="bold")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def savings(spec: Any) -> Any:
    """Per year, four bars side by side: target, identified, decided, realised (kroner,
    axis in the plan's way of writing amounts)."""
    import numpy

    target = spec.data
    words = Words(spec.language)
    fig = figure(8, 4)
    ax = fig.add_subplot()
    years = [y.year for y in target.years]
    series = [
        ("target", [y.target for y in target.years]),
        ("identified", [y.identified for y in target.years]),
        ("decided", [y.decided for y in target.years]),
        ("realised", [y.realised for y in target.years]),
    ]
    x = numpy.arange(len(years))
    width = 0.2
    for n, (key, values) in enumerate(series):
        shown = [v if v is not None else 0 for v in values]
        ax.bar(
            x + (n - 1.5) * width,
            shown,
            width,
            label=words.t(key),
            color=COLOURS[key],
            hatch="//" if key == "target" else None,
            edgecolor="white" if key != "target" else COLOURS["target"],
            fill=key != "target",
            linewidth=0.8,
        )
    ax.set_xticks(x, [str(y) for y in years])
    from matplotlib.ticker import FuncFormatter

    # Every tick in one unit, the largest amount's ('5 mill. kr' under '10 mill. kr'); zero is '0 kr'.
    scale = formatting.money_scale([v for _, values in series for v in values if v is not None])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: words.money_column([float(v)], scale=scale)[0]))
    ax.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(
        short(f"{target.title}: {words.money(target.total)}", 90), loc="left", fontweight="bold"
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def scorecard(spec: Any) -> Any:
    """Per area, one horizontal bar per organisation and year, as a share of the area's
    maximum, with the score written at the end of the bar."""
    card = spec.data
    words = Words(spec.language)
    columns = card.columns
    areas = [*card.areas]
    fig = figure(8.5, 0.9 + 0.22 * len(areas) * (len(columns) + 0.8))
    ax = fig.add_subplot()
    band = len(columns) + 0.8
    names = []
    for a, area in enumerate(areas):
        names.append((a * band + (len(columns) - 1) / 2, wrapped(area.name, 24)))
        for n, (column, score) in enumerate(zip(columns, area.scores)):
            y = a * band + n
            share = (score / area.max * 100) if score is not None and area.max else 0
            ax.barh(
                y,
                share,
                height=0.8,
                color=SERIES[n % len(SERIES)],
                label=f"{column.organisation} {column.year}" if a == 0 else None,
            )
            cover = area.coverage[n]
            text = (
                words.t("of_max", score=score_number(words, score, area.approximate[n]), max=words.number(area.max))
                + ("" if cover.complete else f" ({words.t('assessed_short', count=cover.scored, of=cover.questions)})")
                if score is not None
                else "–"
            )
            ax.text(share + 1, y, text, va="center", fontsize=7.5)
    ax.set_yticks([y for y, _ in names], [n for _, n in names])
    ax.invert_yaxis()
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 25, 50, 75, 100], [words.percent(v) for v in (0, 25, 50, 75, 100)])
    ax.set_xlabel(word("share_of_max", spec.language))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(short(card.title, 90), loc="left", fontweight="bold")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig
