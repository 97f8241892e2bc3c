"""The command line: parse arguments, call one core function, map the outcome to an exit code.

Heavy modules (pydantic, the checks, renderers) are imported inside the commands, so that
``planverk --help`` starts about as fast as typer itself.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import ExitCode, PlanverkError, UsageError

app = typer.Typer(
    name="planverk",
    help="Keep a change-process plan as YAML in git: validate it, publish calendars, render workbooks.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ReportFormat(str, Enum):
    """How `validate` prints its findings."""

    auto = "auto"
    human = "human"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planverk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """planverk: plans for municipal change processes, as YAML in git."""


PlanArg = Annotated[
    Path,
    typer.Argument(help="A plan folder (with plan.yaml) or a single plan file.", show_default=False),
]


@app.command()
def validate(
    plans: Annotated[
        list[Path],
        typer.Argument(help="Plan folders (with plan.yaml) or plan files.", show_default=False),
    ],
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="human, json (versioned) or github (workflow annotations); "
            "auto picks github under GitHub Actions, else human.",
        ),
    ] = ReportFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
) -> None:
    """Check plans and report every finding as file:line:col: severity CODE message.

    Exit status: 0 clean, 1 findings (errors, or warnings with --strict),
    2 bad usage or a plan that cannot be found or read.
    """
    from .reporters import REPORTERS
    from .validate import validate_plan

    results = [validate_plan(path) for path in plans]
    name = output_format.value
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human"
    REPORTERS[name](results, sys.stdout, sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    if any(r.unreadable for r in results):
        raise typer.Exit(int(ExitCode.USAGE))
    failed = any(r.errors or (strict and r.warnings) for r in results)
    raise typer.Exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


@app.command()
def render(
    plan: Annotated[
        Path | None,
        typer.Argument(metavar="PLAN", help="A plan folder (with plan.yaml) or a single plan file.", show_default=False),
    ] = None,
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="TEMPLATE", help="Templates to render, e.g. workbook schedule (default: all).", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder to write the documents to; without it, one document goes to stdout."),
    ] = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="Render for one group: its events, deadlines and roles.")
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], help="The date the documents are as of (default: today)."),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="A folder of templates that override the plan's and the built-in ones by name."),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the templates available and what each needs.")] = False,
) -> None:
    """Render workbooks, schedules and reports from the plan as Markdown.

    Templates come from --templates DIR, the plan's templates/ folder, then the built-ins.
    A plan with errors is not rendered (exit 1); a template error exits with 2.
    """
    from datetime import date

    from .planfiles import display_path
    from .render import list_templates, render_plan, write_documents
    from .reporters import REPORTERS

    if list_:
        for info in list_templates(plan, templates):
            typer.echo(_template_line(info))
        raise typer.Exit(int(ExitCode.OK))
    if plan is None:
        raise UsageError("give a plan folder, e.g. planverk render plans/gran-2017 schedule")
    rendering = render_plan(
        plan, names or [], as_of=as_of.date() if as_of else date.today(), group=group, templates_dir=templates
    )
    result = rendering.validation
    if not result.ok:
        REPORTERS["human"]([result], sys.stderr, False)
        typer.echo("planverk: the plan has errors, so nothing was rendered", err=True)
        raise typer.Exit(int(ExitCode.USAGE if result.unreadable else ExitCode.FINDINGS))
    documents = rendering.documents
    if output is None:
        if len(documents) != 1:
            raise UsageError(f"{len(documents)} documents to render: give a folder to write them to with -o DIR")
        sys.stdout.write(documents[0].text)
        return
    for path in write_documents(documents, output):
        typer.echo(f"wrote {display_path(path)}")


def _template_line(info) -> str:
    """One template as `render --list` shows it."""
    where = info.origin + (f", overrides {info.overrides}" if info.overrides else "")
    lines = [f"{info.name} ({where}: {info.filename})"]
    if info.description:
        lines.append(f"    {info.description}")
    if info.needs:
        lines.append(f"    needs: {', '.join(info.needs)}")
    if info.options:
        lines.append(f"    options: {', '.join(info.options)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: the one place that turns planverk errors into exit codes."""
    try:
        app(args=argv, prog_name="planverk")
    except PlanverkError as error:
        print(f"planverk: {error}", file=sys.stderr)
        sys.exit(int(error.exit_code))
