"""Filters templates use besides the language formatting: when things happen, names, table cells."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from typing import Any

from .. import formatting
from ..model.base import PlanText
from .views import DeadlineView, OccurrenceView


def when(item: OccurrenceView | DeadlineView | date, *, language: str) -> str:
    """When an occurrence happens or a deadline is due, as one text; for an item dated by a
    period, the period as the plan wrote it (``uke 15``), never a day it does not name."""
    if isinstance(item, (OccurrenceView, DeadlineView)) and item.period is not None:
        return item.period
    if isinstance(item, OccurrenceView):
        if item.time is None and not item.all_day:  # runs continuously across days
            start = formatting.fmt_when(item.day, at=item.start.time(), language=language)
            end = formatting.fmt_when(item.last_day, at=item.end.time(), language=language)
            return f"{start}-{end}"
        return formatting.fmt_when(item.day, item.last_day, item.time, language=language)
    if isinstance(item, DeadlineView):
        return formatting.fmt_when(item.date, None, item.time, language=language)
    if isinstance(item, date):
        return formatting.fmt_when(item, language=language)
    raise TypeError(
        f"the 'when' filter takes an occurrence, a deadline or a date, not {formatting.kind_name(item)}"
    )


def names(items: Iterable[Any], separator: str = ", ") -> str:
    """The ``name`` of each person, group, role or address, joined: plan text still, which
    the template escapes when it prints it (or ``cell`` does)."""
    return PlanText(separator.join(item.name for item in items))


def cell(value: Any) -> str:
    """Text safe in a Markdown table cell: :func:`planverk.formatting.markdown_text`, which
    escapes pipes, markup and line breaks."""
    return formatting.markdown_text("" if value is None else value, line_start=False)


def paragraph(value: Any) -> str:
    """Text safe to start a Markdown paragraph or list item, on one line.

    Without this, a description starting with a date ("15. mars ...") would turn into a
    numbered list starting at 15, and one starting with '-' or '#' into a list or heading;
    see :func:`planverk.formatting.markdown_text`.
    """
    return formatting.markdown_text(value)


def autolink(address: Any) -> str:
    """An e-mail address or URL as a Markdown autolink, ``<kari@example.no>``; text that
    cannot stand in one (spaces, angle brackets, backslashes) is escaped text instead."""
    text = str(address)
    if text and not any(c.isspace() or c in "<>\\" for c in text):
        return f"<{text}>"
    return formatting.markdown_text(text, line_start=False)


def template_filters(language: str) -> dict[str, Callable[..., str]]:
    """Every filter planverk adds to Jinja's own, bound to the document's language."""
    return {
        **formatting.filters(language),
        "when": partial(when, language=language),
        "names": names,
        "cell": cell,
        "autolink": autolink,
        "paragraph": paragraph,
    }
