"""What the section views produce: reports of titled tables of formatted, styled cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..labels import label
from ..numbers import DASH, Numbers

Style = Literal["good", "warn", "bad", "muted", "strong"]
Align = Literal["left", "right"]


@dataclass(frozen=True)
class Cell:
    """Text to show, and how to stress it (colour on a terminal, bold in Markdown).

    ``detail`` is a second, quieter line: below the text on a terminal, in brackets after
    it in Markdown.
    """

    text: str
    style: Style | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Table:
    """A titled table; ``align`` has one entry per column."""

    title: str
    headers: list[str]
    align: list[Align]
    rows: list[list[Cell]]
    note: str | None = None

    def pruned(self) -> Table:
        """The table without the columns (after the first) that are empty in every row."""
        keep = [
            n
            for n in range(len(self.headers))
            if n == 0 or not self.rows or any(row[n].text not in ("", DASH) for row in self.rows)
        ]
        return Table(
            self.title,
            [self.headers[n] for n in keep],
            [self.align[n] for n in keep],
            [[row[n] for n in keep] for row in self.rows],
            self.note,
        )


@dataclass
class Report:
    """One section, ready to print: a heading, then tables and notes in order, in the plan's language."""

    title: str
    subtitle: str
    parts: list[Table | str] = field(default_factory=list)

    def add(self, part: Table | str) -> None:
        """Append a table or a note."""
        self.parts.append(part)


@dataclass(frozen=True)
class Context:
    """What every view needs: the language's labels and number formats."""

    language: str

    @property
    def numbers(self) -> Numbers:
        """Number formats of the language."""
        return Numbers(self.language)

    def t(self, key: str, **values: object) -> str:
        """The label ``key`` in the language, with ``{placeholders}`` filled in."""
        return label(key, self.language).format(**values)


STATE_STYLES: dict[str, Style] = {
    "on-track": "good",
    "at-risk": "warn",
    "off-track": "bad",
    "unknown": "muted",
    "high": "bad",
    "moderate": "warn",
    "low": "good",
}


def cells(*texts: str) -> list[Cell]:
    """Plain cells."""
    return [Cell(text) for text in texts]


def grouped(rows: list[tuple[str, list[Cell]]]) -> list[list[Cell]]:
    """Rows with a leading group column that shows each group's name on its first row only."""
    result = []
    previous = None
    for group, row in rows:
        result.append([Cell(group if group != previous else ""), *row])
        previous = group
    return result
