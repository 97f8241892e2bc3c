"""Filters templates use besides the language formatting: when things happen, names, table cells."""

from __future__ import annotations

import re
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
    from ..i18n import tr

    raise TypeError(tr("the 'when' filter takes an occurrence, a deadline or a date, not {kind}: {value}",
                       kind=formatting.kind_words(item), value=repr(item)[:80]))


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


LINK_SCHEMES = ("http", "https", "mailto")
"""The only schemes a document links to; any other address (``javascript:``, ``file:``,
``data:``) is shown as text."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_EMAIL = re.compile(r"[^@\s<>()\[\]\\,;:\"]+@[^@\s<>()\[\]\\,;:\"]+\.[^@\s<>()\[\]\\,;:\"]+")
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\\\"`{}|^]")


def linkable(address: Any) -> str | None:
    """``address`` as the URL a document may link to, or None: an ``http``, ``https`` or
    ``mailto`` URL (with a host after ``//`` for http and https), or a bare e-mail address
    (``mailto:`` added). Spaces, control characters, angle brackets, quotes and
    backslashes in it are percent-encoded (RFC 3986 2.1), so that it stays one destination in Markdown."""
    text = " ".join(str(address).split())
    if not text:
        return None
    scheme = _SCHEME.match(text)
    if scheme is None:
        if not _EMAIL.fullmatch(text):
            return None
        text = "mailto:" + text
    elif scheme.group(1).lower() not in LINK_SCHEMES:
        return None
    elif scheme.group(1).lower() != "mailto" and not re.match(r"//[^/\s]", text[scheme.end():]):
        return None
    return _UNSAFE_IN_URL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), text)


def _destination(url: str) -> str:
    """A URL from :func:`linkable` as a Markdown link destination, ``<...>``: the
    characters CommonMark would read as an entity or an escape are backslash-escaped."""
    return "<" + re.sub(r"[&\\]", lambda m: "\\" + m.group(), url) + ">"


def autolink(address: Any) -> str:
    """An e-mail address or an http, https or mailto URL as a Markdown autolink,
    ``<kari@example.no>``; anything else (another scheme such as ``javascript:``, spaces,
    angle brackets) is escaped text instead."""
    text = str(address)
    url = linkable(text)
    if url is not None and url in (text, "mailto:" + text) and not any(c in text for c in "&\\"):
        return f"<{text}>"
    if url is not None:
        return f"[{formatting.markdown_text(text, line_start=False)}]({_destination(url)})"
    return formatting.markdown_text(text, line_start=False)


def link(text: Any, address: Any) -> str:
    """``text`` as a Markdown link to ``address`` when it is an http, https or mailto URL
    (or an e-mail address): ``[Budsjett 2025](<https://...>)``, the text escaped, the URL
    written so that spaces, parentheses and ``_`` in it keep it whole. Any other address
    (``javascript:``, ``file:``, a path) is no link: the text, and the address after it in
    parentheses, as escaped text. A missing address gives the text alone."""
    shown = formatting.markdown_text("" if text is None else text, line_start=False)
    if address is None or not str(address).strip():
        return shown
    url = linkable(address)
    if url is None:
        return f"{shown} ({formatting.markdown_text(address, line_start=False)})"
    return f"[{shown}]({_destination(url)})"


def template_filters(language: str) -> dict[str, Callable[..., str]]:
    """Every filter planverk adds to Jinja's own, bound to the document's language."""
    return {
        **formatting.filters(language),
        "when": partial(when, language=language),
        "names": names,
        "cell": cell,
        "autolink": autolink,
        "link": link,
        "paragraph": paragraph,
    }
