"""Scorecards: totals that add up, scores within their maxima, every question scored."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Assessment, Question, Scorecard
from collections.abc import Callable

from ..i18n import Message, tr, plural
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
        yield from _total_mismatch(
            area.total.value if area.total else None,
            [q.max.value for q in area.questions],
            tr("the maxima of the questions in '{area}'", area=area.name),
            area_path,
            path,
        )
    totals = [a.total.value for a in card.areas if a.total is not None]
    if len(totals) == len(card.areas):
        yield from _total_mismatch(
            card.total.value if card.total else None, totals, tr("the areas' totals"), path, path
        )


def _scores(
    card: Scorecard,
    assessment: Assessment,
    questions: dict[str, dict[str, Question]],
    at: Loc,
    path: Loc,
) -> Iterator[Issue]:
    """PV613 scores for areas or questions the card lacks; PV610 scores above the maximum."""
    who = f"{assessment.organisation} {assessment.year}"
    for area_id, scores in assessment.scores.items():
        if area_id not in questions:
            message = tr("'{area}' is not an area of '{card}'", area=area_id, card=card.title)
            yield Issue("PV613", message, (*at, "scores", area_id), path)
            continue
        for question_id, score in scores.items():
            where = (*at, "scores", area_id, question_id)
            question = questions[area_id].get(question_id)
            if question is None:
                yield Issue(
                    "PV613",
                    tr("'{question}' is not a question of area '{area}'", question=question_id, area=area_id),
                    where,
                    path,
                )
            elif score is not None and not 0 <= score.value <= question.max.value:
                yield Issue(
                    "PV610",
                    tr("{who} scores {score} on '{question}', whose maximum is {max}", who=who,
                        score=str(score), question=f"{area_id}.{question_id}", max=str(question.max)),
                    where,
                    path,
                )


def check_scorecards(index: PlanIndex) -> Iterator[Issue]:
    """PV610-PV614: scores against the framework, totals against their parts."""
    for i, card in enumerate(index.plan.scorecards):
        path: Loc = ("scorecards", i)
        yield from _framework(card, path)
        questions = {a.id: {q.id: q for q in a.questions} for a in card.areas}
        for n, assessment in enumerate(card.assessments):
            at: Loc = (*path, "assessments", n)
            yield from _scores(card, assessment, questions, at, path)
            unscored = [
                f"{area_id}.{qid}"
                for area_id, area_questions in questions.items()
                for qid in area_questions
                if assessment.scores.get(area_id, {}).get(qid) is None
            ]
            if unscored:
                yield Issue(
                    "PV611",
                    plural("{who} leaves {count} question unscored: {questions}",
                           "{who} leaves {count} questions unscored: {questions}", len(unscored),
                           who=f"{assessment.organisation} {assessment.year}", questions=listed(unscored)),
                    (*at, "scores"),
                    path,
                )
