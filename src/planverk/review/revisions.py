"""Two versions of a plan, from folders or from git, validated and compared.

``planverk diff --git REV`` reads the old version's folder with ``git archive`` into a
temporary folder (:mod:`planverk.review.githistory`, as ``planverk ical`` reads a plan's
history): the working tree, the index and the repository's worktree list are not touched.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from ..diagnostics import Finding, Position, Severity
from ..errors import InvalidPlanError, UsageError
from ..i18n import Message, tr
from ..model import Plan
from .githistory import Finder, extract, plan_id_of, scratch
from .plandiff import PlanDiff, diff_plans
from ..load.planfiles import PLAN_FILE, display_path, plan_folder
from ..validate import Validation, validate_plan
from ..values import replace as replace_value

WORKING_TREE = "working tree"


@dataclass
class Compared:
    """The changes between two versions, and the errors of the new one (it may have some)."""

    diff: PlanDiff | None
    """None when the new version does not read as a plan at all."""
    errors: list[Finding]
    old_label: str
    new_label: str
    language: str = "en"
    """The new version's language when it reads, for the report's words."""
    target: str = ""
    """The new version as findings name it: its folder, or ``REV:folder`` in git."""


def _errors(result: Validation) -> list[Finding]:
    return [f for f in result.findings if f.severity is Severity.ERROR]


def _old(result: Validation, what: str | Message) -> Plan:
    """An old version: compared even with errors, refused only when it does not read."""
    if result.plan is None:
        raise InvalidPlanError(tr("{what} does not read as a plan: fix it to compare it", what=what), result)
    return result.plan


def _compare(old: Plan | None, new: Validation, old_label: str, new_label: str, target: str) -> Compared:
    if any(f.code == "PV010" for f in new.findings):  # no plan there at all: nothing to compare with
        raise InvalidPlanError(tr("{what} does not read as a plan: fix it to compare it", what=target), new)
    if new.plan is None:  # its words: what it says, else the old version's, else validate's default
        language = new.declared_language or (old.plan.language if old else new.language)
        return Compared(None, _errors(new), old_label, new_label, language, target)
    return Compared(diff_plans(old, new.plan), _errors(new), old_label, new_label, new.plan.plan.language, target)


def diff_folders(old: Path, new: Path) -> Compared:
    """The changes from the plan at ``old`` to the plan at ``new``.

    Raises :class:`InvalidPlanError` (exit 2) when either is not a plan at all (no such
    folder, no plan.yaml); a new version with errors is compared, and its errors come along.
    """
    return _compare(_old(validate_plan(old), display_path(old)), validate_plan(new), str(old), str(new),
                    display_path(new))


def diff_git(spec: str, plan: Path) -> Compared:
    """The changes to ``plan`` from revision ``REV`` to the working tree, or ``REV..REV2``.

    In each revision the plan is found as ``planverk ical`` finds its history
    (:class:`planverk.review.githistory.Finder`): by its id, in its folder or wherever a
    move or a renamed folder put it; its whole folder is read, so its includes come along.
    A plan that is not in the old revision counts as new: everything in it is added.
    The new version is compared even when it has errors; they come with the changes.
    Findings name files as ``REV:path/in/repository``.
    """
    old_rev, dots, new_rev = spec.partition("..")
    if not old_rev or (dots and not new_rev):
        raise UsageError(tr("'{spec}': give a revision (main, origin/main, HEAD~1) or two as REV..REV2", spec=spec))
    top = _toplevel(plan)
    folder, plan_file = _inside(plan, top)
    for rev in (old_rev, new_rev) if dots else (old_rev,):
        _verify(top, rev)
    finder = Finder(top, _working_id(top, folder, plan_file))
    with scratch("planverk-diff-") as temp:
        if dots:
            found = finder.folder(new_rev, folder, plan_file)
            if found is None:
                raise UsageError(tr("{plan} is not in {rev}", plan=_join(folder, plan_file), rev=new_rev))
            folder = found[0]
            new_result = _read(top, new_rev, found, plan_file, temp / "new")
            target = f"{new_rev}:{folder}"
        else:
            new_result = validate_plan(plan)
            target = display_path(plan)
        old = None
        found = finder.folder(old_rev, folder, plan_file)
        if found is not None:
            old = _old(_read(top, old_rev, found, plan_file, temp / "old"),
                       tr("the plan in {rev}", rev=old_rev))
    return _compare(old, new_result, old_rev, new_rev if dots else WORKING_TREE, target)


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=top, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(tr("git is not installed: compare two plan folders instead")) from None


def _toplevel(plan: Path) -> Path:
    start = plan_folder(plan)
    if not start.is_dir():
        raise UsageError(tr("{plan} does not exist", plan=str(plan)))
    done = _git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(tr("{plan} is not in a git repository", plan=str(plan)))
    return Path(done.stdout.decode().strip())


def _inside(plan: Path, top: Path) -> tuple[str, str]:
    """The plan's folder relative to the repository's top (``plans/gran``, or ``.``), and
    its plan file's name."""
    folder, name = (plan, PLAN_FILE) if plan.is_dir() else (plan.parent, plan.name)
    relative = folder.resolve().relative_to(top.resolve()).as_posix()
    return relative or ".", name


def _join(folder: str, name: str) -> str:
    return name if folder == "." else f"{folder}/{name}"


def _working_id(top: Path, folder: str, plan_file: str) -> str | None:
    """The id of the plan as the working tree has it: what the plan is found by in git."""
    try:
        return plan_id_of((top / folder / plan_file).read_bytes())
    except OSError:
        return None


def _verify(top: Path, rev: str) -> None:
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(tr("'{rev}' is not a revision in the git repository at {folder} (see git branch -a)",
                            rev=rev, folder=str(top)))


def _read(top: Path, rev: str, found: tuple[str, str], plan_file: str, into: Path) -> Validation:
    """The plan in ``rev`` (its folder and tree as :class:`Finder` found them), validated."""
    folder, tree = found
    if not extract(top, tree, into):
        raise UsageError(tr("git cannot read {plan} in {rev}", plan=_join(folder, plan_file), rev=rev))
    return _relabel(validate_plan(into / plan_file), into, rev, folder)


def _relabel(result: Validation, root: Path, rev: str, folder: str) -> Validation:
    """Findings that name files as ``REV:path/in/repo`` instead of the temporary copy
    ``root`` of ``folder``, in their positions and in their messages."""
    prefixes = sorted({display_path(root), str(root), str(root.resolve())}, key=len, reverse=True)
    label = f"{rev}:{folder}"

    def name(file: str) -> str:
        for prefix in prefixes:
            if file == prefix:
                return label
            if file.startswith(prefix + os.sep):
                return f"{rev}:{_join(folder, Path(file[len(prefix) + 1:]).as_posix())}"
        return file

    def text(value: str) -> str:
        for prefix in prefixes:
            if prefix in value:
                return name(value) if value.startswith(prefix) else value.replace(prefix, label)
        return value

    def message(m: Message) -> Message:
        args = tuple((k, text(v) if isinstance(v, str) else message(v) if isinstance(v, Message) else v)
                     for k, v in m.args)
        return replace_value(m, args=args)

    def move(position: Position | None) -> Position | None:
        return position._replace(file=name(position.file)) if position else None

    findings = [
        replace_value(f, position=move(f.position), related=tuple(filter(None, map(move, f.related))),
                message=message(f.message) if isinstance(f.message, Message) else f.message)
        for f in result.findings
    ]
    return replace(result, findings=findings, files=[name(f) for f in result.files], target=Path(label))
