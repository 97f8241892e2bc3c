"""Reporting: what is overdue or due soon, by owner, and each rhythm's periods by year."""

from __future__ import annotations

from datetime import date

from ...model.reporting import Reporting
from ...reporting.schedule import Period
from ...reporting.words import period_name, rhythm_words
from ..reporting import DutyStatus, PeriodRow, ReportingReport
from .common import DASH, Cell, Context, Report, Table, grouped

MARKS = {"reported": "✓", "overdue": "✗", "due": "!", "open": "…", "upcoming": "·"}
"""The mark of each period state in the per-period table (the table's note explains them)."""


def _period(row: PeriodRow) -> Period:
    return Period(row.rhythm, row.start, row.end, row.number, row.due)


def _state(ctx: Context, row: PeriodRow) -> Cell:
    if row.state == "overdue":
        return Cell(ctx.t("period_overdue", count=row.days or 0), "bad")
    if row.days == 0:
        return Cell(ctx.t("period_due_today"), "warn")
    return Cell(ctx.t("period_due", count=row.days or 0), "warn")


def _rhythm(ctx: Context, duty: DutyStatus) -> str:
    return rhythm_words(Reporting.model_validate({"every": duty.every, "due": duty.due_rule}), ctx.language)


def _year_cell(ctx: Context, rows: list[PeriodRow]) -> Cell:
    if not rows:
        return Cell(DASH)
    marks = [
        (f"{period_name(_period(r), ctx.language, short=True)} " if r.rhythm != "year" else "") + MARKS[r.state]
        for r in rows
    ]
    worst = "bad" if any(r.state == "overdue" for r in rows) else (
        "warn" if any(r.state == "due" for r in rows) else None)
    return Cell(" ".join(marks), worst)


def reporting_view(ctx: Context, data: ReportingReport, as_of: date) -> Report:
    """The reporting section: overdue and due by owner, then reported per period."""
    result = Report(ctx.t("reporting"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not data.duties:
        result.add(ctx.t("no_reporting"))
        return result
    result.add(ctx.t("reporting_counts", reported=ctx.number(data.counts["reported"]),
                     overdue=ctx.number(data.counts["overdue"]), due=ctx.number(data.counts["due"])))
    if data.due:
        rows = [
            (
                d.owner or ctx.t("no_one"),
                [
                    Cell(d.name, detail=ctx.t("kind_" + d.kind)),
                    Cell(period_name(_period(d.period), ctx.language)),
                    Cell(ctx.date(d.period.due)),
                    _state(ctx, d.period),
                ],
            )
            for d in data.due
        ]
        result.add(
            Table(
                f"{ctx.t('reporting_due')} ({len(data.due)})",
                [ctx.t("owner"), ctx.t("reported_what"), ctx.t("period"), ctx.t("due_date"), ctx.t("state")],
                ["left", "left", "left", "right", "left"],
                grouped(rows),
            )
        )
    else:
        result.add(ctx.t("nothing_due", days=ctx.number(data.horizon)))
    years = sorted({r.start.year for d in data.duties for r in d.periods})
    rows = []
    for duty in data.duties:
        rows.append(
            [
                Cell(duty.name, detail=ctx.t("kind_" + duty.kind)),
                Cell(_rhythm(ctx, duty)),
                Cell(duty.owner or DASH),
                *(_year_cell(ctx, [r for r in duty.periods if r.start.year == year]) for year in years),
            ]
        )
    result.add(
        Table(
            f"{ctx.t('reporting_periods')} ({len(data.duties)})",
            [ctx.t("reported_what"), ctx.t("rhythm"), ctx.t("owner"), *(str(y) for y in years)],
            ["left", "left", "left", *("left" for _ in years)],
            rows,
            ctx.t("reporting_rule"),
        )
    )
    return result
