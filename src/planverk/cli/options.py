"""Arguments and options shared by several commands, and the small helpers that read them."""


import calendar
import re
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..i18n import Month, tr


class Language(str, Enum):
    """The languages findings and summaries are written in."""

    nb = "nb"
    nn = "nn"
    en = "en"


LangOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        help="Write what a person reads in nb (bokmål), nn (nynorsk) or en: findings, "
        "messages and what the command writes; default: the plan's plan.language. Codes, "
        "ids and JSON keys are English in every language.",
        show_default=False,
    ),
]


PLAN_HELP = "A plan folder (with plan.yaml) or a single plan file."

PlanArg = Annotated[Path, typer.Argument(help=PLAN_HELP, show_default=False)]

PlansArg = Annotated[
    list[Path],
    typer.Argument(help="Plan folders (with plan.yaml) or plan files.", show_default=False),
]


def iso_date(value: Any) -> datetime:
    """A date written YYYY-MM-DD (ISO 8601), as a datetime at midnight, for a ``date_option``.

    A date that is no day of the calendar (``2026-02-30``) or is not written YYYY-MM-DD
    (``30.01.2026``) raises :class:`typer.BadParameter` saying what to write instead, in
    the plan's language; the CLI names the option (``--start: ...``) and exits with status 2.
    """
    if isinstance(value, datetime):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match is None or int(match[1]) < 1:  # no year 0000 either
        written = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
        meant = f"{written[3]}-{int(written[2]):02d}-{int(written[1]):02d}" if written else "2026-03-01"
        raise typer.BadParameter(tr("'{text}' is not a date written YYYY-MM-DD: write e.g. {meant}",
                                    text=text, meant=meant))  # type: ignore[arg-type] - said in the plan's language
    year, month, day_ = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise typer.BadParameter(tr("'{text}' has no month {month}: months go from 01 to 12 (YYYY-MM-DD)",
                                    text=text, month=str(month)))  # type: ignore[arg-type]
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day_ <= last:
        raise typer.BadParameter(tr(  # type: ignore[arg-type]
            "'{text}' is not a day of the calendar: {month} has {days} days; give a date that exists, e.g. {last}",
            text=text, month=Month(date(year, month, 1)), days=last, last=date(year, month, last).isoformat(),
        ))
    return datetime(year, month, day_)


def date_option(*names: str, **options: Any) -> Any:
    """A YYYY-MM-DD option (:func:`iso_date`); the command takes the datetime's date()."""
    return typer.Option(*names, parser=iso_date, metavar="YYYY-MM-DD", **options)


AsOfOption = Annotated[
    datetime | None,
    date_option("--as-of", help="The date to report as of.", show_default="today"),
]


PlansOfOption = Annotated[
    bool,
    typer.Option(
        "--plans-of",
        help="The paths are files of plans (as pre-commit passes them): "
        "act on each whole plan they belong to; files in no plan are skipped.",
    ),
]


def plan_targets(paths: list[Path], plans_of: bool) -> list[Path]:
    if not plans_of:
        return paths
    from ..load.planfiles import owning_plans

    return owning_plans(paths)


OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output."),
]


def emit(text: str, output: Path | None) -> None:
    """Print ``text``, or write it to ``output``."""
    if output is None:
        sys.stdout.write(text)
        return
    from ..files import write_atomic

    write_atomic(output, text)


def argument(metavar: str, help: str) -> Any:
    """A positional argument shown as ``METAVAR`` in ``--help``, with its help and no default
    shown: the recording commands name their items this way (``EVENT``, ``MEASURE``)."""
    return typer.Argument(metavar=metavar, help=help, show_default=False)


PlanFirstArg = Annotated[str, argument("PLAN", PLAN_HELP)]


DateTodayOption = Annotated[datetime | None, date_option("--date", help="When it happened.", show_default="today")]


def day(value: datetime | None) -> date:
    return value.date() if value else date.today()


def required(value: datetime | None, option: str) -> date:
    if value is None:
        raise UsageError(tr("give {option} YYYY-MM-DD", option=option))
    return value.date()
