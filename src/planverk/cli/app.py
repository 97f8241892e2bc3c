"""The ``planverk`` command group and its entry point: the one place that turns planverk
errors into exit codes."""


import copy
import sys
from typing import Annotated

import typer

from .. import __version__
from ..collector import one_shot_process
from ..errors import PlanverkError
from ..i18n import tr
from . import language
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


COMMAND_MODULES: dict[str, str] = {
    "validate": "checking", "schema": "checking", "fmt": "checking",
    "done": "editing", "cancel": "editing", "record": "editing", "move": "editing",
    "diff": "reviewing",
    "init": "scaffolding",
    "status": "reporting",
    "ical": "calendars", "invitations": "calendars",
    "site": "documents", "render": "documents",
}
"""The module of :mod:`planverk.cli` that registers each command and group on :data:`app`."""

MODULES = ("checking", "editing", "reviewing", "scaffolding", "reporting", "calendars", "documents")
"""Every command module, in the order ``planverk --help`` lists their commands."""


def load_commands(first: str | None = None) -> None:
    """Register the commands: only the module of the command ``first`` names when it names
    one (a run needs its own; importing the seven took about 1.5 % of a small validate's
    start-up), else all of them, listed in the order of :data:`MODULES` whatever order
    they were imported in."""
    from importlib import import_module

    if first in COMMAND_MODULES:
        import_module(f"{__package__}.{COMMAND_MODULES[first]}")
        return
    for name in MODULES:
        import_module(f"{__package__}.{name}")
    place = {f"{__package__}.{name}": i for i, name in enumerate(MODULES)}
    app.registered_commands.sort(key=lambda info: place[info.callback.__module__])  # stable


def _narrowed(argv: list[str]) -> typer.Typer:
    """:data:`app` with only the command or group ``argv`` names first, when it names one.

    typer builds every command's parameters (signatures, type hints, click objects) on
    each run, about 3 % of a small ``validate``; a run needs the one it runs. The root's
    options (``--version``, ``--help``), a mistyped command (typer lists the near ones)
    and no command at all go to the whole app."""
    if not argv or argv[0].startswith("-"):
        return app
    commands = [info for info in app.registered_commands
                if (info.name or getattr(info.callback, "__name__", "")).replace("_", "-").lower() == argv[0]]
    groups = [info for info in app.registered_groups if info.name == argv[0]]
    if len(commands) + len(groups) != 1:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = commands
    narrowed.registered_groups = groups
    return narrowed


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: the one place that turns planverk errors into exit codes.

    Without ``argv`` this process is the command (the console script, ``python -m
    planverk``): what it reads stays out of the garbage collector's walks to its end.
    """
    if argv is None:
        one_shot_process()
    tolerant_output()
    language.begin()
    from .usage import errors, language_of_command, usage_message

    words = list(sys.argv[1:] if argv is None else argv)
    load_commands(words[0] if words else None)
    narrowed = _narrowed(words)
    try:
        # not standalone: click's usage errors come here, to be said in the plan's language
        # (argv as given: None lets click expand globs on Windows, as a shell would)
        code = narrowed(args=argv, prog_name="planverk", standalone_mode=False)
    except getattr(errors, "NoArgsIsHelpError", ()) as shown:  # 'planverk record' alone: its help (click 8.2+)
        shown.show()
        sys.exit(shown.exit_code)
    except errors.UsageError as error:
        language_of_command(words)
        print(f"planverk: {language.text(usage_message(error, typer.main.get_command(narrowed), words))}",
              file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Abort:  # Ctrl-D at a prompt
        stopped = tr("stopped: nothing more was done")
        print(f"planverk: {language.text(stopped)}", file=sys.stderr)
        sys.exit(1)
    except errors.ClickException as error:  # none planverk's parameters raise; its words, shown not obeyed
        from ..diagnostics import printable

        print(f"planverk: {printable(str(error.format_message()))}", file=sys.stderr)
        sys.exit(error.exit_code)
    except PlanverkError as error:
        sys.exit(report_error(error))
    if isinstance(code, int) and not isinstance(code, bool) and code:
        sys.exit(code)  # typer.Exit(1), as standalone click would exit


def report_error(error: PlanverkError) -> int:
    """Tell ``error`` on standard error as a run that stops on it does (the plan's findings,
    then ``planverk: message``) and return its exit code: a command that goes on with its
    other plans tells each one's error exactly as a run of that plan alone would."""
    validation = getattr(error, "validation", None)
    if validation is not None:
        from ..reporters import report_human

        plan = getattr(validation, "plan", None)
        language.heard(plan.plan.language if plan is not None else validation.declared_language)
        report_human([validation], sys.stderr, color(sys.stderr), language.current())
    print(f"planverk: {language.text(error.message)}", file=sys.stderr)
    return int(error.exit_code)
