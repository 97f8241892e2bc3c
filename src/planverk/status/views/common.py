"""What the section views produce: reports of titled tables of formatted, styled cells."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ... import formatting
from ..labels import Plural, label

DASH = "–"
"""Shown where there is no value."""

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
    """What every view needs: the language's labels, and values written by the rules of
    :mod:`planverk.formatting`, with a dash for a missing one."""

    language: str

    def t(self, key: str, **values: Any) -> str:
        """The label ``key`` in the language, with ``{placeholders}`` filled in; a label that
        counts takes the form that agrees with the number ``count``, written as a number."""
        text = label(key, self.language)
        if isinstance(text, Plural):
            count = values["count"]
            text = text.form(formatting.plural_form(count, self.language))
            values = {**values, "count": self.number(count)}
        return text.format(**values)

    def date(self, value: date | None, style: str = "short") -> str:
        """``01.02.2012`` (or another style of :func:`~planverk.formatting.fmt_date`)."""
        return DASH if value is None else formatting.fmt_date(value, style, language=self.language)

    def number(self, value: float | None, digits: int | None = None, signed: bool = False) -> str:
        """``4,5``, ``8 700`` (see :func:`~planverk.formatting.fmt_number`)."""
        if value is None:
            return DASH
        return formatting.fmt_number(value, digits, signed=signed, language=self.language)

    def money(self, value: float | None, signed: bool = False, about: bool = False) -> str:
        """``35 mill. kr``, ``450 000 kr``; ``ca. 35 mill. kr`` when ``about`` (see
        :func:`~planverk.formatting.fmt_money`)."""
        if value is None:
            return DASH
        return formatting.fmt_money(value, signed=signed, language=self.language, approximate=about)

    def money_column(
        self,
        values: list[float | None],
        about: list[bool] | None = None,
        signed: bool = False,
        scale: int | None = None,
        digits: int | None = None,
    ) -> list[str]:
        """A column of amounts in one unit and with one rounding: without ``scale``, the
        largest value's unit, or a smaller one where that would round an amount, so that
        shown sums add up (``-0,8 mill. kr`` beside ``2,9 mill. kr``, ``12 345 678 kr``
        beside ``35 000 000 kr``; see :func:`~planverk.formatting.money_layout`);
        ``about`` marks the estimates; a dash for None."""
        if scale is None:
            scale, digits = formatting.money_layout(values)
        marks = about or [False] * len(values)
        return [
            DASH if value is None else formatting.fmt_money(
                value, signed=signed, language=self.language, approximate=rough, scale=scale, digits=digits
            )
            for value, rough in zip(values, marks, strict=True)
        ]

    def money_columns(self, columns: list[tuple[list[float | None], list[bool]]]) -> list[list[str]]:
        """The money columns of one table, (values, estimates) each, all in one unit and
        one rounding (:meth:`money_column`), so that a parent's row is rounded no more than
        its children's; a zero is '0 kr' in every column (:func:`~planverk.formatting.fmt_money`)."""
        scale, digits = formatting.money_layout([v for values, _ in columns for v in values])
        return [self.money_column(values, about, scale=scale, digits=digits) for values, about in columns]

    def percent(self, value: float | None, signed: bool = False) -> str:
        """``65,3 %`` for 65.3 (see :func:`~planverk.formatting.fmt_percent`)."""
        if value is None:
            return DASH
        return formatting.fmt_percent(value, signed=signed, language=self.language)


STATE_STYLES: dict[str, Style] = {
    "on-track": "good",
    "at-risk": "warn",
    "off-track": "bad",
    "unknown": "muted",
    "high": "bad",
    "moderate": "warn",
    "low": "good",
}


def tally(figures: Iterable[tuple[str, str]], empty: str) -> str:
    """Figures as ``Høy: 2 · Moderat: 4``, each word before its value, so that no adjective or
    participle has to agree with a number; ``empty`` when there are none."""
    return " · ".join(f"{word}: {value}" for word, value in figures) or empty


def grouped(rows: list[tuple[str, list[Cell]]]) -> list[list[Cell]]:
    """Rows with a leading group column that shows each group's name on its first row only."""
    result = []
    previous = None
    for group, row in rows:
        result.append([Cell(group if group != previous else ""), *row])
        previous = group
    return result
