"""Deadlines: overdue, due soon and done, each by responsible."""

from __future__ import annotations

from ..deadlines import DeadlineItem, DeadlineReport
from .common import Cell, Context, Report, Table, grouped


def _table(
    ctx: Context, report: DeadlineReport, items: list[DeadlineItem], title: str, days: str | None
) -> Table:
    n = ctx.numbers
    rows = []
    for who, mine in report.by_responsible(items):
        for item in mine:
            when = n.date(item.date) + (f" {item.time}" if item.time else "")
            task = item.task + (f" ({ctx.t('milestone')})" if item.kind == "milestone" else "")
            row = [Cell(when), Cell(task)]
            if days == "late":
                row.append(Cell(n.number(-item.days), "bad"))
            elif days == "left":
                row.append(Cell(n.number(item.days), "warn" if item.days <= 2 else None))
            else:
                row.append(Cell(n.date(item.done_on)))
            rows.append((who or ctx.t("no_one"), row))
    last = {"late": ctx.t("days_late"), "left": ctx.t("days_left")}.get(
        days or "", ctx.t("done_on")
    )
    return Table(
        title,
        [ctx.t("responsible"), ctx.t("date"), ctx.t("task"), last],
        ["left", "left", "left", "right"],
        grouped(rows),
    )


def deadlines_view(ctx: Context, report: DeadlineReport) -> Report:
    """The deadlines section."""
    result = Report(ctx.t("deadlines"), ctx.t("as_of", date=ctx.numbers.long_date(report.as_of)))
    if not (report.overdue or report.due or report.done or report.later):
        result.add(ctx.t("none_in_plan", what=ctx.t("deadlines").lower()))
        return result
    for items, title, days in (
        (report.overdue, ctx.t("overdue"), "late"),
        (report.due, ctx.t("due_within", days=report.horizon), "left"),
        (report.done, ctx.t("done"), None),
    ):
        if items:
            result.add(_table(ctx, report, items, f"{title} ({len(items)})", days))
        else:
            result.add(f"{title}: {ctx.t('none')}")
    if report.later:
        result.add(
            ctx.t(
                "later_count", count=len(report.later), date=ctx.numbers.date(report.later[0].date)
            )
        )
    return result
