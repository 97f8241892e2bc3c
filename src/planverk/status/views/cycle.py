"""The annual cycle: the year's activities in the order they become due."""

from __future__ import annotations

from datetime import date

from ...model.periods import MONTH_NAMES, CalendarPeriod
from ..cycle import CycleItem, CycleReport
from .common import Cell, Context, Report, Table, grouped

_STYLES = {"overdue": "bad", "running": "warn", "done": "good", "past": "muted"}


def _period(ctx: Context, item: CycleItem) -> str:
    """The period as written, else the days: ``uke 15``, ``12.03.2025``, ``12.03.2025-14.03.2025``."""
    if item.period is not None:
        return item.period
    if item.start == item.due:
        return ctx.date(item.due)
    return f"{ctx.date(item.start)}-{ctx.date(item.due)}"


def _row(ctx: Context, item: CycleItem) -> list[Cell]:
    title = item.title + (f" ({ctx.t(item.kind)})" if item.kind == "milestone" else "")
    return [
        Cell(ctx.date(item.due)),
        Cell(_period(ctx, item)),
        Cell(title),
        Cell(", ".join(item.responsible)),
        Cell(ctx.t(item.state), _STYLES.get(item.state)),  # type: ignore[arg-type]
    ]


def cycle_view(ctx: Context, report: CycleReport) -> Report:
    """The cycle section: one table, by due day."""
    result = Report(ctx.t("cycle", year=str(report.year)), ctx.t("as_of", date=ctx.date(report.as_of, "long")))
    if not report.items:
        result.add(ctx.t("none_in_plan", what=ctx.t("activities")))
        return result
    result.add(Table(
        ctx.t("cycle", year=str(report.year)),
        [ctx.t("due_day"), ctx.t("period"), ctx.t("activity"), ctx.t("responsible"), ctx.t("state")],
        ["left", "left", "left", "left", "left"],
        [_row(ctx, item) for item in report.items],
        ctx.t("cycle_note"),
    ))
    result.add(month_table(ctx, report))
    return result


def month_table(ctx: Context, report: CycleReport) -> Table:
    """Month by month: each activity under every month of the year it shares a day with."""
    names = MONTH_NAMES.get(ctx.language, MONTH_NAMES["nb"])  # bokmål for an unknown code, as every table
    rows = []
    for month in range(1, 13):
        days = CalendarPeriod("month", month, report.year).dated()
        found = [item for item in report.items if item.start <= days.end and days.start <= item.due]
        name = names[month - 1]
        name = name[:1].upper() + name[1:]
        for item in sorted(found, key=lambda i: (i.start, i.due, i.title.casefold(), i.id)):
            rows.append((name, [Cell(item.title), Cell(_period(ctx, item)), Cell(", ".join(item.responsible))]))
        if not found:
            rows.append((name, [Cell(""), Cell(""), Cell("")]))
    return Table(
        ctx.t("month_by_month"),
        [ctx.t("month"), ctx.t("activity"), ctx.t("period"), ctx.t("responsible")],
        ["left", "left", "left", "left"],
        grouped(rows),
    )
