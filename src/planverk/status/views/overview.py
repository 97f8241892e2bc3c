"""The one-screen overview: key figures, the next deadlines and the largest risks."""

from __future__ import annotations

from ..numbers import DASH
from ..overview import Overview
from .common import STATE_STYLES, Cell, Context, Report, Table


def _counts(ctx: Context, counts: dict[str, int], prefix: str = "") -> str:
    shown = [f"{n} {ctx.t(prefix + key).lower()}" for key, n in counts.items() if n]
    return " · ".join(shown) or ctx.t("none")


def _figures(ctx: Context, o: Overview) -> list[list[Cell]]:
    n = ctx.numbers
    d = o.deadlines
    rows = [
        [
            Cell(ctx.t("deadlines"), "strong"),
            Cell(
                f"{d['overdue']} {ctx.t('overdue').lower()} · {d['due']} {ctx.t('due_within', days=o.horizon).lower()}"
                f" · {d['done']} {ctx.t('done').lower()} · {d['later']} {ctx.t('later').lower()}",
                "bad" if d["overdue"] else None,
            ),
        ]
    ]
    if o.goals:
        text = ctx.t("goal_count", count=n.number(o.goals))
        if o.choices[1]:
            text += " · " + ctx.t("choices_made", made=o.choices[0], total=o.choices[1])
        rows.append([Cell(ctx.t("goals"), "strong"), Cell(text)])
    if any(o.kpis.values()):
        rows.append([Cell(ctx.t("kpis"), "strong"), Cell(_counts(ctx, o.kpis))])
    for title, year in o.savings:
        rows.append(
            [
                Cell(f"{title} ({year.year})", "strong"),
                Cell(
                    f"{ctx.t('target').lower()} {n.money(year.target)} · {ctx.t('identified').lower()} {n.money(year.identified)}"
                    f" · {ctx.t('realised').lower()} {n.money(year.realised)}",
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
    for score in o.scores:
        rows.append(
            [
                Cell(f"{score.scorecard}: {score.organisation} {score.year}", "strong"),
                Cell(ctx.t("of_max", score=n.number(score.total), max=n.number(score.max))),
            ]
        )
    return rows


def overview_view(ctx: Context, o: Overview) -> Report:
    """Key figures of every section that has any, then the next deadlines and top risks."""
    n = ctx.numbers
    result = Report(f"{o.title}", ctx.t("as_of", date=n.long_date(o.as_of)))
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
                ctx.t("days_ago", days=-item.days)
                if item.days < 0
                else ctx.t("in_days", days=item.days)
            )
            rows.append(
                [
                    Cell(n.date(item.date)),
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
