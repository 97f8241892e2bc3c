"""Two versions of a plan, from folders or from git, validated and compared.

``planverk diff --git REV`` reads the old version with ``git archive`` into a temporary
folder: the working tree, the index and the repository's worktree list are not touched.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..diagnostics import Finding, Position, Severity
from ..errors import InvalidPlanError, UsageError
from ..i18n import Message, tr
from ..model import Plan
from .plandiff import PlanDiff, diff_plans
from ..load.planfiles import display_path, plan_folder
from ..validate import Validation, validate_plan

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


def _errors(result: Validation) -> list[Finding]:
    return [f for f in result.findings if f.severity is Severity.ERROR]


def _old(result: Validation, what: str | Message) -> Plan:
    """An old version: compared even with errors, refused only when it does not read."""
    if result.plan is None:
        raise InvalidPlanError(tr("{what} does not read as a plan: fix it to compare it", what=what), result)
    return result.plan


def _compare(old: Plan | None, new: Validation, old_label: str, new_label: str) -> Compared:
    if new.plan is None:
        return Compared(None, _errors(new), old_label, new_label, old.plan.language if old else "en")
    return Compared(diff_plans(old, new.plan), _errors(new), old_label, new_label, new.plan.plan.language)


def diff_folders(old: Path, new: Path) -> Compared:
    """The changes from the plan at ``old`` to the plan at ``new``."""
    return _compare(_old(validate_plan(old), str(old)), validate_plan(new), str(old), str(new))


def diff_git(spec: str, plan: Path) -> Compared:
    """The changes to ``plan`` from revision ``REV`` to the working tree, or ``REV..REV2``.

    A plan that is not in the old revision counts as new: everything in it is added.
    The new version is compared even when it has errors; they come with the changes.
    """
    old_rev, dots, new_rev = spec.partition("..")
    if not old_rev or (dots and not new_rev):
        raise UsageError(tr("'{spec}': give a revision (main, origin/main, HEAD~1) or two as REV..REV2", spec=spec))
    top = _toplevel(plan)
    relative = _inside(plan, top)
    with tempfile.TemporaryDirectory(prefix="planverk-diff-") as temp:
        old_plan = _plan_at(top, old_rev, relative, Path(temp) / "old")
        if dots:
            new_target = _plan_at(top, new_rev, relative, Path(temp) / "new")
            if new_target is None:
                raise UsageError(tr("{plan} is not in {rev}", plan=relative, rev=new_rev))
            new_result = _relabel(validate_plan(new_target), Path(temp) / "new", new_rev)
        else:
            new_result = validate_plan(plan)
        old = None
        if old_plan is not None:
            old = _old(_relabel(validate_plan(old_plan), Path(temp) / "old", old_rev),
                       tr("the plan in {rev}", rev=old_rev))
    return _compare(old, new_result, old_rev, new_rev if dots else WORKING_TREE)


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


def _inside(plan: Path, top: Path) -> str:
    relative = plan.resolve().relative_to(top.resolve()).as_posix()
    return relative or "."


def _plan_at(top: Path, rev: str, relative: str, into: Path) -> Path | None:
    """Copy the plan at ``relative`` as it is in ``rev`` into ``into``; None when absent."""
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(tr("'{rev}' is not a revision in the git repository at {folder} (see git branch -a)",
                            rev=rev, folder=str(top)))
    archive = _git(top, "archive", "--format=tar", rev, "--", relative)
    if archive.returncode != 0:
        return None
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            target = (into / member.name).resolve()
            if not member.isfile() or not target.is_relative_to(into.resolve()):
                continue  # folders are made as needed; links and odd names are skipped
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None
            target.write_bytes(source.read())
    copy = into / relative
    return copy if copy.exists() else None


def _relabel(result: Validation, root: Path, rev: str) -> Validation:
    """Findings that name files as ``REV:path/in/repo`` instead of the temporary copy."""
    prefix = display_path(root) + os.sep

    def name(file: str) -> str:
        return f"{rev}:{Path(file[len(prefix):]).as_posix()}" if file.startswith(prefix) else file

    def move(position: Position | None) -> Position | None:
        return position._replace(file=name(position.file)) if position else None

    findings = [
        replace(f, position=move(f.position), related=tuple(filter(None, map(move, f.related))))
        for f in result.findings
    ]
    return replace(result, findings=findings, files=[name(f) for f in result.files])
