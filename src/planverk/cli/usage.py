"""Usage errors (a bad option value, an unknown option, a missing argument) said in the
language of the plan the command names, with what to do.

click and typer word these in English, typer's values through pydantic (``Invalid value for
'--format' / '-f': Value error, 'xyz' is not one of ...``). :func:`usage_message` says each
kind click raises as a :class:`~planverk.i18n.Message`; :func:`language_of_command` finds
the language as the command itself would: ``--lang``, else the plan it names, else bokmål.
"""


import re
import sys
from pathlib import Path
from typing import Any

import typer

from ..i18n import LANGUAGES, Either, Message, plural, tr
from . import language

errors: Any = sys.modules[typer.BadParameter.__module__]
"""The exceptions of the click typer parses with (a copy of click inside newer typer, click
itself in older ones): ``UsageError`` and its kinds, ``ClickException``."""


def language_of_command(argv: list[str]) -> None:
    """Set the language for an error in parsing ``argv``: ``--lang`` when it names one,
    else the first plan (a folder with plan.yaml, or a YAML file) among the arguments."""
    code = None
    for index, word in enumerate(argv):
        if word == "--lang" and index + 1 < len(argv):
            code = argv[index + 1]
        elif word.startswith("--lang="):
            code = word.removeprefix("--lang=")
    plan = next((Path(word) for word in argv if not word.startswith("-") and _names_a_plan(word)), None)
    language.choose(code if code in LANGUAGES else None, plan)


def _names_a_plan(word: str) -> bool:
    path = Path(word)
    try:
        return (path / "plan.yaml").is_file() or (path.suffix in (".yaml", ".yml") and path.is_file())
    except (OSError, ValueError):  # a name the file system cannot hold
        return False


def usage_message(error: Any, root: Any, argv: list[str]) -> Message | str:
    """What was wrong with the command line ``argv`` of the command group ``root`` (a click
    command), and what to do, ending with where help is; click's own words should the
    error be of a shape this does not know (never a traceback over a usage error)."""
    try:
        return _usage_message(error, root, argv)
    except Exception:  # noqa: BLE001 - a click of another version; its words are still the error
        return str(error.format_message())


def _usage_message(error: Any, root: Any, argv: list[str]) -> Message:
    ctx = error.ctx
    if ctx is None:  # the parser's own errors name no command: find it by its words
        ctx = _context(root, argv)
    return tr("{problem} (see '{command} -h')", problem=_problem(error, ctx), command=ctx.command_path)


def _context(root: Any, argv: list[str]) -> Any:
    """A context for the command ``argv`` names (``record score``), without parsing its options."""
    ctx = root.make_context("planverk", [], resilient_parsing=True)
    for word in argv:
        command = getattr(ctx.command, "commands", {}).get(word)
        if command is None:
            break
        ctx = command.make_context(word, [], parent=ctx, resilient_parsing=True)
    return ctx


def _problem(error: Any, ctx: Any) -> Message:
    if isinstance(error, errors.MissingParameter):
        return _missing(error)
    if isinstance(error, errors.BadParameter):
        return _bad_value(error)
    if isinstance(error, errors.NoSuchOption):
        if error.possibilities:
            return tr("there is no option {option}: did you mean {near}?", option=error.option_name,
                      near=Either(tuple(error.possibilities)))
        return tr("there is no option {option}", option=error.option_name)
    if isinstance(error, errors.BadOptionUsage):
        return _option_usage(error, ctx)
    said = str(error.message)
    found = re.fullmatch(r"No such command '(.*)'\.(?: Did you mean '(.*)'\?)?", said)
    if found:
        commands = sorted(getattr(ctx.command, "commands", {})) if ctx is not None else []
        if found[2]:
            return tr("'{name}' is no command: did you mean '{near}'?", name=found[1], near=found[2])
        return tr("'{name}' is no command: give one of {commands}", name=found[1], commands=Either(tuple(commands)))
    if said == "Missing command.":
        commands = sorted(getattr(ctx.command, "commands", {})) if ctx is not None else []
        return tr("give a command: {commands}", commands=Either(tuple(commands)))
    found = re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", said)
    if found:
        extra = found[1].split(" ")
        return plural("'{extra}' is more than the command takes: an option's value comes right after its "
                      "name (--date 2026-03-01), and a text with spaces goes in quotes",
                      "'{extra}' are more than the command takes: an option's value comes right after its "
                      "name (--date 2026-03-01), and a text with spaces goes in quotes",
                      len(extra), extra=" ".join(extra))
    return tr("the command line cannot be read: {problem}", problem=said)


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", None) == "option"


def _name(param: Any) -> str:
    """An option as it is typed (``--format``), an argument as help shows it (``PLAN``)."""
    if param is None:
        return "?"
    if _is_option(param):
        return max(param.opts, key=len)
    metavar = getattr(param, "metavar", None)
    return metavar or (param.name or "?").upper()


def _bad_value(error: Any) -> Message:
    name = _name(error.param)
    said = error.message
    if isinstance(said, Message):  # planverk's own parsers say it already
        return tr("{option}: {problem}", option=name, problem=said)
    text = re.sub(r"^Value error, ", "", str(said))
    found = re.fullmatch(r"'(.*)' is not one of (.*)\.", text, re.DOTALL)
    if found:
        choices = tuple(re.findall(r"'([^']*)'", found[2]))
        return tr("{option} cannot be '{value}': write {choices}", option=name, value=found[1],
                  choices=Either(choices))
    if text.startswith("Input should be a valid integer"):
        return tr("{option} takes a whole number, written with digits", option=name)
    if text.startswith("Input should be a valid number"):
        return tr("{option} takes a number, written with digits", option=name)
    found = re.fullmatch(r"Input should be greater than or equal to (-?\d+)", text)
    if found:
        return tr("{option} takes a number of at least {least}", option=name, least=found[1])
    return tr("{option}: {problem}", option=name, problem=text)


def _missing(error: Any) -> Message:
    name = _name(error.param)
    if _is_option(error.param):
        return tr("give {option}: write {option} {metavar}", option=name, metavar=_metavar(error.param, error.ctx))
    return tr("give {argument}, after the command's name", argument=name)


def _option_usage(error: Any, ctx: Any) -> Message:
    said = str(error.message)
    option = error.option_name
    if "does not take a value" in said:
        return tr("{option} takes no value: write {option} alone", option=option)
    metavar = _metavar(_option(ctx, option), ctx)
    return tr("{option} needs a value after it: write {option} {metavar}", option=option, metavar=metavar)


def _metavar(param: Any, ctx: Any) -> str:
    """What an option's value is, as its line in help shows it (``YYYY-MM-DD``, ``<path>``)."""
    try:
        shown = param.get_help_record(ctx)[0] if param is not None and ctx is not None else ""
    except Exception:  # noqa: BLE001 - only a word of an error message; never fail on it
        shown = ""
    metavar = shown.rpartition(" ")[2]
    return metavar if metavar and not metavar.startswith("-") else "..."


def _option(ctx: Any, name: str) -> Any:
    """The option of ``ctx``'s command typed as ``name`` (``-o`` or ``--output``), if any."""
    if ctx is None:
        return None
    return next((p for p in ctx.command.params if _is_option(p) and name in p.opts), None)
