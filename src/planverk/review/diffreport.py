"""A plan's changes as Markdown (for a pull-request comment) or versioned JSON.

Markdown speaks the plan's language (``nb``, ``nn`` or ``en``; :mod:`planverk.review.words`)
and writes dates, times and amounts through :mod:`planverk.formatting`, as the rendered
documents do: "**Styringsgruppemøte SFI** er flyttet: onsdag 8. februar 2017 kl.
08.30-10.30 → onsdag 15. februar 2017 kl. 08.30-10.30". The errors of a new version that
does not validate follow the changes. JSON keeps values plain and keys English.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from datetime import date, datetime, timedelta
from typing import Any

from ..diagnostics import Finding, printable
from ..formatting import (
    APPROXIMATELY,
    fmt_date,
    fmt_date_range,
    fmt_money,
    fmt_number,
    fmt_time,
    markdown_text,
    place,
)
from ..model.periods import parse_period
from ..model.times import parse_time_range
from ..render.labels import LABELS
from .plandiff import (
    DeadlineChange,
    EventChange,
    ItemChange,
    MeasurementChange,
    MemberChange,
    PlanDiff,
    RiskChange,
    When,
)
from .steering import KpiTargetChange, MeasureChange, PhaseChange, SavingsChange, ScoreChange
from ..i18n import DEFAULT_LANGUAGE, MessageError, show, tr
from ..model.quantities import Quantity
from .fieldwords import FieldWriter
from .words import words

JSON_VERSION = 1
"""Bumped when a key of the JSON diff changes meaning or disappears."""

SHOWN_PER_EVENT = 5
"""Occurrence changes of one series listed in Markdown before the rest are counted."""

def _md(text: str | None) -> str:
    """Plan text made safe to stand inline in a sentence of Markdown, through the one
    escaper every Markdown output uses: 'Lea`n' opens no code span, and a line break
    followed by '# ' starts no heading. Every '#' is escaped (the escaper does those ending
    a text, which would close the heading the text stands in)."""
    return _HASH.sub(r"\\#", markdown_text(text or "", line_start=False))


_HASH = re.compile(r"(?<!\\)#")


def _code(text: str) -> str:
    """``text`` as a code span, fenced by a run of backticks longer than any inside it so
    that none can close it (CommonMark 6.1), on one line: block structure is read before
    code spans, so a line break followed by '# ' would end the span and start a heading."""
    text = " ".join(text.split())
    if "`" not in text:
        return f"`{text}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", text)) + 1)
    return f"{fence} {text} {fence}"


class _Writer:
    """The sentences of one diff, in one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.w = words(language)
        self.fields = FieldWriter(language, _code)

    def say(self, key: str, **fields: Any) -> str:
        return self.w[key].format(**fields)

    def bold(self, name: str | None) -> str:
        return f"**{_md(name)}**"

    # --- dates, times, places ----------------------------------------------------------

    def day(self, day: date, style: str = "full") -> str:
        return fmt_date(day, style, language=self.language)

    def clock(self, written: str | None, start: datetime, end: datetime) -> str:
        if written is not None:
            try:
                return fmt_time(parse_time_range(written), language=self.language)
            except ValueError:
                return written
        return fmt_time(parse_time_range(f"{start:%H:%M}-{end:%H:%M}"), language=self.language)

    def period(self, written: str, year: int | None = None) -> str:
        """A period as the plan writes it ('uke 15', 'ultimo september'); an ISO or number
        form in words ('2025-W15': 'uke 15 2025'); with ``year`` when it names none."""
        try:
            period = parse_period(written)
        except MessageError:
            return _md(written)
        shown = period.label(self.language)
        return _md(f"{shown} {year}" if year is not None and period.year is None else shown)

    def when(self, when: When, with_place: bool = False, year: int | None = None) -> str:
        first, last = when.start.date(), when.end.date()
        if when.period is not None:  # as the plan writes it: 'uke 15', not its days
            text = self.period(when.period, year)
        elif when.all_day:
            last = (when.end - timedelta(days=1)).date()
            text = self.day(first) if last == first else fmt_date_range(first, last, language=self.language)
        elif last == first or when.time is not None:
            days = self.day(first) if last == first else fmt_date_range(first, last, language=self.language)
            text = f"{days} {self.clock(when.time, when.start, when.end)}"
        else:
            text = f"{self.day(first)} {self.clock(None, when.start, when.start)} – " \
                   f"{self.day(last)} {self.clock(None, when.end, when.end)}"
        where = place(when.location, when.room)
        return text + (f", {_md(where)}" if with_place and where else "")

    def due(self, text: str | None, period: str | None = None) -> str:
        if period is not None:  # as the plan writes it: 'uke 15', not its last day
            return self.period(period)
        if not text:
            return ""
        day, _, at = text.partition(" ")
        shown = self.day(date.fromisoformat(day))
        if at:
            try:
                shown += " " + fmt_time(parse_time_range(at), language=self.language)
            except ValueError:
                shown += f" {at}"
        return shown

    def money(self, value: float | None, approximate: bool = False) -> str:
        """An amount in kroner, with 'ca.' when it was written as an estimate."""
        return self.w["none"] if value is None else fmt_money(value, language=self.language, approximate=approximate)

    def number(self, value: float | None, approximate: bool = False) -> str:
        if value is None:
            return self.w["none"]
        shown = fmt_number(value, language=self.language)
        return f"{APPROXIMATELY[self.language]} {shown}" if approximate else shown

    # --- lines -------------------------------------------------------------------------

    def event(self, c: EventChange) -> str:
        name = self.bold(c.title)
        extra = []
        # one year of a yearly series dated by a period: the period says the year
        seen = c.new or c.old
        year = c.occurrence.year if c.occurrence is not None and seen is not None and seen.period else None
        if c.occurrence is not None and year is None:
            extra.append(self.say("event.occurrence", day=self.day(c.occurrence, "long")))
        if c.change == "moved":
            assert c.old and c.new
            moved = (c.old.location, c.old.room) != (c.new.location, c.new.room)
            line = self.say("event.moved", name=name, old=self.when(c.old, moved, year),
                            new=self.when(c.new, moved, year))
        elif c.change in ("occurrence-added", "occurrence-removed"):
            when = c.new or c.old
            assert when
            line = self.say(f"event.{c.change}", name=name, when=self.when(when, year=year))
            extra = []
        else:
            when = (c.new if c.change == "added" else c.old) if c.change in ("added", "removed") else (c.new or c.old)
            assert when
            line = self.say(f"event.{c.change}", name=name,
                            when=self.when(when, c.change in ("added", "removed"), year))
            if c.change in ("added", "removed") and c.count > 1:
                extra.append(self.say("event.first_of", count=c.count))
            elif c.occurrence is None and c.count > 1:
                extra.append(self.say("event.all"))
        return line + f" ({', '.join([_code(c.id), *extra])})"

    def events(self, changes: list[EventChange]) -> list[str]:
        lines: list[str] = []
        shown: dict[tuple[str, str], int] = {}
        hidden: dict[tuple[str, str], tuple[str, int]] = {}
        for c in changes:
            key = (c.id, c.change)
            shown[key] = shown.get(key, 0) + 1
            if c.occurrence is not None and shown[key] > SHOWN_PER_EVENT:
                hidden[key] = (c.title, hidden.get(key, ("", 0))[1] + 1)
                continue
            lines.append(f"- {self.event(c)}")
        for (_, change), (title, count) in hidden.items():
            lines.append(f"- {self.say('event.more', count=count, name=self.bold(title), change=self.w['change.' + change])}")
        return lines

    def member(self, c: MemberChange) -> str:
        who, group = self.bold(c.person_name), _md(c.group_name)
        roles = LABELS[self.language]["member_roles"] if self.language in LABELS else {}
        role = lambda r: roles.get(r, r) if r else ""  # noqa: E731
        if c.change == "joined":
            if c.new_role and c.new_role != "member":
                return self.say("member.joined_as", who=who, group=group, role=role(c.new_role))
            return self.say("member.joined", who=who, group=group)
        if c.change == "left":
            return self.say("member.left", who=who, group=group)
        return self.say("member.role", who=who, group=group, old=role(c.old_role), new=role(c.new_role))

    def deadline(self, c: DeadlineChange) -> str:
        name = self.bold(c.task) + (f" ({self.w['milestone']})" if c.kind == "milestone" else "")
        if c.change == "moved":
            line = self.say("deadline.moved", name=name, old=self.due(c.old_due, c.old_period),
                            new=self.due(c.new_due, c.new_period))
        elif c.change == "done":
            on = self.say("deadline.done_on", day=self.day(c.done_on)) if c.done_on else ""
            line = self.say("deadline.done", name=name, on=on, due=self.due(c.new_due, c.new_period))
        else:
            due = self.due(c.new_due, c.new_period) if c.new_due else self.due(c.old_due, c.old_period)
            line = self.say(f"deadline.{c.change}", name=name, due=due)
        return f"{line} ({_code(c.id)})"

    def measurement(self, c: MeasurementChange) -> str:
        name = f"{self.bold(c.kpi_name)} ({_code(c.kpi)})"
        source = f" ({_md(c.source)})" if c.source else ""
        day = self.day(c.date, "long")
        if c.change == "added":
            return self.say("measurement.added", name=name, value=self.value(c.new), day=day, source=source)
        if c.change == "removed":
            return self.say("measurement.removed", name=name, value=self.value(c.old), day=day)
        return self.say("measurement.changed", name=name, day=day, old=self.value(c.old), new=self.value(c.new),
                        source=source)

    def value(self, quantity: Quantity | None) -> str:
        """A number from the plan: as written, or a YAML number the language's way (``9,125``)."""
        return _md(None if quantity is None else show(quantity, self.language))

    def risk(self, c: RiskChange) -> str:
        def rating(probability: int, consequence: int | None, score: int | None) -> str:
            if score is None:
                return self.say("risk.no_consequence", probability=probability)
            return self.say("risk.score", score=score, probability=probability, consequence=consequence)

        old = rating(c.old_probability, c.old_consequence, c.old_score)
        new = rating(c.new_probability, c.new_consequence, c.new_score)
        return self.say("risk.changed", name=f"{self.bold(c.title)} ({_code(c.id)})", old=old, new=new)

    def _years(
        self, years: tuple[tuple[int, float | None, float | None], ...],
        approximate: tuple[tuple[int, bool, bool], ...],
        total: tuple[float, float] | None = None,
        total_approximate: tuple[bool, bool] | None = None,
    ) -> str:
        rough = {year: (old, new) for year, old, new in approximate}
        labelled = [(self.w["total"], *total, *(total_approximate or (False, False)))] if total is not None else []
        labelled += [(str(year), old, new, *rough.get(year, (False, False))) for year, old, new in years]
        parts = []
        for label, old, new, old_rough, new_rough in labelled:
            if old is None and new is not None:
                parts.append(self.say("in_year", amount=self.money(new, new_rough), year=label))
            else:
                parts.append(self.say("from_to", year=label, old=self.money(old, old_rough),
                                      new=self.money(new, new_rough)))
        return "; ".join(parts)

    def measure(self, c: MeasureChange) -> str:
        name = f"{self.bold(c.title)} ({_code(c.id)})"
        if c.change == "status":
            status = self.w.get(f"status.{c.new_status}", c.new_status or "")
            rough = {year: new for year, _, new in c.approximate}
            amounts = ", ".join(self.say("in_year", amount=self.money(a, rough.get(y, False)), year=y)
                                for y, a, _ in c.years if a)
            if c.new_status == "dropped" and amounts:
                return self.say("measure.dropped", name=name, amounts=amounts)
            if c.old_status == "dropped" and amounts:
                rising = ", ".join(self.say("in_year", amount=self.money(b, rough.get(y, False)), year=y)
                                   for y, _, b in c.years if b)
                return self.say("measure.revived", name=name, status=status, amounts=rising)
            on = f" {self.day(c.decided_on, 'long')}" if c.decided_on and c.new_status in ("decided", "dropped") else ""
            return self.say("measure.status", name=name, status=status, on=on)
        return self.say(f"measure.{c.change}", name=name, amounts=self._years(c.years, c.approximate))

    def savings(self, c: SavingsChange) -> str:
        return self.say(f"savings.{c.change}", name=f"{self.bold(c.title)} ({_code(c.id)})",
                        amounts=self._years(c.years, c.approximate, c.total, c.total_approximate))

    def score(self, c: ScoreChange) -> str:
        return self.say(
            "score.changed", name=self.bold(c.scorecard_title), organisation=_md(c.organisation), year=c.year,
            area=_md(c.area_name), old=self.number(c.old, c.old_approximate),
            new=self.number(c.new, c.new_approximate),
        )

    def kpi_target(self, c: KpiTargetChange) -> str:
        def target(value: Quantity | None, due: date | None) -> str:
            if value is None:
                return self.w["none"]
            return self.say("kpi.target_by", value=self.value(value), day=self.day(due, "long")) if due else self.value(value)

        return self.say(
            "kpi.target", name=f"{self.bold(c.name)} ({_code(c.id)})",
            old=target(c.old_value, c.old_due), new=target(c.new_value, c.new_due),
        )

    def phase(self, c: PhaseChange) -> str:
        old = fmt_date_range(c.old_start, c.old_end, language=self.language)
        new = fmt_date_range(c.new_start, c.new_end, language=self.language)
        return self.say("phase.moved", name=f"{self.bold(c.name)} ({_code(c.id)})", old=old, new=new)

    def item(self, c: ItemChange) -> str:
        kind = self.w.get(f"kind.{c.kind}", self.w["kind.item"])
        name = f"{self.bold(c.name)} ({_code(c.id)})"
        if c.change == "changed":
            fields = [line for f in c.fields for line in self.fields.changes(c.kind, f.field, f.old, f.new)]
            return self.say("item.changed", kind=kind, name=name, fields="; ".join(fields))
        return self.say(f"item.{c.change}", kind=kind, name=name)

def finding_line(finding: Finding, language: str = "en", target: str = "") -> str:
    """A finding as ``validate`` prints it, ``file:line:col: severity CODE message``, its
    message in ``language``; one without a position names ``target`` (the plan) instead."""
    where = str(finding.position) if finding.position else printable(target)
    also = "".join(" " + tr("(see {position})", position=str(p)).render(language) for p in finding.related)
    message = finding.message.render(language) if hasattr(finding.message, "render") else str(finding.message)
    return f"{where}: {finding.severity.value} {finding.code} {message}{also}"


def diff_markdown(
    diff: PlanDiff | None, old_label: str, new_label: str, errors: list[Finding] | None = None,
    language: str | None = None, target: str = "",
) -> str:
    """The changes as Markdown, headed by the plan and the two versions compared; then the
    new version's errors, if it has any. ``diff`` is None when the new version does not read.
    ``language`` (``--lang``) replaces the new version's own; ``target`` names the new
    version in an error that has no place in a file."""
    write = _Writer(language or (diff.language if diff else DEFAULT_LANGUAGE))
    new_label = write.w["working_tree"] if new_label == WORKING_TREE_LABEL else new_label
    lines: list[str] = []
    if diff is not None:
        title = f"{_md(diff.title)} ({_code(diff.plan_id)})"
        if diff.unchanged and not errors:
            return write.say("no_changes", title=title, old=old_label, new=new_label) + "\n"
        lines += [write.say("heading", title=title), "", write.say("compared", old=old_label, new=new_label), ""]
        if diff.new_plan:
            lines += [write.say("new_plan", old=old_label), ""]
        steering = diff.steering
        sections = [
            ("events", write.events(diff.events)),
            ("members", [f"- {write.member(c)}" for c in diff.members]),
            ("deadlines", [f"- {write.deadline(c)}" for c in diff.deadlines]),
            ("phases", [f"- {write.phase(c)}" for c in steering.phases]),
            ("money", [f"- {write.measure(c)}" for c in steering.measures]
             + [f"- {write.savings(c)}" for c in steering.savings]),
            ("measurements", [f"- {write.measurement(c)}" for c in diff.measurements]),
            ("kpi_targets", [f"- {write.kpi_target(c)}" for c in steering.kpi_targets]),
            ("scores", [f"- {write.score(c)}" for c in steering.scores]),
            ("risks", [f"- {write.risk(c)}" for c in diff.risks]),
            ("other", [f"- {write.item(c)}" for c in diff.other]),
        ]
        for key, body in sections:
            if body:
                lines += [f"#### {write.w['section.' + key]}", "", *body, ""]
    else:
        lines += [write.w["unreadable"], ""]
    if errors:
        fence = "````" if any("```" in str(f.message) for f in errors) else "```"
        lines += [f"#### {write.w['section.errors']}", "", write.w["errors_intro"], "", fence,
                  *(finding_line(f, write.language, target) for f in errors), fence, ""]
    return "\n".join(lines)


WORKING_TREE_LABEL = "working tree"
"""The label :mod:`planverk.review.revisions` gives the working tree; Markdown says it in the plan's language."""


def _plain(value: Any) -> Any:
    if isinstance(value, Quantity):
        return str(value)  # as written (a YAML number as Python writes it)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _shallow(change: Any) -> dict[str, Any]:
    """A change's fields, its quantities kept whole for :func:`_plain` (asdict would take
    them apart)."""
    return {f.name: getattr(change, f.name) for f in fields(change)}


def _finding_json(f: Finding) -> dict[str, Any]:
    position = f.position
    return {
        "code": f.code,
        "severity": f.severity.value,
        "message": str(f.message),
        "file": position.file if position else None,
        "line": position.line if position else None,
        "column": position.column if position else None,
    }


def _savings_json(change: SavingsChange) -> dict[str, Any]:
    """A savings change; the total is ``total: [old, new]``. Version 1 also gave it in
    ``years`` as year 0, and still does for the readers written against that (to go when
    the version is bumped): a reader of ``years`` skips year 0."""
    item = _plain(asdict(change))
    if change.total is not None:
        item["years"] = [[0, *item["total"]], *item["years"]]
    return item


def diff_json(
    diff: PlanDiff | None, old_label: str, new_label: str, errors: list[Finding] | None = None,
    language: str = "en",
) -> str:
    """The changes as one versioned JSON document (see docs/workflow.md)."""
    steering = diff.steering if diff else None
    document = {
        "version": JSON_VERSION,
        "plan": {"id": diff.plan_id, "title": diff.title, "language": diff.language} if diff else None,
        "old": old_label,
        "new": new_label,
        "changed": bool(diff) and not diff.unchanged,
        "new_plan": bool(diff) and diff.new_plan,
        "events": [_plain(asdict(c)) for c in diff.events] if diff else [],
        "members": [_plain(asdict(c)) for c in diff.members] if diff else [],
        "deadlines": [_plain(asdict(c)) for c in diff.deadlines] if diff else [],
        "measurements": [_plain(_shallow(c)) for c in diff.measurements] if diff else [],
        "risks": [_plain(asdict(c)) for c in diff.risks] if diff else [],
        "measures": [_plain(asdict(c)) for c in steering.measures] if steering else [],
        "savings": [_savings_json(c) for c in steering.savings] if steering else [],
        "scores": [_plain(asdict(c)) for c in steering.scores] if steering else [],
        "kpi_targets": [_plain(_shallow(c)) for c in steering.kpi_targets] if steering else [],
        "phases": [_plain(asdict(c)) for c in steering.phases] if steering else [],
        "other": [_plain(asdict(c)) for c in diff.other] if diff else [],
        "errors": [_finding_json(f) for f in errors or []],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
