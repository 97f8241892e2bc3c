"""A plan's versions through its git history, found by the plan's id wherever its files sat.

The first-parent history (merged branches count as the merge) is walked from the newest
commit back. In each commit the plan is the folder whose ``plan.yaml`` has the plan's
id: where it was in the newer commit, or, after a move or a renamed folder, wherever it
is now; the walk stops at the first commit without the plan. Each distinct folder (git
tree) is read once, from ``git archive`` into a
temporary folder, through the same loader and model as ``planverk validate``; a version
that does not read is skipped. No state of our own is kept: the same repository gives
the same versions on any machine.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..i18n import tr

PLAN_FILE = "plan.yaml"


@dataclass(frozen=True)
class Version:
    """The plan as one commit has it."""

    time: datetime
    """The commit time, UTC."""
    plan: Any
    """The plan model (:class:`planverk.model.Plan`)."""


def _git(top: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=false", *args],
            cwd=top, capture_output=True, check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def repository_top(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None."""
    out = _git(folder, "rev-parse", "--show-toplevel")
    return Path(out.decode().strip()) if out else None


def shallow(folder: Path) -> bool:
    """True when ``folder`` is in a shallow git clone (``git clone --depth 1``, the default
    checkout of many CI systems): the history, and so every count made from it, is cut short."""
    out = _git(folder, "rev-parse", "--is-shallow-repository")
    return out is not None and out.decode().strip() == "true"


def plan_id_of(text: bytes) -> str | None:
    """The ``plan: id:`` of a plan file's text, or None when it does not read."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)  # as planverk validate reads plans
    try:
        data = yaml.load(text.decode("utf-8-sig"))
        found = data["plan"]["id"]
    except Exception:  # any file that is not a plan header in this version  # noqa: BLE001
        return None
    return found if isinstance(found, str) else None


class Finder:
    """Finds the folder of a plan (by its id) in a commit, and reads plans from trees."""

    def __init__(self, top: Path, plan_id: str | None) -> None:
        self.top = top
        self.plan_id = plan_id
        self.ids: dict[str, str | None] = {}  # blob -> plan id
        self.plans: dict[str, Any] = {}  # tree -> plan model, or None

    def _id_of(self, blob: str) -> str | None:
        if blob not in self.ids:
            text = _git(self.top, "cat-file", "blob", blob)
            self.ids[blob] = plan_id_of(text) if text is not None else None
        return self.ids[blob]

    def folder(self, commit: str, guess: str, plan_file: str) -> tuple[str, str] | None:
        """(folder, tree) of the plan in ``commit``: at ``guess`` when it is there, else searched."""
        first = _join(guess, plan_file)
        here = _git(self.top, "rev-parse", f"{commit}:{first}", f"{commit}:{'' if guess == '.' else guess}")
        if here is not None:
            blob, tree = here.decode().split()
            if self.plan_id is None:
                return guess, tree  # a plan without an id is known only by where it is
            found = self._id_of(blob)
            if found == self.plan_id or found is None:
                return guess, tree  # None: the plan file did not read in this commit; still ours
        if self.plan_id is None:
            return None
        listed = _git(self.top, "ls-tree", "-r", "-z", commit)
        if listed is None:
            return None
        for entry in listed.split(b"\x00"):
            meta, _, raw_name = entry.partition(b"\t")
            parts = meta.split()
            name = raw_name.decode("utf-8", "replace")
            if len(parts) != 3 or parts[1] != b"blob" or name.rsplit("/", 1)[-1] != plan_file:
                continue
            if self._id_of(parts[2].decode()) == self.plan_id:
                folder = name.rsplit("/", 1)[0] if "/" in name else "."
                tree = _git(self.top, "rev-parse", f"{commit}:{'' if folder == '.' else folder}")
                if tree is not None:
                    return folder, tree.decode().strip()
        return None

    def plan(self, tree: str, plan_file: str) -> Any:
        """The plan model of a folder's tree; None when it does not read as a valid model."""
        if tree not in self.plans:
            self.plans[tree] = self._read(tree, plan_file)
        return self.plans[tree]

    def _read(self, tree: str, plan_file: str) -> Any:
        from pydantic import ValidationError

        from ..load.planfiles import read_plan
        from ..model import Plan
        from ..model.dating import validation_context

        with scratch("planverk-history-") as temp:
            root = temp / "plan"
            if not extract(self.top, tree, root):
                return None
            read = read_plan(root / plan_file)
            if read.data is None:
                return None
            try:
                return Plan.model_validate(read.data, context=validation_context(read.data))
            except (ValidationError, ValueError, TypeError):
                return None


@contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A temporary folder for copies of plans out of git, removed afterwards.

    Raises :class:`OutputError` when it cannot be made or filled (no room): a plan read in
    part would be a wrong version, not a missing one.
    """
    try:
        with tempfile.TemporaryDirectory(prefix=prefix, ignore_cleanup_errors=True) as temp:
            yield Path(temp)
    except OSError as error:
        from ..files import why

        raise OutputError(tr("cannot copy the plan from git into {folder}: {reason} (or set TMPDIR to a folder "
                             "with room)", reason=why(error), folder=tempfile.gettempdir())) from error


def extract(top: Path, tree: str, into: Path) -> bool:
    """Write the files of ``tree`` (a git tree or ``REV:folder``) into the new folder ``into``
    (inside a :func:`scratch` folder, which turns a failure to write into an OutputError).

    Regular files only: links, and names that would land outside ``into``, are skipped.
    False when git cannot archive it.
    """
    archive = _git(top, "archive", "--format=tar", tree)
    if archive is None:
        return False
    into.mkdir(parents=True)
    root = into.resolve()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            target = (root / member.name).resolve()
            if not member.isfile() or not target.is_relative_to(root):
                continue  # folders are made as needed; links and odd names are skipped
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is not None:
                target.write_bytes(source.read())
    return True


def _join(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder}/{name}"


def plan_versions(target: Path, plan_id: str) -> list[Version] | None:
    """The committed versions of the plan with ``plan_id``, oldest first, one per change.

    ``target`` is the plan as validated now (a folder, or its plan file): where the search
    starts. A commit whose plan reads the same as the one before it (nothing changed, or
    only where its files sit) gives no version. None outside git.
    """
    target = target.resolve()
    folder = target if target.is_dir() else target.parent
    plan_file = PLAN_FILE if target.is_dir() else target.name
    top = repository_top(folder)
    if top is None:
        return None
    relative = folder.relative_to(top.resolve()).as_posix() if folder != top.resolve() else "."
    out = _git(top, "log", "--first-parent", "--format=%H %ct", "--", "*.yaml", "*.yml")
    if out is None:
        return None
    finder = Finder(top, plan_id)
    newest_first: list[tuple[datetime, str]] = []
    guess = relative
    for line in out.decode().splitlines():
        commit, _, stamp = line.partition(" ")
        found = finder.folder(commit, guess, plan_file)
        if found is None:
            break  # older than the plan: nowhere in this commit (searching further back costs, finds nothing)
        guess, tree = found
        newest_first.append((datetime.fromtimestamp(int(stamp), timezone.utc), tree))
    versions: list[Version] = []
    last_tree = None
    for when, tree in reversed(newest_first):
        if tree == last_tree:
            continue
        last_tree = tree
        plan = finder.plan(tree, plan_file)
        if plan is not None:
            versions.append(Version(when, plan))
    return versions
