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
    """Check plans; report each finding at its file, line and column.

    Each finding is one line: file:line:col: severity CODE message.

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


class Section(str, Enum):
    """A part of `status`."""

    deadlines = "deadlines"
    kpis = "kpis"
    measures = "measures"
    benefits = "benefits"
    risks = "risks"
    scorecard = "scorecard"


class StatusFormat(str, Enum):
    """How `status` prints."""

    auto = "auto"
    rich = "rich"
    markdown = "markdown"
    csv = "csv"
    json = "json"


@app.command()
def status(
    plan: PlanArg,
    section: Annotated[
        Section | None,
        typer.Argument(help="deadlines, kpis, measures, benefits, risks or scorecard; "
                       "without one, a one-screen overview.", show_default=False),
    ] = None,
    as_of: Annotated[
        datetime | None,
        typer.Option("--as-of", formats=["%Y-%m-%d"], metavar="DATE",
                     help="The date to report as of (YYYY-MM-DD). Default: today.", show_default=False),
    ] = None,
    days: Annotated[
        int, typer.Option("--days", min=0, metavar="N", help="Deadlines due within N days count as due.")
    ] = 14,
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="rich (tables), markdown, csv or json (versioned); "
                     "auto: rich on a terminal, else markdown."),
    ] = StatusFormat.auto,
) -> None:
    """Show where the plan stands: deadlines, KPIs, measures and savings, benefits, risks, scorecards.

    Refuses (exit 1, printing the findings) when the plan has errors.
    """
    import shutil
    from datetime import date

    from .reporters import report_human
    from .status import render_status
    from .validate import validate_plan

    result = validate_plan(plan)
    if not result.ok:
        report_human([result], sys.stderr, sys.stderr.isatty() and "NO_COLOR" not in os.environ)
        raise typer.Exit(int(ExitCode.USAGE if result.unreadable else ExitCode.FINDINGS))
    assert result.plan is not None
    terminal = sys.stdout.isatty()
    name = output_format.value
    if name == "auto":
        name = "rich" if terminal else "markdown"
    text = render_status(
        result.plan,
        section.value if section else "overview",
        as_of.date() if as_of else date.today(),
        horizon=days,
        fmt=name,
        width=shutil.get_terminal_size((100, 24)).columns if terminal else 100,
        color=terminal and "NO_COLOR" not in os.environ,
    )
    sys.stdout.write(text)


@app.command()
def ical(
    plan: PlanArg,
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="Folder for the feeds and index pages; '-' writes one feed to stdout."),
    ],
    only: Annotated[
        str | None,
        typer.Option("--only", help="Write one feed: group:ID, person:ID or plan.", show_default=False),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Where the folder is published; index pages then give subscribe links.",
                     show_default=False),
    ] = None,
    attendees: Annotated[
        bool, typer.Option("--attendees", help="Add ORGANIZER and ATTENDEE (e-mail addresses) to events.")
    ] = False,
) -> None:
    """Write calendar feeds: the whole plan, each group and each person (what they attend).

    Refuses (exit 1) when `validate` finds errors in the plan, and prints them. Output is
    the same bytes for the same plan: DTSTAMP comes from SOURCE_DATE_EPOCH, else the
    plan's last commit.
    """
    from .ical import calendar_feeds
    from .ical.site import write_feed, write_site
    from .reporters import report_human
    from .validate import validate_plan

    result = validate_plan(plan)
    if not result.ok:
        report_human([result], sys.stderr, sys.stderr.isatty() and "NO_COLOR" not in os.environ)
        raise typer.Exit(int(ExitCode.USAGE if result.unreadable else ExitCode.FINDINGS))
    assert result.plan is not None
    feeds = calendar_feeds(
        result,
        only=only or ("plan" if output == "-" else None),
        attendees=attendees,
        source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
    )
    if output == "-":
        binary = getattr(sys.stdout, "buffer", None)  # bytes as they are: CRLF, UTF-8
        if binary is None:
            sys.stdout.write(feeds[0].body.decode("utf-8"))
        else:
            sys.stdout.flush()
            binary.write(feeds[0].body)
            binary.flush()
        return
    if only:
        typer.echo(f"wrote {write_feed(feeds[0], Path(output))} ({feeds[0].events} events)")
        return
    write_site(feeds, Path(output), result.plan.plan, base_url)
    typer.echo(f"wrote {len(feeds)} feeds and index.html to {output}")


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
    from .reporters import report_human

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
        report_human([result], sys.stderr, sys.stderr.isatty() and "NO_COLOR" not in os.environ)
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
