"""Scorecards: per area and in total, every organisation and year side by side."""

from __future__ import annotations

from datetime import date

from ..scorecards import ScorecardStatus
from .common import DASH, Cell, Context, Report, Table


def _score(ctx: Context, score: float | None, gap: float | None, style=None) -> Cell:
    if score is None:
        return Cell(DASH, "muted")
    return Cell(f"{ctx.number(score)} ({ctx.number(-gap)})" if gap else ctx.number(score), style)


def _card(ctx: Context, card: ScorecardStatus) -> Table:
    headers = [ctx.t("area"), ctx.t("max")]
    slots: list[tuple[str, int]] = []  # ("score", column) or ("change", index into changes)
    changes = {(c.organisation, c.to_year): i for i, c in enumerate(card.changes)}
    for i, column in enumerate(card.columns):
        headers.append(f"{column.organisation} {column.year}")
        slots.append(("score", i))
        found = changes.get((column.organisation, column.year))
        if found is not None:
            change = card.changes[found]
            headers.append(f"{ctx.t('change')} {change.from_year}-{change.to_year}")
            slots.append(("change", found))

    def line(name: Cell, maximum: float, scores, gaps, deltas, style=None) -> list[Cell]:
        row = [name, Cell(ctx.number(maximum), style)]
        for kind, i in slots:
            if kind == "score":
                row.append(_score(ctx, scores[i], gaps[i], style))
            else:
                delta = deltas(card.changes[i])
                tone = None if delta in (None, 0) else ("good" if delta > 0 else "bad")
                row.append(Cell(ctx.number(delta, signed=True), tone))
        return row

    rows = [
        line(Cell(area.name), area.max, area.scores, area.gaps, lambda c, a=a: c.areas[a])
        for a, area in enumerate(card.areas)
    ]
    rows.append(
        line(
            Cell(ctx.t("total"), "strong"),
            card.max,
            card.totals,
            card.gaps,
            lambda c: c.total,
            "strong",
        )
    )
    missing = [f"{c.organisation} {c.year}: {c.unscored}" for c in card.columns if c.unscored]
    note = ctx.t("score_rule") + (
        f" {ctx.t('unscored_questions')}: {', '.join(missing)}." if missing else ""
    )
    return Table(card.title, headers, ["left"] + ["right"] * (len(headers) - 1), rows, note)  # type: ignore[arg-type]


def scorecards_view(ctx: Context, cards: list[ScorecardStatus], as_of: date) -> Report:
    """The scorecard section: one table per scorecard."""
    result = Report(ctx.t("scorecards"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not cards:
        result.add(ctx.t("none_in_plan", what=ctx.t("scorecards").lower()))
    for card in cards:
        if card.columns:
            result.add(_card(ctx, card))
        else:
            result.add(f"{card.title}: {ctx.t('no_assessments')}")
    return result
