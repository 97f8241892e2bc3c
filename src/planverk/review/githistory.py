"""When did given line ranges of plan files change? Read from git, with no state of our own.

One ``git log -p`` of the plan folder (first-parent history, so that merged branches count
as the merge) is walked from the newest commit back; each range is carried through every
diff to its older line numbers, noting the commits whose hunks touch it, added or deleted
lines alike, and the commit that created it. Uncommitted edits count as one more change,
newer than any commit. Without git, or outside a repository, there is no history.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

WORKTREE = -1
"""The index of uncommitted changes: newer than commit 0, the newest commit."""

_HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
Hunk = tuple[int, int, int, int]
"""(old start, old count, new start, new count) of a diff run with -U0."""


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines ``first`` to ``last`` (1-based, inclusive) of a file."""

    file: Path
    first: int
    last: int


@dataclass(slots=True)
class Changes:
    """The commits that touched a range: indices into :attr:`History.times`."""

    created: int | None = None
    """The commit that added the range's lines; None when older than the history read."""
    touched: list[int] = field(default_factory=list)
    """Later commits that changed it, newest first."""


@dataclass
class History:
    """Commit times (newest first) and what touched each range asked about."""

    times: list[datetime]
    changes: dict[Lines, Changes]

    def time(self, commit: int) -> datetime | None:
        """The commit time of ``commit``, None for uncommitted changes."""
        return None if commit == WORKTREE else self.times[commit]


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


def _parse_diffs(text: bytes) -> dict[str, list[Hunk]]:
    """File (repository path) -> hunks, of one commit's -U0 diff."""
    files: dict[str, list[Hunk]] = {}
    hunks: list[Hunk] | None = None
    remaining = 0
    for line in text.split(b"\n"):
        if remaining:
            if not line.startswith(b"\\"):
                remaining -= 1
            continue
        if line.startswith(b"diff --git "):
            hunks = None
        elif line.startswith(b"+++ ") and hunks is None:
            new_path = line[4:].decode("utf-8", "replace")
            hunks = [] if new_path == "/dev/null" else files.setdefault(new_path[2:], [])
        elif hunks is not None and (match := _HUNK.match(line)):
            a, b, c, d = match.groups()
            hunk = (int(a), 1 if b is None else int(b), int(c), 1 if d is None else int(d))
            hunks.append(hunk)
            remaining = hunk[1] + hunk[3]
    return files


def _log(top: Path, folder: Path) -> tuple[list[datetime], list[dict[str, list[Hunk]]]] | None:
    out = _git(
        top, "log", "--first-parent", "--diff-merges=first-parent", "-p", "-U0", "--no-renames",
        "--no-color", "--no-ext-diff", "--no-textconv", "--format=%x00%ct", "--", str(folder),
    )
    if out is None:
        return None
    times, diffs = [], []
    for chunk in out.split(b"\x00")[1:]:
        stamp, _, rest = chunk.partition(b"\n")
        times.append(datetime.fromtimestamp(int(stamp), timezone.utc))
        diffs.append(_parse_diffs(rest))
    return times, diffs


def _worktree(top: Path, folder: Path, has_head: bool) -> tuple[dict[str, list[Hunk]], set[str]]:
    """Uncommitted edits to tracked files, and the untracked files, of ``folder``."""
    diff: dict[str, list[Hunk]] = {}
    if has_head:
        out = _git(top, "diff", "-U0", "--no-renames", "--no-color", "--no-ext-diff", "--no-textconv",
                   "HEAD", "--", str(folder))
        diff = _parse_diffs(out or b"")
    out = _git(top, "ls-files", "-z", "--others", "--exclude-standard", "--", str(folder))
    untracked = {p.decode("utf-8", "replace") for p in (out or b"").split(b"\x00") if p}
    return diff, untracked


def map_range(first: int, last: int, hunks: list[Hunk]) -> tuple[bool, tuple[int, int] | None]:
    """Whether the hunks touch lines first..last, and those lines' numbers before the change.

    A deletion between two lines of the range, or right after its last line, touches it.
    The older range is None when every line of it was added by these hunks.
    """
    touched = False
    low: int | None = None
    high: int | None = None
    delta = 0  # old line number minus new line number, before the current position
    position = first

    def keep(a: int, b: int) -> None:
        nonlocal low, high
        low = a if low is None else min(low, a)
        high = b if high is None else max(high, b)

    for old_start, old_count, new_start, new_count in hunks:
        if new_start > last:
            break
        if new_count:
            hunk_first, hunk_last = new_start, new_start + new_count - 1
        else:  # a pure deletion sits after new line new_start
            hunk_first, hunk_last = new_start + 1, new_start
        if hunk_first > position:
            unchanged_last = min(hunk_first - 1, last)
            if unchanged_last >= position:
                keep(position + delta, unchanged_last + delta)
                position = unchanged_last + 1
        hits = hunk_last >= first if new_count else new_start >= first
        if hits:
            touched = True
            if old_count:
                keep(old_start, old_start + old_count - 1)
        delta += old_count - new_count
        position = max(position, hunk_last + 1)
    if position <= last:
        keep(position + delta, last + delta)
    return touched, (None if low is None or high is None else (low, high))


def line_history(folder: Path, ranges: set[Lines]) -> History | None:
    """The changes of each range in the git history of ``folder``, or None outside git."""
    top = repository_top(folder)
    if top is None:
        return None
    folder = folder.resolve()
    logged = _log(top, folder)
    if logged is None:
        return None
    times, diffs = logged
    worktree, untracked = _worktree(top, folder, bool(times))
    changes = {r: Changes() for r in ranges}
    open_ranges: dict[str, list[list]] = {}
    for r in ranges:
        try:
            name = r.file.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            continue
        if name in untracked:
            changes[r].created = WORKTREE
            continue
        open_ranges.setdefault(name, []).append([r, r.first, r.last])
    for commit, diff in [(WORKTREE, worktree), *enumerate(diffs)]:
        for name, hunks in diff.items():
            still_open = []
            for tracked in open_ranges.get(name, ()):
                touched, older = map_range(tracked[1], tracked[2], hunks)
                if touched and older is None:
                    changes[tracked[0]].created = commit
                    continue
                if touched:
                    changes[tracked[0]].touched.append(commit)
                tracked[1], tracked[2] = older  # type: ignore[misc]
                still_open.append(tracked)
            if name in open_ranges:
                open_ranges[name] = still_open
    return History(times, changes)
