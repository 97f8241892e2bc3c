"""Recording what steering tracks: realised savings, decisions, risk assessments, scores.

Each function is one ``planverk record ...`` command. Like the edits of
:mod:`planverk.edit.edits` it changes one item of the plan, validates the whole plan with
the change, and writes only the changed lines, in the file's own style, atomically.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import roundtrip
from .edits import Edited, Say, _edit, _invalid, _number_or_text, _yaml_value, placed
from ..errors import RefusedError, UsageError
from ..i18n import Message, tr
from ..status.labels import Word
from ..load.schema_errors import key_names
from ..model.measures import Measure
from ..model.risks import Risk
from ..model.scorecards import WHOLE, Assessment, Missing, Scorecard


def _new_map(pairs: list[tuple[Any, Any]], like: Any = None) -> CommentedMap:
    """A new mapping, written ``{...}`` when ``like`` (its nearest kin in the file) is."""
    mapping = CommentedMap(pairs)
    if isinstance(like, CommentedMap) and like.fa.flow_style():
        mapping.fa.set_flow_style()
    return mapping


_FLOW = CommentedMap()
_FLOW.fa.set_flow_style()
"""A mapping written ``{...}``: a new history entry's style, one readable line."""

_FLOW_ITEMS = CommentedSeq([_FLOW])
"""A block list of ``{...}`` entries: a new status history's style, unless the file's other
measures write theirs another way."""


def _set_in_order(mapping: CommentedMap, key: Any, value: Any, order: list[Any]) -> None:
    """Set ``mapping[key]``; a new key goes where ``order`` (years, the scorecard's questions) puts it."""
    roundtrip.set_key(mapping, key, value, order)


def record_realised(target: Path, measure: str, amount: str, year: int) -> Edited:
    """Set a measure's realised effect in budget year ``year`` (``realised: {2025: 2,9 mill. kr}``).

    ``amount`` is written as given (``2,9 mill. kr``, ``850 000 kr``); a figure already
    recorded for the year is replaced, and the message says what it was.
    """
    from ..model.quantities import parse_money

    try:
        parse_money(_number_or_text(amount))
    except ValueError as error:
        raise UsageError(_invalid(amount, error)) from None

    def change(node: CommentedMap, item: Measure, say: Say) -> tuple[bool, Message]:
        before = item.realised.get(year)
        what = tr("measure '{id}': realised {amount} in {year}", id=measure, amount=amount, year=str(year))
        if before is not None and str(before) == amount:
            return False, tr("measure '{id}' already has {amount} realised in {year}", id=measure, amount=amount,
                             year=str(year))
        realised = node.get("realised")
        if realised is None:
            new = roundtrip.styled(CommentedMap([(year, _yaml_value(amount))]),
                                   roundtrip.kin(say.document["measures"], node, ("realised",)), node.get("effect"))
            roundtrip.set_key(node, "realised", new, key_names(Measure))
        else:
            _set_in_order(realised, year, _yaml_value(amount), sorted({*realised, year}))
        return True, _was(what, before)

    return _edit(target, "measures", measure, change)


def record_decision(target: Path, measure: str, status: str, on: date, *, force: bool = False) -> Edited:
    """Set a measure's ``status`` and add ``{date: on, status: ...}`` to its ``status_history``.

    ``decided`` also sets ``decided_on`` to ``on``; ``in-progress``, ``realised`` and
    ``dropped`` keep the measure's ``decided_on`` (the date it was decided), and set it to
    ``on`` only when it has none. A measure without a history gets one, starting with its
    decision (``decided_on``) when it has one. The status is written in the plan's own words
    (``vedtatt`` where the plan writes Norwegian). A change dated before the history's last
    entry is refused: the last entry is the status now.

    ``decided`` on a measure that already has another ``decided_on`` would lose the date it
    was decided: without ``force`` it raises :class:`RefusedError` naming that date; with
    ``force`` the decision date is corrected (``decided_on``, and the history's entry of
    that decision when it is the last one), and the message says what it was.
    """
    from ..model.measures import DECIDED
    from ..model.words import MEASURE_STATUS

    try:  # 'vedtatt', 'vedteke', 'lagt bort' as the plan writes them, or the English value
        status = MEASURE_STATUS.parse(status)
    except ValueError as error:
        raise UsageError(getattr(error, "message", None) or str(error)) from None

    def change(node: CommentedMap, item: Measure, say: Say) -> tuple[bool, Message]:
        # the date of the decision: set by 'decided', kept by what follows it (a measure
        # decided and later dropped keeps the date it was decided)
        dated = status == "decided" or (status in {*DECIDED, "dropped"} and item.decided_on is None)
        history = item.status_history
        recorded = any(c.date == on and c.status == status for c in history) or not history
        if item.status == status and status != "decided":
            # already so: a second run (another day, or today again) records no second change
            # to the same status, as a measurement or a score given twice changes nothing
            since = history[-1].date if history and history[-1].status == status else None
            if since is not None:
                return False, tr("measure '{id}' is already {status}, since {date}", id=measure,
                                 status=Word("measure_" + status), date=since)
            return False, tr("measure '{id}' is already {status}", id=measure, status=Word("measure_" + status))
        if item.status == status and (not dated or item.decided_on == on) and recorded:
            return False, tr("measure '{id}' is already {status} on {date}", id=measure,
                             status=Word("measure_" + status), date=on)
        redated = status == "decided" and item.decided_on is not None and item.decided_on != on
        if redated and not force:
            raise RefusedError(tr(
                "measure '{id}' was already decided on {before}: this would replace that date with "
                "{date}; give --force to replace it", id=measure, before=item.decided_on, date=on,
            ))
        later = [n for n, c in enumerate(history) if c.date > on]
        if later:
            raise placed(UsageError(tr(
                "measure '{id}' has a later status change ({date}: {status}): record changes in "
                "date order, or change the history by hand", id=measure, date=history[later[-1]].date,
                status=Word("measure_" + history[later[-1]].status),
            )), node["status_history"], later[-1])
        order = key_names(Measure)
        word = say(MEASURE_STATUS, status)
        roundtrip.set_key(node, "status", word, order)
        if dated:
            roundtrip.set_key(node, "decided_on", on, order)
        entries = []
        if not history and item.decided_on is not None and status != "decided" and item.decided_on <= on:
            first = item.decided_on
            entries.append([("date", date(first.year, first.month, first.day)), ("status", say(MEASURE_STATUS, "decided"))])
        # a date object of its own: one object written twice would become a YAML anchor and alias
        entries.append([("date", date(on.year, on.month, on.day)), ("status", word)])
        listed = node.get("status_history")
        last = history[-1] if history else None
        if redated and last is not None and (last.date, last.status) == (item.decided_on, "decided"):
            listed[-1]["date"] = entries[-1][0][1]  # the decision's own entry, re-dated
        elif listed is None:
            new = CommentedSeq([CommentedMap(pairs) for pairs in entries])
            roundtrip.styled(new, roundtrip.kin(say.document["measures"], node, ("status_history",)), _FLOW_ITEMS)
            roundtrip.set_key(node, "status_history", new, order)
        else:
            for pairs in entries:
                roundtrip.insert_item(listed, _new_map(pairs, listed[-1] if listed else _FLOW))
        done = tr("measure '{id}': {status} on {date}", id=measure, status=Word("measure_" + status), date=on)
        if redated:
            return True, _was(done, item.decided_on)
        return True, _was(done, Word("measure_" + item.status) if item.status != status else None)

    return _edit(target, "measures", measure, change)


def record_assessment(
    target: Path, risk: str, probability: str, consequence: str | None, on: date, note: str | None = None
) -> Edited:
    """Add a dated assessment to a risk's ``assessments``, in date order.

    Ratings are 1-5 or words (``high``); one that is neither raises :class:`UsageError`
    naming its option (``--probability: 'høgg' is not a rating ...``) before the plan is
    read. An assessment on a date that already has one is refused: change that one in the file.
    """
    from ..model.ratings import parse_rating

    for option, rating in (("--probability", probability), ("--consequence", consequence)):
        try:  # a typo in an option is the command's error, not a finding in the file edited
            if rating is not None:
                parse_rating(_number_or_text(rating))
        except ValueError as error:
            raise UsageError(tr("{option}: {problem}", option=option,
                                problem=getattr(error, "message", None) or str(error))) from None

    def change(node: CommentedMap, item: Risk, say: Say) -> tuple[bool, Message]:
        for n, existing in enumerate(item.assessments):
            if existing.date == on:
                if _same_assessment(existing, probability, consequence, note):
                    return False, tr("risk '{id}' already has this assessment on {date}", id=risk, date=on)
                raise placed(UsageError(tr(
                    "risk '{id}' already has an assessment on {date}: change that one in the file", id=risk, date=on
                )), node["assessments"], n)
        pairs: list[tuple[str, Any]] = [("date", on), ("probability", _number_or_text(probability))]
        if consequence is not None:
            pairs.append(("consequence", _number_or_text(consequence)))
        if note is not None:
            pairs.append(("note", note))
        done = tr("risk '{id}': assessment of {date} recorded", id=risk, date=on)
        listed = node.get("assessments")
        if listed is None:
            new = roundtrip.styled(CommentedSeq([CommentedMap(pairs)]),
                                   roundtrip.kin(say.document["risks"], node, ("assessments",)))
            roundtrip.set_key(node, "assessments", new, key_names(Risk))
            return True, done
        later = [n for n, a in enumerate(item.assessments) if a.date > on]
        roundtrip.insert_item(listed, CommentedMap(pairs), later[0] if later else None)
        return True, done

    return _edit(target, "risks", risk, change)


def record_score(
    target: Path, scorecard: str, organisation: str, year: int, area: str, question: str, value: str
) -> Edited:
    """Set one score of the assessment of ``organisation`` in ``year``; a new assessment when none.

    The area and question must be the scorecard's; the plan's checks hold the score to
    the question's ``max``. A ``value`` that is no score (``mykje``) raises
    :class:`UsageError` naming VALUE, before the plan is read.
    """
    from ..model.scorecards import parse_score

    number = _number_or_text(value)
    try:  # a typo in the command's VALUE is the command's error, not a finding in the file edited
        parse_score(number)
    except ValueError as error:
        raise UsageError(tr("{option}: {problem}", option="VALUE",
                            problem=getattr(error, "message", None) or str(error))) from None

    def change(node: CommentedMap, item: Scorecard, say: Say) -> tuple[bool, Message]:
        areas = {a.id: a for a in item.areas}
        if area not in areas:
            raise UsageError(tr("scorecard '{id}' has no area '{area}' (areas: {areas})", id=scorecard, area=area,
                                areas=", ".join(areas)))
        questions = [q.id for q in areas[area].questions]
        if question not in questions:
            raise UsageError(tr("area '{area}' has no question '{question}' (questions: {questions})", area=area,
                                question=question, questions=", ".join(questions)))
        score = f"{organisation} {year}, {area}.{question} = {value}"
        done = tr("scorecard '{id}': {score}", id=scorecard, score=score)
        found = next(
            (n for n, a in enumerate(item.assessments) if a.organisation == organisation and a.year == year), None
        )
        listed = node.get("assessments")
        if found is None:
            like = listed[-1] if listed else None
            if like is None:  # the first assessment: as the nearest scorecard writes its own
                kept = roundtrip.kin(say.document["scorecards"], node, ("assessments",))
                like = kept[-1] if kept else None
            scores = _new_map([(area, _new_map([(question, number)], _scores_like(like, area)))], _scores_like(like))
            entry = _new_map([("organisation", organisation), ("year", year), ("scores", scores)], like)
            if listed is None:
                new = roundtrip.styled(CommentedSeq([entry]), roundtrip.kin(say.document["scorecards"], node,
                                                                            ("assessments",)))
                roundtrip.set_key(node, "assessments", new, key_names(Scorecard))
            else:
                roundtrip.insert_item(listed, entry)
            return True, tr("{what} (a new assessment)", what=done)
        before = item.assessments[found].scores.get(area, {}).get(question)
        if before is not None and str(before) == str(number):
            return False, tr("scorecard '{id}': {organisation} {year} already has {score}", id=scorecard,
                             organisation=organisation, year=str(year), score=f"{area}.{question} = {value}")
        entry = listed[found]
        scores = entry.get("scores")
        given = item.assessments[found].scores.get(area) or {}
        if scores is None:  # 'scores:' with nothing under it yet
            like = next((s for s in map(_scores_like, _nearest(listed, found)) if isinstance(s, CommentedMap)), None)
            area_like = _question_maps(like)
            roundtrip.set_key(entry, "scores", _new_map([(area, _new_map([(question, number)], area_like))], like),
                              key_names(Assessment))
        elif area not in scores or (WHOLE in given and (given[WHOLE] is None or isinstance(given[WHOLE], Missing))):
            # no score for the area yet ('area:' empty, or {missing: why}): scores by question from now
            like = _question_maps(scores, area) or next(
                (m for a in _nearest(listed, found) if (m := _question_maps(_scores_like(a), area))), None)
            written = scores.get(area)
            if isinstance(written, CommentedMap):  # {missing: why}: the same mapping, its comments kept
                before = given[WHOLE]
                comment = written.ca.items.pop("missing", None)
                del written["missing"]
                written[question] = number
                if comment is not None:  # 'missing: why  # note': the note stays on its line
                    written.ca.items[question] = comment
                elif like is not None and like.fa.flow_style() != written.fa.flow_style():
                    written.fa.set_flow_style() if like.fa.flow_style() else written.fa.set_block_style()
            elif area in scores:
                scores[area] = _new_map([(question, number)], like)
            else:
                _set_in_order(scores, area, _new_map([(question, number)], like), [a.id for a in item.areas])
        elif WHOLE in given:
            raise placed(UsageError(tr(
                "{organisation} {year} scores area '{area}' as a whole: change it to scores by question "
                "in the file; nothing was written", organisation=organisation, year=str(year), area=area,
            )), scores, area)
        else:
            _set_in_order(scores[area], question, number, questions)
        return True, _was(done, before)

    return _edit(target, "scorecards", scorecard, change)


def _same_assessment(existing: Any, probability: str, consequence: str | None, note: str | None) -> bool:
    """Whether ``existing`` (a risk's assessment) already says what the command gives: the
    same ratings (``4`` and ``high`` are one step) and, when given, the same note."""
    from ..model.ratings import parse_rating

    try:
        same = parse_rating(_number_or_text(probability)) == existing.probability and (
            (parse_rating(_number_or_text(consequence)) if consequence is not None else None)
            == existing.consequence
        )
    except ValueError:
        return False  # not a rating: the check of the plan with the change says why
    return same and (note is None or note == existing.note)


def _was(done: Message, before: Any) -> Message:
    """``done (was BEFORE)``; ``done`` alone when there was nothing before."""
    if before is None:
        return done
    return tr("{what} (was {before})", what=done, before=before if isinstance(before, date) or hasattr(before, "render") else str(before))


def _nearest(items: list[Any], index: int) -> list[Any]:
    """The other items of a list, the nearest to ``items[index]`` first (the one before it
    before the one after it): whose style a new part of ``items[index]`` copies."""
    order = sorted((n for n in range(len(items)) if n != index), key=lambda n: (abs(n - index), n > index))
    return [items[n] for n in order]


def _question_maps(scores: Any, area: str | None = None) -> Any:
    """In an assessment's ``scores``, an area scored by question (not ``area`` itself), to
    copy its style: that area's own neighbour first."""
    if not isinstance(scores, CommentedMap):
        return None
    keys = list(scores)
    at = keys.index(area) if area in keys else len(keys)
    found = [scores[k] for k in _nearest(keys + ([] if area in keys else [None]), at)
             if k is not None and isinstance(scores[k], CommentedMap) and set(scores[k]) != {"missing"}]
    return found[0] if found else None


def _scores_like(assessment: Any, area: str | None = None) -> Any:
    """The scores mapping (or one area's) of a neighbouring assessment, to copy its style."""
    scores = assessment.get("scores") if isinstance(assessment, CommentedMap) else None
    if area is None or not isinstance(scores, CommentedMap):
        return scores
    return next((v for v in scores.values() if isinstance(v, CommentedMap)), None)
