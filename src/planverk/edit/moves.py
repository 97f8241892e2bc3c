"""``planverk move``: a meeting, or one meeting of a series, to another day or time.

The written weekday must stay true: when the event writes one (``weekday: onsdag``), it is
rewritten for the new date in the same language and case; a weekday planverk cannot
rewrite is refused, so that the source never says a day it no longer means.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import roundtrip
from .edits import Edited, Say, _edit
from ..errors import RefusedError, UsageError
from ..i18n import Message, tr
from ..load.schema_errors import key_names
from ..model import Event, OccurrenceChange, Repeat
from ..model.words import LANGUAGES, WEEKDAY, WEEKDAYS, normal


def move(target: Path, event: str, day: date, time: str | None = None, occurrence: date | None = None) -> Edited:
    """Move ``event`` to ``day`` (and ``time``, e.g. ``09:00-11:00``), or one occurrence of a series.

    A single event's ``date`` (and ``end_date``, and its timetable's dates, by the same
    number of days) and written ``weekday`` change; an occurrence gets a change under
    ``repeat.changes``. A series without ``--occurrence`` is refused: moving its first
    date would move every meeting.
    """
    if time is not None:
        from ..model.times import parse_time_range

        try:
            parse_time_range(time)
        except ValueError as error:
            raise UsageError(tr("--time '{time}': {problem}", time=time,
                                problem=getattr(error, "message", None) or str(error))) from None

    def change(node: CommentedMap, item: Event, say: Say) -> tuple[bool, Message]:
        if item.period is not None:
            return _move_period(node, item, day, time, occurrence, say.language)
        if occurrence is not None:
            return _move_occurrence(node, item, occurrence, day, time)
        if item.repeat is not None:
            raise UsageError(tr(
                "'{id}' repeats: move one meeting with --occurrence DATE (its date in the series), "
                "or change the series by hand", id=event
            ))
        if item.date is None:
            return _move_timed(node, item, day, time)
        if item.date == day and (time is None or str(item.time) == time):
            return False, tr("event '{id}' is already on {when}", id=event, when=_when(day, time))
        shift = day - item.date
        order = key_names(Event)
        _rewrite_weekday(node, item, day)
        roundtrip.set_key(node, "date", day, order)
        if item.end_date is not None:
            roundtrip.set_key(node, "end_date", item.end_date + shift, order)
        if time is not None:
            roundtrip.set_key(node, "time", time, order)
        for slot, written in zip(item.agenda, node.get("agenda") or []):
            if slot.date is not None and isinstance(written, CommentedMap):
                written["date"] = slot.date + shift
        return True, tr("event '{id}' moved from {date} to {when}", id=event, date=item.date, when=_when(day, time))

    return _edit(target, "events", event, change)


def _move_period(
    node: CommentedMap, item: Event, day: date, time: str | None, occurrence: date | None, language: str
) -> tuple[bool, Message]:
    """An event dated by a period (``uke 15``, ``juni``, ``Q3``) moves to the period of the
    same kind that holds ``day`` (``uke 17``), written the way the plan writes it."""
    from ..model.periods import holding, parse_period, rewritten

    period = item.period
    assert period is not None
    shown = period.label(language)  # 'uke 22' for 'week: 22'
    if item.repeat is not None:
        raise RefusedError(tr(
            "'{id}' is dated by the period '{period}' and repeats every year: one year of it cannot "
            "be moved; skip that year in 'repeat.except' and add an event for it, or write another "
            "period to move every year; nothing was written", id=item.id, period=shown,
        ))
    if occurrence is not None:
        raise UsageError(tr("'{id}' does not repeat: move it without --occurrence", id=item.id))
    if time is not None:
        raise UsageError(tr(
            "'{id}' is dated by the period '{period}', which has no time: move it without --time, "
            "or give it a date instead of the period by hand", id=item.id, period=shown,
        ))
    new = holding(period.first, day)
    if new == period.first and period.last is None:
        return False, tr("event '{id}' is already in {period}", id=item.id, period=shown)
    written = rewritten(period, new) if new.dated().contains(day) else None
    if written is None:
        raise RefusedError(tr(
            "'{id}' is dated by '{period}', which planverk cannot move to {date}: it moves a period of "
            "one week, month, quarter, tertial or half-year, or a part of a month to a day in that "
            "part of another month; write the new period by hand; nothing was written",
            id=item.id, period=shown, date=day,
        ))
    key = "period" if "period" in node else "week"
    node[key] = int(written) if written.isdigit() else written
    return True, tr("event '{id}' moved from {date} to {when}", id=item.id, date=shown,
                    when=parse_period(written).label(language))


def _rewrite_weekday(node: CommentedMap, item: Event, day: date) -> None:
    """Write the new date's weekday where the source wrote one: the same language and form
    (``tysdag`` stays nynorsk, ``Wed`` stays short) and the same case."""
    written = item.weekday
    if written is None:
        return
    text = written.strip()
    old_value = WEEKDAY.value_of(text)
    new_value = WEEKDAYS[day.weekday()]
    for language in LANGUAGES:
        forms = [normal(f) for f in WEEKDAY.words(old_value, language)] if old_value else []
        if normal(text) in forms:
            new = WEEKDAY.words(new_value, language)[forms.index(normal(text))]
            if text.isupper():
                new = new.upper()
            elif text[:1].isupper():
                new = new[:1].upper() + new[1:]
            node["weekday"] = new
            return
    raise RefusedError(tr(
        "the event writes its weekday as '{weekday}', which planverk cannot rewrite for {date}: "
        "change the date and the weekday by hand; nothing was written", weekday=written, date=day
    ))


def _when(day: date, time: str | None) -> date | Message:
    """A day, and the hours when given: ``12. mars 2025 09:00-11:00``."""
    return day if time is None else tr("{date} {time}", date=day, time=time)


def _move_timed(node: CommentedMap, item: Event, day: date, time: str | None) -> tuple[bool, Message]:
    """An event given by ``start`` and ``end`` date-times: both move by the same days."""
    if time is not None:
        raise UsageError(tr("'{id}' is given by start and end: change their times by hand", id=item.id))
    assert item.start is not None and item.end is not None
    shift = day - item.start.date()
    if not shift:
        return False, tr("event '{id}' is already on {when}", id=item.id, when=day)
    _rewrite_weekday(node, item, day)
    node["start"] = _shifted(node["start"], shift)
    node["end"] = _shifted(node["end"], shift)
    return True, tr("event '{id}' moved from {date} to {when}", id=item.id, date=item.start.date(), when=day)


def _shifted(value: Any, shift: timedelta) -> Any:
    if isinstance(value, datetime):
        return value + shift
    text = str(value)
    moved = datetime.fromisoformat(text) + shift
    return type(value)(moved.isoformat(sep=text[10] if len(text) > 10 else " ", timespec="minutes"))


def _move_occurrence(
    node: CommentedMap, item: Event, occurrence: date, day: date, time: str | None
) -> tuple[bool, Message]:
    from ..occurrences import occurrences
    from .edits import _no_occurrence

    if item.repeat is None:
        raise UsageError(tr("'{id}' does not repeat: move it without --occurrence", id=item.id))
    if occurrence not in [o.original for o in occurrences(item)]:
        raise UsageError(_no_occurrence(item, occurrence))
    done = tr("occurrence {date} of '{id}' moved to {when}", date=occurrence, id=item.id, when=_when(day, time))
    repeat = node["repeat"]
    order = key_names(OccurrenceChange)
    for n, existing in enumerate(item.repeat.changes):
        if existing.occurrence != occurrence:
            continue
        if (existing.date or occurrence) == day and (time is None or str(existing.time or item.time) == time):
            return False, tr("occurrence {date} of '{id}' is already on {when}", date=occurrence, id=item.id,
                             when=day)
        written = repeat["changes"][n]
        if day == occurrence:
            written.pop("date", None)
        else:
            roundtrip.set_key(written, "date", day, order)
        if time is not None:
            roundtrip.set_key(written, "time", time, order)
        return True, done
    if day == occurrence and time is None:
        return False, tr("occurrence {date} of '{id}' is already on {when}", date=occurrence, id=item.id, when=day)
    pairs: list[tuple[str, Any]] = [("occurrence", occurrence)]
    if day != occurrence:
        pairs.append(("date", day))
    if time is not None:
        pairs.append(("time", time))
    entry = CommentedMap(pairs)
    if repeat.get("changes") is None:
        roundtrip.set_key(repeat, "changes", CommentedSeq([entry]), key_names(Repeat))
    else:
        roundtrip.insert_item(repeat["changes"], entry)
    return True, done
