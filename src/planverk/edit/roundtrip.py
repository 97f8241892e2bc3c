"""Round-trip YAML for the commands that write plan files: comments, order and quoting kept.

Validation never uses this module (it reads with :mod:`planverk.load.yamlsource`); ``fmt`` and
the recording commands do, so that what they write differs from what was there only where
they meant to change something.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken


def _yaml() -> YAML:
    """A fresh, configured round-trip YAML(): ruamel's instances keep state between uses."""
    yaml = YAML(typ="rt")  # round-trip: comments, key order, flow/block style and anchors kept
    yaml.version = (1, 2)  # '08:30', 'NO', 'on' are text, as planverk validate reads them
    yaml.preserve_quotes = True  # "17:00" stays quoted: people quote for a reason
    yaml.width = 4096  # never re-wrap a line the author wrote as one line
    yaml.indent(mapping=2, sequence=4, offset=2)  # '  - id: x' under 'events:', as docs show
    return yaml


def load(text: str) -> Any:
    """Parse one YAML document for editing; line ends become ``\\n``."""
    # YAML reads CR LF and CR as line breaks anyway; ruamel would keep the CR in comments.
    return _yaml().load(text.replace("\r\n", "\n").replace("\r", "\n"))


def dump(data: Any) -> str:
    """Write an edited document back as text, without the ``%YAML``/``---`` lines."""
    yaml = _yaml()
    yaml.version = None  # load() reads by 1.2 rules; the output needs no '%YAML 1.2' line
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


ROUNDS = 4
"""How often :func:`canonical` re-reads its output: ruamel moves a comment after an empty
value (``- ~  # note``) one step per round, so a single pass is not always stable."""


def canonical(text: str) -> str:
    """``text`` in planverk's layout: what ``planverk fmt`` writes, stable when formatted again."""
    for _ in range(ROUNDS):
        formatted = dump(load(text))
        if formatted == text:
            break
        text = formatted
    return text


def comments(text: str) -> list[str]:
    """Every comment of a YAML text, in order (not '#' inside quotes or block text)."""
    found: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, CommentToken):
            found.extend(line.strip() for line in node.value.splitlines() if line.strip().startswith("#"))
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
    return list((Counter(comments(before)) - Counter(comments(after))).elements())


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


def set_key(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``mapping[key]``; a new key goes where ``order`` (the model's field order) puts it.

    A new key is placed right after the last existing key that comes before it in
    ``order``; comments and blank lines that followed that key's value move below the
    new key, so they stay with what they were written above.
    """
    if key in mapping:
        mapping[key] = value
        return
    rank = {name: i for i, name in enumerate(order)}
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


# --- Writing back the smallest change ----------------------------------------------------


def splice(original: str, edited: str) -> tuple[str, bool]:
    """The edit of ``edited`` applied to ``original`` line by line, or ``edited`` itself.

    Returns the text and whether the whole file was relaid in planverk's layout (the
    original was not in it, and the edit could not be spliced in line by line).

    ``edited`` is in planverk's layout. When ``original`` is too (``planverk fmt``), the
    two differ only where the edit changed something. When it is not, the changed lines
    are spliced into the original text, so its layout elsewhere is kept; if the edit
    touches lines whose layout differs, or the splice would not read back as ``edited``,
    the whole file is written in planverk's layout instead.
    """
    base = canonical(original)
    if base == original:
        return edited, False
    old, ours, new = original.splitlines(True), base.splitlines(True), edited.splitlines(True)
    to_old: dict[int, int] = {}
    for block in SequenceMatcher(None, ours, old, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            to_old[block.a + k] = block.b + k
    result: list[str] = []
    done = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ours, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            if any(k not in to_old for k in range(i1, i2)) or to_old[i2 - 1] - to_old[i1] != i2 - i1 - 1:
                return edited, True
            start, end = to_old[i1], to_old[i2 - 1] + 1
        elif i1 - 1 in to_old:
            start = end = to_old[i1 - 1] + 1
        elif i1 in to_old:
            start = end = to_old[i1]
        else:
            return edited, True
        if start < done:
            return edited, True
        result += old[done:start] + new[j1:j2]
        done = end
    spliced = "".join(result + old[done:])
    try:
        same = canonical(spliced) == edited
    except YAMLError:  # the splice broke the YAML
        same = False
    return (spliced, spliced == edited) if same else (edited, True)
