"""site and render: documents and the published site."""


import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ExitCode, UsageError
from ..i18n import plural, tr
from .app import app
from .calendars import warn_if_shallow
from .language import choose, current, say, text
from .options import AsOfOption, LangOption, PLAN_HELP, PlansArg
from .terminal import progress, write_stdout


@app.command()
def site(
    plans: PlansArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the site (replaced as a whole).")],
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Where the site is published; calendar addresses start with it. Without it, "
            "each page works its addresses out from where it is opened.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    reference_doc: Annotated[
        Path | None,
        typer.Option(
            "--reference-doc",
            metavar="FILE",
            help="A Word document whose styles, page set-up, header and footer the Word "
            "downloads use (the municipality's template).",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Build a static site for one or many plans: overview, documents (HTML and Word), calendars.

    For an intranet, a SharePoint library or Pages: one stylesheet, nothing from other
    servers, readable without JavaScript. The folder is replaced only once everything is
    written. Refuses (exit 1, printing the findings) when a plan has errors.
    """
    from ..publish.site import build_site

    code = choose(lang, plans[0] if plans else None)
    day = as_of.date() if as_of else date.today()
    warn_if_shallow(plans)
    with progress(1000, threshold=0) as advance:
        built = build_site(
            plans,
            output,
            as_of=day,
            base_url=base_url,
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
            reference_doc=reference_doc,
            progress=advance,
            language=code,
        )
    index = output / "index.html"
    say(plural("wrote the site for {plans} ({count} file) to {folder}",
               "wrote the site for {plans} ({count} files) to {folder}", built.files,
               plans=", ".join(built.plans), folder=str(output)))
    say(tr("open {address} in a browser, or publish the folder {folder}", address=index.absolute().as_uri(),
           folder=str(output)))


class DocumentFormat(str, Enum):
    """What `render` writes."""

    md = "md"
    docx = "docx"
    html = "html"


@app.command()
def render(
    plan: Annotated[Path | None, typer.Argument(metavar="PLAN", help=PLAN_HELP, show_default=False)] = None,
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="TEMPLATE", help="Templates to render, e.g. workbook schedule (default: all).", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder to write the documents to, or the file for one "
                     "(NAME.md, NAME.docx, NAME.html); without it, one document goes to stdout."),
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="Render for one group: its events, deadlines and roles.")
    ] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        DocumentFormat,
        typer.Option(
            "--format",
            "-f",
            help="md (Markdown), docx (Word, to print: title page, contents, boxes to write in, "
            "page numbers) or html (one self-contained page per document).",
        ),
    ] = DocumentFormat.md,
    reference_doc: Annotated[
        Path | None,
        typer.Option(
            "--reference-doc",
            metavar="FILE",
            help="With --format docx: a Word document whose styles, page set-up, header and "
            "footer to use (the municipality's template), as in pandoc.",
            show_default=False,
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="A folder of templates that override the plan's and the built-in ones by name."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the templates available and what each needs.")] = False,
    lang: LangOption = None,
) -> None:
    """Render workbooks, schedules and reports from the plan: Markdown, Word or HTML.

    Templates come from --templates DIR, the plan's templates/ folder, then the built-ins.
    A plan with errors is not rendered (exit 1); a template error exits with 2.
    """
    from ..load.planfiles import display_path
    from ..render import (
        checked_render, for_stdout, list_templates, names_a_file, render_documents, write_documents, write_file,
        write_files,
    )

    code = choose(lang, plan)
    if list_:
        for info in list_templates(plan, templates):
            say(_template_line(info))
        raise typer.Exit(int(ExitCode.OK))
    if plan is None:
        raise UsageError(tr("give a plan folder, e.g. planverk render plans/gran-2017 schedule"))
    if reference_doc is not None and output_format is not DocumentFormat.docx:
        raise UsageError(tr("--reference-doc is for Word: add --format docx"))
    day = as_of.date() if as_of else date.today()
    checked, folders, chosen = checked_render(plan, names or [], templates, language=code)
    assert checked.plan is not None
    markdown = output_format is DocumentFormat.md
    documents = render_documents(checked.plan, folders, chosen, as_of=day, group=group, mermaid=markdown,
                                 occurrences=checked.occurrences)
    if output is None and len(documents) != 1:
        raise UsageError(tr("{count} documents to render: give a folder to write them to with -o DIR",
                            count=len(documents)))
    if output is not None and names_a_file(output, f".{output_format.value}") and len(documents) != 1:
        raise UsageError(tr("{file} names one file, but {count} documents are rendered: name one template, "
                            "or give a folder for them all with -o DIR", file=display_path(output),
                            count=len(documents)))
    if output is None and output_format is DocumentFormat.docx and sys.stdout.isatty():
        raise UsageError(tr("a Word document is not for the terminal: write it to a folder with -o DIR"))
    if markdown:
        if output is not None:
            for path in write_documents(documents, output):
                say(tr("wrote {file}", file=display_path(path)))
            return
        files = [(d.filename, d.text if output is not None else for_stdout(d)) for d in documents]
    else:
        from ..publish import publish_documents
        from ..publish.figures import document_pictures

        with progress(len(documents)) as advance:
            published = publish_documents(
                documents,
                output_format.value,
                as_of=day,
                pictures=document_pictures,
                reference_doc=reference_doc,
                source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
                progress=advance,
            )
        files = [(p.filename, p.content) for p in published]
    if output is None:
        write_stdout(files[0][1])
        return
    one = names_a_file(output, f".{output_format.value}")
    for path in (write_file if one else write_files)(files, output):
        say(tr("wrote {file}", file=display_path(path)))


_ORIGINS = {"built-in": tr("built-in"), "plan": tr("the plan's templates/")}
"""Where a template comes from, in words (``--templates`` is the option as typed)."""


def _template_line(info) -> str:
    """One template as `render --list` shows it, in the current language."""
    origin = _ORIGINS.get(info.origin, info.origin)
    if info.overrides:
        where = tr("{origin}, overrides {other}", origin=origin, other=_ORIGINS.get(info.overrides, info.overrides))
    else:
        where = origin
    lines = [text(tr("{name} ({where}: {file})", name=info.name, where=where, file=info.filename))]
    described = info.described(current())
    if described:
        lines.append(f"    {described}")
    if info.needs:
        lines.append("    " + text(tr("needs: {names}", names=", ".join(info.needs))))
    if info.options:
        lines.append("    " + text(tr("options: {names}", names=", ".join(info.options))))
    return "\n".join(lines)
