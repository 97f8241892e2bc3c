"""``planverk move``: a meeting, or one meeting of a series, to another day or time.

The written weekday must stay true: when the event writes one (``weekday: onsdag``), it is
rewritten for the new date in the same language and case; a weekday planverk cannot
rewrite is refused, so that the source never says a day it no longer means.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import roundtrip
from .edits import Edited, Say, _edit, _invalid, placed
from ..errors import RefusedError, UsageError
from ..i18n import Message, tr
from ..load.schema_errors import key_names
from ..model import Event, OccurrenceChange, Repeat
from ..model.words import LANGUAGES, WEEKDAY, WEEKDAYS, normal

if TYPE_CHECKING:
    from ..occurrences import Occurrence


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
            raise UsageError(tr("--time: {problem}", problem=_invalid(time, error))) from None

    def change(node: CommentedMap, item: Event, say: Say) -> tuple[bool, Message]:
        if item.period is not None:
            return _move_period(node, item, day, time, occurrence, say.language)
        if occurrence is not None:
            return _move_occurrence(node, item, occurrence, day, time, say.document["events"])
        if item.repeat is not None:
            raise placed(UsageError(tr(
                "'{id}' repeats: move one meeting with --occurrence DATE (its date in the series), "
                "or change the series by hand", id=event
            )), node, "repeat")
        if item.date is None:
            return _move_timed(node, item, day, time)
        if item.date == day and (time is None or str(item.time) == time):
            return False, tr("event '{id}' is already on {when}", id=event, when=_when(day, time))
        shift = day - item.date
        order = key_names(Event)
        cancelled = _held_again(node, item)
        _rewrite_weekday(node, item.weekday, day)
        roundtrip.set_key(node, "date", day, order)
        if item.end_date is not None:
            roundtrip.set_key(node, "end_date", item.end_date + shift, order)
        if time is not None:
            roundtrip.set_key(node, "time", time, order)
        _move_agenda(node, item, shift, day)
        done = tr("event '{id}' moved from {date} to {when}", id=event, date=item.date, when=_when(day, time))
        return True, _again(done) if cancelled else done

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
    key = "period" if "period" in node else "week"
    if item.repeat is not None:
        raise placed(RefusedError(tr(
            "'{id}' is dated by the period '{period}' and repeats every year: one year of it cannot "
            "be moved; skip that year in 'repeat.except' and add an event for it, or write another "
            "period to move every year; nothing was written", id=item.id, period=shown,
        )), node, "repeat")
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
        raise placed(RefusedError(tr(
            "'{id}' is dated by '{period}', which planverk cannot move to {date}: it moves a period of "
            "one week, month, quarter, tertial or half-year, or a part of a month to a day in that "
            "part of another month; write the new period by hand; nothing was written",
            id=item.id, period=shown, date=day,
        )), node, key)
    node[key] = int(written) if written.isdigit() else written
    return True, tr("event '{id}' moved from {date} to {when}", id=item.id, date=shown,
                    when=parse_period(written).label(language))


def _move_agenda(node: CommentedMap, item: Event, shift: timedelta, day: date) -> None:
    """Move an event's timetable with it: each slot's ``date`` by ``shift``, and each slot's
    written ``weekday`` to its new day (the slot's date, else the event's new ``day``)."""
    for slot, written in zip(item.agenda, node.get("agenda") or []):
        if not isinstance(written, CommentedMap):
            continue
        if slot.date is not None:
            written["date"] = slot.date + shift
        _rewrite_weekday(written, slot.weekday, slot.date + shift if slot.date is not None else day)


def _rewrite_weekday(node: CommentedMap, written: str | None, day: date) -> None:
    """Write ``day``'s weekday where the source wrote one (``written``, in ``node``): the same
    language and form (``tysdag`` stays nynorsk, ``Wed`` stays short) and the same case."""
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
    raise placed(RefusedError(tr(
        "the event writes its weekday as '{weekday}', which planverk cannot rewrite for {date}: "
        "change the date and the weekday by hand; nothing was written", weekday=written, date=day
    )), node, "weekday")


def _when(day: date, time: object | None) -> date | Message:
    """A day, and the hours when given: ``12. mars 2025 09:00-11:00``."""
    return day if time is None else tr("{date} {time}", date=day, time=time)


def _move_timed(node: CommentedMap, item: Event, day: date, time: str | None) -> tuple[bool, Message]:
    """An event given by ``start`` and ``end`` date-times: both move by the same days."""
    if time is not None:
        raise placed(UsageError(tr("'{id}' is given by start and end: change their times by hand", id=item.id)),
                     node, "start")
    assert item.start is not None and item.end is not None
    shift = day - item.start.date()
    if not shift:
        return False, tr("event '{id}' is already on {when}", id=item.id, when=day)
    cancelled = _held_again(node, item)
    _rewrite_weekday(node, item.weekday, day)
    node["start"] = _shifted(node["start"], shift)
    node["end"] = _shifted(node["end"], shift)
    _move_agenda(node, item, shift, day)
    done = tr("event '{id}' moved from {date} to {when}", id=item.id, date=item.start.date(), when=day)
    return True, _again(done) if cancelled else done


def _held_again(node: CommentedMap, item: Event) -> bool:
    """Remove the cancellation of a cancelled event that is moved (it takes place on its
    new day, as a process leader who moves it means); whether it was cancelled."""
    if item.status != "cancelled":
        return False
    node.pop("status", None)
    return True


def _again(done: Message) -> Message:
    """What a move did, and that the meeting it moved had been cancelled."""
    return tr("{what}; its cancellation is lifted", what=done)


def _shifted(value: Any, shift: timedelta) -> Any:
    if isinstance(value, datetime):
        return value + shift
    text = str(value)
    moved = datetime.fromisoformat(text) + shift
    return type(value)(moved.isoformat(sep=text[10] if len(text) > 10 else " ", timespec="minutes"))


def _move_occurrence(
    node: CommentedMap, item: Event, occurrence: date, day: date, time: str | None, events: Any = ()
) -> tuple[bool, Message]:
    """Move one occurrence of a series (a ``repeat.changes`` entry; a first one is written as
    the nearest of ``events``, the file's events, writes its own).

    A cancelled occurrence that is moved takes place again on its new day: its
    cancellation is removed and the message says so. Refused (:class:`RefusedError`) when
    the whole series is cancelled, or when the occurrence would meet at the same time as
    another occurrence of the series (two identical meetings in everyone's calendar).
    """
    from ..occurrences import occurrences
    from .edits import _no_occurrence

    if item.repeat is None:
        raise UsageError(tr("'{id}' does not repeat: move it without --occurrence", id=item.id))
    found = next((o for o in occurrences(item) if o.original == occurrence), None)
    if found is None:
        raise UsageError(_no_occurrence(item, occurrence))
    if item.status == "cancelled":
        raise RefusedError(tr(
            "the series '{id}' is cancelled, so occurrence {date} would stay cancelled wherever it is "
            "moved: change the series' status first; nothing was written", id=item.id, date=occurrence
        ))
    _refuse_onto_another(item, found, day, time)
    done = tr("occurrence {date} of '{id}' moved to {when}", date=occurrence, id=item.id, when=_when(day, time))
    if found.cancelled:
        done = _again(done)
    repeat = node["repeat"]
    order = key_names(OccurrenceChange)
    for n, existing in enumerate(item.repeat.changes):
        if existing.occurrence != occurrence:
            continue
        same_time = time is None or str(existing.time or item.time) == time
        if (existing.date or occurrence) == day and same_time:
            return False, tr("occurrence {date} of '{id}' is already on {when}", date=occurrence, id=item.id,
                             when=day)
        written = repeat["changes"][n]
        if found.cancelled:
            written.pop("status", None)
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
        new = roundtrip.styled(CommentedSeq([entry]), roundtrip.kin(events, node, ("repeat", "changes")))
        roundtrip.set_key(repeat, "changes", new, key_names(Repeat))
    else:
        roundtrip.insert_item(repeat["changes"], entry)
    return True, done


def _refuse_onto_another(item: Event, moved: Occurrence, day: date, time: str | None) -> None:
    """Refuse to place ``moved`` on ``day`` (at ``time``, else its own hours) when another
    occurrence of the same series meets then: the series would meet twice at once."""
    from ..model.times import parse_time_range
    from ..occurrences import occurrences, overlapping, span

    at = parse_time_range(time) if time is not None else moved.time
    start, end = span(day, day, at)
    for other in occurrences(item):
        if other.original != moved.original and not other.cancelled and overlapping(start, end, other):
            when: date | Message = _when(other.start.date(), other.time)
            if other.start.date() != other.original:
                when = tr("{when} (its occurrence {date}, moved there)", when=when, date=other.original)
            raise RefusedError(tr(
                "'{id}' already meets on {when}: moving occurrence {date} there would put two meetings "
                "of the series at the same time; choose another day or time, or cancel one of them; "
                "nothing was written", id=item.id, when=when, date=moved.original,
            ))
