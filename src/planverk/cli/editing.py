"""done, cancel, record and move: changing only the lines that say what happened."""


from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..i18n import tr
from .app import app
from .language import choose, say, working_on
from .options import DateTodayOption, LangOption, PlanFirstArg, argument, date_option, day, required


LegacyPlanOption = Annotated[
    Path | None,
    typer.Option("--plan", "-p", hidden=True, help="Deprecated: name the plan first.", show_default=False),
]
"""``--plan PLAN`` of the recording commands before 0.2: still read, with a deprecation note."""


EventArg = Annotated[str | None, argument("EVENT", "The event's id.")]
MeasureArg = Annotated[str, argument("MEASURE", "The measure's id.")]


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
    if legacy is None:
        from .usage import names_a_plan

        if names_a_plan(plan):  # the plan came first: an argument after it is missing, not the plan
            names = [name.upper() for name in _NAMES[command]]
            raise UsageError(tr("give {argument}: write {usage}", argument=names[len(given)],
                                usage=" ".join(["planverk", command, "PLAN", *names])))
    old = [plan, *given]
    if len(old) != len(rest):
        raise UsageError(tr("give the plan first, then the arguments: planverk {command} --help", command=command))
    where = legacy or Path(".")
    working_on(where)
    say(tr("note: '{old}' is deprecated; name the plan first, as every command does: {new}",
           old=f"planverk {command} {' '.join(a.upper() for a in _NAMES[command])} --plan PLAN",
           new=f"planverk {command} {where} {' '.join(old)}"), err=True)
    return where, old


_NAMES = {
    "done": ["id"],
    "cancel": ["event"],
    "move": ["event"],
    "record measurement": ["kpi", "value"],
}


def _report_edit(edited: Any) -> None:
    say(edited.message)


@app.command()
def done(
    plan: PlanFirstArg,
    item: Annotated[str | None, argument("ID", "The deadline's or realisation step's id.")] = None,
    on: Annotated[
        datetime | None,
        date_option("--date", help="When it was done.", show_default="today"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Record a --date outside the plan period, or replace an earlier done date."),
    ] = False,
    legacy_plan: LegacyPlanOption = None,
    lang: LangOption = None,
) -> None:
    """Mark a deadline, or a step of a benefit's realisation, done: status and done_on.

    The rest of the file is left as it was. The plan is checked with the change
    first; when it would not validate, nothing is written (exit 1). A --date outside
    the plan period, or a deadline already done on another date, needs --force.
    """
    from ..edit.edits import mark_done

    choose(lang, plan)
    target, (item_id,) = _plan_first("done", plan, [item], legacy_plan)
    _report_edit(mark_done(target, item_id, on.date() if on else date.today(), dated=on is not None, force=force))


@app.command()
def cancel(
    plan: PlanFirstArg,
    event: EventArg = None,
    occurrence: Annotated[
        datetime | None,
        date_option(
            "--occurrence",
            help="Cancel only this occurrence of a repeating event (its date in the series).",
            show_default=False,
        ),
    ] = None,
    legacy_plan: LegacyPlanOption = None,
    lang: LangOption = None,
) -> None:
    """Cancel an event, or one occurrence of a repeating event.

    It stays in the plan and in calendars, marked cancelled. The plan is checked
    with the change first; when it would not validate, nothing is written (exit 1).
    """
    from ..edit.edits import cancel as cancel_event

    choose(lang, plan)
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
    plan: PlanFirstArg,
    kpi: Annotated[str, argument("KPI", "The KPI's id.")],
    value: Annotated[
        str | None, argument("VALUE", "The value as the source writes it: 4,5 or '65 %' or 8700.")
    ] = None,
    on: Annotated[
        datetime | None,
        date_option("--date", help="When it was measured.", show_default=False),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Where it comes from, e.g. 'Årsregnskap 2025'.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything a reader should know.")] = None,
    legacy_plan: LegacyPlanOption = None,
    lang: LangOption = None,
) -> None:
    """Add a KPI measurement, in date order.

    The plan is checked with the change first (e.g. that the value lies on the
    KPI's scale); when it would not validate, nothing is written (exit 1).
    """
    from ..edit.edits import record_measurement as record

    choose(lang, plan)
    target, (kpi_id, text) = _plan_first("record measurement", plan, [kpi, value], legacy_plan)
    _report_edit(record(target, kpi_id, text, required(on, "--date"), source, note))


@record_app.command("realised")
def record_realised(
    plan: PlanFirstArg,
    measure: MeasureArg,
    amount: Annotated[str, argument("AMOUNT", "The amount as the accounts write it: '2,9 mill. kr'.")],
    year: Annotated[int, typer.Option("--year", help="The budget year it was realised in.", show_default=False)],
    lang: LangOption = None,
) -> None:
    """Record a measure's realised savings in a budget year (replaces that year's figure)."""
    from ..edit.records import record_realised as record

    choose(lang, plan)
    _report_edit(record(Path(plan), measure, amount, year))


@record_app.command("decision")
def record_decision(
    plan: PlanFirstArg,
    measure: MeasureArg,
    status: Annotated[
        str, typer.Option(
            "--status", metavar="<proposed|decided|in-progress|realised|dropped>", show_default=False,
            help="The measure's new status, or its word in the plan's language (vedtatt, vedteke, lagt bort).",
        )
    ],
    on: DateTodayOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the date of an earlier decision (decided_on).")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Record a decision on a measure: its status, and for decided or dropped the date (decided_on).

    A measure already decided on another date keeps that date: --status decided is
    refused (exit 1) and names it; --force replaces it and says what it was. A status
    the measure already has is said and changes nothing (exit 0), on any date.
    """
    from ..edit.records import record_decision as record

    choose(lang, plan)
    _report_edit(record(Path(plan), measure, status, day(on), force=force))


@record_app.command("assessment")
def record_assessment(
    plan: PlanFirstArg,
    risk: Annotated[str, argument("RISK", "The risk's id.")],
    probability: Annotated[
        str, typer.Option("--probability", help="How likely: 1-5 or a word (low, high).", show_default=False)
    ],
    consequence: Annotated[
        str | None, typer.Option("--consequence", help="How bad: 1-5 or a word.", show_default=False)
    ] = None,
    on: DateTodayOption = None,
    note: Annotated[str | None, typer.Option("--note", help="What changed.")] = None,
    lang: LangOption = None,
) -> None:
    """Record a new assessment of a risk, in date order."""
    from ..edit.records import record_assessment as record

    choose(lang, plan)
    _report_edit(record(Path(plan), risk, probability, consequence, day(on), note))


@record_app.command("score")
def record_score(
    plan: PlanFirstArg,
    scorecard: Annotated[str, argument("SCORECARD", "The scorecard's id.")],
    organisation: Annotated[str, argument("ORGANISATION", "The unit assessed, as the plan writes it.")],
    year: Annotated[int, argument("YEAR", "The year the assessment concerns.")],
    area: Annotated[str, argument("AREA", "The area's id.")],
    question: Annotated[str, argument("QUESTION", "The question's id.")],
    value: Annotated[str, argument("VALUE", "The score.")],
    lang: LangOption = None,
) -> None:
    """Record one score of a scorecard assessment (a new assessment when the unit has none that year)."""
    from ..edit.records import record_score as record

    choose(lang, plan)
    _report_edit(record(Path(plan), scorecard, organisation, year, area, question, value))


@app.command()
def move(
    plan: PlanFirstArg,
    event: EventArg = None,
    to: Annotated[
        datetime | None, date_option("--date", help="The day it moves to.", show_default=False)
    ] = None,
    time: Annotated[
        str | None, typer.Option("--time", help="New hours, e.g. 09:00-11:00.", show_default=False)
    ] = None,
    occurrence: Annotated[
        datetime | None,
        date_option("--occurrence", help="Move only this meeting of a series (its date in the series).",
                     show_default=False),
    ] = None,
    legacy_plan: LegacyPlanOption = None,
    lang: LangOption = None,
) -> None:
    """Move a meeting, or one meeting of a series, to another day (and time).

    A weekday the source writes is rewritten for the new date; one planverk cannot
    rewrite is refused. The plan is checked with the change first; when it would not
    validate, nothing is written (exit 1).
    """
    from ..edit.moves import move as move_event

    choose(lang, plan)
    target, (event_id,) = _plan_first("move", plan, [event], legacy_plan)
    _report_edit(
        move_event(target, event_id, required(to, "--date"), time, occurrence.date() if occurrence else None)
    )
