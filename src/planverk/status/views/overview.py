"""The one-screen overview: key figures, the next deadlines and the largest risks."""

from __future__ import annotations

from typing import Any

from ..overview import Overview
from .common import DASH, STATE_STYLES, Cell, Context, Report, Table, tally
from .scorecards import score_of_max


def _counts(ctx: Context, counts: dict[str, int], prefix: str = "") -> str:
    shown = [(ctx.t(prefix + key), ctx.number(n)) for key, n in counts.items() if n]
    return tally(shown, ctx.t("none"))


def _figures(ctx: Context, o: Overview) -> list[list[Cell]]:
    d = o.deadlines
    deadlines = [
        (ctx.t("overdue"), ctx.number(d["overdue"])),
        (ctx.t("due_within", count=o.horizon), ctx.number(d["due"])),
        (ctx.t("done"), ctx.number(d["done"])),
        (ctx.t("later"), ctx.number(d["later"])),
    ]
    rows = [
        [
            Cell(ctx.t("deadlines"), "strong"),
            Cell(tally(deadlines, ctx.t("none")), "bad" if d["overdue"] else None),
        ]
    ]
    if o.goals:
        text = ctx.t("goal_count", count=o.goals)
        if o.choices[1]:
            text += " · " + ctx.t("choices_made", made=o.choices[0], count=o.choices[1])
        rows.append([Cell(ctx.t("goals"), "strong"), Cell(text)])
    if any(o.kpis.values()):
        rows.append([Cell(ctx.t("kpis"), "strong"), Cell(_counts(ctx, o.kpis))])
    for title, year in o.savings:
        rows.append(
            [
                Cell(f"{title} ({year.year})", "strong"),
                Cell(
                    tally(_savings_figures(ctx, year), DASH),
                    "bad" if year.gap is not None and year.gap > 0 else None,
                ),
            ]
        )
    if any(o.measures.values()):
        rows.append([Cell(ctx.t("measures"), "strong"), Cell(_counts(ctx, o.measures, "measure_"))])
    if any(o.quadrants.values()):
        rows.append([Cell(ctx.t("matrix"), "strong"), Cell(_counts(ctx, o.quadrants))])
    if any(o.benefits.values()):
        rows.append([Cell(ctx.t("benefits"), "strong"), Cell(_counts(ctx, o.benefits))])
    if any(o.risks.values()):
        rows.append(
            [
                Cell(ctx.t("risks"), "strong"),
                Cell(_counts(ctx, o.risks), "bad" if o.risks["high"] else None),
            ]
        )
    if o.reporting:
        rows.append(
            [
                Cell(ctx.t("reporting"), "strong"),
                Cell(ctx.t("reporting_counts", reported=ctx.number(o.reporting["reported"]),
                           overdue=ctx.number(o.reporting["overdue"]), due=ctx.number(o.reporting["due"])),
                     "bad" if o.reporting["overdue"] else None),
            ]
        )
    if o.thread_breaks:
        rows.append([Cell(ctx.t("thread"), "strong"),
                     Cell(tally([(ctx.t("thread_breaks"), ctx.number(o.thread_breaks))], DASH), "warn")])
    for score in o.scores:
        rows.append(
            [
                Cell(f"{score.scorecard}: {score.organisation} {score.year}", "strong"),
                Cell(score_of_max(ctx, score.total, score.max, score.scored, score.questions, score.approximate)),
            ]
        )
    return rows


def overview_view(ctx: Context, o: Overview) -> Report:
    """Key figures of every section that has any, then the next deadlines and top risks."""
    result = Report(f"{o.title}", ctx.t("as_of", date=ctx.date(o.as_of, "long")))
    result.add(
        Table(
            ctx.t("overview"),
            [ctx.t("section"), ctx.t("status")],
            ["left", "left"],
            _figures(ctx, o),
        )
    )
    if o.next_deadlines:
        rows = []
        for item in o.next_deadlines:
            when = {0: ctx.t("today"), 1: ctx.t("tomorrow"), -1: ctx.t("yesterday")}.get(
                item.days
            ) or (
                ctx.t("days_ago", count=-item.days)
                if item.days < 0
                else ctx.t("in_days", count=item.days)
            )
            rows.append(
                [
                    Cell(ctx.date(item.date)),
                    Cell(item.task),
                    Cell(", ".join(item.responsible) or DASH),
                    Cell(when, "bad" if item.days < 0 else "warn"),
                ]
            )
        result.add(
            Table(
                ctx.t("next_deadlines"),
                [ctx.t("date"), ctx.t("task"), ctx.t("responsible"), ""],
                ["left", "left", "left", "right"],
                rows,
            )
        )
    if o.top_risks:
        rows = [
            [
                Cell(r.title),
                Cell(str(r.score), STATE_STYLES[r.level or "low"]),
                Cell(ctx.t(r.level or "low")),
            ]
            for r in o.top_risks
        ]
        result.add(
            Table(
                ctx.t("top_risks"),
                [ctx.t("risk"), ctx.t("score"), ctx.t("level")],
                ["left", "right", "left"],
                rows,
            )
        )
    return result


def _savings_figures(ctx: Context, year: Any) -> list[tuple[str, str]]:
    """A savings year's target, identified and realised amounts, in one unit (so that a
    zero is written as the others are)."""
    names = ("target", "identified", "realised")
    amounts = ctx.money_columns([([getattr(year, n)], [n in year.approximate]) for n in names])
    return [(ctx.t(n), amount[0]) for n, amount in zip(names, amounts, strict=True)]
