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
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from ..patterns import lazy
from ..values import Value
from ..i18n import Message, plural, tr
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

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
MAX_CONTROLS = 20
"""The most control characters of one file reported one by one (PV016); the rest are
counted in one more finding."""
"""Bidirectional embeddings, overrides and isolates (Unicode TR 9): any scalar may hold them
as typed, and they would show a text in another order than it has (CVE-2021-42574)."""

_FIRST_BIDI = "\u202a"
"""No text of characters below this one holds one of :data:`_BIDI` (``æøå`` and every other
Latin letter lie below it): such a text is not searched."""

_INT = lazy(r"^[-+]?[0-9]+$")
_OCT = lazy(r"^0o[0-7]+$")
_HEX = lazy(r"^0x[0-9a-fA-F]+$")
_FLOAT = lazy(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = lazy(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = lazy(r"^\.(nan|NaN|NAN)$")
_NUMBER = re.compile(
    r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_SPLIT_DECIMAL = lazy(r"^[-+]?[0-9]+,\s+[0-9]+$")
"""A number and a key of digits that a comma inside ``{ }`` split: ``{value: 4, 5}``."""
_NULLS = frozenset(["", "~", "null", "Null", "NULL"])
_TRUE = frozenset(["true", "True", "TRUE"])
_FALSE = frozenset(["false", "False", "FALSE"])
_TAG = "tag:yaml.org,2002:"


class SourceMap:
    """Where each value (and each mapping key) of a plan's files stands: a path's position.

    ``values[path]`` and ``keys[path]`` are :class:`Position` s (``values.get(path)`` when a
    path may not be recorded). Paths are those of the merged plan (see ``load_file``'s
    ``list_offsets``). Files are read without positions, which costs several times less time
    and memory on a large plan; the first position asked of a file reads it again with them
    (from the same text, so they are exact), and only that file's.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.leading_zero: set[Path_] = set()
        """Paths of plain integers written with a leading zero (``0301``)."""
        self.leftovers: dict[Path_, Leftover] = {}
        """Keys a comma split off inside ``{ }`` (see :class:`Leftover`), by their path."""
        self._parts: list[_Part] = []
        self.values = _Positions(self, "values")
        self.keys = _Positions(self, "keys")

    def include(self, other: SourceMap) -> None:
        """Add the positions of an included file, merged as ``planfiles`` merges its data.

        An item's path is in the one file that holds the item (list indices are offset); any
        other path in more than one file is the last file's, but the root and top-level keys
        stay those of the file that gave them first (``plan.yaml``'s).
        """
        self._parts.extend(other._parts)
        self.leading_zero |= other.leading_zero
        self.leftovers.update(other.leftovers)

    def _lookup(self, table: str, path: Path_) -> Position | None:
        parts = self._parts
        if len(parts) == 1:
            return parts[0].table(table).get(path)
        if len(path) <= 1:
            order: Any = parts
        else:
            order = reversed(parts)
        for part in order:
            if part.may_hold(path):
                found = part.table(table).get(path)
                if found is not None:
                    return found
        return None


class Leftover(Value):
    """A key without ``:`` inside ``{ }``: ``{title: Møte, kort versjon}`` reads as
    ``title: Møte`` and a key ``kort versjon`` without a value, because a comma separates
    the entries of a flow mapping. Its path's position is the key's.

    ``field`` and ``value`` are the entry the comma most likely cut, as it would read
    joined again (``title`` and ``Møte, kort versjon``); None when no plain value precedes.
    """

    key: str
    field: str | None = None
    value: str | None = None


class _Positions:
    """``SourceMap.values`` or ``.keys``: a read-only mapping from path to :class:`Position`."""

    def __init__(self, source: SourceMap, table: str) -> None:
        self._source = source
        self._table = table

    def get(self, path: Path_, default: Position | None = None) -> Position | None:
        found = self._source._lookup(self._table, tuple(path))
        return default if found is None else found

    def __getitem__(self, path: Path_) -> Position:
        found = self._source._lookup(self._table, tuple(path))
        if found is None:
            raise KeyError(path)
        return found

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self._source._lookup(self._table, path) is not None


class _Part:
    """One file behind a :class:`SourceMap`: its text until its positions are read."""

    def __init__(self, file: str, text: str, offsets: dict[str, int], pure: bool, data: Any) -> None:
        self.file = file
        self.text: str | None = text
        self.offsets = offsets
        self.pure = pure
        self.positions: tuple[dict[Path_, Position], dict[Path_, Position]] | None = None
        # Which paths the file can hold: its top-level keys, and for each list among them
        # the merged indices of its items (None: any path, the file is not a mapping).
        self.top: dict[str, range | None] | None = None
        if isinstance(data, dict):
            self.top = {
                key: range(offsets.get(key, 0), offsets.get(key, 0) + len(value)) if isinstance(value, list) else None
                for key, value in data.items()
            }

    def may_hold(self, path: Path_) -> bool:
        top = self.top
        if top is None or not path:
            return True
        if path[0] not in top:
            return False
        if len(path) >= 2 and type(path[1]) is int:
            items = top[path[0]]  # type: ignore[index]
            return items is not None and path[1] in items
        return True

    def table(self, name: str) -> dict[Path_, Position]:
        if self.positions is None:
            assert self.text is not None
            builder = _Builder(self.file, [], self.offsets, record=True)
            try:
                builder.build(self.text, pure=self.pure)
            except (_Abort, _Yaml11Flow):  # the file was read before, so only in theory
                pass
            self.positions = (builder.values, builder.keys)
            self.text = None
        return self.positions[0] if name == "values" else self.positions[1]


class LoadedFile(NamedTuple):
    """A parsed YAML file: its data (None when unreadable), positions and findings."""

    data: Any
    source: SourceMap
    findings: list[Finding]


class _Abort(Exception):
    """Stops building a file after a fatal finding (None: the findings already say why)."""

    def __init__(self, found: Finding | None) -> None:
        super().__init__(str(found.message) if found is not None else "")
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


EventTap = Callable[[str, str, list[Any]], None]
"""Handed each file's ``(display name, text, libyaml events)`` after a clean read by the C
parser (see :func:`parse_text`): ``planverk fmt`` checks a file's layout on the same events
rather than parsing it twice."""


def load_file(
    path: Path, display: str, list_offsets: dict[str, int] | None = None, text: str | None = None,
    tap: EventTap | None = None,
) -> LoadedFile:
    """Read and parse ``path``; positions name it ``display``.

    ``list_offsets`` shifts the indices of top-level lists, so that the positions of an
    included file line up with the merged plan (``events[12]`` of the plan may be
    ``events[0]`` of the file). ``text``, when given, is read instead of the file on disk
    (an edit's result, checked before it is written). ``tap`` is passed to :func:`parse_text`.
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
    return parse_text(text, source, list_offsets, tap)


def parse_text(
    text: str, source: SourceMap, list_offsets: dict[str, int] | None = None, tap: EventTap | None = None
) -> LoadedFile:
    """Parse YAML text into data and positions (see the module docstring).

    The positions are read from ``text`` when first asked for (see :class:`SourceMap`).
    ``tap``, when given, receives ``(source.file, text, events)`` once the text has been
    read by the C parser without a syntax error: the list of libyaml's events, from
    ``StreamStartEvent`` to ``StreamEndEvent``. It is not called for a file read by the
    pure-Python parser (see :class:`_Yaml11Flow`) or refused.
    """
    offsets = list_offsets or {}
    findings: list[Finding] = []
    pure = False
    events: list[Any] | None = None
    try:
        for record in (False, True):
            # Without positions first; a duplicate key's finding needs them (and a key a
            # comma split off inside { } its hint), so such a file is read again with them.
            builder = _Builder(source.file, findings, offsets, record)
            events = [] if tap is not None else None
            try:
                try:
                    data = builder.build(text, events=events)
                except _Yaml11Flow as refused:
                    events = None
                    # Start again from nothing: the C parser may have built part of the file.
                    before = list(findings)
                    findings.clear()
                    builder = _Builder(source.file, findings, offsets, record)
                    pure = True
                    try:
                        data = builder.build(text, pure=True)
                    except _Abort:
                        if refused.finding is None:
                            raise
                        # A mistake for YAML 1.2 too: libyaml's words and findings, as without the retry.
                        source._parts.append(_Part(source.file, text, offsets, pure, None))
                        return LoadedFile(None, source, [*before, refused.finding])
                break
            except _NeedPositions:
                findings.clear()
                pure = False
    except _Abort as abort:
        # Positions stay readable up to where the file stopped being read.
        source._parts.append(_Part(source.file, text, offsets, pure, None))
        return LoadedFile(None, source, [*findings, *([abort.finding] if abort.finding else [])])
    if events is not None and tap is not None:
        tap(source.file, text, events)
    part = _Part(source.file, text, offsets, pure, data)
    if builder.record:
        part.positions, part.text = (builder.values, builder.keys), None
    source._parts.append(part)
    source.leading_zero |= builder.leading_zero
    source.leftovers.update(builder.leftovers)
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


class _NeedPositions(Exception):
    """A duplicate key: its finding names where the first one stands, so read with positions."""


def _is_flow_colon(error: Exception) -> bool:
    return "found unexpected ':'" in str(getattr(error, "problem", "") or "")


def _is_reader_error(error: Exception) -> bool:
    """The reader refused a character before any parsing (ruamel's ReaderError)."""
    from ruamel.yaml.reader import ReaderError

    return isinstance(error, ReaderError)


_LINE_BREAK = lazy(r"\r\n|\r|\n")
_TYPED_CONTROL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters YAML 1.2 reads in no file (outside its c-printable set, section 5.1): C0 and
C1 controls but tab, line ends and NEL, surrogates, U+FFFE and U+FFFF."""


def _in_flow(error: Exception) -> bool:
    return "flow" in str(getattr(error, "context", "") or "")


def _said(problem: str) -> Message | None:
    """libyaml's ``problem`` in the plan's language, with what to do; None when unknown."""
    if problem == "did not find expected key":
        return tr("invalid YAML: a key was expected here: check the indentation, and that a quoted value ends where it should")
    if problem == "did not find expected '-' indicator":
        return tr("invalid YAML: a list item ('- ') was expected here: check the indentation")
    if problem in ("did not find expected ',' or '}'", "did not find expected ',' or ']'"):
        return tr("invalid YAML: '{close}' or ',' was expected: close the brackets, and quote values that hold a comma or a quote",
                  close=problem[-2])
    if problem == "found unexpected end of stream":
        return tr("invalid YAML: the file ends before a quote or a bracket is closed")
    if problem == "found unknown escape character":
        return tr("invalid YAML: an unknown escape after '\\' in double quotes: write '\\\\' for a backslash, or use single quotes")
    if problem == "mapping values are not allowed in this context":
        return tr("invalid YAML: ': ' inside a value: put the value in quotes")
    if problem == "found character that cannot start any token":
        return tr("invalid YAML: a value cannot start with this character ('@', '`' or '%'): put the value in quotes")
    if problem == "could not find expected ':'":
        return tr("invalid YAML: ':' was expected after a key: write 'key: value'")
    if problem == "did not find expected node content":
        return tr("invalid YAML: a value was expected here: close a '[' or '{{' before the lines that follow, "
                  "and put a value that starts with ',', ']' or '}}' in quotes")
    if problem == "did not find expected alphabetic or numeric character":
        return tr("invalid YAML: a value that starts with '*' or '&' is read as a YAML reference: put the value in quotes")
    if problem == "did not find expected comment or line break":
        return tr("invalid YAML: a value that starts with '|' or '>' is read as the start of a text block: "
                  "put the value in quotes, or start the text on the next line")
    return _said_rarely(problem)


def _said_rarely(problem: str) -> Message | None:
    """libyaml's words for the problems hand-written plans seldom run into (escapes, tags,
    directives, text blocks) in the plan's language; None when unknown."""
    if problem in ("did not find expected hexdecimal number", "found invalid Unicode character escape code"):
        return tr("invalid YAML: an escape in double quotes ('\\x', '\\u' or '\\U') lacks the hex digits it "
                  "needs: write '\\\\' for a backslash, or use single quotes")
    if problem == "found unexpected document indicator":
        return tr("invalid YAML: a line of a quoted value starts with '---' or '...', which end a YAML document: "
                  "indent the line")
    if problem == "block sequence entries are not allowed in this context":
        return tr("invalid YAML: a list item ('- ') on the line of its key: start the list on the next line, or "
                  "put a value that starts with '- ' in quotes")
    if problem == "mapping keys are not allowed in this context":
        return tr("invalid YAML: a value that starts with '? ' is read as a YAML key: put the value in quotes")
    if problem in ("found an indentation indicator equal to 0", "found a tab character where an indentation "
                   "space is expected", "found a tab character that violates indentation"):
        return tr("invalid YAML: a text block ('|' or '>') indented wrongly: indent its lines with spaces, "
                  "deeper than its key, and write no digit 0 after '|' or '>'")
    if problem in ("did not find the expected '>'", "did not find expected '>'", "did not find expected tag URI",
                   "did not find URI escaped octet", "found an incorrect leading UTF-8 octet",
                   "found an incorrect trailing UTF-8 octet", "found undefined tag handle",
                   "did not find expected '!'", "did not find expected whitespace or line break"):
        return tr("invalid YAML: a value that starts with '!' is read as a YAML tag: put the value in quotes")
    if problem in ("found duplicate %YAML directive", "found duplicate %TAG directive", "found unknown directive name",
                   "could not find expected directive name", "found unexpected non-alphabetical character",
                   "did not find expected version number", "did not find expected digit or '.' character",
                   "found extremely long version number", "found incompatible YAML document",
                   "did not find expected <document start>", "did not find expected whitespace"):
        return tr("invalid YAML: a line that starts with '%' is read as a YAML directive: remove the line, or put "
                  "a value that starts with '%' in quotes")
    return None


def _syntax_finding(error: Exception, text: str, display: str) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    # The parser's words for the problems hand-written plans run into are said in the
    # plan's language; any other problem is the parser's own (English) words.
    said = _said(str(problem))
    problem = f"{problem} ({context})" if context else str(problem)
    message = said if said is not None else tr("invalid YAML: {problem}", problem=problem)
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


def _event_source(text: str, pure: bool) -> Any:
    """A function returning the next parse event of ``text`` (libyaml's, or ruamel's own)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.main import CParser

    if pure or CParser is None:
        return iter(YAML(typ="safe", pure=True).parse(text)).__next__
    # libyaml's parser itself: YAML().parse() wraps it in a generator that asks each event
    # twice (check, then get), a tenth of reading a large plan.
    return CParser(text).get_event


class _Builder:
    """Turns libyaml's event stream into Python data.

    With ``record``, the position of every value and key is recorded as it goes (by path);
    without, none is, which is several times cheaper: positions are only read for findings,
    and :class:`SourceMap` reads a file again with ``record`` when one is asked for.
    """

    def __init__(self, file: str, findings: list[Finding], offsets: dict[str, int], record: bool = False):
        self.file = file
        self.findings = findings
        self.offsets = offsets
        self.record = record
        self.values: dict[Path_, Position] = {}
        self.keys: dict[Path_, Position] = {}
        self.leading_zero: set[Path_] = set()
        self.leftovers: dict[Path_, Leftover] = {}
        self.text = ""
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.alias_nodes = 0
        self.alias_bytes = 0
        self.controls = 0
        """Control characters found (PV016): the file is read to its end to report each."""
        self.unshown: Position | None = None
        """Where the first control character past :data:`MAX_CONTROLS` stands."""

    def pos(self, mark: Any) -> Position:
        return Position(self.file, mark.line + 1, mark.column + 1)

    def build(self, text: str, pure: bool = False, events: list[Any] | None = None) -> Any:
        """The data of ``text``; each event read is appended to ``events`` when given."""
        from ruamel.yaml.error import YAMLError

        self.text = text
        next_event = _event_source(text, pure)
        if events is not None:
            keep, get = events.append, next_event

            def next_event() -> Any:
                event = get()
                keep(event)
                return event

        try:
            root = self._consume(next_event)
            if self.controls:  # each reported: the file's data never reaches a document
                raise _Abort(self._more_controls())
            return root
        except YAMLError as error:
            if _is_reader_error(error) and self._typed_controls(text):
                raise _Abort(self._more_controls()) from None
            if not pure and _is_flow_colon(error):
                raise _Yaml11Flow from None
            found = _syntax_finding(error, text, self.file)
            if not pure and _in_flow(error):
                raise _Yaml11Flow(found) from None
            raise _Abort(found) from None

    def _more_controls(self) -> Finding | None:
        """The finding for the control characters past :data:`MAX_CONTROLS`, if any."""
        more = self.controls - MAX_CONTROLS
        return None if more <= 0 else finding("PV016", plural(
            "and {count} more control character in this file, not shown: remove the ones above, "
            "then validate again",
            "and {count} more control characters in this file, not shown: remove the ones above, "
            "then validate again", more), self.unshown)

    def _typed_controls(self, text: str) -> bool:
        """Report each control character typed as it is in ``text`` (PV016), which YAML
        reads in no file (an ESC of a colour pasted from a terminal); False when there is none."""
        line, line_start, scanned = 1, 0, 0
        for match in _TYPED_CONTROL.finditer(text):
            self.controls += 1
            if self.controls > MAX_CONTROLS + 1:
                continue  # counted only: the positions past the first unshown one are not told
            for end in _LINE_BREAK.finditer(text, scanned, match.start()):  # the text read once
                line, line_start = line + 1, end.end()
            scanned = match.start()
            position = Position(self.file, line, match.start() - line_start + 1)
            if self.controls > MAX_CONTROLS:
                self.unshown = position
                continue
            self.findings.append(finding(
                "PV016",
                tr("the control character {character} is typed in the file (pasted from a terminal or "
                   "another program?): remove it", character=f"U+{ord(match.group()):04X}"),
                position,
            ))
        return self.controls > 0

    def _consume(self, next_event: Any) -> Any:
        from ruamel.yaml import events as ev

        Scalar, MappingStart, MappingEnd = ev.ScalarEvent, ev.MappingStartEvent, ev.MappingEndEvent
        SequenceStart, SequenceEnd, Alias = ev.SequenceStartEvent, ev.SequenceEndEvent, ev.AliasEvent
        DocumentStart, StreamEnd = ev.DocumentStartEvent, ev.StreamEndEvent
        record, file, values, offsets = self.record, self.file, self.values, self.offsets
        # Each frame: [container, path, pending key (None: a key is next), node count at
        # its start, anchor, keys seen (with positions, when recording), chars at its start,
        # is a mapping, flow]. A list's items are indexed from its offset (see load_file).
        # flow, for a ``{ }`` mapping only, is True, or when recording [end of the last key,
        # the last entry with a plain value as (key, start of its value), the paths of the
        # leftovers that follow it] for leftovers.
        stack: list[list[Any]] = []
        frame: list[Any] | None = None
        root: Any = None
        has_root = False
        documents = 0
        nodes = 0
        chars = 0
        """Nodes and characters of scalar text built so far, aliases counted as expanded."""
        # Keys and texts that repeat (every event's 'title', the same venue) share one string:
        # a large plan's data takes a third less memory.
        share = {}.setdefault

        def child_path() -> Path_:
            assert frame is not None
            path = frame[1]
            if frame[7]:
                return (*path, frame[2])
            index = len(frame[0])
            if len(path) == 1 and type(path[0]) is str:
                index += offsets.get(path[0], 0)
            return (*path, index)

        while True:
            event = next_event()
            kind = type(event)

            if frame is not None and frame[7] and frame[2] is None and kind is not MappingEnd:
                # A mapping key.
                if kind is not Scalar:
                    raise _Abort(finding("PV001", tr("a mapping key must be plain text, not a list, "
                                                     "mapping or alias"), self.pos(event.start_mark)))
                key = share(event.value, event.value)
                if len(key) > MAX_SCALAR or event.style == '"' or (not key.isascii() and max(key) >= _FIRST_BIDI):
                    self._check_text(event)
                if not record:
                    if key in frame[0]:
                        raise _NeedPositions
                    frame[2] = key
                    continue
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
                    self.keys[(*frame[1], key)] = key_pos
                if frame[8] is not None:
                    frame[8][0] = event.end_mark.index
                continue

            if kind is Scalar:
                text = event.value
                nodes += 1
                chars += len(text)
                style = event.style
                if record:
                    path = child_path() if frame is not None else ()
                    if _DUPLICATE not in path:
                        values[path] = self.pos(event.start_mark)
                    if frame is not None and frame[8] is not None:
                        self._flow_entry(frame, event, True, path)
                elif not text and not style and frame is not None and frame[8] is not None:
                    raise _NeedPositions  # perhaps a key a comma split off: see _flow_entry
                if len(text) > MAX_SCALAR or style == '"' or (not text.isascii() and max(text) >= _FIRST_BIDI):
                    self._check_text(event)
                tag = event.tag
                if (tag is None or tag == "!") and (style or not event.implicit[0]):
                    value: Any = share(text, text)  # quoted, a block scalar, or '!'-tagged: as written
                elif tag is None and text[:1].isalpha():
                    # A plain word: only null and the booleans start with a letter.
                    value = True if text in _TRUE else False if text in _FALSE else None if text in _NULLS else share(text, text)
                elif tag is None and text not in _NULLS and _NUMBER.match(text) is None:
                    value = share(text, text)  # plain text that is no number: a date, a time
                else:
                    value = self._scalar(event, child_path if frame is not None else None)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, len(text))
            elif kind is MappingEnd or kind is SequenceEnd:
                done = stack.pop()
                frame = stack[-1] if stack else None
                value = done[0]
                if done[7]:
                    value.pop(_DUPLICATE, None)
                if done[4] is not None:
                    self.anchors[done[4]] = (value, nodes - done[3] + 1, chars - done[6])
            elif kind is MappingStart or kind is SequenceStart:
                position = self.pos(event.start_mark) if record else None
                path = child_path() if frame is not None else ()
                if record:
                    if _DUPLICATE not in path:
                        values[path] = position
                    if frame is not None and frame[8] is not None:
                        self._flow_entry(frame, event, False, path)
                nodes += 1
                tag = event.tag
                if tag is not None and tag not in (_TAG + "map", _TAG + "seq", "!"):
                    raise _Abort(finding("PV009", tr("tag '{tag}' is not read in plan files: remove it", tag=tag),
                                         self.pos(event.start_mark)))
                if len(stack) >= MAX_DEPTH:
                    raise _Abort(
                        finding(
                            "PV013",
                            tr("nested more than {limit} levels deep: a plan needs a few levels; "
                                "check the brackets and the indentation here", limit=MAX_DEPTH),
                            self.pos(event.start_mark),
                        )
                    )
                mapping = kind is MappingStart
                flow = ([-1, None, []] if record else True) if mapping and event.flow_style else None
                frame = [{} if mapping else [], path, None, nodes, event.anchor, {}, chars, mapping, flow]
                stack.append(frame)
                continue
            elif kind is Alias:
                position = self.pos(event.start_mark)
                if record:
                    path = child_path() if frame is not None else ()
                    if _DUPLICATE not in path:
                        values[path] = position
                    if frame is not None and frame[8] is not None:
                        self._flow_entry(frame, event, False, path)
                nodes += 1
                target = self.anchors.get(event.anchor)
                if target is None:
                    raise _Abort(finding("PV001", tr("unknown alias '*{alias}'", alias=event.anchor), position))
                value, size, expanded = target
                self.alias_nodes += size
                self.alias_bytes += expanded
                nodes += size - 1  # counted as expanded, so nested anchors grow too
                chars += expanded
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
            elif kind is DocumentStart:
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
            elif kind is StreamEnd:
                break
            else:  # the stream's start, a document's end
                continue

            # Attach the value just built to the collection it is in.
            if frame is None:
                root, has_root = value, True
            elif frame[7]:
                frame[0][frame[2]] = value
                frame[2] = None
            else:
                frame[0].append(value)

        if not has_root or root is None:
            raise _Abort(
                finding(
                    "PV006",
                    tr("the file is empty: a plan file holds a mapping such as 'plan:' or 'events:'"),
                    Position(file, 1, 1),
                )
            )
        return root

    def _flow_entry(self, frame: list[Any], event: Any, scalar: bool, path: Path_) -> None:
        """Note a value of a ``{ }`` mapping; an empty one right at its key's end is a leftover."""
        flow = frame[8]
        if not scalar or event.value or event.style or event.start_mark.index != flow[0]:
            plain = scalar and not event.style and event.implicit[0] and event.tag is None
            flow[1] = (frame[2], event.start_mark.index) if plain and _DUPLICATE not in path else None
            flow[2] = []
            return
        self.values[path] = self.keys.get(path) or self.pos(event.start_mark)
        flow[2].append(path)
        before = flow[1]
        joined = self.text[before[1] : flow[0]] if before is not None else ""
        if _SPLIT_DECIMAL.match(joined):  # {q1: 3, 0}: the score 3,0
            joined = "".join(joined.split())
        for each in flow[2]:  # {title: a, b, c}: b and c both say title: 'a, b, c'
            key = str(each[-1])
            if before is None or "\n" in joined or len(joined) > 200:
                self.leftovers[each] = Leftover(key)
            else:
                self.leftovers[each] = Leftover(key, str(before[0]), joined)

    def _check_text(self, event: Any) -> None:
        """Bound a scalar's length; refuse control characters (only ``"\\e"`` escapes make them)."""
        text = event.value
        if len(text) > MAX_SCALAR:
            raise _Abort(
                finding(
                    "PV014",
                    tr("a value of {length} characters; the most a value may have is {limit}: keep "
                        "long texts in a document and refer to it", length=len(text), limit=MAX_SCALAR),
                    self.pos(event.start_mark),
                )
            )
        quoted = event.style == '"'
        first = _BIDI.search(text) or (_CONTROL.search(text) if quoted else None)
        if first is None:
            return
        written = list(_written_controls(self.text, event))
        # where the source does not show it (only in theory), at the start of the text
        for position, character in written or [((event.start_mark.line + 1, event.start_mark.column + 1), first.group())]:
            self.controls += 1
            if self.controls > MAX_CONTROLS:
                self.unshown = self.unshown or Position(self.file, *position)
                continue
            code = f"U+{ord(character):04X}"
            self.findings.append(finding(
                "PV016",
                tr("the bidirectional control character {character} in a text would show it in another "
                   "order than it has: remove it", character=code) if _BIDI.match(character) else
                tr("the control character {character} in a text: remove the escape that writes it",
                   character=code),
                Position(self.file, *position),
            ))

    def _scalar(self, event: Any, path: Any) -> Any:
        """A plain scalar that may be a number, or a tagged one; ``path()`` gives its path."""
        text = event.value
        tagged = event.tag is not None and event.tag != "!"
        if len(text) > MAX_NUMBER_DIGITS and _NUMBER.match(text):
            raise _Abort(
                finding(
                    "PV014",
                    tr("a number of {length} characters; the most a number may have is {limit}: "
                        "check the value", length=len(text), limit=MAX_NUMBER_DIGITS),
                    self.pos(event.start_mark),
                )
            )
        value = _tagged(event.tag, text, self.pos(event.start_mark)) if tagged else resolve_plain(text)
        if isinstance(value, float) and not math.isfinite(value):
            raise _Abort(
                finding(
                    "PV015",
                    tr("'{text}' is not a finite number: write the number, or leave the value out", text=text),
                    self.pos(event.start_mark),
                )
            )
        if tagged:
            return value
        if isinstance(value, int) and not isinstance(value, bool) and len(text) > 1:
            digits = text.lstrip("+-")
            if len(digits) > 1 and digits[0] == "0" and digits.isdigit():
                self.leading_zero.add(path() if path else ())
        return value


_WRITTEN = lazy(
    r"\\\\|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\[0abvfreN_LP]|[\u202a-\u202e\u2066-\u2069]"
)
"""In a double-quoted scalar's source: an escape (``\\e``, ``\\x07``, ``\\u202e``; ``\\\\`` read
past), or a bidirectional control typed as it is."""
_SHORT_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
                  "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _written_controls(text: str, event: Any) -> Iterator[tuple[tuple[int, int], str]]:
    """((line, column), character) of each control character (PV016) the scalar of ``event``
    writes, where its source writes it: the escape in double quotes, else the character."""
    start, end = event.start_mark, event.end_mark
    source = text[start.index : end.index]
    quoted = event.style == '"'
    found = _WRITTEN.finditer(source) if quoted else _BIDI.finditer(source)
    for match in found:
        written = match.group()
        if written[0] != "\\":
            character = written
        elif written[1] in "xuU":
            character = chr(int(written[2:], 16))
        else:
            character = _SHORT_ESCAPES.get(written[1], "")
        if not (_BIDI.match(character) or (quoted and _CONTROL.match(character))):
            continue
        before = source[: match.start()]
        lines = re.split(r"\r\n|\r|\n", before)
        line = start.line + len(lines) - 1
        column = (start.column if len(lines) == 1 else 0) + len(lines[-1])
        yield (line + 1, column + 1), character


_DUPLICATE = "\0duplicate"
"""The throw-away key under which the value of a duplicate key is read, then dropped."""
