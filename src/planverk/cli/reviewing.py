"""diff: what changed between two versions of a plan."""


from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .app import app
from ..i18n import tr
from .language import choose, heard, say
from .options import LangOption, OutputOption, emit


class DiffFormat(str, Enum):
    """How `diff` prints the changes."""

    markdown = "markdown"
    json = "json"


@app.command()
def diff(
    plans: Annotated[
        list[Path] | None,
        typer.Argument(
            help="OLD and NEW plan folders; with --git, the plan (default: the current folder).",
            show_default=False,
        ),
    ] = None,
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV[..REV2]",
            help="Compare the plan in git revision REV with the working tree, or REV with REV2.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="markdown (for a pull-request comment) or json.")
    ] = DiffFormat.markdown,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    """Summarise what changed between two versions of a plan.

    In the plan's language: events added, removed, moved, cancelled; who joined or
    left a group; deadlines moved or done; what money and scores do (savings
    identified per year, realised effect, targets, scores per area, KPI targets);
    phases moved; and any other item or field changed. A new version with errors
    is compared too, and its errors follow the changes (exit 0: validate judges).
    """
    from ..review.diffreport import diff_json, diff_markdown
    from ..review.revisions import diff_folders, diff_git

    paths = plans or []
    # the words of an error too: the new version's language, else the old one's when the new is missing
    code = choose(lang, next((p for p in reversed(paths) if p.exists()), paths[-1] if paths else Path(".")))
    if git is not None:
        if len(paths) > 1:
            raise UsageError(tr("with --git, give at most one plan"))
        compared = diff_git(git, paths[0] if paths else Path("."))
    elif len(paths) == 2:
        compared = diff_folders(*paths)
    else:
        raise UsageError(tr("give two plan folders (OLD NEW), or --git REV [PLAN]"))
    heard(compared.language)
    words = code or compared.language
    if output_format is DiffFormat.json:
        text = diff_json(compared.diff, compared.old_label, compared.new_label, compared.errors, words)
    else:
        text = diff_markdown(compared.diff, compared.old_label, compared.new_label, compared.errors, words,
                             compared.target)
    emit(text, output)
    if output is not None:
        say(tr("wrote {file}", file=str(output)))  # as render -o and status -o say it
