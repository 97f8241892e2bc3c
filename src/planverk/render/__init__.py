"""``planverk render``: Markdown documents from a validated plan and Jinja2 templates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from ..collector import paused
from ..errors import UsageError
from ..files import replace_folder, write_atomic
from ..load.planfiles import display_path, plan_folder
from ..model import Plan
from ..i18n import DEFAULT_LANGUAGE, Message, tr
from ..validate import Validation, checked_plan, in_language
from .context import build_context
from .engine import environment, render_template
from .labels import LABELS
from .templates import SUFFIX, TemplateFolders, TemplateInfo


@dataclass(frozen=True)
class Document:
    """A rendered document, the file name it is written to, and the pictures it links to
    (:class:`~planverk.publish.pictures.PictureSpec`, drawn when the document is written)."""

    template: str
    filename: str
    text: str
    pictures: tuple[Any, ...] = ()
    """The pictures it links to (:class:`~planverk.publish.pictures.PictureSpec`), drawn
    when the document is written."""
    language: str = "nb"
    """The document's language: 'nb', 'nn' or 'en'."""
    group: str | None = None
    """The id of the group it is for (--group), else None."""
    context: Any = field(default=None, repr=False, compare=False)
    """The :class:`~planverk.render.views.Context` it was rendered from (its pictures)."""


def _linked(text: str, specs: dict[str, Any]) -> tuple[Any, ...]:
    """The pictures whose SVG the document shows as a Markdown image."""
    return tuple(s for s in specs.values() if f"]({s.file})" in text)


LEFT_OUT = {
    "nb": "Figur som ikke er med når dokumentet skrives til standard ut (skriv det til en mappe "
          "med -o MAPPE for å få figuren):",
    "nn": "Figur som ikkje er med når dokumentet blir skrive til standard ut (skriv det til ei mappe "
          "med -o MAPPE for å få figuren):",
    "en": "Figure left out when the document is written to standard output (write it to a folder "
          "with -o DIR to get the figure):",
}
"""The note that stands for a picture in a document written to standard output."""


def for_stdout(document: Document) -> str:
    """The Markdown of ``document`` for standard output, where no picture can be written
    beside it: each image of a picture it links to (``![alt](NAME.svg)``) becomes a note in
    the document's language with the picture's description (its alt text), so that the
    text never links to a file that was not written."""
    text = document.text
    for spec in document.pictures:
        image = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\(" + re.escape(spec.file) + r"\)")
        note = LEFT_OUT.get(document.language, LEFT_OUT[DEFAULT_LANGUAGE])
        text = image.sub(lambda m: f"*{note}* {m.group(1)}", text)
    return text


def list_templates(
    plan: Path | None = None, templates_dir: Path | None = None
) -> list[TemplateInfo]:
    """The templates ``render`` can use for ``plan``, by name."""
    return TemplateFolders.find(plan_folder(plan) if plan else None, templates_dir).available()


def _template_name(name: str) -> str:
    return name.removesuffix(SUFFIX)


def checked_render(
    target: Path,
    names: Sequence[str] = (),
    templates_dir: Path | None = None,
    refusal: Message | None = None,
    language: str | None = None,
) -> tuple[Validation, TemplateFolders, list[str]]:
    """The plan's validation (its ``plan`` has no errors), its template folders and the
    template names to render (default: all), each name checked; ``language`` (``--lang``)
    replaces the plan's own (:func:`planverk.validate.in_language`).

    Raises :class:`UsageError` for an unknown template and :class:`InvalidPlanError` (with
    the findings) when the plan has errors.
    """
    folders = TemplateFolders.find(plan_folder(target), templates_dir)
    available = {t.name: t for t in folders.available()}
    chosen = [_template_name(n) for n in names] or list(available)
    for name in chosen:
        if name not in available:
            near = get_close_matches(name, available, n=1)
            if near:
                raise UsageError(tr("no template '{name}': did you mean '{near}'? available: {available}",
                                    name=name, near=near[0], available=", ".join(available)))
            raise UsageError(tr("no template '{name}': available: {available}", name=name,
                                available=", ".join(available)))
    refusal = refusal or tr("nothing was rendered")
    result = checked_plan(target, tr("{plan} has errors: fix them first; {refusal}", plan=display_path(target),
                                     refusal=refusal), keep_occurrences=True)
    assert result.plan is not None
    return in_language(result, language), folders, chosen


def render_plan(
    target: Path,
    names: Sequence[str] = (),
    *,
    as_of: date,
    group: str | None = None,
    templates_dir: Path | None = None,
    mermaid: bool = True,
) -> list[Document]:
    """Validate the plan and render the named templates (default: all).

    ``mermaid``: show the diagrams GitHub and GitLab draw as Mermaid (else every diagram
    as an image link to its SVG, as documents converted to DOCX or HTML need).
    Raises :class:`InvalidPlanError` (with the findings) when the plan has errors.
    """
    result, folders, chosen = checked_render(target, names, templates_dir)
    assert result.plan is not None
    return render_documents(result.plan, folders, chosen, as_of=as_of, group=group, mermaid=mermaid,
                            occurrences=result.occurrences)


def render_documents(
    plan: Plan,
    folders: TemplateFolders,
    names: Sequence[str],
    *,
    as_of: date,
    group: str | None = None,
    mermaid: bool = True,
    occurrences: Mapping[int, list[Any]] | None = None,
) -> list[Document]:
    """Render the named templates of ``folders`` for a plan that validates (``mermaid``:
    as in :func:`render_plan`; ``occurrences``: the validation's, to reuse, see
    :attr:`planverk.validate.Validation.occurrences`)."""
    if group is not None and group not in {g.id for g in plan.groups}:
        near = get_close_matches(group, [g.id for g in plan.groups], n=1)
        if near:
            raise UsageError(tr("--group '{group}' is not a group of the plan: did you mean '{near}'? see "
                                "'groups:' in the plan", group=group, near=near[0]))
        raise UsageError(tr("--group '{group}' is not a group of the plan: see 'groups:' in the plan", group=group))
    language = plan.plan.language
    with paused():  # views of every event and occurrence: see planverk.collector
        context = build_context(plan, LABELS[language], as_of=as_of, group=group, mermaid=mermaid,
                                occurrences=occurrences)
    env = environment(folders, language)
    suffix = f"-{group}" if group else ""
    documents = []
    for name in names:
        text = render_template(env, folders, name + SUFFIX, context)
        linked = _linked(text, context.pictures)
        documents.append(Document(name, f"{name}{suffix}.md", text, linked, language, group, context))
    return documents


def write_documents(documents: Sequence[Document], folder: Path) -> list[Path]:
    """Write the documents into ``folder`` as one set, each with the SVG of every picture
    it links to beside it; returns the paths written (see :func:`write_files`). A
    ``folder`` that names a file (:func:`names_a_file`) takes the one document itself."""
    pictures = {spec.file: spec for document in documents for spec in document.pictures}
    drawn: dict[str, bytes] = {}
    if pictures:
        from ..publish.pictures import draw

        drawn = {file: draw(spec, png=False).svg for file, spec in pictures.items()}
    files = [*((d.filename, d.text) for d in documents), *drawn.items()]
    if names_a_file(folder, ".md"):
        return write_file(files, folder)
    return write_files(files, folder)


def names_a_file(output: Path, suffix: str) -> bool:
    """Whether ``-o`` names one document's file (``arbeidsbok.docx`` for ``.docx``) rather
    than a folder: it ends in the format's suffix and is no folder already."""
    return output.suffix.lower() == suffix and not output.is_dir()


def write_file(files: Sequence[tuple[str, str | bytes]], target: Path) -> list[Path]:
    """Write the first of ``files`` (one document) to ``target``, and the rest (the
    pictures a Markdown document links to) beside it under their own names, each through a
    temporary file and a rename; returns the paths written."""
    written = [target, *(target.parent / name for name, _ in files[1:])]
    for path, (_, content) in zip(written, files, strict=True):
        write_atomic(path, content)
    return written


def write_files(files: Sequence[tuple[str, str | bytes]], folder: Path) -> list[Path]:
    """Write each (file name, text or bytes) into ``folder`` as one set; returns the paths.

    Other files in ``folder`` are kept; the folder with the new documents takes the old
    one's place in one step (:func:`planverk.files.replace_folder`), so a full disk or a
    kill leaves all documents old or all new. A folder with subfolders is not a folder of
    documents and is refused, so that nothing else is copied and replaced.
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError(tr("{folder} is a file: give a folder for the documents", folder=display_path(folder)))
    if folder.is_dir() and any(p.is_dir() for p in folder.iterdir()):
        raise UsageError(tr("{folder} holds folders: give a folder that holds only documents, e.g. out/",
                            folder=display_path(folder)))

    def fill(staging: Path) -> None:
        for filename, content in files:
            path = staging / filename
            path.unlink(missing_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", newline="\n")

    replace_folder(folder, fill, carry=True, what=tr("the documents"))
    return [folder / filename for filename, _ in files]


__all__ = [
    "Document",
    "TemplateInfo",
    "checked_render",
    "list_templates",
    "render_documents",
    "render_plan",
    "write_documents",
    "write_files",
]
