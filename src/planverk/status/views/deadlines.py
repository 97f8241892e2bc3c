"""Deadlines: overdue, due soon and done, each by responsible."""

from __future__ import annotations

from ...formatting import fmt_when
from ...model.times import parse_time_range
from ..deadlines import DeadlineItem, DeadlineReport
from .common import Cell, Context, Report, Table, grouped


def _when(ctx: Context, item: DeadlineItem) -> str:
    """``06.09.2018, kl. 16.00``; an uncertain time keeps its question mark."""
    at = parse_time_range(item.time) if item.time else None
    text = fmt_when(item.date, at=at, style="short", language=ctx.language)
    if item.period is not None:  # due at the end of the period it is written with
        return f"{item.period} ({text})"
    return text + "?" if at is not None and at.uncertain else text


def _table(
    ctx: Context, report: DeadlineReport, items: list[DeadlineItem], title: str, days: str | None
) -> Table:
    rows = []
    for who, mine in report.by_responsible(items):
        for item in mine:
            task = item.task + (f" ({ctx.t('milestone')})" if item.kind == "milestone" else "")
            row = [Cell(_when(ctx, item)), Cell(task)]
            if days == "late":
                row.append(Cell(ctx.number(-item.days), "bad"))
            elif days == "left":
                row.append(Cell(ctx.number(item.days), "warn" if item.days <= 2 else None))
            else:
                row.append(Cell(ctx.date(item.done_on)))
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
    result = Report(ctx.t("deadlines"), ctx.t("as_of", date=ctx.date(report.as_of, "long")))
    if not (report.overdue or report.due or report.done or report.later):
        result.add(ctx.t("none_in_plan", what=ctx.t("deadlines").lower()))
        return result
    for items, title, days in (
        (report.overdue, ctx.t("overdue"), "late"),
        (report.due, ctx.t("due_within", count=report.horizon), "left"),
        (report.done, ctx.t("done"), None),
    ):
        if items:
            result.add(_table(ctx, report, items, f"{title} ({len(items)})", days))
        else:
            result.add(f"{title}: {ctx.t('none')}")
    if report.later:
        result.add(
            ctx.t("later_count", count=len(report.later), date=ctx.date(report.later[0].date))
        )
    return result
