"""Publishing a plan for people who never open its repository: pictures of its diagrams
(:mod:`planverk.publish.pictures`), Word and HTML documents built on them, and a site.

``planverk render --format docx|html`` turns each rendered Markdown document into a Word
document to print or a self-contained web page (:func:`publish_documents`);
``planverk site`` builds a static site for one or many plans (:mod:`.site`).
Heavy libraries (pandoc, markdown-it, matplotlib) are loaded only when used, and this
module imports nothing of planverk's at load time: :mod:`planverk.render` imports
:mod:`.pictures`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..render import Document
    from .figures import Picture

FORMATS = ("md", "docx", "html")
"""What ``render --format`` writes: Markdown (the rendered text), Word, or HTML."""


@dataclass(frozen=True)
class Published:
    """A document in one format and the file name it is written to."""

    filename: str
    content: str | bytes


def published_name(filename: str, fmt: str) -> str:
    """``workbook.md`` as it is called in ``fmt``: ``workbook.docx``, ``workbook.html``."""
    return filename.removesuffix(".md") + "." + fmt


def publish(
    document: Document,
    fmt: str,
    *,
    as_of: date,
    pictures: Sequence[Picture] = (),
    reference_doc: Path | None = None,
    source_date_epoch: str | None = None,
) -> Published:
    """One rendered document as ``fmt`` ('md', 'docx' or 'html'); ``source_date_epoch``
    (SOURCE_DATE_EPOCH's value) fixes the file times inside a Word document.

    Raises :class:`planverk.errors.OutputError` when Word cannot be written and
    :class:`planverk.errors.UsageError` for a ``reference_doc`` that is no Word document.
    """
    name = published_name(document.filename, fmt)
    if fmt == "md":
        return Published(document.filename, document.text)
    if fmt == "html":
        from .html import markdown_to_html

        return Published(name, markdown_to_html(document.text, language=document.language, pictures=pictures))
    if fmt == "docx":
        from .docx import markdown_to_docx

        data = markdown_to_docx(
            document.text,
            language=document.language,
            as_of=as_of,
            pictures=list(pictures),
            reference_doc=reference_doc,
            source_date_epoch=source_date_epoch,
        )
        return Published(name, data)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")


def publish_documents(
    documents: Sequence[Document],
    fmt: str,
    *,
    as_of: date,
    pictures: Callable[[Document], Sequence[Picture]] = lambda _: (),
    reference_doc: Path | None = None,
    source_date_epoch: str | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[Published]:
    """Each document as ``fmt``, with the pictures ``pictures(document)`` gives;
    ``progress(done, total)`` is called after each."""
    out = []
    for number, document in enumerate(documents, 1):
        shown = pictures(document) if fmt != "md" else ()
        out.append(publish(document, fmt, as_of=as_of, pictures=shown, reference_doc=reference_doc,
                           source_date_epoch=source_date_epoch))
        progress(number, len(documents))
    return out
