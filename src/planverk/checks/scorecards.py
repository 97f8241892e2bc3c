"""Scorecards: totals that add up, scores within their maxima, every question scored or its
absence explained."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..i18n import Message, plural, tr
from ..model import Area, Assessment, Scorecard
from ..model.quantities import Quantity
from ..model.scorecards import WHOLE
from .context import Issue, Loc, PlanIndex, listed


def _total_mismatch(
    stated: float | None, parts: list[float], what: Message, path: Loc, item: Loc
) -> Iterator[Issue]:
    if stated is None or not parts:
        return
    added = sum(parts)
    if abs(added - stated) > 1e-9:
        yield Issue(
            "PV612",
            tr("{what} add up to {added}, but the stated total is {stated}", what=what, added=added,
                stated=stated),
            (*path, "total"),
            item,
        )


def _duplicates(
    ids: list[str], what: Callable[[str], Message], path: Loc, key: str, item: Loc
) -> Iterator[Issue]:
    seen: set[str] = set()
    for n, ident in enumerate(ids):
        if ident in seen:
            yield Issue("PV614", what(ident), (*path, key, n, "id"), item)
        seen.add(ident)


def _area_maxima(area: Area, area_path: Loc, path: Loc) -> Iterator[Issue]:
    """PV612 maxima that do not add up to the area's total; PV615 unknown maxima with no total."""
    known = [q.max.value for q in area.questions if q.max is not None]
    unknown = [n for n, q in enumerate(area.questions) if q.max is None]
    if not unknown:
        yield from _total_mismatch(
            area.total.value if area.total else None,
            known,
            tr("the maxima of the questions in '{area}'", area=area.name),
            area_path,
            path,
        )
    elif area.total is None:
        for n in unknown:
            yield Issue(
                "PV615",
                tr(
                    "'{question}' in '{area}' has no maximum, and the area has no total: state the "
                    "area's total (its questions' maxima add up to it), or the question's max",
                    question=area.questions[n].id, area=area.name,
                ),
                (*area_path, "questions", n),
                path,
            )
    elif sum(known) >= area.total.value - 1e-9:
        yield Issue(
            "PV612",
            plural(
                "the stated maxima of the questions in '{area}' add up to {added}, which leaves "
                "nothing of the area's total {stated} for the {count} question without a maximum",
                "the stated maxima of the questions in '{area}' add up to {added}, which leaves "
                "nothing of the area's total {stated} for the {count} questions without a maximum",
                len(unknown), area=area.name, added=sum(known), stated=area.total.value,
            ),
            (*area_path, "total"),
            path,
        )


def _framework(card: Scorecard, path: Loc) -> Iterator[Issue]:
    yield from _duplicates(
        [a.id for a in card.areas], lambda ident: tr("area '{area}' appears twice", area=ident),
        path, "areas", path,
    )
    for a, area in enumerate(card.areas):
        area_path = (*path, "areas", a)
        yield from _duplicates(
            [q.id for q in area.questions],
            lambda ident: tr(
                "in area '{area}', question '{question}' appears twice", area=area.id, question=ident
            ),
            area_path,
            "questions",
            path,
        )
        yield from _area_maxima(area, area_path, path)
    totals = [a.total.value for a in card.areas if a.total is not None]
    if len(totals) == len(card.areas):
        yield from _total_mismatch(
            card.total.value if card.total else None, totals, tr("the areas' totals"), path, path
        )


def _above(who: str, score: Quantity, what: str, maximum: float | None, where: Loc, item: Loc) -> Iterator[Issue]:
    """PV610 for a score below 0 (whatever the maximum), or above its maximum."""
    if score.value < 0:
        yield Issue(
            "PV610",
            tr("{who} scores {score} on '{question}': a score is 0 or more", who=who,
                score=score, question=what),
            where,
            item,
        )
    elif maximum is not None and score.value > maximum + 1e-9:
        yield Issue(
            "PV610",
            tr("{who} scores {score} on '{question}', whose maximum is {max}", who=who,
                score=score, question=what, max=maximum),
            where,
            item,
        )


def _area_scores(
    who: str, area: Area, given: dict, at: Loc, item: Loc
) -> Iterator[Issue]:
    """PV613 unknown questions; PV610 scores above their maxima, or adding up above the total."""
    questions = {q.id: q for q in area.questions}
    whole = given.get(WHOLE)
    if isinstance(whole, Quantity):
        yield from _above(who, whole, area.id, area.maximum(), (*at, area.id), item)
    added = 0.0
    for question_id, score in given.items():
        if question_id == WHOLE:
            continue
        where = (*at, area.id, question_id)
        question = questions.get(question_id)
        if question is None:
            yield Issue(
                "PV613",
                tr("'{question}' is not a question of area '{area}'", question=question_id, area=area.id),
                where,
                item,
            )
        elif isinstance(score, Quantity):
            added += score.value
            maximum = question.max.value if question.max is not None else None
            yield from _above(who, score, f"{area.id}.{question_id}", maximum, where, item)
    if area.total is not None and any(q.max is None for q in area.questions) and added > area.total.value + 1e-9:
        yield Issue(
            "PV610",
            tr("{who} scores {added} in all on the questions of '{area}', whose total is {max}",
                who=who, added=added, area=area.id, max=area.total.value),
            (*at, area.id),
            item,
        )


def _scores(card: Scorecard, assessment: Assessment, at: Loc, path: Loc) -> Iterator[Issue]:
    """PV613 scores for areas or questions the card lacks; PV610 scores above the maximum;
    PV611 questions neither scored nor explained."""
    who = f"{assessment.organisation} {assessment.year}"
    areas = {a.id: a for a in card.areas}
    for area_id, given in assessment.scores.items():
        if area_id not in areas:
            message = tr("'{area}' is not an area of '{card}'", area=area_id, card=card.title)
            yield Issue("PV613", message, (*at, "scores", area_id), at)
        else:
            yield from _area_scores(who, areas[area_id], given, (*at, "scores"), at)
    unscored = [
        f"{area.id}.{q.id}"
        for area in card.areas
        if assessment.whole(area.id) is None
        for q in area.questions
        if assessment.score(area.id, q.id) is None
    ]
    unscored += [
        area.id for area in card.areas
        if not area.questions and assessment.whole(area.id) is None
    ]
    if unscored:
        yield Issue(
            "PV611",
            plural("{who} leaves {count} question unscored: {questions}; write its score, or "
                   "{{missing: why}} when the source gives none",
                   "{who} leaves {count} questions unscored: {questions}; write their scores, or "
                   "{{missing: why}} where the source gives none", len(unscored),
                   who=who, questions=listed(unscored)),
            (*at, "scores"),
            at,
        )


def check_scorecards(index: PlanIndex) -> Iterator[Issue]:
    """PV610-PV615: scores against the framework, totals against their parts."""
    for i, card in enumerate(index.plan.scorecards):
        path: Loc = ("scorecards", i)
        yield from _framework(card, path)
        for n, assessment in enumerate(card.assessments):
            yield from _scores(card, assessment, (*path, "assessments", n), path)
