"""status: where the plan stands."""


import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from .app import app
from ..i18n import tr
from .language import choose, say
from .options import AsOfOption, LangOption, PlanArg
from .terminal import color


class Section(str, Enum):
    """A part of `status`."""

    deadlines = "deadlines"
    cycle = "cycle"
    kpis = "kpis"
    measures = "measures"
    benefits = "benefits"
    risks = "risks"
    scorecard = "scorecard"
    reporting = "reporting"
    thread = "thread"


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
        typer.Argument(help="deadlines, cycle (the year's activities by due day), kpis, measures, "
                       "benefits, risks, scorecard, reporting (what is due and overdue, by owner) or "
                       "thread (the red thread from goals to reports); without one, a one-screen "
                       "overview.", show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    days: Annotated[
        int, typer.Option("--days", min=0, metavar="N", help="Deadlines and reporting due within N days count as due.")
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
    questions: Annotated[
        bool,
        typer.Option("--questions", help="With scorecard: each scorecard question by question too, "
                     "with each area's goals (csv: one row per question)."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Show where the plan stands: deadlines, KPIs, measures and savings, benefits, risks, scorecards.

    Refuses (exit 1, printing the findings) when the plan has errors.
    """
    import shutil

    from ..status import render_status
    from ..validate import checked_plan, in_language

    code = choose(lang, plan)
    if questions and section is not Section.scorecard:
        raise UsageError(tr("--questions shows scorecards question by question: give the section, "
                            "e.g. planverk status {plan} scorecard --questions", plan=str(plan)))
    if output_format is StatusFormat.xlsx and output is None:
        raise UsageError(tr("an xlsx workbook is written to a file: give one with -o FILE, e.g. -o status.xlsx"))
    result = in_language(checked_plan(plan, tr("{plan} has errors: fix them first; no status was shown",
                                               plan=str(plan))), code)
    assert result.plan is not None
    when = as_of.date() if as_of else date.today()
    if output_format is StatusFormat.xlsx:
        from ..files import write_atomic
        from ..publish.xlsx import SHEETS, to_xlsx

        assert output is not None
        write_atomic(output, to_xlsx(result.plan, when, (section.value,) if section else SHEETS, days, questions))
        say(tr("wrote {file}", file=str(output)))
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
        color=color(sys.stdout) if output is None else False,
        questions=questions,
    )
    if output is not None:
        from ..files import write_atomic

        write_atomic(output, text)
        say(tr("wrote {file}", file=str(output)))
        return
    sys.stdout.write(text)
