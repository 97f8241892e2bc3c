"""Measures and savings: target vs identified vs realised per year, measures by quadrant."""

from __future__ import annotations

from ..measures import MeasuresReport
from ..savings import SavingsStatus
from .common import DASH, Cell, Context, Report, Table, grouped
from .savings import savings_tables


def _outside(ctx: Context, target: SavingsStatus) -> str:
    """The figures no sum of the table counts, named, so that the table and validate agree."""
    figures = "; ".join(
        ctx.t(
            f"outside_{f.kind}",
            measure=f.title,
            amount=ctx.money(f.amount, about=f.approximate),
            year=f.year,
        )
        for f in target.outside
    )
    return ctx.t("outside_period", first=target.start, last=target.end, figures=figures)


def _matrix(ctx: Context, report: MeasuresReport) -> Table:
    def titles(name: str) -> Cell:
        found = report.quadrant(name)  # type: ignore[arg-type]
        return Cell("; ".join(m.title for m in found) or DASH)

    return Table(
        ctx.t("matrix"),
        ["", ctx.t("feasibility_high"), ctx.t("feasibility_low")],
        ["left", "left", "left"],
        [
            [Cell(ctx.t("effect_high"), "strong"), titles("quick-win"), titles("major")],
            [Cell(ctx.t("effect_low"), "strong"), titles("fill-in"), titles("reconsider")],
        ],
    )


def measures_view(ctx: Context, report: MeasuresReport) -> Report:
    """The measures section: savings tables, the measures by quadrant, and the matrix."""
    result = Report(ctx.t("measures"), ctx.t("as_of", date=ctx.date(report.as_of, "long")))
    year = report.as_of.year
    for table in savings_tables(ctx, report.savings, year):
        result.add(table)
    for target in report.savings:
        if target.outside:  # figures no row above counts (PV632, silenced): named, not dropped
            result.add(_outside(ctx, target))
    if not report.measures:
        result.add(ctx.t("none_in_plan", what=ctx.t("measures").lower()))
        return result
    money = any(m.effect or m.realised for m in report.measures)
    rated = any(m.effect_rating is not None or m.feasibility is not None for m in report.measures)
    headers = [ctx.t("measure"), ctx.t("owner"), ctx.t("status")]
    align = ["left", "left", "left"]
    if rated:
        headers += [ctx.t("effect_short"), ctx.t("feasibility_short")]
        align += ["right", "right"]
    if money:
        headers += [ctx.t("estimated_year", year=year), ctx.t("realised_year", year=year)]
        align += ["right", "right"]
    estimated, realised = ctx.money_columns([
        ([m.effect.get(year) for m in report.measures],
         [f"effect.{year}" in m.approximate for m in report.measures]),
        ([m.realised.get(year) for m in report.measures],
         [f"realised.{year}" in m.approximate for m in report.measures]),
    ])
    rows = []
    for n, m in enumerate(report.measures):
        row = [Cell(m.title), Cell(m.owner or DASH), Cell(ctx.t("measure_" + m.status))]
        if rated:
            row += [Cell(ctx.number(m.effect_rating)), Cell(ctx.number(m.feasibility, 1))]
        if money:
            row += [Cell(estimated[n]), Cell(realised[n])]
        rows.append((ctx.t(m.quadrant) if m.quadrant else ctx.t("unrated"), row))
    title = f"{ctx.t('measures')} ({len(report.measures)})"
    if not rated:  # no quadrants to group by
        result.add(Table(title, headers, align, [row for _, row in rows]))  # type: ignore[arg-type]
        _rollouts(ctx, report, result)
        return result
    table = Table(
        title,
        [ctx.t("quadrant"), *headers],
        ["left", *align],
        grouped(rows),
        ctx.t("quadrant_rule"),
    )  # type: ignore[arg-type]
    result.add(table)
    result.add(_matrix(ctx, report))
    _rollouts(ctx, report, result)
    return result


def _rollouts(ctx: Context, report: MeasuresReport, result: Report) -> None:
    """A table per measure rolled out by unit: each period with the units it reaches."""
    for measure in report.measures:
        if not measure.rollout:
            continue
        periods: dict[str, list[str]] = {}
        for step in measure.rollout:
            periods.setdefault(step.period, []).append(step.unit)
        rows = [[Cell(period), Cell(", ".join(units))] for period, units in periods.items()]
        result.add(Table(
            ctx.t("rollout", title=measure.title),
            [ctx.t("period"), ctx.t("units")],
            ["left", "left"],
            rows,
        ))
