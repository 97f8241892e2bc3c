"""validate, schema and fmt: checking a plan and its layout."""


import os
import sys
from datetime import datetime
from enum import Enum
from typing import Annotated

import typer

from ..errors import ExitCode, InvalidPlanError
from ..i18n import plural, tr
from .app import app, report_error
from .language import choose, say, together, working_on
from .options import LangOption, OutputOption, PlansArg, PlansOfOption, date_option, emit, plan_targets
from .terminal import color


class ReportFormat(str, Enum):
    """How `validate` prints its findings."""

    auto = "auto"
    human = "human"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


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
    as_of: Annotated[
        datetime | None,
        date_option("--as-of", help="Also warn about reporting not done by its due date as of this "
                    "date (PV645).", show_default=False),
    ] = None,
) -> None:
    """Check plans; report each finding at its file, line and column.

    Each finding is one line: file:line:col: severity CODE message.

    Exit status: 0 clean, 1 findings (errors, or warnings with --strict),
    2 bad usage or a plan that cannot be found or read.
    """
    from ..reporters import REPORTERS
    from ..validate import validate_plans

    choose(lang)
    targets = plan_targets(plans, plans_of)
    if not targets:
        return  # --plans-of: none of the files is in a plan
    results = validate_plans(targets, as_of.date() if as_of else None)
    name = output_format.value
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human"
    REPORTERS[name](results, sys.stdout, color(sys.stdout), lang.value if lang else None)
    if any(r.unreadable for r in results):
        raise typer.Exit(int(ExitCode.USAGE))
    failed = any(r.errors or (strict and r.warnings) for r in results)
    raise typer.Exit(int(ExitCode.FINDINGS if failed else ExitCode.OK))


@app.command()
def schema(output: OutputOption = None, lang: LangOption = None) -> None:
    """Print the JSON Schema of plan files, for editor completion.

    One schema fits plan.yaml and the files it includes. Point the YAML language server
    (VS Code's YAML extension) at it with a first line like
    '# yaml-language-server: $schema=../../schema/planverk-plan.schema.json'.
    With -o FILE it is written there and one line says so.
    """
    from ..schema import schema_text

    choose(lang)
    emit(schema_text(), output)
    if output is not None:
        say(tr("wrote {file}", file=str(output)))


@app.command()
def fmt(
    plans: PlansArg,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 and list the files that would change.")
    ] = False,
    plans_of: PlansOfOption = False,
    lang: LangOption = None,
) -> None:
    """Write every file of a plan in planverk's layout.

    Indentation, spacing and line ends are made uniform; comments, blank lines,
    key order, quoting and flow [ ] or { } style are kept. The result must read
    as exactly the same plan, or nothing is written.

    Exit status: 0 every file is in the layout (or was written in it), 1 with
    --check files would change, 2 bad usage, a plan that cannot be read, or a file
    fmt cannot write in the layout without losing a comment or changing what it
    reads as (it is left as it is, and its file:line:col says where).
    """
    from ..edit.fmt import format_plan

    changed = 0
    unchanged = 0  # files already in the layout
    failed = 0  # the worst exit code of a plan that could not be read
    targets = plan_targets(plans, plans_of)
    choose(lang, targets[0] if targets else None)
    for plan in targets:
        if lang is None:
            working_on(plan)  # each plan's lines in its own language, as a run of it alone
        try:
            formatted = format_plan(plan, write=not check)
        except InvalidPlanError as error:
            # One plan that cannot be read stops only itself: the others are checked
            # (or written) and told as a run of each alone would tell them.
            failed = max(failed, report_error(error))
            continue
        unchanged += len(formatted.files) - len(formatted.changes)
        for change in formatted.changes:
            if change.problem:
                # fmt cannot vouch for this file's layout: never a silent pass
                say(tr("{file}: {problem}", file=str(change.position or change.path), problem=change.problem),
                    err=True)
                failed = max(failed, int(ExitCode.USAGE))
                continue
            if check:
                say(tr("would reformat {file}", file=str(change.path)))
            else:
                say(tr("reformatted {file}", file=str(change.path)))
            changed += 1
    if check and changed:
        together(targets)  # in the plans' language, bokmål when they differ
        say(plural("{count} file not in planverk's layout: run planverk fmt",
                   "{count} files not in planverk's layout: run planverk fmt", changed))
        failed = max(failed, int(ExitCode.FINDINGS))
    elif not changed and not failed and unchanged:
        together(targets)
        say(plural("nothing to change: {count} file in planverk's layout",
                   "nothing to change: {count} files in planverk's layout", unchanged))
    if failed:
        raise typer.Exit(failed)
