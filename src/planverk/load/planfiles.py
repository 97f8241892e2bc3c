"""Find a plan's files, read them, and merge them into one document with positions."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from ..patterns import lazy
from ..i18n import Message, tr
from ..diagnostics import Finding, Position, finding
from .yamlsource import EventTap, SourceMap, load_file

PLAN_FILE = "plan.yaml"
COLLECTIONS = (
    "people",
    "groups",
    "roles",
    "phases",
    "quiet_periods",
    "events",
    "deadlines",
    "goals",
    "goal_choices",
    "kpis",
    "measures",
    "savings_targets",
    "benefits",
    "reports",
    "risks",
    "scorecards",
    "forms",
    "references",
)
"""Top-level lists that included files contribute to."""

ITEM_WORDS: dict[str, Message] = {
    "people": tr("person"),
    "groups": tr("group"),
    "roles": tr("role"),
    "phases": tr("phase"),
    "events": tr("event"),
    "deadlines": tr("deadline"),
    "goals": tr("goal"),
    "goal_choices": tr("goal choice"),
    "kpis": tr("KPI"),
    "measures": tr("measure"),
    "savings_targets": tr("savings target"),
    "benefits": tr("benefit"),
    "reports": tr("report"),
    "risks": tr("risk"),
    "scorecards": tr("scorecard"),
    "forms": tr("form"),
    "references": tr("reference"),
}
"""What a message calls an item of each top-level list, in the plan's language."""

ITEM_NAMES = {kind: word.template for kind, word in ITEM_WORDS.items()}
"""The same in English, for texts that are English only."""


class PlanSource:
    """The merged raw data of a plan, where each part came from, and what went wrong reading it."""

    def __init__(self, root: Path, data: dict[str, Any] | None, source: SourceMap,
                 files: list[str] | None = None, findings: list[Finding] | None = None,
                 unreadable: bool = False) -> None:
        self.root = root
        """The plan folder."""
        self.data = data
        self.source = source
        self.files: list[str] = [] if files is None else files
        self.findings: list[Finding] = [] if findings is None else findings
        self.unreadable = unreadable
        """True when the plan could not be found or opened at all (exit code 2)."""
        self.unread: list[str] = []
        """Included files that could not be read as a plan file: their items are absent."""
        self.written_language: str | None = None
        """``plan.language`` as a line of an unparsable ``plan.yaml`` writes it (see
        :func:`written_language`): the language to report its syntax error in; for one file
        of a plan folder given alone, the line of the folder's ``plan.yaml``."""


def display_path(path: Path) -> str:
    """A path as findings and messages show it: relative to the working folder when inside
    it (``plans/gran-2017/plan.yaml``), else absolute (``/srv/planer/gran/plan.yaml``), never
    climbing out with ``../``: the same file reads the same from wherever it is named."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        return absolute
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return absolute
    return relative


def plan_folder(target: Path) -> Path:
    """The folder of a plan given as a folder or as one of its files."""
    return target if target.is_dir() else target.parent


def locate_plan(target: Path) -> tuple[Path, Path] | Finding:
    """Return (plan folder, plan file) for a folder or a single plan file."""
    try:
        return _locate(target)
    except OSError as error:  # a name too long for the file system, a loop of links
        return finding("PV010", tr("{path} cannot be opened: {reason}", path=_short(display_path(target)),
                                    reason=str(error.strerror or error)))


def _short(text: str, limit: int = 120) -> str:
    """``text`` cut to ``limit`` characters for a message (a path may be thousands long)."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _locate(target: Path) -> tuple[Path, Path] | Finding:
    if target.is_dir():
        plan_file = target / PLAN_FILE
        if not plan_file.is_file():
            return finding(
                "PV010",
                tr("{folder} has no {file}: give a plan folder or a plan file (start one with "
                    "'planverk init')", folder=display_path(target), file=PLAN_FILE),
            )
        return target, plan_file
    if target.is_file():
        return target.parent, target
    return finding("PV010", tr("{path} does not exist: give a plan folder or a plan file",
                                path=_short(display_path(target))))


Overlay = Mapping[Path, str]
"""Texts to read instead of files on disk, by resolved path: an edit's result before it is written."""


def owning_plans(paths: list[Path]) -> list[Path]:
    """The plan folders that files belong to: each file's nearest folder with plan.yaml.

    For hooks that are handed changed files (pre-commit): a plan is checked whole, since
    its files refer to each other. Files in no plan are left out; each plan comes once.
    """
    found: list[Path] = []
    for path in paths:
        folder = plan_folder(path).resolve()
        for candidate in (folder, *folder.parents):
            if (candidate / PLAN_FILE).is_file():
                if candidate not in found:
                    found.append(candidate)
                break
    return [Path(display_path(folder)) for folder in found]


def read_plan(target: Path, overlay: Overlay | None = None, tap: EventTap | None = None) -> PlanSource:
    """Read ``plan.yaml`` (or a single plan file) and every file it includes.

    Files named in ``overlay`` (by resolved path) are read from there instead of from disk.
    ``tap`` is handed each file's libyaml events (see :func:`~planverk.load.yamlsource.parse_text`).
    """
    overlay = overlay or {}
    located = locate_plan(target)
    if isinstance(located, Finding):
        return PlanSource(target, None, SourceMap(display_path(target)), [], [located], True)
    root, plan_file = located
    main_display = display_path(plan_file)
    loaded = load_file(plan_file, main_display, text=overlay.get(plan_file.resolve()), tap=tap)
    merged = PlanSource(root, None, loaded.source, [main_display], list(loaded.findings))
    if plan_file.name != PLAN_FILE and (root / PLAN_FILE).is_file():
        # one file of a plan folder, checked on its own: it speaks the language of its plan
        merged.written_language = written_language(overlay.get((root / PLAN_FILE).resolve()), root / PLAN_FILE)
    if loaded.data is None:
        merged.unreadable = any(f.code == "PV012" for f in loaded.findings)
        if not merged.unreadable:
            merged.written_language = (written_language(overlay.get(plan_file.resolve()), plan_file)
                                       or merged.written_language)
        return merged
    if not isinstance(loaded.data, dict):
        merged.findings.append(_not_a_mapping(loaded.source))
        return merged
    data: dict[str, Any] = loaded.data
    merged.data = data
    for path in _included_files(root, plan_file, data, loaded.source, merged.findings):
        _merge_file(merged, path, overlay.get(path.resolve()), tap)
    return merged


_LANGUAGE = lazy(
    r"""(?:^[ \t]+|[{,][ \t]*)language:[ \t]*(["']?)(nb|nn|en)\1[ \t]*(?=[,}]|#|\r?$)""", re.MULTILINE
)
"""A ``language: nn`` line under ``plan:`` (or ``language: nn`` inside ``plan: {...}``): only
the plan header has that key."""


def written_language(text: str | None, path: Path) -> str | None:
    """The plan's language as the raw text of its ``plan.yaml`` writes it, for a file that
    cannot be parsed: its first indented ``language: nb|nn|en``; None when it has none (the
    plan's language is then bokmål, the default) or when the file cannot be read."""
    if text is None:
        try:
            text = path.read_bytes()[:MAX_LANGUAGE_BYTES].decode("utf-8", "replace")
        except OSError:
            return None
    found = _LANGUAGE.search(text)
    return found.group(2) if found else None


def plan_language(target: Path) -> str | None:
    """The language a plan's files name, read without checking the plan: ``plan.language``
    of its plan file (``plan.yaml`` of a folder, or the file given), else that file's
    ``language:`` line when it cannot be parsed, else (a file of a plan folder given alone)
    the line of the folder's ``plan.yaml``; None when none names one (bokmål, the default)."""
    from ..validate import declared_language

    try:
        located = locate_plan(target)
        if isinstance(located, Finding):
            return None
        root, plan_file = located
        found = declared_language(load_file(plan_file, display_path(plan_file)).data)
    except Exception:  # noqa: BLE001 - only a guess for the words of a message; never fail on it
        return None
    if found is None:
        found = written_language(None, plan_file)
    if found is None and plan_file.name != PLAN_FILE:
        found = written_language(None, root / PLAN_FILE)
    return found


MAX_LANGUAGE_BYTES = 1_000_000
"""How much of an unparsable ``plan.yaml`` is searched for its language (the header is near the top)."""


def _not_a_mapping(source: SourceMap) -> Finding:
    return finding(
        "PV007",
        tr("a plan file is a mapping of keys such as 'plan:', 'people:' and 'events:'"),
        source.values.get((), Position(source.file, 1, 1)),
    )


def _included_files(
    root: Path, plan_file: Path, data: dict[str, Any], source: SourceMap, findings: list[Finding]
) -> list[Path]:
    """Resolve ``include:`` patterns to files inside the plan folder, in a stable order."""
    patterns = data.get("include")
    if patterns is None:
        return []
    if not isinstance(patterns, list):
        patterns = [patterns]
    real_root = root.resolve()
    seen = {plan_file.resolve()}
    result: list[Path] = []

    def where(index: int) -> Position | None:  # read only for a finding: it may read the file again
        return source.values.get(("include", index)) or source.values.get(("include",))

    for index, pattern in enumerate(patterns):
        if not isinstance(pattern, str) or not pattern.strip():
            findings.append(finding("PV011", tr("an include is a file name or glob, e.g. 'events/*.yaml'"), where(index)))
            continue
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            findings.append(
                finding("PV011", tr("include '{pattern}' points outside the plan folder: a plan "
                                     "includes only files inside its own folder", pattern=_short(pattern)), where(index))
            )
            continue
        matches, problem = _glob(root, pattern)
        if problem:
            findings.append(finding("PV011", tr("include '{pattern}' {problem}", pattern=_short(pattern),
                                                 problem=problem), where(index)))
            continue
        if not matches:
            message = tr("include '{pattern}' matches no file in the plan folder ({folder})",
                          pattern=_short(pattern), folder=display_path(root))
            findings.append(finding("PV011", message, where(index)))
            continue
        for match in matches:
            real = match.resolve()
            if not real.is_relative_to(real_root):
                findings.append(
                    finding("PV011", tr("include '{pattern}' reaches {file}, a link to outside the "
                                         "plan folder: copy the file into the folder",
                                         pattern=_short(pattern), file=display_path(match)), where(index))
                )
            elif real not in seen:
                seen.add(real)
                result.append(match)
    return result


MAX_INCLUDE_FILES = 1_000
"""The most files one include pattern may match (PV011): a plan has a few dozen files, and
a pattern such as '**' in a large folder would otherwise read everything below it."""

MAX_PATTERN_PARTS = 32
"""The most folder levels an include pattern may name (PV011)."""


def _glob(root: Path, pattern: str) -> tuple[list[Path], Message | None]:
    """The files ``pattern`` matches under ``root`` in a stable order, or why it cannot be used."""
    if len(Path(pattern).parts) > MAX_PATTERN_PARTS or len(pattern) > 1_000:
        return [], tr("is longer than an include may be ({levels} folder levels, {chars} characters)",
                       levels=MAX_PATTERN_PARTS, chars=1_000)
    matches: list[Path] = []
    try:
        for path in root.glob(pattern):
            if path.is_file():
                matches.append(path)
                if len(matches) > MAX_INCLUDE_FILES:
                    return [], tr("matches more than {limit} files: name the folder or the files the "
                                   "plan needs, e.g. 'events/*.yaml'", limit=MAX_INCLUDE_FILES)
    except ValueError as error:  # not a valid pattern, e.g. 'a**'
        return [], tr("is not a valid pattern ({error}): use '*' within a name and '**' as a whole "
                       "folder name", error=str(error))
    except (OSError, RecursionError) as error:
        reason = getattr(error, "strerror", None) or "too deep"
        return [], tr("cannot be searched ({reason}): name the files the plan needs", reason=str(reason))
    return sorted(matches), None


def _merge_file(merged: PlanSource, path: Path, text: str | None, tap: EventTap | None = None) -> None:
    """Append an included file's lists to the plan's, keeping positions aligned."""
    assert merged.data is not None
    offsets = {key: len(merged.data.get(key) or []) for key in COLLECTIONS}
    display = display_path(path)
    loaded = load_file(path, display, offsets, text, tap)
    merged.files.append(display)
    merged.findings.extend(loaded.findings)
    if loaded.data is None:
        merged.unreadable = merged.unreadable or any(f.code == "PV012" for f in loaded.findings)
        merged.unread.append(display)
        return
    if not isinstance(loaded.data, dict):
        merged.findings.append(_not_a_mapping(loaded.source))
        merged.unread.append(display)
        return
    source = loaded.source
    for key, value in loaded.data.items():
        if key not in COLLECTIONS:
            key_pos = source.keys.get((key,))
            hint = get_close_matches(str(key), COLLECTIONS, n=1)
            if key in ("plan", "include"):
                message = tr("unknown key '{key}' in an included file: it belongs in plan.yaml only", key=key)
            elif hint:
                message = tr("unknown key '{key}' in an included file: did you mean '{near}'?",
                              key=key, near=hint[0])
            else:
                message = tr("unknown key '{key}' in an included file: an included file holds {keys}",
                              key=key, keys=", ".join(COLLECTIONS))
            merged.findings.append(finding("PV100", message, key_pos))
            continue
        if not isinstance(value, list):
            merged.findings.append(
                finding("PV101", tr("'{key}' must be a list (items start with '- ')", key=key),
                        source.values.get((key,)))
            )
            continue
        existing = merged.data.get(key)
        if existing is None:
            merged.data[key] = value
        elif isinstance(existing, list):
            existing.extend(value)
    merged.source.include(source)
