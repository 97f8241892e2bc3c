"""KPIs: baseline, latest reading, target, trend and state."""

from __future__ import annotations

from ...formatting import APPROXIMATELY
from ..kpis import KpiStatus
from .common import DASH, STATE_STYLES, Cell, Context, Report, Table

_SYMBOLS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<"}


def kpi_value(ctx: Context, value: float | None, unit: str, signed: bool = False, about: bool = False) -> str:
    """A value in the KPI's unit: percent, kroner, a count, or a score with one decimal;
    ``ca. 8,7 %`` when ``about`` (written as an estimate)."""
    if unit == "nok":
        return ctx.money(value, signed, about)
    if unit == "percent":
        text = ctx.percent(value, signed)
    else:
        text = ctx.number(value, None if unit == "count" else 1, signed)
    return _about(ctx, text) if about and value is not None else text


def _about(ctx: Context, text: str) -> str:
    """``ca. 8,7 %`` (``approx. 8.7%``): a value written as an estimate."""
    return f"{APPROXIMATELY['en' if ctx.language == 'en' else 'nb']} {text}"


def _target(ctx: Context, kpi: KpiStatus) -> Cell:
    if kpi.target is None:
        return Cell(DASH)
    target = kpi_value(ctx, kpi.target, kpi.unit, about=kpi.target_approximate)
    text = f"{_SYMBOLS.get(kpi.comparator or '', '')} {target}".strip()
    return Cell(text, detail=ctx.t("by_date", date=ctx.date(kpi.due)) if kpi.due else None)


def _reading(ctx: Context, kpi: KpiStatus, which: str) -> Cell:
    reading = getattr(kpi, which)
    if reading is None:
        return Cell(DASH)
    when = ctx.date(reading.date) if reading.date else None
    if which == "latest" and reading.source:
        when = f"{when}, {reading.source}" if when else reading.source
    return Cell(kpi_value(ctx, reading.value, kpi.unit, about=reading.approximate), detail=when)


def _trend(ctx: Context, kpi: KpiStatus) -> Cell:
    if kpi.trend is None or kpi.change is None:
        return Cell(DASH)
    # The arrow shows which way the value moved; the colour and the word whether that is
    # better or worse for this KPI (a sick-leave rate falling is '↓', in green, 'better').
    arrow = "↑" if kpi.change > 0 else "↓" if kpi.change < 0 else "→"
    style = {"improving": "good", "worsening": "bad", "unchanged": None}[kpi.trend]
    about = "change" in kpi.approximate  # an estimate went into it
    if kpi.unit == "percent":  # a change of percentages is in points, not per cent
        points = ctx.number(kpi.change, signed=True) + " " + ctx.t("points")
        change = _about(ctx, points) if about else points
    else:
        change = kpi_value(ctx, kpi.change, kpi.unit, signed=True, about=about)
    return Cell(f"{change} {arrow}", style, ctx.t(kpi.trend))


def kpis_view(ctx: Context, kpis: list[KpiStatus], as_of) -> Report:
    """The KPI section."""
    result = Report(ctx.t("kpis"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not kpis:
        result.add(ctx.t("none_in_plan", what=ctx.t("kpis")))
        return result
    rows = []
    for kpi in kpis:
        reason = ctx.t("reason_" + kpi.reason) if kpi.state == "unknown" else None
        rows.append(
            [
                Cell(kpi.name),
                _reading(ctx, kpi, "baseline"),
                _reading(ctx, kpi, "latest"),
                _target(ctx, kpi),
                _trend(ctx, kpi),
                Cell(ctx.t(kpi.state), STATE_STYLES[kpi.state], reason),
            ]
        )
    result.add(
        Table(
            f"{ctx.t('kpis')} ({len(kpis)})",
            [
                ctx.t("kpi"),
                ctx.t("baseline"),
                ctx.t("latest"),
                ctx.t("target"),
                ctx.t("trend"),
                ctx.t("state"),
            ],
            ["left", "right", "right", "left", "left", "left"],
            rows,
            ctx.t("kpi_rule"),
        )
    )
    return result
