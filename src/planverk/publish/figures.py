"""Pictures in published documents: where a rendered document has a diagram, DOCX and HTML
show a picture of it.

A rendered Markdown document carries its diagrams as fenced ``mermaid`` blocks (which
GitHub and GitLab draw) and as image links to SVG files written beside it. Word and a
browser without JavaScript draw neither, so publishing swaps each for a picture drawn
offline by :mod:`planverk.publish.pictures`. :func:`document_pictures` is the one place
that asks for them, once per document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Picture:
    """A diagram of a document, drawn.

    ``name`` is the file name without suffix the Markdown links to (``workbook-gantt``);
    ``mermaid`` the text of the fenced block the picture stands for, if any; ``svg`` the
    SVG text; ``png`` PNG bytes where drawn (Word gets them when there are any).
    """

    name: str
    alt: str
    svg: str
    png: bytes | None = None
    mermaid: str | None = None


_FENCE = re.compile(r"^```mermaid[ \t]*\n(?P<body>.*?)\n```[ \t]*$", re.MULTILINE | re.DOTALL)


def swap_diagrams(markdown: str, pictures: list[Picture], image: Callable[[Picture], str]) -> str:
    """``markdown`` with each ``mermaid`` block replaced by ``image(picture)`` of the picture
    drawn from the same text, and left out where there is none (Mermaid source is no use to
    a reader of Word or of a page without JavaScript)."""
    by_text = {p.mermaid.strip(): p for p in pictures if p.mermaid}

    def swap(match: re.Match[str]) -> str:
        picture = by_text.get(match.group("body").strip())
        return image(picture) if picture is not None else ""

    return _FENCE.sub(swap, markdown)


def document_pictures(document: Any) -> list[Picture]:
    """The pictures of one rendered document (a :class:`planverk.render.Document`), drawn
    offline by :mod:`planverk.publish.pictures`, SVG and PNG: those it links to as images
    and those whose Mermaid text it shows; empty when it has none.

    This is the one call publishing makes into the pictures package. Each picture keeps
    the Mermaid text, so that the block can be swapped for it.
    """
    context = document.context
    if context is None:
        return []
    from .pictures import draw

    linked = {spec.file for spec in document.pictures}
    texts = {"gantt": context.diagrams.gantt, "org-chart": context.diagrams.org_chart}
    pictures = []
    for spec in context.pictures.values():
        mermaid = spec.mermaid or texts.get(spec.kind, "")
        shown = spec.file in linked or (mermaid and f"```mermaid\n{mermaid.strip()}\n```" in document.text)
        if not shown:
            continue
        drawn = draw(spec)
        pictures.append(
            Picture(
                name=drawn.file.removesuffix(".svg"),
                alt=drawn.alt,
                svg=drawn.svg.decode("utf-8"),
                png=drawn.png,
                mermaid=mermaid or None,
            )
        )
    return pictures
