"""Scorecards: per area and in total, every organisation and year side by side, with how
much of each was assessed; and, on request, question by question with each area's goals."""

from __future__ import annotations

from datetime import date

from ...formatting import APPROXIMATELY
from ..scorecards import AreaRow, Coverage, ScoreCell, ScorecardStatus
from .common import DASH, Cell, Context, Report, Table


def score_number(ctx: Context, value: float | None, approximate: bool = False, signed: bool = False) -> str:
    """A score, sum or change as the plan's language writes it, ``ca. 16,5`` when an
    estimate is in it."""
    text = ctx.number(value, signed=signed)
    if approximate and value is not None:
        return f"{APPROXIMATELY['en' if ctx.language == 'en' else 'nb']} {text}"
    return text


def _assessed(ctx: Context, coverage: Coverage, short: bool = True) -> str:
    return ctx.t("assessed_short" if short else "assessed", count=coverage.scored, of=coverage.questions)


def _score(
    ctx: Context,
    score: float | None,
    gap: float | None,
    coverage: Coverage,
    approximate: bool,
    whole: bool,
    style=None,
    short: bool = True,
) -> Cell:
    if score is None:
        return Cell(DASH, "muted")
    text = score_number(ctx, score, approximate)
    if coverage.complete:
        # A scorecard's total always says how much of it was assessed, all of it included.
        detail = ctx.t("as_a_whole") if whole else (None if short else _assessed(ctx, coverage, short))
        return Cell(f"{text} ({ctx.number(-gap)})" if gap else text, style, detail)
    return Cell(text, style, _assessed(ctx, coverage, short))


def _change_cell(ctx: Context, delta: float | None, approximate: bool, compared: int, of: int) -> Cell:
    tone = None if delta in (None, 0) else ("good" if delta > 0 else "bad")
    shown = delta is not None and compared < of
    return Cell(
        score_number(ctx, delta, approximate, signed=True),
        tone,
        ctx.t("assessed_short", count=compared, of=of) if shown else None,
    )


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

    rows = []
    for a, area in enumerate(card.areas):
        row = [Cell(area.name), Cell(ctx.number(area.max))]
        for kind, i in slots:
            if kind == "score":
                row.append(
                    _score(ctx, area.scores[i], area.gaps[i], area.coverage[i], area.approximate[i], area.whole[i])
                )
            else:
                change = card.changes[i]
                of = area.coverage[0].questions if area.coverage else 0
                row.append(_change_cell(ctx, change.areas[a], change.approximate[a], change.compared_by_area[a], of))
        rows.append(row)
    total = [Cell(ctx.t("total"), "strong"), Cell(ctx.number(card.max), "strong")]
    for kind, i in slots:
        if kind == "score":
            column = card.columns[i]
            total.append(
                _score(ctx, card.totals[i], card.gaps[i], column.coverage, card.approximate[i], False, "strong", False)
            )
        else:
            change = card.changes[i]
            total.append(_change_cell(ctx, change.total, change.approximate_total, change.compared, change.questions))
    rows.append(total)
    notes = [ctx.t("score_rule")]
    if card.common is not None:
        common = [Cell(ctx.t("common_total"), "strong"), Cell(ctx.number(card.common.max))]
        for kind, i in slots:
            common.append(
                Cell(score_number(ctx, card.common.totals[i], card.common.approximate[i])) if kind == "score" else Cell("")
            )
        rows.append(common)
        notes.append(ctx.t("common_rule", count=card.common.compared, of=card.common.questions))
    partial = [c for c in card.changes if c.compared < c.questions]
    for change in partial:
        notes.append(
            ctx.t(
                "change_rule",
                change=f"{ctx.t('change')} {change.from_year}-{change.to_year}",
                organisation=change.organisation,
                count=change.compared,
                of=change.questions,
            )
        )
    missing = [f"{c.organisation} {c.year}: {c.unscored}" for c in card.columns if c.unscored]
    if missing:
        notes.append(f"{ctx.t('unscored_questions')}: {', '.join(missing)}.")
    if any(card.approximate):
        notes.append(ctx.t("approximate_rule"))
    return Table(card.title, headers, ["left"] + ["right"] * (len(headers) - 1), rows, " ".join(notes))  # type: ignore[arg-type]


def _question_cell(ctx: Context, cell: ScoreCell) -> Cell:
    if cell.value is not None:
        return Cell(score_number(ctx, cell.value, cell.approximate))
    if cell.missing is not None:
        return Cell(ctx.t("score_missing"), "muted", cell.missing)
    return Cell(DASH, "muted")


def _area_rows(ctx: Context, area: AreaRow) -> list[list[Cell]]:
    goals = ctx.t("area_goals", goals=", ".join(g.title for g in area.goals)) if area.goals else None
    head = [Cell(area.name, "strong", goals), Cell(ctx.number(area.max), "strong")]
    for n, score in enumerate(area.scores):
        if score is None and area.whole[n]:
            head.append(Cell(ctx.t("score_missing"), "muted", area.missing[n] or ctx.t("as_a_whole")))
        else:
            head.append(
                _score(ctx, score, None, area.coverage[n], area.approximate[n], area.whole[n], "strong")
            )
    rows = [head]
    for question in area.questions:
        maximum = Cell(ctx.number(question.max)) if question.max is not None else Cell(ctx.t("max_not_stated"), "muted")
        rows.append([Cell(f"{question.id} {question.text}"), maximum, *(_question_cell(ctx, c) for c in question.scores)])
    return rows


def questions_table(ctx: Context, card: ScorecardStatus) -> Table:
    """One scorecard question by question: each area (with its goals), then its questions."""
    headers = [f"{ctx.t('area')} / {ctx.t('question').lower()}", ctx.t("max")]
    headers += [f"{c.organisation} {c.year}" for c in card.columns]
    rows = [row for area in card.areas for row in _area_rows(ctx, area)]
    return Table(
        ctx.t("by_question", title=card.title), headers, ["left"] + ["right"] * (len(headers) - 1), rows  # type: ignore[arg-type]
    )


def scorecards_view(ctx: Context, cards: list[ScorecardStatus], as_of: date, questions: bool = False) -> Report:
    """The scorecard section: one table per scorecard; with ``questions``, each followed by
    its questions."""
    result = Report(ctx.t("scorecards"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not cards:
        result.add(ctx.t("none_in_plan", what=ctx.t("scorecards").lower()))
    for card in cards:
        if card.columns:
            result.add(_card(ctx, card))
            if questions:
                result.add(questions_table(ctx, card))
        else:
            result.add(f"{card.title}: {ctx.t('no_assessments')}")
    return result


def score_of_max(
    ctx: Context, total: float | None, maximum: float | None, scored: int, questions: int, approximate: bool = False
) -> str:
    """A total with its coverage: ``212,5 av 800 (31 av 45 spørsmål vurdert)``."""
    return ctx.t(
        "of_max_assessed",
        score=score_number(ctx, total, approximate),
        max=ctx.number(maximum),
        assessed=ctx.t("assessed", count=scored, of=questions),
    )
