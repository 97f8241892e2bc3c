"""Arguments and options shared by several commands, and the small helpers that read them."""


import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import UsageError
from ..i18n import tr


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


def date_option(*names: str, **options: Any) -> Any:
    """A YYYY-MM-DD option; typer gives a datetime, the command takes its date()."""
    return typer.Option(*names, formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", **options)


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


PlanFirstArg = Annotated[str, typer.Argument(metavar="PLAN", help=PLAN_HELP, show_default=False)]


DateTodayOption = Annotated[datetime | None, date_option("--date", help="When it happened.", show_default="today")]


def day(value: datetime | None) -> date:
    return value.date() if value else date.today()


def required(value: datetime | None, option: str) -> date:
    if value is None:
        raise UsageError(tr("give {option} YYYY-MM-DD", option=option))
    return value.date()
