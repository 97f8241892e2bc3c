"""Round-trip YAML for the commands that write plan files: comments, order and quoting kept.

Validation never uses this module (it reads with :mod:`planverk.load.yamlsource`); ``fmt`` and
the recording commands do, so that what they write differs from what was there only where
they meant to change something.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from datetime import date

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.events import MappingEndEvent, SequenceEndEvent
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag
from ruamel.yaml.error import CommentMark, ReusedAnchorWarning, YAMLError
from ruamel.yaml.tokens import CommentToken

from ..i18n import Message, tr
from ..errors import PlanverkError
from ..load.yamlsource import resolve_plain


class PlanResolver(VersionedResolver):
    """Resolves plain scalars exactly as the plan loader does (:func:`resolve_plain`).

    ruamel's YAML 1.2 resolver still reads ``2020-03-03`` as a date and ``2020_03_04`` as
    a number; ``planverk validate`` reads both as text. Every reader of a plan must agree
    on what a scalar is, or an edit looks for an id that, to it, is not there.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            resolved = resolve_plain(value)
            if resolved is None:
                return Tag(suffix="tag:yaml.org,2002:null")
            if isinstance(resolved, bool):
                return Tag(suffix="tag:yaml.org,2002:bool")
            if isinstance(resolved, int):
                return Tag(suffix="tag:yaml.org,2002:int")
            if isinstance(resolved, float):
                return Tag(suffix="tag:yaml.org,2002:float")
            return Tag(suffix="tag:yaml.org,2002:str")
        return super().resolve(kind, value, implicit)


class PlanRepresenter(RoundTripRepresenter):
    """Writes a date as the plain ``YYYY-MM-DD`` text the plan loader reads as a date."""


PlanRepresenter.add_representer(date, lambda r, d: r.represent_scalar("tag:yaml.org,2002:str", d.isoformat()))

from .style import Lines, Style, learn, pad_flow


class PlanEmitter(RoundTripEmitter):
    """ruamel's round-trip emitter, with a line break it forgets put back.

    ruamel (0.19) keeps a flag that says "no line break before what comes next" (set just
    after a ``- ``, and by a comment above a list) set past the end of a ``{...}`` or
    ``[...]`` that ends in a comment or is empty (``- {a: b}  # note``, ``- {}``): the
    items after it came out on its line's successor joined (``- id: b title: B``,
    ``- id   - id``), which is not YAML or is other data. A closed flow collection is
    never "just after a ``- ``", so the flag is cleared there.
    """

    def _closing(self, step: Any) -> None:
        closes = isinstance(self.event, (MappingEndEvent, SequenceEndEvent))
        step()
        if closes and not self.flow_level:
            self.no_newline = False

    def expect_first_flow_mapping_key(self) -> None:
        self._closing(super().expect_first_flow_mapping_key)

    def expect_flow_mapping_key(self) -> None:
        self._closing(super().expect_flow_mapping_key)

    def expect_first_flow_sequence_item(self) -> None:
        self._closing(super().expect_first_flow_sequence_item)

    def expect_flow_sequence_item(self) -> None:
        self._closing(super().expect_flow_sequence_item)


class DoubleQuotingEmitter(PlanEmitter):
    """Quotes text that cannot stand plain with ``"`` where ruamel would choose ``'``.

    Used for the edits of a file whose own quote is ``"``: a new value that needs quotes
    (``"9,5"`` inside ``{ }``, ``"Skule: nord"``) is written as the rest of the file
    writes quoted text. Text that was quoted when read keeps its own quotes.
    """

    def choose_scalar_style(self) -> Any:
        chosen = super().choose_scalar_style()
        return '"' if chosen == "'" and not self.event.style else chosen

LAYOUT = Style()
"""planverk's layout (what ``fmt`` writes): two spaces, list items ``  - `` under their key."""


def _yaml(style: Style = LAYOUT, own_quotes: bool = False) -> YAML:
    """A fresh, configured round-trip YAML(): ruamel's instances keep state between uses.

    Indentation comes from ``style``: planverk's layout unless an edit writes in a file's own.
    With ``own_quotes``, text that needs quotes gets the file's quote (``style.quote``).
    """
    yaml = YAML(typ="rt")  # round-trip: comments, key order, flow/block style and anchors kept
    yaml.Resolver = PlanResolver  # scalars read as validate reads them (YAML 1.2 core, no dates)
    yaml.Representer = PlanRepresenter
    yaml.version = (1, 2)  # '08:30', 'NO', 'on' are text, as planverk validate reads them
    yaml.preserve_quotes = True  # "17:00" stays quoted: people quote for a reason
    yaml.width = 4096  # never re-wrap a line the author wrote as one line
    yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    yaml.Emitter = DoubleQuotingEmitter if own_quotes and style.quote == '"' else PlanEmitter
    return yaml


class UnreadableForEditing(PlanverkError):
    """A file the plan loader reads that the round-trip reader cannot (a ruamel limitation).

    ``line`` and ``column`` (from 0) say where the reader stopped, when it says so."""

    line: int | None = None
    column: int | None = None


_END_MARKERS = re.compile(r"(?:^\.\.\.[ \t]*\n?)+\Z", re.MULTILINE)
"""Document-end markers ('...') closing the file: the plan loader reads past any number of
them, ruamel takes a second one for a second document."""


def load(text: str) -> Any:
    """Parse one YAML document for editing; line ends become ``\\n``.

    Raises :class:`UnreadableForEditing` when ruamel cannot read what the plan loader read.
    """
    # YAML reads CR LF and CR as line breaks anyway; ruamel would keep the CR in comments.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _END_MARKERS.sub("", text.rstrip("\n") + "\n") if "..." in text else text
    try:
        with warnings.catch_warnings():
            # An anchor name used twice: ruamel warns and keeps the later one, but writes
            # both back under one name, so that an alias could come to mean the other.
            warnings.simplefilter("error", ReusedAnchorWarning)
            return _yaml().load(text)
    except (YAMLError, RecursionError, ReusedAnchorWarning, NotImplementedError) as error:
        # NotImplementedError: ruamel's 'overlap in comment' (a comment it cannot place)
        lines = [line for line in str(error).splitlines() if line.strip()]
        reason = lines[0].strip() if lines else type(error).__name__
        unreadable = UnreadableForEditing(tr("cannot be read for rewriting ({reason})", reason=reason))
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        if mark is not None:
            unreadable.line, unreadable.column = mark.line, mark.column
        raise unreadable from None


def dump(data: Any, style: Style = LAYOUT, own_quotes: bool = False) -> str:
    """Write an edited document back as text, without the ``%YAML``/``---`` lines.

    ``own_quotes``: text that needs quotes gets ``style.quote`` (an edit's new lines);
    without it ruamel's choice (``fmt``, whose output the tests pin). Flow collections get
    a space inside their brackets when ``style`` says so
    (:func:`planverk.edit.style.pad_flow`); the text of scalars is never touched.
    """
    yaml = _yaml(style, own_quotes)
    yaml.version = None  # load() reads by 1.2 rules; the output needs no '%YAML 1.2' line
    out = io.StringIO()
    yaml.dump(data, out)
    return pad_flow(out.getvalue()) if style.flow_padding else out.getvalue()


ROUNDS = 4
"""How often :func:`canonical` re-reads its output: ruamel moves a comment after an empty
value (``- ~  # note``) one step per round, so a single pass is not always stable."""


class WouldMisformat(UnreadableForEditing):
    """What :func:`canonical` would write does not read back as the data it was given: YAML
    that does not parse (ruamel writing two keys on one line) or that means something else.

    ``line`` and ``column`` (from 0) say where in the given text, as near as is known."""


def canonical(text: str) -> str:
    """``text`` in planverk's layout: what ``planverk fmt`` writes, stable when formatted again.

    Each round's output is read back and must give the data ``text`` gives, key order and
    scalar types included. Raises :class:`UnreadableForEditing` when ``text`` cannot be read
    and :class:`WouldMisformat` when the output would not read back the same: ``fmt`` then
    leaves the file alone instead of writing broken YAML.
    """
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    document = load(text)
    original, expected = document, _checked_plain(document, source)
    for _ in range(ROUNDS):
        formatted = _comments_follow(text, dump(document))
        if formatted == text:
            break
        try:
            document = load(formatted)
        except UnreadableForEditing as error:
            raise _misformat(source, formatted, error.line, error.column) from None
        if _checked_plain(document, source) != expected:
            swallowed = lost_comment_places(source, formatted)
            if swallowed:  # a comment below '|' text written at the text's new indent: text now
                comment, line, column = swallowed[0]
                error = WouldMisformat(tr("formatting would make the comment '{comment}' part of the text "
                                          "above it (move the comment, or indent it less)", comment=comment))
                error.line, error.column = line, column
                raise error
            line, column = _first_difference(original, document)
            raise _misformat(source, None, line, column)
        text = formatted
    return text


def _checked_plain(document: Any, source: str) -> Any:
    """:func:`_plain` of a document, or :class:`WouldMisformat` for one that holds itself
    (``&a [*a]``): what cannot be compared cannot be vouched for."""
    try:
        return _plain(document)
    except RecursionError:
        raise _misformat(source, None, 0, 0) from None


def _misformat(source: str, written: str | None, line: int | None, column: int | None) -> WouldMisformat:
    """The error for output that would not read back; ``line`` is of ``written`` when given
    (mapped back to the line of ``source`` it was made from), else of ``source``."""
    error = WouldMisformat(tr("formatting would write YAML that does not read back as the same data "
                              "(a planverk bug: please report it with this file)"))
    if line is not None and written is not None:
        line, column = _source_line(source, written, line), None
    if line is not None:
        error.line = line
        error.column = column if column is not None else _indent(source.split("\n"), line)
    return error


def _indent(lines: list[str], row: int) -> int:
    return len(lines[row]) - len(lines[row].lstrip(" ")) if 0 <= row < len(lines) else 0


def _source_line(source: str, written: str, row: int) -> int:
    """The line of ``source`` that line ``row`` of ``written`` (``source`` re-indented) came
    from: lines are matched on their text without the spaces around it."""
    old = [line.strip() for line in source.split("\n")]
    new = [line.strip() for line in written.split("\n")]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if j1 <= row < j2 or (j1 == j2 == row):
            return min(i1 + row - j1, max(i1, i2 - 1)) if tag != "insert" else max(0, i1 - 1)
    return max(0, len(old) - 1)


def _first_difference(a: Any, b: Any) -> tuple[int | None, int | None]:
    """Where in ``a`` (a loaded document) the first value stands that ``b`` does not have
    as it is: ``(line, column)`` from 0, or the enclosing collection's when unknown."""
    at = (getattr(getattr(a, "lc", None), "line", None), getattr(getattr(a, "lc", None), "col", None))
    if isinstance(a, dict) and isinstance(b, dict):
        keys_a, keys_b = list(a), list(b)
        for n, key in enumerate(keys_a):
            if n >= len(keys_b) or keys_b[n] != key or _plain(a[key]) != _plain(b[key]):
                try:
                    place = a.lc.key(key)
                except (AttributeError, KeyError, TypeError):
                    return at
                if n < len(keys_b) and keys_b[n] == key:
                    inner = _first_difference(a[key], b[key])
                    return inner if inner[0] is not None else place
                return place
        return at
    if isinstance(a, list) and isinstance(b, list):
        for n, item in enumerate(a):
            if n >= len(b) or _plain(item) != _plain(b[n]):
                try:
                    place = a.lc.item(n)
                except (AttributeError, KeyError, TypeError, IndexError):
                    return at
                inner = _first_difference(item, b[n]) if n < len(b) else (None, None)
                return inner if inner[0] is not None else place
    return at


def _comments_follow(before: str, after: str) -> str:
    """``after`` (``before`` re-indented by ruamel) with each comment on a line of its own
    moved as the line below it moved: ruamel writes such a comment at the column it had,
    so that in a list flush with its key (``- a`` / ``# note`` / ``- b``) the note stood
    left of the items it was written above once they were indented.

    A comment written at the column of the line below it (its ``-``, or the text after the
    ``-``) takes that line's new column; any other column moves by as much as that line
    did. A file whose lines do not move keeps its comments where they are.
    """
    before = before.replace("\r\n", "\n").replace("\r", "\n")
    if before == after or not re.search(r"^[ ]*#", after, re.MULTILINE):
        return after  # nothing moved, or no comment on a line of its own
    old_lines, new_lines = before.split("\n"), after.split("\n")
    old = _own_line_comments(before, old_lines)
    try:
        new = _own_line_comments(after, new_lines)
    except YAMLError:
        return after  # ruamel wrote what does not read: canonical() says so, with where
    if [c for c, _, _ in old] != [c for c, _, _ in new]:
        return after  # ruamel moved one: leave its choice
    old_rows = {line for _, line, _ in old}
    new_rows = {line for _, line, _ in new}
    for (_, old_row, column), (_, new_row, written) in zip(old, new):
        was = _content(old_lines, old_row, old_rows, 1)
        now = _content(new_lines, new_row, new_rows, 1)
        if was is None or now is None:
            continue
        above = _content(old_lines, old_row, old_rows, -1), _content(new_lines, new_row, new_rows, -1)
        if column in was:
            wanted = now[was.index(column)]
        elif above[0] is not None and above[1] is not None and column in above[0]:
            # a comment at the column of the line above it ('# phone: ...' left in an item)
            wanted = above[1][above[0].index(column)]
        else:
            wanted = max(0, column + now[0] - was[0])
        if wanted != written:
            new_lines[new_row] = " " * wanted + new_lines[new_row].lstrip(" ")
    return "\n".join(new_lines)


def _own_line_comments(text: str, lines: list[str]) -> list[tuple[str, int, int]]:
    """The comments of ``text`` that stand on a line of their own (:func:`comment_places`)."""
    return [(c, row, col) for c, row, col in comment_places(text)
            if row < len(lines) and len(lines[row]) - len(lines[row].lstrip(" ")) == col]


def _content(lines: list[str], row: int, comments: set[int], step: int) -> tuple[int, int] | None:
    """The columns of the nearest line after ``row`` (``step`` 1; before it, -1) that is
    neither blank nor a comment: where it starts, and where its text starts after a list's
    ``- `` (the same when it has none)."""
    while 0 <= row + step < len(lines):
        row += step
        line = lines[row]
        if not line.strip() or row in comments:
            continue
        indent = len(line) - len(line.lstrip(" "))
        dash = re.match(r"-[ ]+(?=\S)", line[indent:])
        return indent, indent + (dash.end() if dash else 0)
    return None


def comments(text: str) -> list[str]:
    """Every comment of a YAML text, in order (not '#' inside quotes or block text)."""
    return [comment for comment, _, _ in comment_places(text)]


def comment_places(text: str) -> list[tuple[str, int, int]]:
    """Every comment of a YAML text, in order, with where it stands: ``(comment, line,
    column)``, both counted from 0 (the comment stripped of the spaces around it)."""
    found: list[tuple[str, int, int]] = []

    def collect(node: Any) -> None:
        if isinstance(node, CommentToken):
            mark = node.start_mark  # where its first comment stands: blank lines may come before
            lines = node.value.splitlines()
            first = next((n for n, line in enumerate(lines) if line.strip().startswith("#")), 0)
            for n, line in enumerate(lines):
                if line.strip().startswith("#"):
                    spaces = len(line) - len(line.lstrip(" "))
                    column = mark.column if n == first and not spaces and mark is not None else spaces
                    found.append((line.strip(), (mark.line if mark is not None else 0) + n - first, column))
        elif isinstance(node, (list, tuple)):
            for part in node:
                collect(part)

    for token in YAML(typ="rt").scan(text):  # the round-trip scanner keeps comments on tokens
        collect(getattr(token, "_comment", None))
    return found


def lost_comments(before: str, after: str) -> list[str]:
    """Comments of ``before`` that ``after`` no longer has.

    ruamel drops a comment in a few odd places (after an empty value that ends a nested
    list); the writing commands check with this and leave such a file alone.
    """
    return [comment for comment, _, _ in lost_comment_places(before, after)]


def lost_comment_places(before: str, after: str) -> list[tuple[str, int, int]]:
    """:func:`lost_comments` with where each stands in ``before`` (as :func:`comment_places`):
    of a comment written several times, the one the order of the others shows is gone."""
    old = comment_places(before)
    new = comments(after)
    missing = Counter(comment for comment, _, _ in old) - Counter(new)
    if not missing:
        return []
    kept: set[int] = set()
    for block in SequenceMatcher(None, [c for c, _, _ in old], new, autojunk=False).get_matching_blocks():
        kept.update(range(block.a, block.a + block.size))
    lost = []
    for n in [n for n in range(len(old)) if n not in kept] + sorted(kept):
        if missing[old[n][0]] > 0:
            missing[old[n][0]] -= 1
            lost.append((n, old[n]))
    return [place for _, place in sorted(lost)]


# --- Editing a loaded document -----------------------------------------------------------


def _last_slot(container: Any, key: Any) -> tuple[Any, Any]:
    """The (container, key) whose comment slot holds what follows ``container[key]``.

    ruamel keeps the comments and blank lines after a block collection on its last
    scalar, however deep; flow collections (``[a, b]``) keep them on their own key.
    """
    value = container[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
        key = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        container, value = value, value[key]
    return container, key


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _take_tail(container: Any, key: Any) -> str:
    """Detach the lines after ``container[key]`` (comments, blank lines); keep its own end-of-line comment."""
    holder, at = _last_slot(container, key)
    entry = holder.ca.items.get(at)
    token = entry[_slot(holder)] if entry else None
    if token is None:
        return ""
    head, newline, tail = token.value.partition("\n")
    token.value = head + newline
    return tail


def _give_tail(container: Any, key: Any, tail: str) -> None:
    """Put detached lines back after ``container[key]``, which has no comment of its own."""
    if not tail:
        return
    holder, at = _last_slot(container, key)
    entry = holder.ca.items.setdefault(at, [None, None, None, None])
    entry[_slot(holder)] = CommentToken("\n" + tail, CommentMark(0), None)


TRAILING = ("silence",)
"""Keys people write last in an item, whatever the model's order: a new key goes above them."""


def set_key(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``; a new key goes where ``order`` (the model's field order) puts it.

    A new key is placed right after the last existing key that comes before it in
    ``order``, with :data:`TRAILING` keys (``silence``) counted last: ``status: cancelled``
    goes above an event's closing ``silence:``. Comments and blank lines that followed
    that key's value move below the new key, so they stay with what they were written above.
    """
    if key in mapping:
        mapping[key] = value
        return
    rank = {name: i for i, name in enumerate([k for k in order if k not in TRAILING] + list(TRAILING))}
    mine = rank.get(key, len(order))
    keys = list(mapping)
    before = [i for i, k in enumerate(keys) if rank.get(k, -1) < mine]
    position = before[-1] + 1 if before else 0
    if position == 0 or mapping.fa.flow_style():
        mapping.insert(position, key, value)
        return
    tail = _take_tail(mapping, keys[position - 1])
    mapping.insert(position, key, value)
    _give_tail(mapping, key, tail)


def insert_item(sequence: CommentedSeq, item: Any, index: int | None = None) -> None:
    """Insert ``item`` before ``sequence[index]`` (default: at the end).

    Comments and blank lines written above the item that now follows stay above it; after
    the last item they stay after the list. A new mapping or list is written in the style
    of its neighbour: ``{...}`` beside ``{...}``.
    """
    at = len(sequence) if index is None else index
    neighbour = sequence[min(at, len(sequence) - 1)] if len(sequence) else None
    if isinstance(item, (CommentedMap, CommentedSeq)) and isinstance(neighbour, type(item)) and neighbour.fa.flow_style():
        item.fa.set_flow_style()
    if at == 0 or sequence.fa.flow_style():
        sequence.insert(at, item)
        return
    tail = _take_tail(sequence, at - 1)
    sequence.insert(at, item)
    _give_tail(sequence, at, tail)


def _is_list_of_maps(value: Any) -> bool:
    return isinstance(value, CommentedSeq) and any(isinstance(v, CommentedMap) for v in value)


def kin(items: Sequence[Any], node: Any, path: tuple[str, ...]) -> Any:
    """The collection a new ``node[path]`` (a list of mappings or a mapping) copies its style
    from, or None: what the same path holds in the item of ``items`` nearest to ``node``
    (the one before it first); else, for a list of mappings, another list of mappings of
    ``node``, then of the nearest items; else, when the nearest item is a one-line
    ``{...}``, a block list of such entries. A file that writes ``assessments: [{...}]``
    gets its next ``assessments`` the same way, whatever style the rest of the file has.
    """
    at = next((n for n, item in enumerate(items) if item is node), len(items))
    nearest = [items[n] for n in sorted(range(len(items)), key=lambda n: (abs(n - at), n > at)) if n != at]

    def under(item: Any) -> Any:
        for key in path:
            item = item.get(key) if isinstance(item, CommentedMap) else None
        return item if isinstance(item, (CommentedMap, CommentedSeq)) and len(item) else None

    found = next((value for value in map(under, nearest) if value is not None), None)
    if found is not None or len(path) != 1:
        return found
    for item in [node, *nearest]:
        if isinstance(item, CommentedMap):
            lists = [v for k, v in item.items() if k != path[0] and _is_list_of_maps(v)]
            if lists:
                return lists[0]
    if nearest and isinstance(nearest[0], CommentedMap) and nearest[0].fa.flow_style():
        # the items around it are one-line '- {id: ...}': so are the entries of its new list
        entry = CommentedMap()
        entry.fa.set_flow_style()
        return CommentedSeq([entry])
    return None


def styled(new: Any, like: Any, default: Any = None) -> Any:
    """``new`` (a new list or mapping) written as ``like`` is: ``[ ]``/``{ }`` or block, and
    a list's mappings as ``like``'s are (``- {date: ...}`` or one key a line). Without
    ``like``, as ``default`` is, when given."""
    if not isinstance(like, type(new)):
        like = default if isinstance(default, type(new)) else None
    if like is None:
        return new
    if like.fa.flow_style():
        new.fa.set_flow_style()
        return new
    new.fa.set_block_style()
    if isinstance(new, CommentedSeq):
        inner = next((v for v in like if isinstance(v, CommentedMap)), None)
        for value in new:
            if isinstance(value, CommentedMap) and inner is not None:
                value.fa.set_flow_style() if inner.fa.flow_style() else value.fa.set_block_style()
    return new


def shared(document: Any) -> dict[int, Any]:
    """The mappings and lists a document reaches more than once (through ``&anchor``/``*alias``),
    by ``id()``: a change to one of them changes every place that uses it."""
    counts: Counter[int] = Counter()
    nodes: dict[int, Any] = {}
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, (CommentedMap, CommentedSeq)):
            counts[id(node)] += 1
            nodes[id(node)] = node
            if counts[id(node)] == 1:
                stack.extend(node.values() if isinstance(node, CommentedMap) else node)
    return {key: nodes[key] for key, count in counts.items() if count > 1}


def _shape(node: Any) -> Any:
    if isinstance(node, CommentedMap):
        return [(str(k), _shape(v)) for k, v in node.items()]
    if isinstance(node, CommentedSeq):
        return [_shape(v) for v in node]
    return repr(node)


def snapshot(nodes: dict[int, Any]) -> dict[int, Any]:
    """What each of ``nodes`` holds now, to tell afterwards which an edit changed."""
    return {key: _shape(node) for key, node in nodes.items()}


def anchor_name(node: Any) -> str | Message:
    """``&name`` of an anchored node, for messages."""
    anchor = getattr(getattr(node, "anchor", None), "value", None)
    return f"&{anchor}" if anchor else tr("an anchor")


# --- Writing back the smallest change ----------------------------------------------------


class SpliceError(ValueError):
    """An edit that cannot be written into the file without changing lines it did not mean to.

    ``message`` says why, in any language (``str()`` is its English)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class Editable:
    """A file's text opened for editing in its own style.

    Change :attr:`document` (the round-trip tree), then :meth:`text` gives the original
    text with only the changed lines replaced and the new lines written in the file's
    style: its indentation, line ends, byte-order mark and final line end. Nothing else
    of the file is re-written: only ``planverk fmt`` changes layout.
    """

    origin: list[int | None]
    """After :meth:`text`: for each line of the edited file, the line of the original it is
    (from 0), or None for a line the edit wrote."""

    def __init__(self, text: str) -> None:
        self.origin = []
        self.style = learn(text)
        self.lines = Lines(text, self.style)
        plain = "".join(self.lines.plain)
        self.document = load(plain)
        self._base = dump(load(plain), self.style, own_quotes=True)
        self._loaded = {id(node) for node in _scalars(self.document)}

    def text(self) -> str:
        """The edited file; raises :class:`SpliceError` when the change cannot be placed."""
        self._quote_new_text()
        edited = dump(self.document, self.style, own_quotes=True)
        parts = _splice(self.lines.plain, self._base.splitlines(True), edited.splitlines(True))
        self.origin = [value if kept else None for kept, value in parts]  # type: ignore[misc]
        result = self.lines.join(parts)
        spliced = "".join(str(v) if not o else self.lines.plain[v] for o, v in parts)  # type: ignore[index]
        try:
            same = _plain(load(spliced)) == _plain(load(edited))
        except (YAMLError, UnreadableForEditing):
            same = False
        if not same:
            raise SpliceError(tr("the change touches lines whose layout planverk cannot write in the file's style"))
        return result


    def _quote_new_text(self) -> None:
        """Quote new text the way the file does: with its usual quote ('...' or "..."), and
        always inside ``{ }`` or ``[ ]`` when the text holds a ':' (``time: '09:00-11:00'``).

        Text holding U+2028 or U+2029 is always written ``"..."``, where they are escapes
        (``\\L``, ``\\P``): ruamel writes them as they are elsewhere and then breaks the
        line after them, which the plan loader (YAML 1.2) reads as a line break of the text.
        """
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString, SingleQuotedScalarString

        wanted = SingleQuotedScalarString if self.style.quote == "'" else DoubleQuotedScalarString

        def quoted(value: str) -> Any:
            single = wanted is SingleQuotedScalarString and not _BREAKS.intersection(value + "'")
            return SingleQuotedScalarString(value) if single else DoubleQuotedScalarString(value)

        def visit(container: Any, flow: bool) -> None:
            flow = flow or container.fa.flow_style()
            pairs = container.items() if isinstance(container, dict) else enumerate(container)
            for key, value in list(pairs):
                if isinstance(value, (CommentedMap, CommentedSeq)):
                    visit(value, flow)
                elif not isinstance(value, str) or id(value) in self._loaded:
                    continue
                elif isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
                    container[key] = quoted(str(value))
                elif not isinstance(value, ScalarString) and _BREAKS.intersection(value) - {"\n"}:
                    container[key] = DoubleQuotedScalarString(value)
                elif not isinstance(value, ScalarString) and flow and ":" in value:
                    container[key] = quoted(value)

        visit(self.document, False)


_BREAKS = frozenset("\n\x85\u2028\u2029")
"""Characters ruamel writes as a line end inside quotes: never in ``'...'`` (see ``_quote_new_text``)."""


def _scalars(node: Any) -> list[Any]:
    """Every scalar of a loaded document (to tell text an edit adds from text that was there)."""
    if isinstance(node, dict):
        return [s for value in node.values() for s in _scalars(value)]
    if isinstance(node, list):
        return [s for value in node for s in _scalars(value)]
    return [node]


def _plain(node: Any) -> Any:
    """A loaded document as plain data, with key order: what a splice must leave the same."""
    if isinstance(node, dict):
        return [(_plain(k), _plain(v)) for k, v in node.items()]
    if isinstance(node, list):
        return [_plain(v) for v in node]
    tag = getattr(node, "tag", None)
    if tag is not None and hasattr(node, "value"):  # '!x text': ruamel's TaggedScalar has no '=='
        return (str(tag), str(node.value))
    return (type(node).__name__ if isinstance(node, (bool, int, float)) else "", str(node))


def _opens(line: str) -> bool:
    """Whether a line ends in ``key:`` (or ``-``) with nothing after it but a comment, so that
    what follows it is its value (not ``key: ~``, ``key: null``)."""
    return re.sub(r"(?:^|\s+)#.*$", "", line.rstrip("\n")).rstrip().endswith((":", "-"))


def _splice(old: list[str], ours: list[str], new: list[str]) -> list[tuple[bool, int | str]]:
    """``new`` (an edit of ``ours``) applied to ``old``, line by line.

    ``ours`` is ``old`` as ruamel writes it in the file's own style: mostly the same
    lines. Each run of lines the edit changed is matched to the lines of ``old`` that
    ``ours`` has for them; lines the edit did not touch come from ``old`` as they are.
    Returns (True, n) for line n of ``old`` and (False, text) for a written line.
    """
    to_old: dict[int, int] = {}
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, ours, old, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
            # the same line, or as many lines written differently (spacing, padding): one to one
            for k in range(a2 - a1):
                to_old[a1 + k] = b1 + k

    def after(i: int) -> int:
        """The line of ``old`` after the last line matched before ``ours[i]``."""
        return next((to_old[k] + 1 for k in range(i - 1, -1, -1) if k in to_old), 0)

    def before(i: int) -> int:
        """The line of ``old`` of the first line matched from ``ours[i]`` on."""
        return next((to_old[k] for k in range(i, len(ours)) if k in to_old), len(old))

    result: list[tuple[bool, int | str]] = []
    done = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ours, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            start = to_old[i1] if i1 in to_old else after(i1)
            end = to_old[i2 - 1] + 1 if i2 - 1 in to_old else before(i2)
        elif i1 - 1 in to_old and j1 > 0 and to_old[i1 - 1] >= done and _opens(ours[i1 - 1]) and not _opens(
            old[to_old[i1 - 1]]
        ):
            # new lines under a line the file writes otherwise ('key: ~' given a value under
            # it): that line goes too, written as the edit has it ('key:')
            start, end = to_old[i1 - 1], to_old[i1 - 1] + 1
            j1 -= 1
        elif i1 - 1 in to_old or i1 == 0:
            start = end = after(i1)
        elif i1 in to_old:
            start = end = to_old[i1]
        else:
            raise SpliceError(tr("the place of the new lines is written differently in the file"))
        if start < done:
            raise SpliceError(tr("the change overlaps lines written differently in the file"))
        result += [(True, n) for n in range(done, start)] + [(False, line) for line in new[j1:j2]]
        done = end
    return result + [(True, n) for n in range(done, len(old))]
