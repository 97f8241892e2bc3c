"""Findings as data: what is wrong, how bad, and where; plus the catalogue of codes."""

from __future__ import annotations

import re
from enum import Enum
from typing import Any, NamedTuple

from .values import Value
from .i18n import Message


class Severity(str, Enum):
    """How bad a finding is: errors fail validation, warnings only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_UNPRINTABLE_IN_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with control characters written as escapes (``\\n``, ``\\x1b``, ``\\u202e``).

    Plan text ends up in findings; a newline in it would start a fake finding line (or a
    fake GitHub workflow command), an ANSI escape would drive the reader's terminal, and a
    bidirectional override would show the text in another order than it has. Every finding's
    message passes through here as it is rendered (:meth:`planverk.i18n.Message.render`), in
    every language, so no output format can be forged from the plan.

    With ``keep_lines``, line breaks and tabs stay (a description's paragraphs): the plan's
    free text is read through here (:data:`planverk.model.base.Text`), so documents,
    calendars, workbooks and tables never carry a bidirectional override or a terminal
    control either, and show it as the same visible escape a finding does.
    """
    pattern = _UNPRINTABLE_IN_LINES if keep_lines else _UNPRINTABLE
    return pattern.sub(_escape, text) if pattern.search(text) else text


class Position(NamedTuple):
    """A place in a plan file; line and column are 1-based.

    A named tuple rather than a dataclass: the loader makes one per YAML node, and tuples
    are several times cheaper to create.
    """

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}:{self.column}"


class Code(Value):
    """A finding's stable code, its short name, severity and documented meaning."""

    code: str
    name: str
    severity: Severity
    meaning: str


class Finding(Value):
    """One problem found in a plan; ``message`` renders in any language (``str()`` is English)."""

    code: str
    severity: Severity
    message: Message
    position: Position | None = None
    related: tuple[Position, ...] = ()


    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Order by file, line, column, then code and the message's values (dates in date
        order, so a series' occurrences at one line come in the order they take place)."""
        pos = self.position
        where = ("", 0, 0) if pos is None else (pos.file, pos.line, pos.column)
        return (*where, self.code, self.message.sort_key, str(self.message))


E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # Reading files
        Code("PV001", "invalid-yaml", E, "The file is not valid YAML (syntax, tabs used for indentation)."),
        Code("PV002", "duplicate-key", E, "A key appears twice in one mapping; YAML keeps only one, silently."),
        Code("PV003", "yaml-version", E, "A `%YAML` directive other than 1.2: plans are read by YAML 1.2 rules only."),
        Code("PV004", "alias-limit", E, "Aliases expand to more than 10,000 values or 1,000,000 characters of text (a 'billion laughs' file)."),
        Code("PV005", "encoding", E, "The file is not UTF-8 text."),
        Code("PV006", "empty-file", E, "The file holds no YAML document."),
        Code("PV007", "not-a-mapping", E, "A plan file must be a mapping of keys (plan, people, events ...)."),
        Code("PV008", "multiple-documents", E, "A plan file holds one YAML document; split further ones into files."),
        Code("PV009", "yaml-tag", E, "Only the standard tags !!str, !!int, !!float, !!bool and !!null are read."),
        Code("PV010", "missing-plan", E, "No `plan.yaml` in the plan folder, or the path does not exist."),
        Code("PV011", "bad-include", E, "An include names no file, is not a valid pattern, matches more than 1,000 files, or escapes the plan folder."),
        Code("PV012", "unreadable-file", E, "A plan file could not be read (permissions, a folder, ...)."),
        Code("PV013", "nesting-depth", E, "Mappings and lists nested more than 64 levels deep."),
        Code("PV014", "value-too-long", E, "A value (or key) longer than 100,000 characters, a number of more than 64 characters, or a file over 64 MB."),
        Code("PV015", "not-finite", E, "A number that is not finite (`.nan`, `.inf`, `1e999`): write the number."),
        Code("PV016", "control-character", E, "A control character (NUL, ESC, BEL ...) typed in a file or written as an escape in a quoted text, or a bidirectional override or isolate (U+202E ...) anywhere."),
        # Shape of the data
        Code("PV100", "unknown-key", E, "A key the model does not know; usually a typo (a did-you-mean hint follows)."),
        Code("PV101", "invalid-value", E, "A value of the wrong type or form: a date like 2017-02-30, a bad time, a missing field."),
        Code("PV102", "invalid-id", E, "An id with characters other than a-z, 0-9, '-', '_' and '.'."),
        # References
        Code("PV200", "duplicate-id", E, "Two items share an id; ids are unique across the whole plan."),
        Code("PV201", "unknown-reference", E, "A reference to an id that no item has."),
        Code("PV202", "wrong-reference-kind", E, "A reference to an item of the wrong kind (e.g. a phase as a participant)."),
        Code("PV203", "group-cycle", E, "Groups that include each other in a circle."),
        # Time
        Code("PV300", "end-before-start", E, "An end that comes before (or at) its start."),
        Code("PV301", "slot-outside-event", E, "An agenda slot outside its event's days or hours."),
        Code("PV302", "outside-plan-period", E, "An event, deadline or phase outside the plan's period."),
        Code("PV303", "weekday-mismatch", E, "The written weekday contradicts the date (a transcription slip)."),
        Code("PV304", "nonexistent-local-time", E, "A local time skipped by the change to summer time."),
        Code("PV305", "ambiguous-local-time", W, "A local time that occurs twice at the change to winter time."),
        Code("PV306", "unknown-timezone", E, "The plan's time zone is not an IANA time zone name."),
        Code("PV307", "recurrence-change", E, "A change to an occurrence the series does not have."),
        Code("PV308", "recurrence-start", E, "A repeating event whose own date is not an occurrence of its rule (or whose rule gives none)."),
        Code("PV309", "exception-not-occurrence", W, "An `except` date that the series would not have had anyway."),
        Code("PV310", "slot-needs-date", E, "A slot of a multi-day event without the day it belongs to."),
        Code("PV311", "slot-overlap", E, "Two slots of one event at overlapping times that share a room or people (both are named), or that have neither rooms nor people of their own."),
        Code("PV312", "monthly-rule-skips-months", W, "A monthly rule with no date in some months of its range (`5th wednesday`, day 31); the skipped months are named."),
        Code("PV313", "invitation-after-meeting", E, "An invitation whose `send_by` is on or after the day of the meeting it invites to."),
        Code("PV314", "series-meets-twice", E, "An occurrence of a series moved (`repeat.changes`) onto the time of another occurrence of the same series: every calendar would show two meetings at once."),
        Code("PV315", "slot-needs-id", W, "An agenda slot whose calendar entry cannot keep its UID without an `id`: it shares its topic with another slot of the event that has none, or it carries an invitation; or two slots of one event with the same `id`."),
        Code("PV320", "outside-phase", E, "An event, deadline or milestone dated outside the period of the phase it names."),
        Code("PV321", "phases-overlap", W, "A phase that starts before the phase listed before it ends: phases follow each other in the order listed."),
        Code("PV322", "no-phase", W, "An item that names no phase and falls in none, where (nearly) every other item has one."),
        # Bookings and calendar
        Code("PV400", "double-booked", E, "A person or group booked for two things at overlapping times."),
        Code("PV401", "room-double-booked", E, "A room booked for two things at overlapping times."),
        Code("PV402", "public-holiday", W, "A meeting on a Norwegian public holiday."),
        Code("PV403", "weekend", W, "A meeting on a Saturday or Sunday."),
        Code("PV404", "quiet-period", W, "A meeting inside one of the plan's `quiet_periods` (school holidays, summer, Christmas); silence it on the event with the reason."),
        Code("PV405", "booked-across-plans", W, "The same person (by e-mail address, else by id) or room booked at overlapping times in two plans validated together (`planverk validate plans/*/`); both plans and files are named."),
        # People and responsibility
        Code("PV500", "responsible-without-role", W, "A deadline's responsible person holds no role or membership in the plan."),
        Code("PV501", "invalid-email", E, "A malformed e-mail address on a person, a group or a deadline's `deliver_to` (syntax only; nothing is looked up)."),
        # Goals, KPIs, measures, savings, scorecards
        Code("PV600", "target-against-direction", E, "A KPI target whose comparator points the wrong way (e.g. '<=' on a KPI where higher is better)."),
        Code("PV601", "target-worse-than-baseline", W, "A KPI target worse than its baseline, given the direction: check the source, or silence it with the reason."),
        Code("PV602", "dates-out-of-order", E, "Measurements, risk assessments or realisation steps not in date order."),
        Code("PV603", "outside-scale", E, "A KPI baseline, target or measurement outside the KPI's scale."),
        Code("PV604", "unit-mismatch", E, "A value written with a unit other than its KPI's, e.g. '%' on a KPI counted in kroner."),
        Code("PV605", "amount-magnitude", W, "A bare amount under 1 000 kr beside amounts in the millions: probably meant in MNOK; write '2,5 mill. kr'."),
        Code("PV606", "realised-not-decided", E, "A realised effect on a measure that is only proposed, or dropped."),
        Code("PV607", "savings-years", E, "A savings target's yearly figure outside its period, or a last year's figure that is not the total."),
        Code("PV608", "subtargets-do-not-add-up", E, "A savings target's sub-targets (targets naming it as `parent`) exceed its total, or with `unallocated` do not come to it."),
        Code("PV609", "remainder-unstated", W, "A savings target's sub-targets fall short of its total and `unallocated` does not say what is left: state it."),
        Code("PV630", "decision-date-missing", W, "A measure that is decided, in progress or realised without `decided_on`, the date it was decided."),
        Code("PV631", "realised-before-decision", E, "A realised effect in a year before the measure was decided, or a status history that has it in progress or realised before its decision date."),
        Code("PV632", "outside-target-years", E, "A measure's estimated or realised effect in a year outside the periods of its savings target and the targets above it: no sum counts it."),
        Code("PV633", "realised-without-figure", E, "A measure with `status: realised` (or a `realised` entry in its status history) and no realised effect."),
        Code("PV634", "realised-far-above-estimate", W, "A realised effect more than three times the estimate for its year: a unit or a digit too many?"),
        Code("PV635", "amount-off-by-thousand", W, "An amount a thousand times smaller (or larger) than the plan's other amounts, e.g. 9 800 kr beside millions: did you mean 9 800 000 kr?"),
        Code("PV636", "savings-target-cycle", E, "Savings targets that are each other's parents in a circle."),
        Code("PV637", "status-history-mismatch", E, "A measure's `status_history` that disagrees with its `status` (the last entry is the status now) or with `decided_on` (the first `decided` entry)."),
        Code("PV610", "score-above-maximum", E, "A scorecard score above its question's maximum (or below zero), an area's score as a whole above the area's maximum, or an area's question scores adding up to more than its total."),
        Code("PV611", "unscored-question", W, "A question an assessment leaves without a score and without the reason (`{missing: why}`); silence it on the assessment or the scorecard."),
        Code("PV612", "total-mismatch", E, "An area's question maxima, or a scorecard's area totals, do not add up to the stated total."),
        Code("PV613", "unknown-scorecard-key", E, "A score for an area or question the scorecard does not have."),
        Code("PV614", "duplicate-scorecard-key", E, "Two areas of a scorecard, or two questions of an area, share an id."),
        Code("PV615", "unknown-maximum", E, "A question without a maximum in an area without a stated total: nothing bounds its score; state the area's total."),
        Code("PV620", "goal-cycle", E, "Goals that are each other's parents in a circle."),
        Code("PV621", "choice-outside-theme", E, "A chosen goal that is not under the theme the choice is made in."),
        Code("PV640", "goal-without-measure", W, "A goal (with no goals under it) that no measure or KPI serves, in a plan that links measures or KPIs to goals: the red thread breaks at the goal."),
        Code("PV641", "measure-without-goal", W, "A measure (not dropped) that serves no goal, in a plan that links measures or KPIs to goals."),
        Code("PV642", "kpi-without-goal", W, "A KPI that measures no goal, neither itself nor through a measure that names it, in a plan that links measures or KPIs to goals."),
        Code("PV643", "benefit-without-measure", W, "A benefit that no measure brings and no KPI shows."),
        Code("PV644", "kpi-without-reporting", W, "A KPI with no reporting rhythm and no report that covers it, in a plan that has reporting rhythms."),
        Code("PV645", "reporting-overdue", W, "Reporting past its due date and not reported (no measurement dated in the period, no delivery): only with `validate --as-of DATE`."),
        Code("PV646", "reporting-without-period", W, "A reporting rhythm none of whose periods ends within its span (`from`, `until`, default the plan's period)."),
        # Duplicates
        Code("PV700", "duplicate-deadline", W, "The same deadline or milestone twice: same date, same or nearly the same task (case, punctuation, small words and typos aside), not due from different people."),
        Code("PV701", "duplicate-event", W, "The same meeting twice: same title, date and time, and not in other rooms or for other people."),
        # Silences
        Code("PV900", "unused-silence", W, "A silence that silences nothing: the finding is gone, remove the silence."),
        Code("PV901", "unknown-code", E, "A silence names a code planverk does not have."),
    ]
}


def finding(code: str, message: Message, position: Position | None = None, *related: Position) -> Finding:
    """Create a finding with the severity the catalogue gives ``code``.

    Raises TypeError when ``message`` is not a :class:`~planverk.i18n.Message` (a plain
    string could not be translated).
    """
    if not isinstance(message, Message):
        raise TypeError(f"{code}: a finding's message is a planverk.i18n.Message, not {message!r}")
    return Finding(code, CODES[code].severity, message, position, tuple(related))


def codes_markdown() -> str:
    """docs/checks.md, generated from :data:`CODES` (a test keeps the two in step)."""
    lines = [
        "# Checks",
        "",
        "<!-- Generated from planverk.diagnostics.CODES; regenerate with",
        "     python -c 'from planverk.diagnostics import codes_markdown as m; print(m(), end=\"\")' > docs/checks.md -->",
        "",
        "Each finding of `planverk validate` has a stable code. Errors fail validation;",
        "warnings fail it only with `--strict`. A finding on an item (person, group, role,",
        "phase, event, deadline, goal, KPI, measure, savings target, benefit, risk, scorecard,",
        "form, reference) can be silenced on that item, with a reason:",
        "",
        "```yaml",
        "silence:",
        "  - {code: PV403, reason: The seminar runs over a weekend by design}",
        "```",
        "",
        "A finding between two items (a double booking, PV400 and PV401; a deadline or meeting",
        "written twice, PV700 and PV701; two phases that overlap, PV321) stands at the later of",
        "the two, and a silence on either item silences it. A cancelled event is not checked,",
        "and its silences are not reported unused (PV900): they hold again if it is reinstated.",
        "",
        "| code | name | severity | meaning |",
        "|---|---|---|---|",
    ]
    for code in CODES.values():
        lines.append(f"| {code.code} | {code.name} | {code.severity.value} | {code.meaning} |")
    lines += [
        "",
        "## JSON report",
        "",
        "`planverk validate --format json` prints one document: `version` (now 1; bumped when a",
        "key changes meaning or disappears), `summary` (`errors`, `warnings`, `files`) and",
        "`plans`, each with `path`, `id` (the plan's `plan.id`, also when the plan has errors;",
        "null only when the files give none), `language` (of its messages), `files` and `findings`.",
        "A finding has `code`, `name`, `severity`, `message` (in the plan's language, or",
        "`--lang`), `message_en` (the same in English, for scripts and searches), `file`,",
        "`line`, `column` (1-based; null when it concerns no file) and `related` (other",
        "positions involved, e.g. the first of two duplicate ids).",
        "",
        "## Language",
        "",
        "Messages and the summary are written in the plan's `plan.language` (`nb`, `nn` or",
        "`en`); `--lang` overrides it. A `plan.yaml` that is not valid YAML is reported in the",
        "language its `language:` line names (bokmål, the default, when it has none).",
        "Plans in different languages validated together (without `--lang`) each get their",
        "findings and a summary line in their own language, then a total (`til sammen: ...`)",
        "in bokmål, the language planverk writes in when no one plan decides it; `fmt` counts",
        "such plans' files in bokmål too.",
        "Every other command speaks the same way, with the same `--lang` (what it prints and",
        "what it writes for people: status, documents, calendars, the site).",
        "Dates and numbers in them are written as rendered documents write them",
        "(`11. mars 2025`, `11 March 2025`). Codes, names, severities and JSON keys are English",
        "in every language. The texts live in gettext catalogs under",
        "`src/planverk/i18n/locale/`; see CONTRIBUTING.md.",
        "",
    ]
    return "\n".join(lines)
