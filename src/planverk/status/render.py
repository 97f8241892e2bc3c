"""Print a report: rich tables for a terminal, or Markdown. Pure: same report, same text."""

from __future__ import annotations

import io
import re

from .views.common import Cell, Report

RICH_STYLES = {"good": "green", "warn": "yellow", "bad": "red", "muted": "dim", "strong": "bold"}


GLUE = "\ue000"
"""Stands for a space that must not break (inside an amount) while rich lays out a table;
a private-use character, one column wide, written back as a space afterwards."""

_AMOUNT = re.compile(
    r"(?<![\w,.])(?:ca\. |approx\. )?(?:NOK )?[-+]?\d+(?:[ ,.]\d+)*"
    r"(?: ?(?:mill\.|mrd\.|bill\.|M|bn|%|kr|prosentpoeng|percentage points|pp))*(?: kr)?"
)
"""An amount as planverk.formatting writes it: '18,2 mill. kr', '8 700 kr', '4,5 %',
'NOK 18.2M', 'ca. 3 mill. kr'."""


def glue_amounts(text: str) -> str:
    """``text`` with the spaces inside each amount made unbreakable (:data:`GLUE`)."""
    return _AMOUNT.sub(lambda m: m.group(0).replace(" ", GLUE), text)


def render_rich(report: Report, width: int = 100, color: bool = False) -> str:
    """Tables drawn for a terminal ``width`` columns wide; colours only when ``color``.

    Columns are as wide as their longest word or amount, and share what is left by how
    much more their texts need, so that a cell wraps at spaces and never cuts a word or
    an amount ("18,2 mill. kr") in two; only a table that cannot fit that way folds words.
    """
    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(Text(report.title, style="bold"))
    console.print(Text(report.subtitle, style="dim"))
    for part in report.parts:
        console.print()
        if isinstance(part, str):
            console.print(Text(part))
            continue
        table = part.pruned()
        widths = _column_widths(table, width)
        drawn = _draw(table, widths)
        if widths is None or not _fits(drawn, width):
            drawn = _draw(table, None)
        console.print(drawn)
    return out.getvalue().replace(GLUE, " ")


def _texts(table, column: int) -> list[str]:
    texts = [table.headers[column]]
    for row in table.rows:
        cell = row[column]
        texts += [cell.text, *([cell.detail] if cell.detail else [])]
    return [glue_amounts(t) for t in texts]


GAP = 2
"""Spaces between two columns."""

SHORTEST = 8
"""A text column is never made narrower than this to fit the table in."""


def _column_widths(table, width: int) -> list[int] | None:
    """Each column's width: at least its longest word or amount; the rest of ``width``
    goes first to the columns that need least more to hold their texts on one line.

    When the longest words do not fit side by side, the widest columns give way, never
    below their longest amount nor :data:`SHORTEST`, and a word too long for one is
    shortened with '…' rather than cut in two (:func:`_draw`). None when even that does
    not fit."""
    if not table.headers:
        return None
    texts = [_texts(table, n) for n in range(len(table.headers))]
    least = [max((len(w) for t in column for w in t.split()), default=1) for column in texts]
    most = [max((len(line) for t in column for line in t.split("\n")), default=1) for column in texts]
    amounts = [
        max((len(a) for t in column for a in _AMOUNT.findall(t.replace(GLUE, " "))), default=0)
        for column in texts
    ]
    room = width - GAP * (len(texts) - 1)
    while sum(least) > room:
        giving = [n for n in range(len(least)) if least[n] > max(SHORTEST, amounts[n])]
        if not giving:
            return None
        widest = max(giving, key=lambda n: least[n])
        least[widest] -= 1
    widths = list(least)
    spare = room - sum(widths)
    # The columns that need least more are given all they need first, so that short
    # texts stay on one line and the long ones share the rest.
    wanting = sorted((n for n in range(len(widths)) if most[n] > widths[n]), key=lambda n: most[n] - widths[n])
    for place, n in enumerate(wanting):
        given = min(most[n] - widths[n], spare // (len(wanting) - place))
        widths[n] += given
        spare -= given
    return widths


def _draw(table, widths: list[int] | None):
    """A rich table; with ``widths``, each column exactly that wide and wrapped at spaces,
    else as rich lays it out (words that do not fit are folded)."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    drawn = Table(
        title=escape(table.title),
        title_justify="left",
        title_style="bold",
        caption=escape(table.note) if table.note else None,
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=widths is None,
        collapse_padding=widths is not None,
    )
    for n, (header, align) in enumerate(zip(table.headers, table.align)):
        fixed = widths[n] if widths else None
        drawn.add_column(
            escape(glue_amounts(header) if widths else header),
            justify=align,
            overflow="ellipsis" if widths else "fold",
            width=fixed,
            min_width=fixed,
            max_width=fixed,
        )
    for row in table.rows:
        drawn.add_row(*(_rich_cell(cell, glue=widths is not None) for cell in row))
    return drawn


def _fits(drawn, width: int) -> bool:
    """Whether the table fits ``width`` (rich overflows, then crops, when minimum widths don't fit)."""
    from rich.cells import cell_len
    from rich.console import Console

    probe = io.StringIO()
    Console(file=probe, width=width, color_system=None, legacy_windows=False).print(
        drawn, crop=False
    )
    return all(cell_len(line) <= width for line in probe.getvalue().splitlines())


def _rich_cell(cell: Cell, glue: bool = False):
    from rich.text import Text

    shown = glue_amounts if glue else (lambda text: text)
    text = Text(shown(cell.text), style=RICH_STYLES.get(cell.style or "", ""))
    if cell.detail:
        text.append("\n" + shown(cell.detail), style="dim")
    return text


def _md_cell(cell: Cell) -> str:
    text = _md(cell.text)
    if cell.style == "strong" and text:
        text = f"**{text}**"
    return text + (f" ({_md(cell.detail)})" if cell.detail else "")


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    """A Markdown document: a heading per table, pipe tables, notes as paragraphs."""
    lines = [f"# {_md(report.title)}", "", _md(report.subtitle)]
    for part in report.parts:
        if isinstance(part, str):
            lines += ["", _md(part)]
            continue
        table = part.pruned()
        lines += ["", f"## {_md(table.title)}", ""]
        lines.append("| " + " | ".join(_md(h) for h in table.headers) + " |")
        lines.append("|" + "|".join("---:" if a == "right" else "---" for a in table.align) + "|")
        for row in table.rows:
            lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
        if table.note:
            lines += ["", _md(table.note)]
    return "\n".join(lines) + "\n"
