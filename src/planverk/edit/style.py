"""A file's own writing style, learned from its bytes, so that an edit writes in it.

People write plans in whatever editor they have: Notepad saves CR LF line ends and
sometimes a byte-order mark, some indent lists flush with their key (``events:`` then
``- id: a``), others use four spaces. An edit must change only the lines it means to, and
write the lines it adds the way the rest of the file is written. :func:`learn` reads
that style once; :class:`Lines` keeps the file's own bytes for every line it does not
change and writes new lines with the file's line end.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

BOM = "\ufeff"

_KEY = re.compile(r"""^((?:-[ ]+)*)(?:[^\s#'"{\[&*!|>%@`-][^:#]*?|'[^']*'|"[^"]*")[ ]*:(?:[ ]+#.*|[ ]*)$""")
"""A line that opens a block under a key: ``key:``, ``- key:``, ``key:  # note``."""
_ITEM = re.compile(r"^(-[ ]+)")
_QUOTE = re.compile(r"""(?:^|[:,\[{]|^-)[ ]*(['"])""")
"""The quote that opens a quoted scalar: after a key, a list dash or inside [ ] or { }."""
_PADDED = re.compile(r"[\[{] [^ \]}]|[^ \[{] [\]}]")
_TIGHT = re.compile(r"[\[{][^ \]}]|[^ \[{][\]}]")


def _code_part(line: str) -> str:
    """A line without its comment and without the text inside quotes (kept as ``''``)."""
    out, quote = [], ""
    for char in line.strip():
        if quote:
            if char == quote:
                quote = ""
                out.append(char)
            continue
        if char == "#" and (not out or out[-1] == " "):
            break
        if char in "'\"":
            quote = char
        out.append(char)
    return "".join(out)


def pad_flow(line: str) -> str:
    """``line`` with a space inside each flow bracket, ``{ id: a }``; quoted text untouched."""
    out: list[str] = []
    quote = ""
    for n, char in enumerate(line):
        if quote:
            out.append(char)
            if char == quote:
                quote = ""
            continue
        if char == "#" and (n == 0 or line[n - 1] == " "):
            out.append(line[n:])
            break
        if char in "'\"":
            quote = char
        if char in "]}" and out and out[-1] not in " [{":
            out.append(" ")
        out.append(char)
        if char in "[{" and n + 1 < len(line) and line[n + 1] not in " ]}":
            out.append(" ")
    return "".join(out)


@dataclass(frozen=True)
class Style:
    """How a YAML file is written: what an edit must keep and copy.

    ``mapping``, ``sequence`` and ``offset`` are ruamel.yaml's ``indent()`` settings:
    spaces from a key to the keys of a mapping under it; from a key to the content of the
    items of a list under it; and from a key to the ``-`` of those items.
    """

    newline: str = "\n"
    """The line end most lines have: ``\\n``, ``\\r\\n`` or ``\\r``."""
    bom: bool = False
    """Whether the file starts with a UTF-8 byte-order mark."""
    final_newline: bool = True
    """Whether the last line ends with a line end."""
    mapping: int = 2
    sequence: int = 4
    offset: int = 2
    quote: str = '"'
    """The quote most quoted text is written with, for new text that needs quotes."""
    flow_padding: bool = False
    """Whether flow collections are written with a space inside: ``{ id: a }``, ``[ a, b ]``."""


def _most(counts: Counter[int], default: int) -> int:
    """The most common value; ties go to the smaller one, so the same file gives the same style."""
    if not counts:
        return default
    return min(counts, key=lambda value: (-counts[value], value))


def line_end(text: str) -> tuple[str, bool]:
    """The line end most lines of ``text`` have (``\n``, ``\r\n`` or ``\r``; ``\n`` for a
    file of one line, and on a tie the first of those in that order) and whether it begins
    with a byte-order mark: the part of :func:`learn` that needs no look at the lines."""
    bom = text.startswith(BOM)
    crlf = text.count("\r\n")
    ends = Counter({"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf})
    return _most_text(+ends, "\n"), bom


def learn(text: str) -> Style:
    """The style of ``text``, a decoded YAML file (a BOM, if any, still at its start).

    Indentation is read from each key that opens a block and the first line under it;
    the most common step wins. A file with no nested blocks gets planverk's layout.
    """
    newline, bom = line_end(text)
    body = text[1:] if bom else text
    lines = [line for line in re.split(r"\r\n|\r|\n", body)]
    mapping: Counter[int] = Counter()
    sequence: Counter[int] = Counter()
    offset: Counter[int] = Counter()
    content = [(n, line) for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    for (_, line), (_, after) in zip(content, content[1:]):
        opener = _KEY.match(line.lstrip(" "))
        if opener is None:
            continue
        key_column = len(line) - len(line.lstrip(" ")) + len(opener.group(1))
        column = len(after) - len(after.lstrip(" "))
        step = column - key_column
        if step < 0 or (step == 0 and not after.lstrip(" ").startswith("-")):
            continue
        item = _ITEM.match(after.lstrip(" "))
        if item:
            offset[step] += 1
            sequence[step + len(item.group(1))] += 1
        elif step > 0:
            mapping[step] += 1
    code = [_code_part(line) for _, line in content]
    quotes = Counter(m for line in code for m in _QUOTE.findall(line))
    padded = sum(len(_PADDED.findall(line)) for line in code)
    tight = sum(len(_TIGHT.findall(line)) for line in code)
    learned_offset = _most(offset, 2)
    learned_sequence = max(_most(sequence, learned_offset + 2), learned_offset + 2)
    return Style(
        newline=newline,
        bom=bom,
        final_newline=body == "" or body.endswith(("\n", "\r")),
        mapping=_most(mapping, 2),
        sequence=learned_sequence,
        offset=learned_offset,
        quote=_most_text(quotes, '"'),
        flow_padding=padded > tight,
    )


def _most_text(counts: Counter[str], default: str) -> str:
    if not counts:
        return default
    return min(counts, key=lambda value: (-counts[value], value))


class Lines:
    """A file's lines as written (their own line ends kept), and as the parser reads them.

    :attr:`plain` is the text with ``\\n`` line ends, no BOM and a final line end: what
    ruamel.yaml is given. :meth:`join` puts lines back together: a line of the original
    comes back byte for byte, a new line gets the file's line end.
    """

    def __init__(self, text: str, style: Style) -> None:
        self.style = style
        body = text[1:] if style.bom else text
        self.raw = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", body)
        if self.raw and not self.raw[-1].endswith(("\n", "\r")):
            self.raw[-1] += style.newline  # joined back without it when it is still last
        self.plain = [line.rstrip("\r\n") + "\n" for line in self.raw]

    def join(self, parts: list[tuple[bool, int | str]]) -> str:
        """The text of ``parts``: (True, n) for line n of the original, (False, text) for a new line."""
        out = []
        for original, value in parts:
            if original:
                out.append(self.raw[value])  # type: ignore[index]
            else:
                line = str(value).rstrip("\n")
                out.append((pad_flow(line) if self.style.flow_padding else line) + self.style.newline)
        text = "".join(out)
        if not self.style.final_newline and text.endswith(self.style.newline):
            text = text[: -len(self.style.newline)]
        return (BOM if self.style.bom else "") + text
