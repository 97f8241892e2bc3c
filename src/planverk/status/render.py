"""Print a report: rich tables for a terminal, or Markdown. Pure: same report, same text."""

from __future__ import annotations

import io

from .views.common import Cell, Report
from ..formatting import markdown_text

RICH_STYLES = {"good": "green", "warn": "yellow", "bad": "red", "muted": "dim", "strong": "bold"}


def render_rich(report: Report, width: int = 100, color: bool = False) -> str:
    """Tables drawn for a terminal ``width`` columns wide; colours only when ``color``."""
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
        drawn = _draw(table, whole_words=True)
        if not _fits(drawn, width):
            drawn = _draw(table, whole_words=False)
        console.print(drawn)
    return out.getvalue()


def _draw(table, whole_words: bool):
    """A rich table. With ``whole_words``, the first column (which names the row) is kept as
    wide as its longest word; other columns fold a word that does not fit rather than cut it."""
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
    )
    for n, (header, align) in enumerate(zip(table.headers, table.align)):
        minimum = None
        if n == 0 and whole_words:
            words = [
                w for text in [header, *(row[0].text for row in table.rows)] for w in text.split()
            ]
            minimum = min(20, max(map(len, words), default=0)) or None
        drawn.add_column(escape(header), justify=align, overflow="fold", min_width=minimum)
    for row in table.rows:
        drawn.add_row(*(_rich_cell(cell) for cell in row))
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


def _rich_cell(cell: Cell):
    from rich.text import Text

    text = Text(cell.text, style=RICH_STYLES.get(cell.style or "", ""))
    if cell.detail:
        text.append("\n" + cell.detail, style="dim")
    return text


def _md_cell(cell: Cell) -> str:
    text = _md(cell.text)
    if cell.style == "strong" and text:
        text = f"**{text}**"
    return text + (f" ({_md(cell.detail)})" if cell.detail else "")


def _md(text: str, line_start: bool = False) -> str:
    return markdown_text(text, line_start=line_start)


def render_markdown(report: Report) -> str:
    """A Markdown document: a heading per table, pipe tables, notes as paragraphs."""
    lines = [f"# {_md(report.title)}", "", _md(report.subtitle, True)]
    for part in report.parts:
        if isinstance(part, str):
            lines += ["", _md(part, True)]
            continue
        table = part.pruned()
        lines += ["", f"## {_md(table.title)}", ""]
        lines.append("| " + " | ".join(_md(h) for h in table.headers) + " |")
        lines.append("|" + "|".join("---:" if a == "right" else "---" for a in table.align) + "|")
        for row in table.rows:
            lines.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
        if table.note:
            lines += ["", _md(table.note, True)]
    return "\n".join(lines) + "\n"
