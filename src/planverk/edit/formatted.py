"""Tell quickly, and exactly, that a file already is in planverk's layout.

``planverk fmt --check`` must say whether :func:`~planverk.edit.roundtrip.canonical` would
change a file. Working that out by formatting costs ruamel's pure-Python round trip (load
and dump), about as long per file as ``planverk validate`` takes for the whole plan.

:func:`is_formatted` decides the common case, a file already in the layout, from libyaml's
event stream (C speed) and the file's text: it walks the events and the text side by side
and accepts the file only when every character is where ruamel's round trip writes it.
It knows a deliberately small part of YAML, the part planverk's layout uses:

- one block mapping at the root; keys one-line text (plain or quoted) followed by ``:``;
- mappings indented by two spaces; list items ``- `` two spaces in from their key, a
  mapping in a list item starting on the dash's line;
- values: one-line plain, ``'single'`` or ``"double"`` quoted text (no escapes but ``\\"`` and ``\\\\``), whole
  numbers, decimals, ``true``/``false``, an empty value after ``key:``, and one-line flow
  collections ``[a, b]`` / ``{k: v}`` written with ``, `` and ``: `` and no inner spaces;
- blank lines and whole-line comments between entries, a comment at the end of a line.

Anything else (block text ``|``, anchors, tags, ``---``, CR LF, tabs, a byte-order mark,
long lines, unusual characters, a comment where ruamel would move it) gives False:
"not known", and the caller formats the file the slow way. False never means "not
formatted". True means ``canonical(text) == text``: the tests check that against the
round trip on generated files, formatted and not.
"""

from __future__ import annotations

import re
from typing import Any

from ..load.yamlsource import resolve_plain

_UNSURE_TEXT = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|[^\n]{1001}"
)
"""Text the check leaves to the round trip: control characters (tab and CR included), the
YAML line breaks U+0085/U+2028/U+2029, a byte-order mark, characters beyond U+FFFF (ruamel
may escape them) and lines longer than 1,000 characters (ruamel folds lines past 4,096)."""

_SKIP = re.compile(r"(?:[ ]*#[^\n]*\n|\n)*")
"""Blank lines and whole-line comments, which the round trip keeps as they are."""

_END = re.compile(r"(?:[ ]+#[^\n]*)?\n")
"""The end of a line: a line break, perhaps after a comment."""

_PLAIN_BLOCK = re.compile(r"(?!---|\.\.\.)(?:[^\s#,\[\]{}&*!|>'\"%@`?:-]|-(?=[0-9]))(?:[^:#]|:(?! )|(?<! )#)*(?<![ :])\Z")
"""Text ruamel writes plain after ``key: `` or ``- `` (its emitter's plain-scalar rules)."""

_PLAIN_FLOW = re.compile(r"(?!---|\.\.\.)(?:[^\s#,\[\]{}&*!|>'\"%@`?:-]|-(?=[0-9]))[^:#,\[\]{}]*(?<! )\Z")
"""Text ruamel writes plain inside ``[ ]`` and ``{ }``."""

_NUMBER = re.compile(r"(?!-0+\Z)-?[0-9]+(?:\.[0-9]+)?\Z")
"""Numbers the round trip writes back as they were (``+1``, ``1e3``, ``-0`` (written ``0``)
and such go the slow way)."""

_NOT_TEXT = frozenset(["~", "null", "Null", "NULL", "True", "TRUE", "False", "FALSE"])
"""Plain words the plan loader reads as null or a boolean that ruamel writes another way."""

MAX_KEY = 100
"""Longer keys are left to the round trip (ruamel writes keys of 128 characters and more
as explicit ``? key``)."""

MAX_DEPTH = 40
"""Deeper nesting is left to the round trip."""


class _Unsure(Exception):
    """The file is outside what the check knows: format it the slow way."""


def is_formatted(text: str, events: list[Any] | None = None) -> bool:
    """True when ``canonical(text) == text`` is certain; False when it is not known.

    ``text`` is a decoded file (str, any size). Never raises for bad YAML: that is False too.
    ``events``, when given, are libyaml's events of ``text``, already parsed (as
    :func:`~planverk.load.yamlsource.parse_text` hands them on), so it is not parsed again.
    """
    if not text.endswith("\n") or text.startswith("\n") or _UNSURE_TEXT.search(text):
        return False  # ruamel drops blank lines at the start of a file
    if events is not None:
        from functools import partial

        try:
            return _Walk(text, partial(next, iter(events), None)).document()
        except _Unsure:
            return False
    try:
        from _ruamel_yaml import CParser  # libyaml, as ruamel.yaml.clib installs it
    except ImportError:  # pragma: no cover - without it every figure is slow anyway
        return False
    from ruamel.yaml.error import YAMLError

    parser = CParser(text)
    try:
        return _Walk(text, parser.get_event).document()
    except (_Unsure, YAMLError):
        return False
    finally:
        parser.dispose()


class _Walk:
    """One pass over the events and the text: ``pos`` is where the next character must be.

    Written for speed (it runs once per event of the plan): names looked up once, the
    common cases first.
    """

    def __init__(self, text: str, next_event: Any) -> None:
        from ruamel.yaml import events as ev

        self.text = text
        self.next = next_event
        self.pos = 0
        self.ev = ev

    def document(self) -> bool:
        ev, next_event = self.ev, self.next
        if type(next_event()) is not ev.StreamStartEvent or type(next_event()) is not ev.DocumentStartEvent:
            return False
        root = next_event()
        if type(root) is not ev.MappingStartEvent or root.flow_style or root.anchor is not None or root.tag is not None:
            return False
        self.pos = _SKIP.match(self.text).end()  # type: ignore[union-attr]
        self.mapping(0, False, 0)
        if type(next_event()) is not ev.DocumentEndEvent or type(next_event()) is not ev.StreamEndEvent:
            return False
        self.pos = _SKIP.match(self.text, self.pos).end()  # type: ignore[union-attr]
        return self.pos == len(self.text)

    def line_start(self, prefix: str) -> None:
        """Step over blank lines and whole-line comments to ``prefix`` (the indentation)."""
        text = self.text
        pos = _SKIP.match(text, self.pos).end()  # type: ignore[union-attr]
        if not text.startswith(prefix, pos):
            raise _Unsure
        self.pos = pos + len(prefix)

    def end_of_line(self) -> None:
        """A line break, perhaps after a comment: ``  # note``."""
        if self.text[self.pos] == "\n":
            self.pos += 1
            return
        found = _END.match(self.text, self.pos)
        if found is None:
            raise _Unsure
        self.pos = found.end()

    def expect(self, what: str) -> None:
        if not self.text.startswith(what, self.pos):
            raise _Unsure
        self.pos += len(what)

    def mapping(self, indent: int, inline: bool, depth: int) -> None:
        """A block mapping whose keys stand at column ``indent`` (the first on the current
        line when ``inline``: a list item's mapping); its start event is read."""
        if depth > MAX_DEPTH:
            raise _Unsure
        ev, text, next_event, scalar = self.ev, self.text, self.next, self.scalar
        scalar_event, end_event = ev.ScalarEvent, ev.MappingEndEvent
        map_event, seq_event = ev.MappingStartEvent, ev.SequenceStartEvent
        margin = " " * indent
        keys: set[str] = set()
        first = inline
        while True:
            key = next_event()
            kind = type(key)
            if kind is end_event:
                return
            if first:
                first = False
            else:
                self.line_start(margin)
            if kind is not scalar_event or key.value in keys or len(key.value) > MAX_KEY:
                raise _Unsure
            keys.add(key.value)
            scalar(key, False)
            if text[self.pos] != ":":
                raise _Unsure
            self.pos += 1
            value = next_event()
            kind = type(value)
            if kind is scalar_event:
                if value.value or value.style or value.anchor is not None or value.tag is not None:
                    self.expect(" ")
                    scalar(value, False)
                    self.end_of_line()
                else:
                    self.expect("\n")  # an empty value: 'key:' and nothing after it
            elif kind is map_event or kind is seq_event:
                if value.anchor is not None or value.tag is not None:
                    raise _Unsure
                if value.flow_style:
                    self.expect(" ")
                    self.flow(value, kind is map_event, True, False)
                    self.end_of_line()
                else:
                    self.end_of_line()
                    if kind is map_event:
                        self.mapping(indent + 2, False, depth + 1)
                    else:
                        self.sequence(indent + 2, depth + 1)
            else:
                raise _Unsure

    def sequence(self, dash: int, depth: int) -> None:
        """A block list whose ``- `` stand at column ``dash``; its start event is read."""
        if depth > MAX_DEPTH:
            raise _Unsure
        ev, next_event = self.ev, self.next
        prefix = " " * dash + "- "
        text = self.text
        first = True
        # the line that opened the list (its key's), for a comment at its end
        opener = text[text.rfind("\n", 0, self.pos - 1) + 1 : self.pos]
        while True:
            item = next_event()
            kind = type(item)
            if kind is ev.SequenceEndEvent:
                return
            start = self.pos
            self.line_start(prefix)
            if first:
                first = False
                if getattr(item, "flow_style", False) and (self.pos - start > len(prefix) or "#" in opener):
                    # a comment or blank line above a first item '- {}': ruamel joins the
                    # later items onto one line ('- id   - id')
                    raise _Unsure
            if kind is ev.ScalarEvent:
                if not item.value and not item.style:
                    raise _Unsure  # an empty item: ruamel moves comments after it
                self.scalar(item, False)
                self.end_of_line()
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                if item.anchor is not None or item.tag is not None:
                    raise _Unsure
                if item.flow_style:
                    # ruamel writes '[[ {' here, and drops the lines above such an item
                    # when it has a comment at its end: '[a]  # note'
                    self.flow(item, kind is ev.MappingStartEvent, False, False)
                    self.expect("\n")
                elif kind is ev.MappingStartEvent:
                    self.mapping(dash + 2, True, depth + 1)
                else:
                    raise _Unsure  # a list right in a list item: '- - a'
            else:
                raise _Unsure

    def flow(self, start: Any, is_map: bool, nested: bool, in_list: bool) -> None:
        """A one-line ``[a, b]`` or ``{k: v}``, holding flow collections of text when ``nested``
        (``in_list``: it is an item of a flow list); its start event is read."""
        ev = self.ev
        if start.start_mark.index != self.pos:
            raise _Unsure
        close = ev.MappingEndEvent if is_map else ev.SequenceEndEvent
        self.expect("{" if is_map else "[")
        keys: set[str] = set()
        count = 0
        while True:
            node = self.next()
            kind = type(node)
            if kind is close:
                if is_map and in_list and count == 1:
                    raise _Unsure  # ruamel writes [{a: b}] as [a: b]
                self.expect("}" if is_map else "]")
                return
            if count:
                self.expect(", ")
            count += 1
            if is_map:
                if kind is not ev.ScalarEvent or node.value in keys or len(node.value) > MAX_KEY:
                    raise _Unsure
                keys.add(node.value)
                self.scalar(node, True)
                self.expect(": ")
                node = self.next()
                kind = type(node)
            if kind is ev.ScalarEvent:
                self.scalar(node, True)
            elif nested and (kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent):
                if node.anchor is not None or node.tag is not None:
                    raise _Unsure
                self.flow(node, kind is ev.MappingStartEvent, False, not is_map)
            else:
                raise _Unsure

    def scalar(self, event: Any, in_flow: bool) -> None:
        """One-line text, written as ruamel writes it, at the current place."""
        pos = self.pos
        if event.start_mark.index != pos or event.anchor is not None or event.tag is not None:
            raise _Unsure
        value, style, end = event.value, event.style, event.end_mark.index
        written = self.text[pos:end]
        if not style:
            if written != value or not (_PLAIN_FLOW if in_flow else _PLAIN_BLOCK).match(value) or value in _NOT_TEXT:
                raise _Unsure
            if not value[0].isalpha() and not isinstance(resolve_plain(value), str) and not _NUMBER.match(value):
                raise _Unsure  # a number ruamel may write another way: 0x1F, 1e3, +1
        elif style == "'":
            if written != "'" + value.replace("'", "''") + "'" or "\n" in written:
                raise _Unsure
        elif style == '"':
            if written != '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' or "\n" in written:
                raise _Unsure
        else:
            raise _Unsure
        self.pos = end
