"""Read one YAML file into plain data plus the source position of every key and value.

The file is parsed by libyaml (ruamel.yaml's C parser) and the data is built here from
its event stream, not by ruamel's constructor. libyaml follows YAML 1.1 in one place
people meet: inside ``{ }`` and ``[ ]`` it refuses plain scalars holding ``:``
(``{time: 09:00-10:00}``), which YAML 1.2 allows, and it refuses a plain scalar ending in
``?`` there (``{text: Er måla kjende?}``). A file libyaml refuses inside ``{ }`` or ``[ ]``
is read again by ruamel's pure-Python parser, which follows 1.2 there and gives the
same events and positions; every other file keeps the C parser's speed. So planverk:

- resolves plain scalars by the YAML 1.2 core schema only (``NO``, ``on`` and ``08:30`` are
  text; there are no timestamps: dates are parsed later, by the model, with positions);
- reports duplicate keys, tags and ``%YAML 1.1`` instead of silently accepting them;
- bounds what a file may cost: alias expansion (in values and in bytes, so a "billion
  laughs" file fails fast in bounded memory), nesting depth, the length of one value and
  the digits of one number (see the ``MAX_*`` constants, documented in docs/plan-format.md);
- refuses numbers that are not finite (``.nan``, ``.inf``, ``1e999``) and control characters
  written as escapes (``"\\x1b"``), so no such value reaches a calendar, document or terminal;
- builds without recursion, so deep nesting cannot overflow the stack.

Round-trip loading (comments kept) is for the editing commands, not for validation.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..diagnostics import Finding, Position, finding

Path_ = tuple[str | int, ...]

MAX_ALIAS_NODES = 10_000
"""How many nodes aliases may expand to in one file; plans rarely use aliases at all."""

MAX_ALIAS_BYTES = 1_000_000
"""How many characters of text aliases may expand to in one file (PV004): one long text
aliased a thousand times costs as much as a thousand copies of it in every output."""

MAX_DEPTH = 64
"""How deep mappings and lists may nest (PV013); a plan needs fewer than ten levels. Every
reader of a plan (the round-trip reader of fmt and the edits recurses) stays safe below it."""

MAX_SCALAR = 100_000
"""The longest value (or key) in characters (PV014): a long description is a few thousand."""

MAX_FILE_BYTES = 64_000_000
"""The largest plan file (PV014); 100,000 events take about 20 MB."""

MAX_NUMBER_DIGITS = 64
"""The most characters a plain number may have (PV014); amounts in kroner need about 15."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (all but tab and line feed); only double-quoted escapes can write them."""

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
_NUMBER = re.compile(
    r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_SPLIT_DECIMAL = re.compile(r"^[-+]?[0-9]+,\s+[0-9]+$")
"""A number and a key of digits that a comma inside ``{ }`` split: ``{value: 4, 5}``."""
_NULLS = frozenset(["", "~", "null", "Null", "NULL"])
_TRUE = frozenset(["true", "True", "TRUE"])
_FALSE = frozenset(["false", "False", "FALSE"])
_TAG = "tag:yaml.org,2002:"


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a document stands in its file."""

    file: str
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    leading_zero: set[Path_] = field(default_factory=set)
    """Paths of plain integers written with a leading zero (``0301``)."""
    leftovers: dict[Path_, Leftover] = field(default_factory=dict)
    """Keys a comma split off inside ``{ }`` (see :class:`Leftover`), by their path."""


@dataclass(frozen=True)
class Leftover:
    """A key without ``:`` inside ``{ }``: ``{title: Møte, kort versjon}`` reads as
    ``title: Møte`` and a key ``kort versjon`` without a value, because a comma separates
    the entries of a flow mapping. Its path's position is the key's.

    ``field`` and ``value`` are the entry the comma most likely cut, as it would read
    joined again (``title`` and ``Møte, kort versjon``); None when no plain value precedes.
    """

    key: str
    field: str | None = None
    value: str | None = None


@dataclass
class LoadedFile:
    """A parsed YAML file: its data (None when unreadable), positions and findings."""

    data: Any
    source: SourceMap
    findings: list[Finding]


class _Abort(Exception):
    """Stops building a file after a fatal finding."""

    def __init__(self, found: Finding) -> None:
        super().__init__(str(found.message))
        self.finding = found


def resolve_plain(text: str) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if text[:1].isalpha():  # fast path for words: only null and booleans start with a letter
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return None if text in _NULLS else text
    if text in _NULLS:
        return None
    if not _NUMBER.match(text):  # one test for dates, times and other text
        return text
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _tagged(tag: str, text: str, pos: Position) -> Any:
    name = tag[len(_TAG):] if tag.startswith(_TAG) else None
    if tag == "!" or name == "str":
        return text
    if name in ("int", "float", "bool", "null"):
        value = resolve_plain(text)
        wanted = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}[name]
        if isinstance(value, wanted) and not (name != "bool" and isinstance(value, bool)):
            return float(value) if name == "float" else value
        raise _Abort(finding("PV009", tr("'{text}' is not a valid !!{tag}", text=text, tag=name), pos))
    raise _Abort(
        finding(
            "PV009",
            tr("tag '{tag}' is not read in plan files: remove it (quote the value to make it text)", tag=tag),
            pos,
        )
    )


def decode(raw: bytes, display: str) -> tuple[str | None, Finding | None]:
    """Decode UTF-8 (a BOM is allowed); on failure, a finding at the offending byte."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        return None, finding(
            "PV005",
            tr("byte {byte} is not UTF-8: save the file as UTF-8 (in Excel/Word exports, choose "
                "'UTF-8' encoding)", byte=f"0x{byte:02x}"),
            Position(display, line, column),
        )


def load_file(
    path: Path, display: str, list_offsets: dict[str, int] | None = None, text: str | None = None
) -> LoadedFile:
    """Read and parse ``path``; positions name it ``display``.

    ``list_offsets`` shifts the indices of top-level lists, so that the positions of an
    included file line up with the merged plan (``events[12]`` of the plan may be
    ``events[0]`` of the file). ``text``, when given, is read instead of the file on disk
    (an edit's result, checked before it is written).
    """
    source = SourceMap(display)
    if text is None:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                message = tr("{file} has {size} MB; the most a plan file may have is {limit} MB: "
                             "split it into files with include:", file=display,
                             size=round(size / 1e6), limit=MAX_FILE_BYTES // 1_000_000)
                return LoadedFile(None, source, [finding("PV014", message, Position(display, 1, 1))])
            raw = path.read_bytes()
        except OSError as error:
            reason = error.strerror or str(error)
            message = tr("cannot read {file}: {reason}", file=display, reason=reason)
            return LoadedFile(None, source, [finding("PV012", message)])
        text, problem = decode(raw, display)
        if text is None:
            assert problem is not None
            return LoadedFile(None, source, [problem])
    return parse_text(text, source, list_offsets)


def parse_text(text: str, source: SourceMap, list_offsets: dict[str, int] | None = None) -> LoadedFile:
    """Parse YAML text into data and positions (see the module docstring)."""
    findings: list[Finding] = []
    try:
        try:
            data = _Builder(source, findings, list_offsets or {}).build(text)
        except _Yaml11Flow as refused:
            # Start again from nothing: the C parser may have recorded part of the file.
            before = list(findings)
            source.values.clear()
            source.keys.clear()
            source.leading_zero.clear()
            source.leftovers.clear()
            findings.clear()
            try:
                data = _Builder(source, findings, list_offsets or {}).build(text, pure=True)
            except _Abort:
                if refused.finding is None:
                    raise
                # A mistake for YAML 1.2 too: libyaml's words and findings, as without the retry.
                return LoadedFile(None, source, [*before, refused.finding])
    except _Abort as abort:
        return LoadedFile(None, source, [*findings, abort.finding])
    return LoadedFile(data, source, findings)


class _Yaml11Flow(Exception):
    """libyaml refused a flow collection that YAML 1.2 may allow: a plain scalar holding
    ``:`` (YAML 1.1 only) or ending in ``?`` (``{text: Er måla kjende?}``, a libyaml limit).

    ``finding`` is libyaml's syntax finding, reported when the pure parser refuses the file
    too; None for ``:``, whose finding is the pure parser's (it names the value to quote).
    """

    def __init__(self, finding: Finding | None = None) -> None:
        super().__init__()
        self.finding = finding


def _is_flow_colon(error: Exception) -> bool:
    return "found unexpected ':'" in str(getattr(error, "problem", "") or "")


def _in_flow(error: Exception) -> bool:
    return "flow" in str(getattr(error, "context", "") or "")


def _syntax_finding(error: Exception, text: str, display: str) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    # The parser's own words (English) are the problem; planverk's hints are translated.
    problem = f"{problem} ({context})" if context else str(problem)
    message = tr("invalid YAML: {problem}", problem=problem)
    if mark is None:
        return finding("PV001", message, Position(display, 1, 1))
    line, column = mark.line, mark.column
    if "unexpected ':'" in problem:
        message = tr("invalid YAML: {problem}: inside {{ }} or [ ], quote values that contain ':', "
                      "e.g. time: '09:00-10:00'", problem=problem)
    lines = text.splitlines()
    if line < len(lines) and "\t" in lines[line][: column + 1]:
        message = tr("a tab character: YAML is indented with spaces only, replace tabs by spaces")
        column = lines[line].index("\t")
    return finding("PV001", message, Position(display, line + 1, column + 1))


class _Builder:
    """Turns libyaml's event stream into Python data, recording positions as it goes."""

    def __init__(self, source: SourceMap, findings: list[Finding], offsets: dict[str, int]):
        self.source = source
        self.findings = findings
        self.offsets = offsets
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.alias_bytes = 0
        self.nodes = 0
        self.chars = 0
        """Characters of scalar text built so far, aliases counted as expanded."""

    def pos(self, mark: Any) -> Position:
        return Position(self.source.file, mark.line + 1, mark.column + 1)

    def build(self, text: str, pure: bool = False) -> Any:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        # A fresh YAML() per file; typ="safe" with pure=False selects libyaml's C parser,
        # pure=True ruamel's own parser, which reads ':' in flow scalars by YAML 1.2.
        yaml = YAML(typ="safe", pure=pure)
        self.text = text
        try:
            return self._consume(yaml.parse(text))
        except YAMLError as error:
            if not pure and _is_flow_colon(error):
                raise _Yaml11Flow from None
            found = _syntax_finding(error, text, self.source.file)
            if not pure and _in_flow(error):
                raise _Yaml11Flow(found) from None
            raise _Abort(found) from None

    def _consume(self, events: Any) -> Any:
        from ruamel.yaml import events as ev

        # Each frame: [container, path, pending_key, start_node_count, anchor, seen_keys,
        # start_chars, flow], flow (for a ``{ }`` mapping only) being [end of the last key,
        # the last entry with a plain value as (key, start of its value), the paths of the
        # leftovers that follow it] for leftovers.
        stack: list[list[Any]] = []
        root: Any = None
        documents = 0
        has_root = False

        def child_path(frame: list[Any]) -> Path_:
            container, path = frame[0], frame[1]
            if isinstance(container, list):
                index = len(container)
                if len(path) == 1 and isinstance(path[0], str):
                    index += self.offsets.get(path[0], 0)
                return (*path, index)
            return (*path, frame[2])

        def attach(value: Any) -> None:
            nonlocal root, has_root
            if not stack:
                root, has_root = value, True
                return
            frame = stack[-1]
            container = frame[0]
            if isinstance(container, list):
                container.append(value)
            else:
                container[frame[2]] = value
                frame[2] = None

        for event in events:
            kind = type(event)
            if kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Abort(
                        finding(
                            "PV008",
                            tr("a second YAML document ('---'): a plan file holds one document"),
                            self.pos(event.start_mark),
                        )
                    )
                version = getattr(event, "version", None)
                if version is not None and tuple(version) != (1, 2):
                    raise _Abort(
                        finding(
                            "PV003",
                            tr("%YAML {version}: plans are read as YAML 1.2; remove the %YAML line",
                                version=f"{version[0]}.{version[1]}"),
                            self.pos(event.start_mark),
                        )
                    )
                continue
            if kind in (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent):
                continue

            # Is this event a mapping key?
            frame = stack[-1] if stack else None
            is_key = frame is not None and isinstance(frame[0], dict) and frame[2] is None
            is_key = is_key and kind not in (ev.MappingEndEvent, ev.SequenceEndEvent)

            if is_key:
                assert frame is not None
                if kind is not ev.ScalarEvent:
                    raise _Abort(
                        finding(
                            "PV001",
                            tr("a mapping key must be plain text, not a list, mapping or alias"),
                            self.pos(event.start_mark),
                        )
                    )
                key = event.value
                self._check_text(event, self.pos(event.start_mark))
                key_path = (*frame[1], key)
                key_pos = self.pos(event.start_mark)
                seen = frame[5]
                if key in seen:
                    first = seen[key]
                    self.findings.append(
                        finding(
                            "PV002",
                            tr("duplicate key '{key}' (first at line {line}): YAML would keep only "
                                "one; remove or rename one of them", key=key, line=str(first.line)),
                            key_pos,
                            first,
                        )
                    )
                    # Keep the first value; read the duplicate into a throw-away slot.
                    frame[2] = _DUPLICATE
                else:
                    seen[key] = key_pos
                    frame[2] = key
                    self.source.keys[key_path] = key_pos
                if frame[7] is not None:
                    frame[7][0] = event.end_mark.index
                continue

            if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                done = stack.pop()
                container, start_count, anchor = done[0], done[3], done[4]
                if isinstance(container, dict):
                    container.pop(_DUPLICATE, None)
                if anchor is not None:
                    self.anchors[anchor] = (container, self.nodes - start_count + 1, self.chars - done[6])
                attach(container)
                continue

            path = child_path(frame) if frame is not None else ()
            position = self.pos(event.start_mark)
            if _DUPLICATE not in path:
                self.source.values[path] = position
            self.nodes += 1

            if frame is not None and frame[7] is not None and isinstance(frame[0], dict):
                self._flow_entry(frame, event, kind is ev.ScalarEvent, path)
            if kind is ev.ScalarEvent:
                value = self._scalar(event, path, position)
                self.chars += len(event.value)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, len(event.value))
                attach(value)
            elif kind is ev.AliasEvent:
                target = self.anchors.get(event.anchor)
                if target is None:
                    raise _Abort(finding("PV001", tr("unknown alias '*{alias}'", alias=event.anchor), position))
                value, size, chars = target
                self.alias_nodes += size
                self.alias_bytes += chars
                self.nodes += size - 1  # counted as expanded, so nested anchors grow too
                self.chars += chars
                if self.alias_nodes > MAX_ALIAS_NODES:
                    raise _Abort(
                        finding(
                            "PV004",
                            tr("aliases expand to more than {limit} values: write the data out "
                                "instead of nesting aliases", limit=MAX_ALIAS_NODES),
                            position,
                        )
                    )
                if self.alias_bytes > MAX_ALIAS_BYTES:
                    raise _Abort(
                        finding(
                            "PV004",
                            tr("aliases expand to more than {limit} characters of text: write the "
                                "text out where it is needed, or shorten it", limit=MAX_ALIAS_BYTES),
                            position,
                        )
                    )
                attach(value)
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                self._check_collection_tag(event, position)
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(
                        finding(
                            "PV013",
                            tr("nested more than {limit} levels deep: a plan needs a few levels; "
                                "check the brackets and the indentation here", limit=MAX_DEPTH),
                            position,
                        )
                    )
                container = {} if kind is ev.MappingStartEvent else []
                flow = [-1, None, []] if kind is ev.MappingStartEvent and event.flow_style else None
                stack.append([container, path, None, self.nodes, event.anchor, {}, self.chars, flow])

        if not has_root or root is None:
            raise _Abort(
                finding(
                    "PV006",
                    tr("the file is empty: a plan file holds a mapping such as 'plan:' or 'events:'"),
                    Position(self.source.file, 1, 1),
                )
            )
        return root

    def _flow_entry(self, frame: list[Any], event: Any, scalar: bool, path: Path_) -> None:
        """Note a value of a ``{ }`` mapping; an empty one right at its key's end is a leftover."""
        flow = frame[7]
        if not scalar or event.value or event.style or event.start_mark.index != flow[0]:
            plain = scalar and not event.style and event.implicit[0] and event.tag is None
            flow[1] = (frame[2], event.start_mark.index) if plain and _DUPLICATE not in path else None
            flow[2] = []
            return
        self.source.values[path] = self.source.keys.get(path) or self.pos(event.start_mark)
        flow[2].append(path)
        before = flow[1]
        joined = self.text[before[1] : flow[0]] if before is not None else ""
        if _SPLIT_DECIMAL.match(joined):  # {q1: 3, 0}: the score 3,0
            joined = "".join(joined.split())
        for each in flow[2]:  # {title: a, b, c}: b and c both say title: 'a, b, c'
            key = str(each[-1])
            if before is None or "\n" in joined or len(joined) > 200:
                self.source.leftovers[each] = Leftover(key)
            else:
                self.source.leftovers[each] = Leftover(key, str(before[0]), joined)

    def _check_collection_tag(self, event: Any, position: Position) -> None:
        tag = event.tag
        if tag is not None and tag not in (_TAG + "map", _TAG + "seq", "!"):
            raise _Abort(finding("PV009", tr("tag '{tag}' is not read in plan files: remove it", tag=tag), position))

    def _check_text(self, event: Any, position: Position) -> None:
        """Bound a scalar's length; refuse control characters (only ``"\\e"`` escapes make them)."""
        text = event.value
        if len(text) > MAX_SCALAR:
            raise _Abort(
                finding(
                    "PV014",
                    tr("a value of {length} characters; the most a value may have is {limit}: keep "
                        "long texts in a document and refer to it", length=len(text), limit=MAX_SCALAR),
                    position,
                )
            )
        if event.style == '"':
            found = _CONTROL.search(text)
            if found is not None:
                raise _Abort(
                    finding(
                        "PV016",
                        tr("the control character {character} in a text: remove the escape that "
                            "writes it", character=f"U+{ord(found.group()):04X}"),
                        position,
                    )
                )

    def _scalar(self, event: Any, path: Path_, position: Position) -> Any:
        text = event.value
        self._check_text(event, position)
        tagged = event.tag is not None and event.tag != "!"
        plain = not tagged and not event.style and event.implicit[0]
        if (plain or tagged) and len(text) > MAX_NUMBER_DIGITS and _NUMBER.match(text):
            raise _Abort(
                finding(
                    "PV014",
                    tr("a number of {length} characters; the most a number may have is {limit}: "
                        "check the value", length=len(text), limit=MAX_NUMBER_DIGITS),
                    position,
                )
            )
        if tagged:
            return _number(_tagged(event.tag, text, position), text, position)
        if not plain:
            return text
        value = _number(resolve_plain(text), text, position)
        if isinstance(value, int) and not isinstance(value, bool) and len(text) > 1:
            digits = text.lstrip("+-")
            if len(digits) > 1 and digits[0] == "0" and digits.isdigit():
                self.source.leading_zero.add(path)
        return value


def _number(value: Any, text: str, position: Position) -> Any:
    """``value``, unless it is a float that is not a finite number (PV015)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise _Abort(
            finding(
                "PV015",
                tr("'{text}' is not a finite number: write the number, or leave the value out", text=text),
                position,
            )
        )
    return value


_DUPLICATE = "\0duplicate"
"""The throw-away key under which the value of a duplicate key is read, then dropped."""
