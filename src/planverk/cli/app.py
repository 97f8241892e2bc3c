"""The ``planverk`` command group and its entry point: the one place that turns planverk
errors into exit codes."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .. import __version__
from ..errors import PlanverkError
from .terminal import color, tolerant_output


app = typer.Typer(
    name="planverk",
    help="Keep a change-process plan as YAML in git: validate it, publish calendars, render workbooks.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: the one place that turns planverk errors into exit codes."""
    tolerant_output()
    try:
        app(args=argv, prog_name="planverk")
    except PlanverkError as error:
        validation = getattr(error, "validation", None)
        if validation is not None:
            from ..reporters import report_human

            report_human([validation], sys.stderr, color(sys.stderr))
        print(f"planverk: {error}", file=sys.stderr)
        sys.exit(int(error.exit_code))
