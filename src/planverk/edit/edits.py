"""Recording commands: small edits to a plan's YAML, checked before they are written.

Each edit finds its item in the file that holds it, changes that file's round-trip
document (comments and layout kept, see :mod:`planverk.edit.roundtrip`), splices only the
changed lines into the file's bytes, written in the file's own style (see
:mod:`planverk.edit.style`), validates the whole plan with the changed text through
:func:`planverk.validate.validate_plan`, and writes the file atomically only when the
plan still has no errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import roundtrip
from .style import BOM
from ..checks.context import KIND_WORDS
from ..diagnostics import Position
from ..errors import InvalidPlanError, PlanverkError, RefusedError, UsageError
from ..i18n import Either, Message, tr
from ..files import write_atomic
from ..model import Deadline, Event, Kpi, OccurrenceChange, Plan, Repeat
from ..model.benefits import RealisationStep
from ..load.schema_errors import key_names
from ..model.words import DONE_STATUS, EVENT_STATUS, Vocabulary
from ..validate import checked_plan
from ..values import replace
from .wording import word_for

Change = Callable[[CommentedMap, Any, "Say"], "tuple[bool, Message]"]
"""Changes an item's YAML mapping (given its validated model, and how the plan words a
value, :class:`Say`); returns whether it changed anything (False when the item already is
as asked) and what it did."""


@dataclass(frozen=True)
class Say:
    """Writes a value of a word list as the file being edited words it (:mod:`.wording`)."""

    document: Any
    language: str

    def __call__(self, vocabulary: Vocabulary, value: str) -> str:
        """``value`` (English, as the model keeps it) in the plan's own words: ``utført``."""
        return word_for(self.document, vocabulary, value, self.language)


@dataclass(frozen=True)
class Edited:
    """What an edit did."""

    message: Message
    path: Path
    """The file that holds the item, as findings name it."""


def mark_done(target: Path, item_id: str, on: date, *, dated: bool = False, force: bool = False) -> Edited:
    """Set ``status: done`` and ``done_on`` on a deadline, or on a benefit's realisation step.

    A realisation step is named by its ``id``; the step is changed inside its benefit.
    Without ``force``, raises :class:`RefusedError` when the item already has another
    done date (saying which), or when ``on`` was given (``dated``) and lies outside the
    plan's period: both are more often a slip of the keyboard than a correction.
    """
    step_of: dict[str, str] = {}

    def locate(plan: Plan) -> tuple[str, str] | None:
        period = plan.plan.period
        if dated and not force and not period.contains(on):
            raise RefusedError(tr(
                "{date} is outside the plan period ({start} to {end}): check the date, or give "
                "--force to record it anyway", date=on, start=period.start, end=period.end
            ))
        if any(d.id == item_id for d in plan.deadlines):
            return None
        for benefit in plan.benefits:
            if any(s.id == item_id for s in benefit.realisation):
                step_of[item_id] = benefit.id
                return "benefits", benefit.id
        return None

    def change(node: CommentedMap, item: Any, say: Say) -> tuple[bool, Message]:
        if item_id in step_of:
            position = next(n for n, s in enumerate(item.realisation) if s.id == item_id)
            node, item, what = node["realisation"][position], item.realisation[position], tr("realisation step")
            order = key_names(RealisationStep)
        else:
            what, order = KIND_WORDS["deadlines"], key_names(Deadline)
        if item.status == "done" and item.done_on == on:
            return False, tr("{kind} '{id}' is already done on {date}", kind=what, id=item_id, date=on)
        if not force and item.done_on is not None:
            raise placed(RefusedError(tr(
                "{kind} '{id}' was already done on {before}: this would replace that date with "
                "{date}; give --force to replace it", kind=what, id=item_id, before=item.done_on, date=on
            )), node, "done_on")
        roundtrip.set_key(node, "status", say(DONE_STATUS, "done"), order)
        roundtrip.set_key(node, "done_on", on, order)
        return True, tr("{kind} '{id}' marked done on {date}", kind=what, id=item_id, date=on)

    return _edit(target, "deadlines", item_id, change, locate)


def cancel(target: Path, event: str, occurrence: date | None = None) -> Edited:
    """Cancel an event, or one occurrence of a repeating event.

    A cancelled event or occurrence stays in the plan and in calendars, marked cancelled.
    """

    def change(node: CommentedMap, item: Event, say: Say) -> tuple[bool, Message]:
        if occurrence is None:
            if item.status == "cancelled":
                return False, tr("event '{id}' is already cancelled", id=event)
            roundtrip.set_key(node, "status", say(EVENT_STATUS, "cancelled"), key_names(Event))
            return True, tr("event '{id}' cancelled", id=event)
        return _cancel_occurrence(node, item, occurrence, say(EVENT_STATUS, "cancelled"), say.document["events"])

    return _edit(target, "events", event, change)


def record_measurement(
    target: Path, kpi: str, value: str, on: date, source: str | None = None, note: str | None = None
) -> Edited:
    """Add a reading to a KPI's ``measurements``, in date order.

    ``value`` is written as given (``4,5``, ``65 %``, ``8 700``); a plain number stays a
    YAML number. A reading on a date that already has one is refused: change it by hand.
    """
    from ..model.quantities import parse_quantity

    try:
        parse_quantity(_number_or_text(value))
    except ValueError as error:
        raise UsageError(_invalid(value, error)) from None

    def change(node: CommentedMap, item: Kpi, say: Say) -> tuple[bool, Message]:
        done = tr("KPI '{id}': measurement {value} on {date} recorded", id=kpi, value=value, date=on)
        for n, existing in enumerate(item.measurements):
            if existing.date == on:
                if str(existing.value) == value and (source is None or existing.source == source):
                    return False, tr("KPI '{id}' already has {value} on {date}", id=kpi, value=value, date=on)
                raise placed(UsageError(tr(
                    "KPI '{id}' already has a measurement on {date} ({value}): change that one in the file",
                    id=kpi, date=on, value=existing.value,
                )), node["measurements"], n)
        entry = CommentedMap([("date", on), ("value", _yaml_value(value))])
        for key, text in (("source", source), ("note", note)):
            if text is not None:
                entry[key] = text
        readings = node.get("measurements")
        if readings is None:
            new = roundtrip.styled(CommentedSeq([entry]), roundtrip.kin(say.document["kpis"], node, ("measurements",)))
            roundtrip.set_key(node, "measurements", new, key_names(Kpi))
            return True, done
        later = [n for n, m in enumerate(item.measurements) if m.date > on]
        roundtrip.insert_item(readings, entry, later[0] if later else None)
        return True, done

    return _edit(target, "kpis", kpi, change)


def _invalid(value: str, error: ValueError) -> Message:
    """What is wrong with ``value``, a user's argument: the parser's own message, which
    names the value (``'abc' is not a number: ...``), or the value and the error's text."""
    message = getattr(error, "message", None)
    if isinstance(message, Message):
        return message
    return tr("'{value}': {problem}", value=value, problem=str(error))


def _number_or_text(value: str) -> int | float | str:
    """A value as YAML would read it unquoted: '12' and '4.5' are numbers, '4,5' is text."""
    from ..load.yamlsource import resolve_plain

    resolved = resolve_plain(value)
    return resolved if isinstance(resolved, (int, float)) and not isinstance(resolved, bool) else value


def _yaml_value(value: str) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    resolved = _number_or_text(value)
    if isinstance(resolved, str) and "," in resolved:
        return DoubleQuotedScalarString(resolved)  # "4,5": a comma would split a { } entry
    return resolved


def _cancel_occurrence(
    node: CommentedMap, item: Event, day: date, cancelled: str, events: Any = ()
) -> tuple[bool, Message]:
    """Cancel one occurrence; ``cancelled`` is the word the plan writes for it. A first
    ``repeat.changes`` is written as the nearest of ``events`` (the file's) writes its own."""
    from ..occurrences import occurrences

    if item.repeat is None:
        raise UsageError(tr("'{id}' does not repeat: cancel the whole event, without --occurrence", id=item.id))
    if item.period is not None:
        raise placed(RefusedError(tr(
            "'{id}' is dated by the period '{period}' and repeats every year: one year of it cannot be "
            "cancelled; skip that year in 'repeat.except' (it is then left out of calendars); nothing "
            "was written", id=item.id, period=item.period.text,
        )), node, "repeat")
    if day not in [o.original for o in occurrences(item)]:
        raise UsageError(_no_occurrence(item, day))
    done = tr("occurrence {date} of '{id}' cancelled", date=day, id=item.id)
    repeat = node["repeat"]
    for existing in repeat.get("changes") or []:
        if str(existing.get("occurrence")) == day.isoformat():
            written = existing.get("status")
            if isinstance(written, str) and EVENT_STATUS.value_of(written) == "cancelled":
                return False, tr("occurrence {date} of '{id}' is already cancelled", date=day, id=item.id)
            roundtrip.set_key(existing, "status", cancelled, key_names(OccurrenceChange))
            return True, done
    entry = CommentedMap([("occurrence", day), ("status", cancelled)])
    if repeat.get("changes") is None:
        new = roundtrip.styled(CommentedSeq([entry]), roundtrip.kin(events, node, ("repeat", "changes")))
        roundtrip.set_key(repeat, "changes", new, key_names(Repeat))
    else:
        roundtrip.insert_item(repeat["changes"], entry)
    return True, done


Locate = Callable[[Plan], "tuple[str, str] | None"]
"""Asked once the plan is read, before anything changes: may refuse the edit (raising), or
name another list and item to change (None: the one asked for)."""


def _no_occurrence(item: Event, day: date) -> Message:
    """The message for a date that is no occurrence of the series, with the nearest ones."""
    from ..occurrences import occurrences

    days = [o.original for o in occurrences(item)]
    near = sorted(days, key=lambda d: abs((d - day).days))[:2]
    if not near:
        return tr("'{id}' has no occurrence on {date}", id=item.id, date=day)
    return tr("'{id}' has no occurrence on {date}: did you mean {near}?", id=item.id, date=day,
              near=Either(tuple(sorted(near))))


def _edit(target: Path, kind: str, item_id: str, change: Change, locate: Locate | None = None) -> Edited:
    """Find ``item_id`` among the plan's ``kind``, change it, check the plan, write the file.

    ``locate``, when given, is asked first: it may refuse the edit (a date outside the
    plan's period), or name another list and item (a realisation step is changed through
    the benefit that holds it).
    """
    before = checked_plan(target, tr("{plan} has errors: fix them first; nothing was written", plan=str(target)))
    assert before.plan is not None and before.source is not None
    if locate is not None:
        kind, item_id = locate(before.plan) or (kind, item_id)
    items = getattr(before.plan, kind)
    index = next((i for i, it in enumerate(items) if it.id == item_id), None)
    if index is None:
        raise UsageError(_unknown(kind, item_id, [it.id for it in items]))
    path = Path(before.source.values[(kind, index)].file)
    raw = path.read_bytes()
    original = raw.decode("utf-8")  # validate_plan read it; a BOM stays, to be written back
    try:
        editable = roundtrip.Editable(original)
    except roundtrip.UnreadableForEditing as error:
        raise RefusedError(tr("{file} {problem}; nothing was written: edit it by hand", file=str(path),
                              problem=error.message)) from None
    node = next(n for n in editable.document[kind] if isinstance(n, CommentedMap) and n.get("id") == item_id)
    reused = roundtrip.shared(editable.document)
    before_change = roundtrip.snapshot(reused)
    try:
        changed, message = change(node, items[index], Say(editable.document, before.plan.plan.language))
    except (UsageError, RefusedError) as error:
        where = _position(path, *error.place) if hasattr(error, "place") else None
        if where is not None:  # what to change by hand: where it stands in the file as it is
            error.message = tr("{file}: {problem}", file=str(where), problem=error.message)
        raise
    touched = [key for key, now in roundtrip.snapshot(reused).items() if now != before_change[key]]
    if touched:
        raise RefusedError(tr(
            "'{id}' shares what the edit would change with other items through the YAML anchor "
            "{anchor} in {file}, so the edit would change them too; nothing was written: write "
            "it out in this item first", id=item_id, anchor=roundtrip.anchor_name(reused[touched[0]]),
            file=str(path),
        ))
    if not changed:
        return Edited(tr("nothing to do: {what}", what=message), path)
    try:
        text = editable.text()
    except roundtrip.SpliceError as error:
        raise RefusedError(tr(
            "{problem} ({file}): make the change by hand, or run planverk fmt on the plan first; "
            "nothing was written", problem=error.message, file=str(path),
        )) from None
    lost = roundtrip.lost_comment_places(original.removeprefix(BOM), text.removeprefix(BOM))
    if lost:
        comment, line, column = lost[0]
        raise RefusedError(tr("the edit would drop the comment '{comment}' in {file}; nothing was written",
                              comment=comment, file=str(Position(str(path), line + 1, column + 1))))
    try:
        checked_plan(
            target,
            tr("the edit would leave the plan with errors; nothing was written"),
            {path.resolve(): text.removeprefix(BOM)},
        )
    except InvalidPlanError as error:
        _as_the_file_is(error.validation, path, editable.origin, before.source.values[(kind, index)])
        raise
    write_atomic(path, text.encode("utf-8"))
    return Edited(tr("{what} ({file})", what=message, file=str(path)), path)


def placed(error: PlanverkError, container: Any, key: Any) -> PlanverkError:
    """``error``, a refusal that asks for a change by hand, told at ``container[key]`` (of the
    round-trip document): :func:`_edit` names its ``file:line:col`` in the file as it is."""
    error.place = (container, key)  # type: ignore[attr-defined]
    return error


def _position(path: Path, container: Any, key: Any) -> Position | None:
    """Where ``container[key]`` of a round-trip document stands in ``path``: a list's item,
    a mapping's key (line and column from 1, as findings count them); None when the reader
    did not record it."""
    try:
        line, column = container.lc.item(key) if isinstance(container, list) else container.lc.key(key)
    except (AttributeError, KeyError, IndexError, TypeError):
        return None
    return Position(str(path), line + 1, column + 1)


def _as_the_file_is(validation: Any, path: Path, origin: list[int | None], item: Position) -> None:
    """Findings of an edited file, moved to where they stand in the file as it is.

    The plan was checked with the edit, so the findings count the edited file's lines: a
    line the edit kept is named at its line in the file (lines added above it no longer
    shift it); a line the edit wrote is not in the file, and its findings are named at the
    edited item (``item``), which is.
    """

    own = path.resolve()

    def moved(position: Position | None) -> Position | None:
        if position is None or Path(position.file).resolve() != own:
            return position
        line = origin[position.line - 1] if 0 < position.line <= len(origin) else None
        if line is None:
            return item
        return Position(position.file, line + 1, position.column)

    findings = getattr(validation, "findings", None)
    if findings is not None:
        validation.findings = sorted(
            (replace(f, position=moved(f.position), related=tuple(map(moved, f.related)))
             for f in findings),
            key=lambda f: f.sort_key,
        )


def _unknown(kind: str, item_id: str, ids: list[str]) -> Message:
    match = get_close_matches(item_id, ids, n=1)
    if match:
        return tr("no {kind} '{id}' in the plan: did you mean '{near}'?", kind=KIND_WORDS[kind], id=item_id,
                  near=match[0])
    return tr("no {kind} '{id}' in the plan", kind=KIND_WORDS[kind], id=item_id)
