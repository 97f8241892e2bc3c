"""Word (DOCX) from a rendered Markdown document, through pandoc.

pandoc comes inside the ``pypandoc-binary`` wheel, so ``pip install planverk`` is enough:
no system package. It was chosen over python-docx because it reads any Markdown a
template writes (tables, lists, links, pictures) and because ``--reference-doc`` then
means exactly what it means to pandoc users: the municipality's own Word template gives
styles, fonts, logo, header and footer. What makes the result a workbook to print
(title page, table of contents, boxes to write in) is the Lua filter beside this module.

Same document, same pandoc: same bytes (``SOURCE_DATE_EPOCH`` fixes the times pandoc
writes into the file).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from importlib import resources
from pathlib import Path

from ..epoch import fixed_time
from ..errors import OutputError, UsageError
from ..formatting import markdown_text
from ..i18n import tr
from .figures import Picture, swap_diagrams
from .reference import reference_docx
from .words import WORDS

FILTER = "workbook.lua"
_BLOCK = re.compile(r"^(#|\||[-*+] |>|```|~~~|!\[|\d+[.)] )")
"""A line that starts something other than a plain paragraph."""


@dataclass(frozen=True)
class FrontMatter:
    """A rendered document's first heading and the paragraph under it (its title page)."""

    title: str
    subtitle: str
    body: str


def front_matter(markdown: str) -> FrontMatter:
    """Split off the ``# Title`` line and the one paragraph right under it."""
    lines = markdown.split("\n")
    if not lines or not lines[0].startswith("# "):
        return FrontMatter("", "", markdown)
    title = lines[0][2:].strip()
    rest = lines[1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    subtitle: list[str] = []
    if rest and not _BLOCK.match(rest[0]):
        while rest and rest[0].strip():
            subtitle.append(rest.pop(0))
    return FrontMatter(title, " ".join(subtitle), "\n".join(rest))


def _png_links(markdown: str, pictures: Sequence[Picture]) -> str:
    """Image links to a picture's SVG pointed at its PNG, which every Word reads."""
    for picture in pictures:
        if picture.png is not None:
            svg = re.escape(f"]({picture.name}.svg)")
            markdown = re.sub(rf"(!\[[^\]\n]*){svg}", rf"\1]({picture.name}.png)", markdown)
    return markdown


@cache
def pandoc() -> str:
    """The pandoc program: the one the pypandoc-binary wheel ships, else one on PATH."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as error:
        raise OutputError(tr(
            "Word output needs pandoc, which comes with planverk's dependency "
            "pypandoc-binary: reinstall planverk ({error})", error=str(error)
        )) from None


def _run(arguments: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> bytes:
    done = subprocess.run(
        [pandoc(), *arguments], input=stdin, capture_output=True, env=env, check=False
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise OutputError(tr("pandoc could not write the Word document: {error}", error=message))
    return done.stdout


@cache
def _default_reference(language: str) -> bytes:
    default = _run(["--print-default-data-file", "reference.docx"])
    return reference_docx(default, language)


def check_reference_doc(path: Path) -> None:
    """Raise :class:`UsageError` unless ``path`` is a Word document pandoc can take styles from."""
    if not path.is_file():
        raise UsageError(tr("--reference-doc {file}: no such file", file=str(path)))
    try:
        with zipfile.ZipFile(path) as document:
            names = set(document.namelist())
    except (OSError, zipfile.BadZipFile):
        names = set()
    if "word/document.xml" not in names:
        raise UsageError(tr(
            "--reference-doc {file}: not a Word document (.docx); save the template as "
            "Word Document (.docx), not .dotx or .doc", file=str(path)
        ))


def epoch(as_of: date, source_date_epoch: str | None = None) -> str:
    """Seconds since 1970 for the file times inside the DOCX: the moment ``source_date_epoch``
    (SOURCE_DATE_EPOCH) names, read as every output reads it (:func:`planverk.epoch.from_epoch`,
    which refuses a value that names no time), else midnight (UTC) of the date the document
    is as of."""
    fixed = fixed_time(source_date_epoch)
    if fixed is None:
        fixed = datetime(as_of.year, as_of.month, as_of.day, tzinfo=timezone.utc)
    return str(int(fixed.timestamp()))


def markdown_to_docx(
    markdown: str,
    *,
    language: str,
    as_of: date,
    pictures: list[Picture] = (),  # type: ignore[assignment]
    reference_doc: Path | None = None,
    source_date_epoch: str | None = None,
) -> bytes:
    """A rendered Markdown document as DOCX bytes: title page, table of contents, the body
    with bordered tables and boxes to write in, page numbers; pictures for its diagrams.

    ``language`` is 'nb', 'nn' or 'en'; ``reference_doc`` a Word document whose styles,
    page set-up, header and footer to use (pandoc's ``--reference-doc``), default
    planverk's own; ``source_date_epoch`` SOURCE_DATE_EPOCH's value, for the file times
    (:func:`epoch`). Raises :class:`OutputError` when pandoc fails, :class:`UsageError` for a
    ``source_date_epoch`` that names no time.
    """
    stamp = epoch(as_of, source_date_epoch)  # refused before pandoc runs
    words = WORDS[language]
    with tempfile.TemporaryDirectory(prefix="planverk-docx-") as scratch:
        folder = Path(scratch)
        for picture in pictures:
            if picture.png is not None:
                (folder / f"{picture.name}.png").write_bytes(picture.png)
            (folder / f"{picture.name}.svg").write_text(picture.svg, encoding="utf-8")

        def image(picture: Picture) -> str:
            suffix = "png" if picture.png is not None else "svg"
            return f"![{markdown_text(picture.alt, line_start=False)}]({picture.name}.{suffix})"

        front = front_matter(_png_links(swap_diagrams(markdown, list(pictures), image), pictures))
        meta = {"lang": words["locale"], "planverk-contents": words["contents"], "planverk-shift": "0"}
        if front.title:
            meta |= {"title": front.title, "subtitle": front.subtitle, "planverk-shift": "1"}
        (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        reference = folder / "reference.docx"
        if reference_doc is None:
            reference.write_bytes(_default_reference(language))
        else:
            check_reference_doc(reference_doc)
            reference = reference_doc.absolute()
        lua = resources.files("planverk.publish") / FILTER
        (folder / FILTER).write_text(lua.read_text(encoding="utf-8"), encoding="utf-8")
        out = folder / "out.docx"
        _run(
            [
                "--from=gfm",
                "--to=docx",
                f"--metadata-file={folder / 'meta.json'}",
                f"--lua-filter={folder / FILTER}",
                f"--reference-doc={reference}",
                f"--resource-path={folder}",
                f"--output={out}",
            ],
            front.body.encode("utf-8"),
            env={**os.environ, "SOURCE_DATE_EPOCH": stamp},
        )
        return out.read_bytes()
