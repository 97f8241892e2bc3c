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
from dataclasses import replace
from pathlib import Path

from ..diagnostics import Position
from ..errors import InvalidPlanError, UsageError
from ..model import Plan
from .plandiff import PlanDiff, diff_plans
from ..load.planfiles import display_path, plan_folder
from ..validate import Validation, checked_plan, validate_plan

WORKING_TREE = "working tree"


def checked(target: Path) -> Plan:
    """The validated plan at ``target``; refused with its findings when it has errors."""
    plan = checked_plan(target, f"{target} has errors: fix them to compare it").plan
    assert plan is not None
    return plan


def diff_folders(old: Path, new: Path) -> PlanDiff:
    """The changes from the plan at ``old`` to the plan at ``new``."""
    return diff_plans(checked(old), checked(new))


def diff_git(spec: str, plan: Path) -> tuple[PlanDiff, str, str]:
    """The changes to ``plan`` from revision ``REV`` to the working tree, or ``REV..REV2``.

    Returns the changes and labels for the old and new versions. A plan that is not in
    the old revision counts as new: everything in it is added.
    """
    old_rev, dots, new_rev = spec.partition("..")
    if not old_rev or (dots and not new_rev):
        raise UsageError(f"'{spec}': give a revision (main, origin/main, HEAD~1) or two as REV..REV2")
    top = _toplevel(plan)
    relative = _inside(plan, top)
    with tempfile.TemporaryDirectory(prefix="planverk-diff-") as temp:
        old_plan = _plan_at(top, old_rev, relative, Path(temp) / "old")
        if dots:
            new_target = _plan_at(top, new_rev, relative, Path(temp) / "new")
            if new_target is None:
                raise UsageError(f"{relative} is not in {new_rev}")
            new_plan = _checked_copy(new_target, Path(temp) / "new", new_rev)
        else:
            new_plan = checked(plan)
        old = None if old_plan is None else _checked_copy(old_plan, Path(temp) / "old", old_rev)
    return diff_plans(old, new_plan), old_rev, new_rev if dots else WORKING_TREE


def _git(top: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=top, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed: compare two plan folders instead") from None


def _toplevel(plan: Path) -> Path:
    start = plan_folder(plan)
    if not start.is_dir():
        raise UsageError(f"{plan} does not exist")
    done = _git(start, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(f"{plan} is not in a git repository")
    return Path(done.stdout.decode().strip())


def _inside(plan: Path, top: Path) -> str:
    relative = plan.resolve().relative_to(top.resolve()).as_posix()
    return relative or "."


def _plan_at(top: Path, rev: str, relative: str, into: Path) -> Path | None:
    """Copy the plan at ``relative`` as it is in ``rev`` into ``into``; None when absent."""
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(f"'{rev}' is not a revision in the git repository at {top} (see git branch -a)")
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


def _checked_copy(target: Path, root: Path, rev: str) -> Plan:
    """Validate a plan copied out of git; its findings name the revision, not the copy."""
    result = validate_plan(target)
    if not result.ok:
        raise InvalidPlanError(f"the plan in {rev} has errors: fix them to compare it", _relabel(result, root, rev))
    return result.plan


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
