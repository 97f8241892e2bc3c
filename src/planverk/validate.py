"""The one pipeline: files -> raw data with positions -> model -> semantic checks -> findings.

CLI, tests and other commands all call :func:`validate_plan`. Every finding comes in one
run: a file that cannot be read leaves its items out, an item that fails the schema is left
out of the semantic checks (see :mod:`planverk.load.partial`), and every other item is
checked. Only a plan whose ``plan.yaml`` or header cannot be read stops the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from functools import lru_cache
from typing import Any, get_args

from .collector import paused
from .diagnostics import CODES, Finding, Position, Severity, finding
from .i18n import plural, tr
from .errors import InvalidPlanError
from .model import Plan
from .load.planfiles import Overlay, PlanSource, read_plan
from .load.partial import PartialPlan, partial_model
from .load.schema_errors import locate, with_hint
from .load.yamlsource import SourceMap


@dataclass
class Validation:
    """The outcome of validating a plan."""

    target: Path
    plan: Plan | None
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    unreadable: bool = False
    source: SourceMap | None = None
    declared_language: str | None = None
    """``plan.language`` as the files give it, when the plan could not be read into a model."""
    declared_id: str | None = None
    """``plan.id`` as the files give it (a text), when the plan could not be read into a model."""
    occurrences: dict[int, list[Any]] | None = None
    """Each event's occurrences (:class:`planverk.occurrences.Occurrence`), by index in
    ``plan.events``, as the checks computed them: kept only when asked for
    (``keep_occurrences``), by a command that shows them (``render``)."""

    @property
    def plan_id(self) -> str | None:
        """The plan's id: the model's, else what ``plan.id`` says in the files, else None."""
        return self.plan.plan.id if self.plan is not None else self.declared_id

    @property
    def language(self) -> str:
        """The language findings are written in: the plan's own (nb, nn, en), else bokmål."""
        if self.plan is not None:
            return self.plan.plan.language
        return self.declared_language or "nb"

    @property
    def errors(self) -> list[Finding]:
        """Findings of severity error."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings of severity warning."""
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """A plan was read and has no errors."""
        return self.plan is not None and not self.errors


gc_paused = paused
"""Pause the cyclic garbage collector while a plan is read (see :mod:`planverk.collector`)."""


def validate_plan(
    target: Path, overlay: Overlay | None = None, as_of: date | None = None, *, keep_occurrences: bool = False
) -> Validation:
    """Read, validate and check the plan at ``target`` (a folder or a plan file).

    ``overlay`` gives texts to read instead of some files (by resolved path), so that an
    edit is checked exactly as ``planverk validate`` would check it once written.
    ``as_of``: also check reporting for being overdue on that day (PV645).
    ``keep_occurrences``: keep every event's occurrences in the result (``occurrences``).
    """
    with gc_paused():
        return _validate(target, overlay, as_of, keep_occurrences)


def validate_plans(targets: list[Path], as_of: date | None = None) -> list[Validation]:
    """:func:`validate_plan` for each target, then the checks across them (PV405)."""
    from .checks.across import check_across

    results = [validate_plan(target, as_of=as_of) for target in targets]
    readable = [r for r in results if r.plan is not None and r.source is not None]
    with gc_paused():
        found = check_across([(r.plan, r.source) for r in readable])  # type: ignore[misc]
    for result, findings in zip(readable, found):
        if findings:
            result.findings.extend(findings)
            _finish(result)
    return results


def checked_plan(
    target: Path, refusal: str, overlay: Overlay | None = None, *, keep_occurrences: bool = False
) -> Validation:
    """:func:`validate_plan` for a command that needs a plan without errors.

    Raises :class:`~planverk.errors.InvalidPlanError` with ``refusal`` as its message and the
    findings attached (the CLI prints them) when the plan has errors or cannot be read.
    """
    result = validate_plan(target, overlay, keep_occurrences=keep_occurrences)
    if not result.ok:
        raise InvalidPlanError(refusal, result)
    return result


def read_only(target: Path, read: PlanSource) -> Validation:
    """The validation of a plan that was only read: the reading findings, no model yet."""
    return _finish(Validation(target, None, list(read.findings), read.files, read.unreadable, read.source,
                              declared_language(read.data) or read.written_language, _declared_id(read.data)))


def _declared_id(data: object) -> str | None:
    """``plan.id`` of raw plan data, when it is a text (checked or not: reports name the plan by it)."""
    info = data.get("plan") if isinstance(data, dict) else None
    found = info.get("id") if isinstance(info, dict) else None
    return found.strip() if isinstance(found, str) and found.strip() else None


def declared_language(data: object) -> str | None:
    """``plan.language`` of raw plan data, when it is one planverk writes in."""
    from .i18n import LANGUAGES

    info = data.get("plan") if isinstance(data, dict) else None
    language = info.get("language") if isinstance(info, dict) else None
    return language if isinstance(language, str) and language in LANGUAGES else None


def _validate(
    target: Path, overlay: Overlay | None, as_of: date | None = None, keep_occurrences: bool = False
) -> Validation:
    read = read_plan(target, overlay)
    if read.data is None:
        return read_only(target, read)
    # Every stage runs on what the one before could give it: a file that cannot be read
    # leaves its items out, an item that fails the schema is left out of the checks.
    result = Validation(target, None, list(read.findings), read.files, read.unreadable, read.source,
                        declared_language(read.data) or read.written_language, _declared_id(read.data))
    partial = partial_model(read.data, read.source)
    read.data = None  # the model holds what the checks need; the raw data would double the memory
    result.findings.extend(partial.findings)
    if partial.plan is not None:
        kept: dict[int, list[Any]] | None = {} if keep_occurrences else None
        result.findings.extend(check_plan(partial.plan, read, partial, as_of, kept))
        if not partial.findings and not any(f.severity is Severity.ERROR for f in read.findings):
            result.plan = partial.plan
            result.occurrences = kept
    return _finish(result)


AS_OF = frozenset({"PV645"})
"""Codes found only with ``validate --as-of``: without it their silences are not unused."""
ACROSS_PLANS = frozenset({"PV405"})
"""Codes found only when plans are validated together: one plan alone cannot tell that
their silences are unused."""


def check_plan(
    plan: Plan, read: PlanSource, partial: PartialPlan | None = None, as_of: date | None = None,
    kept: dict[int, list[Any]] | None = None,
) -> list[Finding]:
    """Run the semantic checks and apply the plan's silences.

    ``partial`` tells which items the schema left out of ``plan``: their ids still count
    as known, and paths are mapped back to the plan as written. ``as_of``: the day
    reporting is checked against (PV645 only then). ``kept``: a dict to fill with each
    event's occurrences, by index in ``plan.events``.
    """
    from .checks import PlanIndex, checks_for

    partial = partial or PartialPlan(plan)
    index = PlanIndex(plan, absent=partial.absent, unread=read.unread, as_of=as_of)
    issues = [issue for check in checks_for(plan) for issue in check(index)]
    if kept is not None:
        kept.update(index.occurrences)  # each event's, by index (see Validation.occurrences)
    silences = _silences(plan)
    used: set[tuple[tuple[str | int, ...], str]] = set()
    findings = []

    def where(path: tuple[str | int, ...]) -> Position | None:
        return locate(read.source, partial.written(path))

    for issue in issues:
        keys = {key for item in (issue.item, *issue.also) if (key := _silenced_by(item, issue.code, silences))}
        if keys:
            used.update(keys)  # a silence on each of two events: both are in use
            continue
        related = tuple(p for p in (where(r) for r in issue.related) if p)
        message = with_hint(issue.message, read.source, partial.written(issue.path))
        findings.append(finding(issue.code, message, where(issue.path), *related))
    for (item, code), path in silences.items():
        if code not in CODES:
            message = tr("silence names '{code}', which is not a planverk code", code=code)
            findings.append(finding("PV901", message, where(path)))
        elif (
            (item, code) not in used and code not in ACROSS_PLANS and (as_of or code not in AS_OF)
            and not _cancelled(plan, item)
        ):
            findings.append(
                finding("PV900", tr("nothing to silence: {code} is not reported here any more; "
                                    "remove this silence", code=code), where(path))
            )
    return findings


def _cancelled(plan: Plan, item: tuple[str | int, ...]) -> bool:
    """A cancelled event: it is not checked (no booking, weekend or holiday findings), so
    its silences are not unused; they hold again if it is reinstated."""
    return item[0] == "events" and plan.events[item[1]].status == "cancelled"  # type: ignore[index]


def _silences(plan: Plan) -> dict[tuple[tuple[str | int, ...], str], tuple[str | int, ...]]:
    """(item path, code) -> path of the silence entry, for every silence in the plan."""
    from .checks.context import KINDS

    from .model.base import Silenceable

    result = {}
    for kind in KINDS:
        for i, item in enumerate(getattr(plan, kind)):
            for n, silence in enumerate(item.silence):
                result[((kind, i), silence.code)] = (kind, i, "silence", n, "code")
            for name in _silenceable_fields(type(item)):  # items inside an item: a scorecard's assessments
                inner = getattr(item, name)
                if not isinstance(inner, list):
                    continue
                for m, part in enumerate(inner):
                    if isinstance(part, Silenceable):
                        for n, silence in enumerate(part.silence):
                            path = (kind, i, name, m)
                            result[(path, silence.code)] = (*path, "silence", n, "code")
    return result


@lru_cache(maxsize=None)
def _silenceable_fields(model: type[Any]) -> tuple[str, ...]:
    """The fields of ``model`` whose type names an item that may carry ``silence:`` (an
    event's agenda, a scorecard's assessments): the only ones :func:`_silences` looks into."""
    from .model.base import Silenceable

    def names_one(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, Silenceable):
            return True
        return any(names_one(inner) for inner in get_args(annotation))

    return tuple(name for name, info in model.model_fields.items() if names_one(info.annotation))


def _silenced_by(
    item: tuple[str | int, ...] | None, code: str, silences: dict[tuple[tuple[str | int, ...], str], Any]
) -> tuple[tuple[str | int, ...], str] | None:
    """The silence that silences ``code`` on ``item``: its own, else that of an item it lies in
    (a scorecard's silence covers its assessments)."""
    while item:
        if (item, code) in silences:
            return item, code
        item = item[:-2] if len(item) > 2 else ()
    return None


MAX_PER_CODE = 100
"""The most findings of one code a validation keeps; the rest are counted in one last
finding of that code ('and 2,500 more like this'), so a file with thousands of duplicate
keys is reported in a moment, and the summary still counts them all as one more."""


def _finish(result: Validation) -> Validation:
    result.findings.sort(key=lambda f: f.sort_key)
    counts: dict[str, int] = {}
    for item in result.findings:
        counts[item.code] = counts.get(item.code, 0) + 1
    if max(counts.values(), default=0) <= MAX_PER_CODE:
        return result
    kept: list[Finding] = []
    seen: dict[str, int] = {}
    for item in result.findings:
        seen[item.code] = seen.get(item.code, 0) + 1
        if seen[item.code] <= MAX_PER_CODE:
            kept.append(item)
        elif seen[item.code] == MAX_PER_CODE + 1:
            more = counts[item.code] - MAX_PER_CODE
            kept.append(
                finding(item.code, plural("and {count} more {code} like this, not shown: fix the ones "
                                          "above, then validate again",
                                          "and {count} more {code} like this, not shown: fix the ones "
                                          "above, then validate again", more, code=item.code),
                        item.position)
            )
    result.findings = kept
    return result



def in_language(result: Validation, language: str | None) -> Validation:
    """``result`` with its plan written in ``language`` (``--lang``): status tables, documents
    and calendars speak it instead of ``plan.language``. None keeps the plan's own."""
    if language is None or result.plan is None or language == result.plan.plan.language:
        return result
    info = result.plan.plan.model_copy(update={"language": language})
    result.plan = result.plan.model_copy(update={"plan": info})
    return result
