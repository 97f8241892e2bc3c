"""The command line: parse arguments, call one core function, map the outcome to an exit code.

Heavy modules (pydantic, the checks, renderers) are imported inside the commands, so that
``planverk --help`` starts about as fast as typer itself.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

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
    sarif = "sarif"
    gitlab = "gitlab"


class Language(str, Enum):
    """The languages findings and summaries are written in."""

    nb = "nb"
    nn = "nn"
    en = "en"


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Write findings in nb (bokmål), nn (nynorsk) or en; default: the plan's "
        "plan.language. Codes and JSON keys are English in every language.",
        show_default=False,
    ),
]


def _color(stream: Any) -> bool:
    """Whether to colour what goes to ``stream``: a terminal, and NO_COLOR not set."""
    return stream.isatty() and "NO_COLOR" not in os.environ


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


_PLAN_HELP = "A plan folder (with plan.yaml) or a single plan file."

PlanArg = Annotated[Path, typer.Argument(help=_PLAN_HELP, show_default=False)]

PlansArg = Annotated[
    list[Path],
    typer.Argument(help="Plan folders (with plan.yaml) or plan files.", show_default=False),
]


def _date_option(*names: str, **options: Any) -> Any:
    """A YYYY-MM-DD option; typer gives a datetime, the command takes its date()."""
    return typer.Option(*names, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", **options)


AsOfOption = Annotated[
    datetime | None,
    _date_option("--as-of", help="The date to report as of.", show_default="today"),
]


PlansOfOption = Annotated[
    bool,
    typer.Option(
        "--plans-of",
        help="The paths are files of plans (as pre-commit passes them): "
        "act on each whole plan they belong to; files in no plan are skipped.",
    ),
]


def _targets(paths: list[Path], plans_of: bool) -> list[Path]:
    if not plans_of:
        return paths
    from .load.planfiles import owning_plans

    return owning_plans(paths)


@app.command()
def validate(
    plans: PlansArg,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="human, json (versioned), github (workflow annotations), sarif (SARIF 2.1.0, "
            "for GitHub code scanning) or gitlab (GitLab Code Quality report); "
            "auto picks github under GitHub Actions, else human.",
        ),
    ] = ReportFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    plans_of: PlansOfOption = False,
    lang: LangOption = None,
) -> None:
    """Check plans; report each finding at its file, line and column.

    Each finding is one line: file:line:col: severity CODE message.

    Exit status: 0 clean, 1 findings (errors, or warnings with --strict),
    2 bad usage or a plan that cannot be found or read.
    """
    from .reporters import REPORTERS
    from .validate import validate_plans

    targets = _targets(plans, plans_of)
    if not targets:
        return  # --plans-of: none of the files is in a plan
    results = validate_plans(targets)
    name = output_format.value
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human"
    REPORTERS[name](results, sys.stdout, _color(sys.stdout), lang.value if lang else None)
    if any(r.unreadable for r in results):
        raise typer.Exit(int(ExitCode.USAGE))
    failed = any(r.errors or (strict and r.warnings) for r in results)
    raise typer.Exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output."),
]


def _emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output``."""
    if output is None:
        sys.stdout.write(text)
        return
    from .files import write_atomic

    write_atomic(output, text)


@app.command()
def schema(output: OutputOption = None) -> None:
    """Print the JSON Schema of plan files, for editor completion.

    One schema fits plan.yaml and the files it includes. Point the YAML language server
    (VS Code's YAML extension) at it with a first line like
    '# yaml-language-server: $schema=../../schema/planverk-plan.schema.json'.
    """
    from .schema import schema_text

    _emit(schema_text(), output)


@app.command()
def fmt(
    plans: PlansArg,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 and list the files that would change.")
    ] = False,
    plans_of: PlansOfOption = False,
) -> None:
    """Write every file of a plan in planverk's layout.

    Indentation, spacing and line ends are made uniform; comments, blank lines,
    key order, quoting and flow [ ] or { } style are kept. The result must read
    as exactly the same plan, or nothing is written.
    """
    from .edit.fmt import format_plan

    changed = 0
    for plan in _targets(plans, plans_of):
        for change in format_plan(plan, write=not check):
            if change.problem:
                typer.echo(f"{change.path}: {change.problem}", err=True)
                continue
            typer.echo(f"{'would reformat' if check else 'reformatted'} {change.path}")
            changed += 1
    if check and changed:
        typer.echo(f"{changed} file{'s' if changed != 1 else ''} not in planverk's layout: run planverk fmt")
        raise typer.Exit(int(ExitCode.FINDINGS))


LegacyPlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", hidden=True, help="Deprecated: name the plan first.", show_default=False),
]
"""``--plan PLAN`` of the recording commands before 0.2: still read, with a deprecation note."""


def _plan_first(command: str, plan: str, rest: list[str | None], legacy: Path | None) -> tuple[Path, list[str]]:
    """The plan and the other arguments of a recording command.

    Every command names its plan first (``planverk done PLAN ID``), as ``validate``,
    ``status`` and ``render`` do. The older ``planverk done ID [-p PLAN]`` still works:
    with ``-p``, or with one argument too few (the plan was the current folder), the
    arguments are read the old way and a deprecation note says how to write it now.
    """
    given = [a for a in rest if a is not None]
    if legacy is None and len(given) == len(rest):
        return Path(plan), given
    old = [plan, *given]
    if len(old) != len(rest):
        raise UsageError(f"give the plan first, then the arguments: planverk {command} --help")
    where = legacy or Path(".")
    typer.echo(
        f"note: 'planverk {command} {' '.join(a.upper() for a in _NAMES[command])} --plan PLAN' is deprecated; "
        f"name the plan first, as every command does: planverk {command} {where} {' '.join(old)}",
        err=True,
    )
    return where, old


_NAMES = {
    "done": ["id"],
    "cancel": ["event"],
    "move": ["event"],
    "record measurement": ["kpi", "value"],
}


def _report_edit(edited: Any) -> None:
    typer.echo(edited.message)


_PLAN_FIRST = Annotated[str, typer.Argument(metavar="PLAN", help=_PLAN_HELP, show_default=False)]


@app.command()
def done(
    plan: _PLAN_FIRST,
    item: Annotated[
        str | None, typer.Argument(metavar="ID", help="The deadline's or realisation step's id.", show_default=False)
    ] = None,
    on: Annotated[
        datetime | None,
        _date_option("--date", help="When it was done.", show_default="today"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Record a --date outside the plan period, or replace an earlier done date."),
    ] = False,
    legacy_plan: LegacyPlanOption = None,
) -> None:
    """Mark a deadline, or a step of a benefit's realisation, done: status and done_on.

    The rest of the file is left as it was. The plan is checked with the change
    first; when it would not validate, nothing is written (exit 1). A --date outside
    the plan period, or a deadline already done on another date, needs --force.
    """
    from .edit.edits import mark_done

    target, (item_id,) = _plan_first("done", plan, [item], legacy_plan)
    _report_edit(mark_done(target, item_id, on.date() if on else date.today(), dated=on is not None, force=force))


@app.command()
def cancel(
    plan: _PLAN_FIRST,
    event: Annotated[str | None, typer.Argument(metavar="EVENT", help="The event's id.", show_default=False)] = None,
    occurrence: Annotated[
        datetime | None,
        _date_option(
            "--occurrence",
            help="Cancel only this occurrence of a repeating event (its date in the series).",
            show_default=False,
        ),
    ] = None,
    legacy_plan: LegacyPlanOption = None,
) -> None:
    """Cancel an event, or one occurrence of a repeating event.

    It stays in the plan and in calendars, marked cancelled. The plan is checked
    with the change first; when it would not validate, nothing is written (exit 1).
    """
    from .edit.edits import cancel as cancel_event

    target, (event_id,) = _plan_first("cancel", plan, [event], legacy_plan)
    _report_edit(cancel_event(target, event_id, occurrence.date() if occurrence else None))


record_app = typer.Typer(
    name="record",
    help="Record what happened, changing only the lines that say so.",
    no_args_is_help=True,
)
app.add_typer(record_app)


@record_app.command("measurement")
def record_measurement(
    plan: _PLAN_FIRST,
    kpi: Annotated[str, typer.Argument(metavar="KPI", help="The KPI's id.", show_default=False)],
    value: Annotated[
        str | None,
        typer.Argument(metavar="VALUE", help="The value as the source writes it: 4,5 or '65 %' or 8700.",
                       show_default=False),
    ] = None,
    on: Annotated[
        datetime | None,
        _date_option("--date", help="When it was measured.", show_default=False),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where it comes from, e.g. 'Årsregnskap 2025'.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything a reader should know.")] = None,
    legacy_plan: LegacyPlanOption = None,
) -> None:
    """Add a KPI measurement, in date order.

    The plan is checked with the change first (e.g. that the value lies on the
    KPI's scale); when it would not validate, nothing is written (exit 1).
    """
    from .edit.edits import record_measurement as record

    target, (kpi_id, text) = _plan_first("record measurement", plan, [kpi, value], legacy_plan)
    _report_edit(record(target, kpi_id, text, _required(on, "--date"), source, note))


class MeasureStatus(str, Enum):
    """A measure's status, for `record decision`."""

    proposed = "proposed"
    decided = "decided"
    in_progress = "in-progress"
    realised = "realised"
    dropped = "dropped"


_DATE_TODAY = Annotated[datetime | None, _date_option("--date", help="When it happened.", show_default="today")]


def _day(value: datetime | None) -> date:
    return value.date() if value else date.today()


@record_app.command("realised")
def record_realised(
    plan: _PLAN_FIRST,
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="The measure's id.", show_default=False)],
    amount: Annotated[
        str, typer.Argument(metavar="AMOUNT", help="The amount as the accounts write it: '2,9 mill. kr'.",
                            show_default=False)
    ],
    year: Annotated[int, typer.Option("--year", help="The budget year it was realised in.", show_default=False)],
) -> None:
    """Record a measure's realised savings in a budget year (replaces that year's figure)."""
    from .edit.records import record_realised as record

    _report_edit(record(Path(plan), measure, amount, year))


@record_app.command("decision")
def record_decision(
    plan: _PLAN_FIRST,
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="The measure's id.", show_default=False)],
    status: Annotated[
        MeasureStatus, typer.Option("--status", help="The measure's new status.", show_default=False)
    ],
    on: _DATE_TODAY = None,
) -> None:
    """Record a decision on a measure: its status, and for decided or dropped the date (decided_on)."""
    from .edit.records import record_decision as record

    _report_edit(record(Path(plan), measure, status.value, _day(on)))


@record_app.command("assessment")
def record_assessment(
    plan: _PLAN_FIRST,
    risk: Annotated[str, typer.Argument(metavar="RISK", help="The risk's id.", show_default=False)],
    probability: Annotated[
        str, typer.Option("--probability", help="How likely: 1-5 or a word (low, high).", show_default=False)
    ],
    consequence: Annotated[
        str | None, typer.Option("--consequence", help="How bad: 1-5 or a word.", show_default=False)
    ] = None,
    on: _DATE_TODAY = None,
    note: Annotated[str | None, typer.Option("--note", help="What changed.")] = None,
) -> None:
    """Record a new assessment of a risk, in date order."""
    from .edit.records import record_assessment as record

    _report_edit(record(Path(plan), risk, probability, consequence, _day(on), note))


@record_app.command("score")
def record_score(
    plan: _PLAN_FIRST,
    scorecard: Annotated[str, typer.Argument(metavar="SCORECARD", help="The scorecard's id.", show_default=False)],
    organisation: Annotated[
        str, typer.Argument(metavar="ORGANISATION", help="The unit assessed, as the plan writes it.",
                            show_default=False)
    ],
    year: Annotated[int, typer.Argument(metavar="YEAR", help="The year the assessment concerns.", show_default=False)],
    area: Annotated[str, typer.Argument(metavar="AREA", help="The area's id.", show_default=False)],
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="The question's id.", show_default=False)],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The score.", show_default=False)],
) -> None:
    """Record one score of a scorecard assessment (a new assessment when the unit has none that year)."""
    from .edit.records import record_score as record

    _report_edit(record(Path(plan), scorecard, organisation, year, area, question, value))


@app.command()
def move(
    plan: _PLAN_FIRST,
    event: Annotated[str | None, typer.Argument(metavar="EVENT", help="The event's id.", show_default=False)] = None,
    to: Annotated[
        datetime | None, _date_option("--date", help="The day it moves to.", show_default=False)
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", help="New hours, e.g. 09:00-11:00.", show_default=False)
    ] = None,
    occurrence: Annotated[
        datetime | None,
        _date_option("--occurrence", help="Move only this meeting of a series (its date in the series).",
                     show_default=False),
    ] = None,
    legacy_plan: LegacyPlanOption = None,
) -> None:
    """Move a meeting, or one meeting of a series, to another day (and time).

    A weekday the source writes is rewritten for the new date; one planverk cannot
    rewrite is refused. The plan is checked with the change first; when it would not
    validate, nothing is written (exit 1).
    """
    from .edit.moves import move as move_event

    target, (event_id,) = _plan_first("move", plan, [event], legacy_plan)
    _report_edit(
        move_event(target, event_id, _required(to, "--date"), time, occurrence.date() if occurrence else None)
    )


def _required(value: datetime | None, option: str) -> date:
    if value is None:
        raise UsageError(f"give {option} YYYY-MM-DD")
    return value.date()


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
) -> None:
    """Summarise what changed between two versions of a plan.

    In the plan's language: events added, removed, moved, cancelled; who joined or
    left a group; deadlines moved or done; what money and scores do (savings
    identified per year, realised effect, targets, scores per area, KPI targets);
    phases moved; and any other item or field changed. A new version with errors
    is compared too, and its errors follow the changes (exit 0: validate judges).
    """
    from .review.diffreport import diff_json, diff_markdown
    from .review.revisions import diff_folders, diff_git

    paths = plans or []
    if git is not None:
        if len(paths) > 1:
            raise UsageError("with --git, give at most one plan")
        compared = diff_git(git, paths[0] if paths else Path("."))
    elif len(paths) == 2:
        compared = diff_folders(*paths)
    else:
        raise UsageError("give two plan folders (OLD NEW), or --git REV [PLAN]")
    render = diff_json if output_format is DiffFormat.json else diff_markdown
    _emit(render(compared.diff, compared.old_label, compared.new_label, compared.errors, compared.language), output)


class Template(str, Enum):
    """What `init` starts a plan from."""

    process = "process"
    lean = "lean"
    savings = "savings"


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The new plan folder (must not exist, or be empty).", show_default=False)],
    template: Annotated[
        Template,
        typer.Option(
            "--template",
            "-t",
            help="process: a change process with steering group and employee participation; "
            "lean: a Lean improvement programme with board meetings and a kaizen workshop; "
            "savings: a four-year savings programme with measures, KPIs and risks.",
        ),
    ] = Template.process,
    start: Annotated[
        datetime | None,
        _date_option(
            "--start",
            help="First day of the plan; meetings fall on working days from there.",
            show_default="the first Monday of next month",
        ),
    ] = None,
) -> None:
    """Start a new plan from a template; it validates clean.

    A folder of YAML files whose comments say what each part is for and how to
    change it, with a copy of the schema for editor completion.
    """
    from .edit.scaffold import first_monday_after, init_plan

    first = start.date() if start else first_monday_after(date.today())
    files = init_plan(folder, template.value, first)
    typer.echo(f"created {folder} from the '{template.value}' template, starting {first.isoformat()}:")
    for name in files:
        typer.echo(f"  {folder / name}")
    typer.echo(f"next: planverk validate --strict {folder}")


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
    xlsx = "xlsx"


@app.command()
def status(
    plan: PlanArg,
    section: Annotated[
        Section | None,
        typer.Argument(help="deadlines, kpis, measures, benefits, risks or scorecard; "
                       "without one, a one-screen overview.", show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    days: Annotated[
        int, typer.Option("--days", min=0, metavar="N", help="Deadlines due within N days count as due.")
    ] = 14,
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="rich (tables), markdown, csv (plain UTF-8 for scripts), "
                     "json (versioned) or xlsx (a workbook for Excel, needs -o); "
                     "auto: rich on a terminal, else markdown."),
    ] = StatusFormat.auto,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE instead of stdout (needed for xlsx).",
                     show_default=False, metavar="FILE"),
    ] = None,
) -> None:
    """Show where the plan stands: deadlines, KPIs, measures and savings, benefits, risks, scorecards.

    Refuses (exit 1, printing the findings) when the plan has errors.
    """
    import shutil

    from .status import render_status
    from .validate import checked_plan

    if output_format is StatusFormat.xlsx and output is None:
        raise UsageError("an xlsx workbook is written to a file: give one with -o FILE, e.g. -o status.xlsx")
    result = checked_plan(plan, f"{plan} has errors: fix them first; no status was shown")
    assert result.plan is not None
    when = as_of.date() if as_of else date.today()
    if output_format is StatusFormat.xlsx:
        from .files import write_atomic
        from .publish.xlsx import SHEETS, to_xlsx

        assert output is not None
        write_atomic(output, to_xlsx(result.plan, when, (section.value,) if section else SHEETS, days))
        typer.echo(f"wrote {output}")
        return
    terminal = sys.stdout.isatty() and output is None
    name = output_format.value
    if name == "auto":
        name = "rich" if terminal else "markdown"
    text = render_status(
        result.plan,
        section.value if section else "overview",
        when,
        horizon=days,
        fmt=name,
        width=shutil.get_terminal_size((100, 24)).columns if terminal else 100,
        color=_color(sys.stdout) if output is None else False,
    )
    if output is not None:
        from .files import write_atomic

        write_atomic(output, text)
        typer.echo(f"wrote {output}")
        return
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
    from .validate import checked_plan

    result = checked_plan(plan, f"{plan} has errors: fix them first; no feed was written")
    assert result.plan is not None
    with _progress(3, threshold=0) as advance:
        feeds = calendar_feeds(
            result,
            only=only or ("plan" if output == "-" else None),
            attendees=attendees,
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
            progress=advance,
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
def invitations(
    plan: PlanArg,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the messages: one folder per sender in it.")
    ],
    sender: Annotated[
        str | None, typer.Option("--sender", help="Only the invitations this person sends (an id).", show_default=False)
    ] = None,
    send: Annotated[
        bool,
        typer.Option("--send/--dry-run", help="Send the messages through --smtp; by default nothing is sent."),
    ] = False,
    smtp: Annotated[
        str | None,
        typer.Option("--smtp", metavar="HOST[:PORT]", help="Mail server to send through (port 587 by default).",
                     show_default=False),
    ] = None,
) -> None:
    """Write the meeting requests the plan's invitations call for, and a checklist per sender.

    Each invitation becomes an .eml message (RFC 6047: METHOD:REQUEST, or METHOD:CANCEL
    for a cancelled meeting) that a mail program opens and sends, in OUTPUT/SENDER-ID/
    with checklist.md. With --send --smtp HOST[:PORT] they are also sent (STARTTLS when
    offered; login from PLANVERK_SMTP_USER and PLANVERK_SMTP_PASSWORD).
    """
    from .invitations import invitation_packets, write_packets
    from .load.planfiles import display_path
    from .validate import checked_plan

    if send and not smtp:
        raise UsageError("--send needs the mail server: --smtp HOST[:PORT]")
    result = checked_plan(plan, f"{plan} has errors: fix them first; no invitation was written")
    assert result.plan is not None
    packets = invitation_packets(result, sender=sender, source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"))
    if not packets:
        typer.echo(f"{plan}: the plan records no invitations (give events or slots an `invitation:`)")
        return
    requests = [r for p in packets for r in p.requests]
    if send:
        from .invitations.send import check_sendable

        check_sendable(requests)
    for packet, folder in zip(packets, write_packets(packets, output), strict=True):
        typer.echo(f"wrote {len(packet.requests)} invitations from {packet.sender.name} "
                   f"and checklist.md to {display_path(folder)}")
    if not send:
        if smtp:
            typer.echo("dry run: nothing was sent (add --send to send)")
        return
    from .invitations.send import send as send_all

    def _sent(request) -> None:
        typer.echo(f"sent {request.filename} to {', '.join(p.email for p in request.addressed)}")

    send_all(requests, result.plan.plan, smtp, os.environ, _sent)


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
) -> None:
    """Build a static site for one or many plans: overview, documents (HTML and Word), calendars.

    For an intranet, a SharePoint library or Pages: one stylesheet, nothing from other
    servers, readable without JavaScript. The folder is replaced only once everything is
    written. Refuses (exit 1, printing the findings) when a plan has errors.
    """
    from .publish.site import build_site

    day = as_of.date() if as_of else date.today()
    with _progress(1000, threshold=0) as advance:
        built = build_site(
            plans,
            output,
            as_of=day,
            base_url=base_url,
            source_date_epoch=os.environ.get("SOURCE_DATE_EPOCH"),
            reference_doc=reference_doc,
            progress=advance,
        )
    index = output / "index.html"
    typer.echo(f"wrote the site for {', '.join(built.plans)} ({built.files} files) to {output}")
    typer.echo(f"open {index.absolute().as_uri()} in a browser, or publish the folder {output}")


class DocumentFormat(str, Enum):
    """What `render` writes."""

    md = "md"
    docx = "docx"
    html = "html"


@app.command()
def render(
    plan: Annotated[Path | None, typer.Argument(metavar="PLAN", help=_PLAN_HELP, show_default=False)] = None,
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
) -> None:
    """Render workbooks, schedules and reports from the plan: Markdown, Word or HTML.

    Templates come from --templates DIR, the plan's templates/ folder, then the built-ins.
    A plan with errors is not rendered (exit 1); a template error exits with 2.
    """
    from .load.planfiles import display_path
    from .render import checked_render, list_templates, render_documents, write_documents, write_files

    if list_:
        for info in list_templates(plan, templates):
            typer.echo(_template_line(info))
        raise typer.Exit(int(ExitCode.OK))
    if plan is None:
        raise UsageError("give a plan folder, e.g. planverk render plans/gran-2017 schedule")
    if reference_doc is not None and output_format is not DocumentFormat.docx:
        raise UsageError("--reference-doc is for Word: add --format docx")
    day = as_of.date() if as_of else date.today()
    checked, folders, chosen = checked_render(plan, names or [], templates)
    assert checked.plan is not None
    markdown = output_format is DocumentFormat.md
    documents = render_documents(checked.plan, folders, chosen, as_of=day, group=group, mermaid=markdown)
    if output is None and len(documents) != 1:
        raise UsageError(f"{len(documents)} documents to render: give a folder to write them to with -o DIR")
    if output is None and output_format is DocumentFormat.docx and sys.stdout.isatty():
        raise UsageError("a Word document is not for the terminal: write it to a folder with -o DIR")
    if markdown:
        if output is not None:
            for path in write_documents(documents, output):
                typer.echo(f"wrote {display_path(path)}")
            return
        files = [(d.filename, d.text) for d in documents]
    else:
        from .publish import publish_documents
        from .publish.figures import document_pictures

        with _progress(len(documents)) as advance:
            published = publish_documents(
                documents,
                output_format.value,
                as_of=day,
                pictures=document_pictures,
                reference_doc=reference_doc,
                progress=advance,
            )
        files = [(p.filename, p.content) for p in published]
    if output is None:
        _write_stdout(files[0][1])
        return
    for path in write_files(files, output):
        typer.echo(f"wrote {display_path(path)}")


def _write_stdout(content: str | bytes) -> None:
    """Text as it is, bytes (a Word document) as they are."""
    if isinstance(content, str):
        sys.stdout.write(content)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(content)
    sys.stdout.flush()


class _NoProgress:
    def __enter__(self) -> Any:
        return lambda done, total: None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(total: int, threshold: int = 2) -> Any:
    """A context giving ``advance(done, total)``: a progress bar on stderr when it is a
    terminal and there is more than ``threshold`` steps of work, else nothing at all."""
    if total <= threshold or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        return _NoProgress()
    from .progress import progress_bar

    return progress_bar(total)


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


_ASCII_FORMS = {
    "\u2013": "-", "\u2014": "--", "\u2212": "-", "\u2192": "->", "\u2190": "<-", "\u2194": "<->",
    "\u00b7": ".", "\u2022": "*", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u00d7": "x", "\u2714": "v", "\u2713": "v",
    "\u2500": "-", "\u2502": "|", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "o", "\u00d8": "O",
    "\u00e5": "a", "\u00c5": "A",
}
"""What a character becomes on a terminal that cannot show it (ASCII, Latin-1, cp1252)."""


def _ascii_forms(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: each character the output cannot encode as its ASCII form."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    out = []
    for char in error.object[error.start : error.end]:
        form = _ASCII_FORMS.get(char)
        if form is None:
            base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
            form = base or "?"
        out.append(form)
    return "".join(out), error.end


def _tolerant_output() -> None:
    """Let stdout and stderr write any text: what their encoding (``LC_ALL=nb_NO.ISO-8859-1``,
    a cp1252 console, ``PYTHONIOENCODING=ascii``) cannot hold is written in an ASCII form
    ('–' as '-', '→' as '->'), never a crash. UTF-8 output is not affected."""
    import codecs

    try:
        codecs.lookup_error("planverk-ascii")
    except LookupError:
        codecs.register_error("planverk-ascii", _ascii_forms)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="planverk-ascii")
            except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
                pass


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: the one place that turns planverk errors into exit codes."""
    _tolerant_output()
    try:
        app(args=argv, prog_name="planverk")
    except PlanverkError as error:
        validation = getattr(error, "validation", None)
        if validation is not None:
            from .reporters import report_human

            report_human([validation], sys.stderr, _color(sys.stderr))
        print(f"planverk: {error}", file=sys.stderr)
        sys.exit(int(error.exit_code))
