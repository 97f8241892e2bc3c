"""``planverk fmt``: every file of a plan in one layout, comments, order and quoting kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Position, Severity
from ..errors import ExitCode, InvalidPlanError, PlanverkError
from ..collector import paused
from ..files import write_atomic
from ..i18n import Message, tr
from ..load.planfiles import read_plan
from .formatted import is_formatted
from .roundtrip import UnreadableForEditing, canonical, lost_comment_places
from ..load.yamlsource import decode
from .style import BOM, line_end


@dataclass(frozen=True)
class Reformat:
    """A plan file whose layout differs from planverk's."""

    path: Path
    """The file, as the plan's findings name it."""
    text: str
    """The file in planverk's layout, with the file's own line ends and byte-order mark."""
    problem: Message | None = None
    """Why the file is left as it is, when formatting it would lose something (or cannot
    read it): fmt cannot vouch for its layout."""
    position: Position | None = None
    """Where in the file, as it is, the problem stands (the comment formatting would drop),
    when it is known."""


@dataclass(frozen=True)
class Formatted:
    """What ``fmt`` found in one plan."""

    files: list[str]
    """Every file of the plan, as its findings name them."""
    changes: list[Reformat]
    """The files not in planverk's layout (rewritten with ``write``), and those it leaves
    alone with a ``problem``."""


def format_plan(target: Path, write: bool) -> Formatted:
    """Find (and with ``write``, rewrite) the files of a plan not in planverk's layout.

    The plan must read (valid YAML, UTF-8, its includes found); other findings do not
    stop the formatter. A plan that cannot be read raises
    :class:`~planverk.errors.InvalidPlanError` with its findings and exit code 2
    (``ExitCode.USAGE``): nothing of it was formatted or checked. Before anything is
    written, the formatted files are read back through the plan loader and must give
    exactly the data the originals gave.
    """
    known: set[str] = set()

    def check_layout(name: str, text: str, events: list[Any]) -> None:
        # The loader's own events of each file: a file is parsed once, not twice.
        if is_formatted(text, events):
            known.add(name)

    with paused():  # plain data read whole, freed by reference counting (see planverk.collector)
        read = read_plan(target, tap=check_layout)
    if read.data is None or any(f.severity is Severity.ERROR for f in read.findings):
        from ..validate import read_only

        unreadable = InvalidPlanError(tr("{plan} cannot be read as a plan; nothing was formatted",
                                         plan=str(target)), read_only(target, read))
        unreadable.exit_code = ExitCode.USAGE  # not a layout to fix: fmt could not look at it
        raise unreadable
    changes = []
    for name in read.files:
        if name in known:
            continue  # in planverk's layout already, as the loader's events showed
        path = Path(name)
        raw = path.read_bytes()
        text, _ = decode(raw, name)
        assert text is not None  # read_plan decoded it already
        try:
            new = layout(text)
        except UnreadableForEditing as error:
            where = None if error.line is None else Position(name, error.line + 1, (error.column or 0) + 1)
            changes.append(Reformat(path, text, tr("{problem}: left as it is", problem=error.message), where))
            continue
        new = _own_line_ends(new, raw)
        if new.encode("utf-8") != raw:
            lost = lost_comment_places(text, new.removeprefix(BOM))
            if lost:
                comment, line, column = lost[0]
                changes.append(Reformat(path, new, tr(
                    "formatting would drop the comment '{comment}' where it stands (as after an empty value "
                    "that ends a list): move it elsewhere, or write the value; the file is left as it is", comment=comment,
                ), Position(name, line + 1, column + 1)))
            else:
                changes.append(Reformat(path, new))
    if changes:
        again = read_plan(target, {c.path.resolve(): c.text.removeprefix(BOM) for c in changes if not c.problem})
        if again.data != read.data:
            raise PlanverkError(tr(
                "formatting would change what the plan says; nothing was written "
                "(this is a planverk bug: please report it with the plan)"
            ))
    if write:
        for change in changes:
            if not change.problem:
                write_atomic(change.path, change.text)
    return Formatted(list(read.files), changes)


def _own_line_ends(text: str, raw: bytes) -> str:
    """``text`` (planverk's layout, ``\\n`` line ends) with the line end most lines of the
    original ``raw`` file have (CR LF from Notepad stays CR LF), and its byte-order mark."""
    newline, bom = line_end(raw.decode("utf-8", "replace"))
    if newline != "\n":
        text = text.replace("\n", newline)
    return (BOM if bom else "") + text


def layout(text: str) -> str:
    """``canonical(text)``: the file in planverk's layout, with ``\\n`` line ends.

    A file already in the layout is recognised from libyaml's events (as fast as parsing
    it) instead of by ruamel's pure-Python round trip; :func:`canonical` reads CR LF and
    CR as ``\\n`` first, so what it returns then is the text with ``\\n`` line ends.
    """
    plain = text.replace("\r\n", "\n").replace("\r", "\n")
    return plain if is_formatted(plain) else canonical(text)
