"""DTSTAMP, SEQUENCE and LAST-MODIFIED from the plan and its git history: no hidden state.

- DTSTAMP: ``SOURCE_DATE_EPOCH`` when set; else the time of the last commit that touched
  the plan folder; else (no git) midnight UTC on the first day of the plan's period.
- An item is made of lines: its own block of YAML, the ``plan:`` header, and the ``name:``
  lines of the people, groups, roles and phase it shows. SEQUENCE counts the commits since
  the item was added that changed any of those lines (uncommitted edits count as one more);
  LAST-MODIFIED is the time of the newest of them (of the item's first commit when none),
  never later than DTSTAMP. Without git, SEQUENCE is 0 and LAST-MODIFIED is DTSTAMP.
"""

from __future__ import annotations

from datetime import datetime, time, timezone
from pathlib import Path

from ..checks.context import PlanIndex
from ..errors import UsageError
from ..review.githistory import History, Lines, line_history, repository_top
from ..load.planfiles import plan_folder
from ..validate import Validation
from .entries import Stamp

ItemKey = tuple[str, int]


def dtstamp(index: PlanIndex, history: History | None, source_date_epoch: str | None) -> datetime:
    """The one DTSTAMP of every component of a run."""
    if source_date_epoch:
        try:
            return datetime.fromtimestamp(int(source_date_epoch), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise UsageError(
                f"SOURCE_DATE_EPOCH={source_date_epoch!r} is not a number of seconds since 1970"
            ) from None
    if history is not None and history.times:
        return history.times[0]
    return datetime.combine(index.plan.plan.period.start, time(), timezone.utc)


def _block(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """Lines of the YAML node that starts at ``line``:``column``: until a line indented less."""
    last = line
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1]
        stripped = text.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        if len(text) - len(stripped) < column - 1:
            break
        last = number
    return line, last


class _Spans:
    """Line ranges of plan items, read from the plan's source positions and files."""

    def __init__(self, validation: Validation) -> None:
        self.source = validation.source
        self.files: dict[str, list[str]] = {}

    def of(self, path: tuple[str | int, ...]) -> Lines | None:
        position = self.source.values.get(path) if self.source else None
        if position is None:
            return None
        if position.file not in self.files:
            try:
                self.files[position.file] = Path(position.file).read_text(encoding="utf-8-sig").splitlines()
            except OSError:
                self.files[position.file] = []
        first, last = _block(self.files[position.file], position.line, position.column)
        return Lines(Path(position.file).resolve(), first, last)


def _shown(index: PlanIndex, item) -> list[str]:
    """Ids whose names an item's component shows."""
    refs = [*getattr(item, "participants", []), *item.responsible]
    refs += [r for r in getattr(item, "deliver_to", []) if "@" not in r]
    for part in [item, *getattr(item, "agenda", [])]:
        invitation = getattr(part, "invitation", None)
        if invitation is not None:
            refs += [invitation.sender, *invitation.recipients]
        if part is not item:
            refs += [*part.participants, *part.responsible]
    if item.phase:
        refs.append(item.phase)
    return refs


def _item_lines(index: PlanIndex, validation: Validation) -> dict[ItemKey, tuple[Lines, list[Lines]]]:
    """Each event's and deadline's own lines, and the lines it depends on."""
    spans = _Spans(validation)
    header = spans.of(("plan",))
    wanted: dict[ItemKey, tuple[Lines, list[Lines]]] = {}
    for kind in ("events", "deadlines"):
        for position, item in enumerate(getattr(index.plan, kind)):
            own = spans.of((kind, position))
            if own is None:
                continue
            deps = [header] if header else []
            for ref in dict.fromkeys(_shown(index, item)):
                found = index.by_id.get(ref)
                name = spans.of((*found[1], "name")) if found else None
                if name is not None:
                    deps.append(name)
            wanted[(kind, position)] = (own, deps)
    return wanted


def plan_stamps(
    index: PlanIndex, validation: Validation, source_date_epoch: str | None
) -> tuple[datetime, dict[ItemKey, Stamp]]:
    """DTSTAMP of the run, and SEQUENCE and LAST-MODIFIED of each event and deadline."""
    folder = plan_folder(Path(validation.target).resolve())
    history = None
    if repository_top(folder) is not None:
        wanted = _item_lines(index, validation)
        history = line_history(folder, {r for own, deps in wanted.values() for r in (own, *deps)})
    stamp = dtstamp(index, history, source_date_epoch)
    if history is None or not history.times:
        return stamp, {}
    result = {}
    oldest = len(history.times) - 1
    for key, (own, deps) in wanted.items():
        changes = history.changes[own]
        created = changes.created if changes.created is not None else oldest
        touched = {c for c in changes.touched if c < created}
        for dep in deps:
            touched |= {c for c in history.changes[dep].touched if c < created}
        newest = min(touched | {created})
        when = history.time(newest)
        result[key] = Stamp(len(touched), min(when or stamp, stamp))
    return stamp, result
