"""Risks: the list by score, and the probability x consequence matrix."""

from __future__ import annotations

from ..risks import RiskReport, level
from .common import DASH, STATE_STYLES, Cell, Context, Report, Table


def _numbers(found: list[int]) -> str:
    return ", ".join(f"R{n}" for n in found) or "·"


def _matrix(ctx: Context, report: RiskReport) -> Table:
    with_unrated = any(report.unrated)
    headers = [f"{ctx.t('probability')} \\ {ctx.t('consequence')}"] + [str(c) for c in range(1, 6)]
    if with_unrated:
        headers.append(ctx.t("not_rated"))
    rows = []
    for p in range(5, 0, -1):
        row = [Cell(f"{p} {ctx.t(f'rating_{p}')}", "strong")]
        for c in range(1, 6):
            found = report.matrix[p - 1][c - 1]
            row.append(Cell(_numbers(found), STATE_STYLES[level(p * c)] if found else "muted"))
        if with_unrated:
            found = report.unrated[p - 1]
            row.append(Cell(_numbers(found), None if found else "muted"))
        rows.append(row)
    return Table(ctx.t("risk_matrix"), headers, ["left"] * len(headers), rows, ctx.t("risk_rule"))  # type: ignore[arg-type]


def risks_view(ctx: Context, report: RiskReport) -> Report:
    """The risks section: the list by score (columns nobody uses left out), then the matrix."""
    result = Report(ctx.t("risks"), ctx.t("as_of", date=ctx.date(report.as_of, "long")))
    if not report.risks:
        result.add(ctx.t("none_in_plan", what=ctx.t("risks").lower()))
        return result
    rows = []
    for r in report.risks:
        style = STATE_STYLES[r.level] if r.level else "muted"
        status = ctx.t("risk_status_" + r.status) if r.status != "open" else None
        review = ctx.date(r.review) + (f" ({ctx.t('overdue').lower()})" if r.review_overdue else "")
        rows.append(
            [
                Cell(f"R{r.number} {r.title}", detail=r.owner),
                Cell(str(r.probability)),
                Cell(str(r.consequence) if r.consequence else DASH),
                Cell(str(r.score) if r.score is not None else DASH, style),
                Cell(ctx.t(r.level) if r.level else DASH, style),
                Cell(
                    ctx.t("risk_" + r.trend) if r.trend else DASH,
                    "bad" if r.trend == "growing" else "good" if r.trend == "shrinking" else None,
                ),
                Cell(
                    review if r.review else (status or DASH),
                    "bad" if r.review_overdue else None,
                    status if r.review else None,
                ),
            ]
        )
    result.add(
        Table(
            f"{ctx.t('risks')} ({len(report.risks)})",
            [
                ctx.t("risk"),
                ctx.t("probability_short"),
                ctx.t("consequence_short"),
                ctx.t("score"),
                ctx.t("level"),
                ctx.t("risk_trend"),
                ctx.t("review"),
            ],
            ["left", "right", "right", "right", "left", "left", "left"],
            rows,
            ctx.t("risk_columns"),
        )
    )
    result.add(_matrix(ctx, report))
    return result
