"""Usage errors (a bad option value, an unknown option, a missing argument) said in the
language of the plan the command names, with what to do.

click and typer word these in English, typer's values through pydantic (``Invalid value for
'--format' / '-f': Value error, 'xyz' is not one of ...``), and reword them between
versions. :func:`usage_message` says each kind click raises as a
:class:`~planverk.i18n.Message`, knowing it by its class and what it carries (the
parameter and its type, the option's name, the near names), never by its wording; :func:`language_of_command` finds
the language as the command itself would: ``--lang``, else the plan it names, else bokmål.
"""


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
    plan = next((Path(word) for word in argv if not word.startswith("-") and names_a_plan(word)), None)
    language.choose(code if code in LANGUAGES else None, plan)


def names_a_plan(word: str) -> bool:
    """True when ``word`` is a plan folder (with plan.yaml) or a YAML file that exists."""
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
        from ..diagnostics import printable

        return printable(str(error.format_message()))


def _usage_message(error: Any, root: Any, argv: list[str]) -> Message:
    ctx = error.ctx
    if ctx is None:  # the parser's own errors name no command: find it by its words
        ctx = _context(root, argv)
    return tr("{problem} (see '{command} -h')", problem=_problem(error, ctx, argv), command=ctx.command_path)


def _context(root: Any, argv: list[str]) -> Any:
    """A context for the command ``argv`` names (``record score``), without parsing its options."""
    ctx = root.make_context("planverk", [], resilient_parsing=True)
    for word in argv:
        command = getattr(ctx.command, "commands", {}).get(word)
        if command is None:
            break
        ctx = command.make_context(word, [], parent=ctx, resilient_parsing=True)
    return ctx


def _problem(error: Any, ctx: Any, argv: list[str]) -> Message:
    """The error said by its class and what it carries (the parameter, the option's name,
    the near names), never by click's or typer's wording of it, which changes between
    versions; a plain ``UsageError`` (a command that is none, a command missing, words too
    many) by the command line itself, as the command's own parser reads it."""
    if isinstance(error, errors.MissingParameter):
        return _missing(error)
    if isinstance(error, errors.BadParameter):
        return _bad_value(error, argv)
    if isinstance(error, errors.NoSuchOption):
        name = str(error.option_name)
        if name[1:2].isdigit() or name[1:2] in (".", ","):  # -2,1 %: a value below zero, read as options
            word = next((w for w in argv if w.startswith(name)), name)
            return tr("'{value}' starts with '-', so it was read as an option: write -- before the "
                      "values that start with '-' ({example})", value=word, example=f"-- '{word}'")
        if error.possibilities:
            return tr("there is no option {option}: did you mean {near}?", option=error.option_name,
                      near=Either(tuple(sorted(error.possibilities))))
        return tr("there is no option {option}", option=error.option_name)
    if isinstance(error, errors.BadOptionUsage):
        return _option_usage(error, ctx)
    if isinstance(error, errors.BadArgumentUsage):
        return tr("the command's arguments cannot be read: give each one, in the order help shows them")
    return _plain(ctx, argv)


def _plain(ctx: Any, argv: list[str]) -> Message:
    """A ``UsageError`` of no kind of its own: click raises one for a group given no command
    or a word that is none, and for a command given more words than it takes."""
    words = _parsed_words(ctx, argv)
    commands = getattr(ctx.command, "commands", None)
    if commands is not None:  # a group: its first word names the command, or is missing
        names = sorted(name for name, command in commands.items() if not getattr(command, "hidden", False))
        if not words:
            return tr("give a command: {commands}", commands=Either(tuple(names)))
        from difflib import get_close_matches

        near = get_close_matches(words[0], names, n=1)
        if near:
            return tr("'{name}' is no command: did you mean '{near}'?", name=words[0], near=near[0])
        return tr("'{name}' is no command: give one of {commands}", name=words[0], commands=Either(tuple(names)))
    if words:
        return plural("'{extra}' is more than the command takes: an option's value comes right after its "
                      "name (--date 2026-03-01), and a text with spaces goes in quotes",
                      "'{extra}' are more than the command takes: an option's value comes right after its "
                      "name (--date 2026-03-01), and a text with spaces goes in quotes",
                      len(words), extra=" ".join(words))
    return tr("the command line cannot be read: give the command's arguments and options as its help shows them")


def _parsed_words(ctx: Any, argv: list[str]) -> list[str]:
    """The words of ``argv`` after the command ``ctx`` names that its parser leaves over: for a
    group, the command word and what follows it; for a command, the words no argument took."""
    rest = list(argv)
    for name in ctx.command_path.split()[1:]:  # the program's name is not in argv
        if name in rest:
            rest = rest[rest.index(name) + 1:]
    try:
        return [str(word) for word in ctx.command.make_parser(ctx).parse_args(rest)[1]]
    except errors.UsageError:  # an option wrongly given comes first; the error said something else
        return []


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


def _bad_value(error: Any, argv: list[str]) -> Message:
    """A value the parameter's type refuses, said by that type: one of its choices, a whole
    number, a number, a number within its bounds."""
    param = error.param
    name = _name(param)
    said = error.message
    if isinstance(said, Message):  # planverk's own parsers say it already
        return tr("{option}: {problem}", option=name, problem=said)
    value = _refused_value(error, param, argv)
    choices = _choices(param)
    if choices:
        if value is None:
            return tr("{option} takes {choices}", option=name, choices=Either(choices))
        return tr("{option} cannot be '{value}': write {choices}", option=name, value=value,
                  choices=Either(choices))
    kind = _number_kind(param)
    if kind is not None:
        least, most = _bounds(param)
        number = _number(value, kind)
        if number is not None and least is not None and number < least:
            return tr("{option} takes a number of at least {least}", option=name, least=str(least))
        if number is not None and most is not None and number > most:
            return tr("{option} takes a number of at most {most}", option=name, most=str(most))
        if kind is int:
            return tr("{option} takes a whole number, written with digits", option=name)
        return tr("{option} takes a number, written with digits", option=name)
    if value is None:
        return tr("{option} has a value it cannot take: see its line in help", option=name)
    return tr("{option} cannot be '{value}': see its line in help", option=name, value=value)


def _refused_value(error: Any, param: Any, argv: list[str]) -> str | None:
    """What was given for ``param``: the input of typer's pydantic conversion when that
    refused it, else the word after the option on the command line (click names no value)."""
    try:
        from pydantic import ValidationError
    except ImportError:  # a typer that converts with click alone
        ValidationError = ()  # noqa: N806
    cause = error.__cause__
    if isinstance(cause, ValidationError):
        found = cause.errors()
        if found and "input" in found[0]:
            given = found[0]["input"]
            return str(getattr(given, "value", given))
    if not _is_option(param):
        return None
    given = None
    for index, word in enumerate(argv):
        for opt in param.opts:
            if word == opt and index + 1 < len(argv):
                given = argv[index + 1]
            elif opt.startswith("--") and word.startswith(opt + "="):
                given = word[len(opt) + 1:]
            elif not opt.startswith("--") and word.startswith(opt) and len(word) > len(opt):
                given = word[len(opt):]
    return given


def _choices(param: Any) -> tuple[str, ...]:
    """The values ``param`` takes when it takes one of a few (an enum), as they are written."""
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)  # typer's own types (0.2x)
    if choices is None:
        choices = getattr(getattr(param, "type", None), "choices", None)  # click's Choice
    return tuple(str(getattr(choice, "value", choice)) for choice in choices or ())


def _number_kind(param: Any) -> type | None:
    """``int`` or ``float`` when ``param`` takes a number (typer's annotation, or click's
    INT, FLOAT and their ranges), else None."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    if annotation in (int, float):
        return annotation  # type: ignore[no-any-return]
    kind = getattr(getattr(param, "type", None), "_number_class", None)  # click's INT, FLOAT, IntRange
    return kind if kind in (int, float) else None


def _bounds(param: Any) -> tuple[Any, Any]:
    """The least and the most a number parameter takes (None: no bound)."""
    kind = getattr(param, "type", None)
    return (getattr(param, "min", None) if getattr(param, "min", None) is not None else getattr(kind, "min", None),
            getattr(param, "max", None) if getattr(param, "max", None) is not None else getattr(kind, "max", None))


def _number(value: str | None, kind: type) -> float | None:
    if value is None:
        return None
    try:
        return float(kind(value.strip()))
    except (TypeError, ValueError, OverflowError):
        return None


def _missing(error: Any) -> Message:
    name = _name(error.param)
    if _is_option(error.param):
        return tr("give {option}: write {option} {metavar}", option=name, metavar=_metavar(error.param, error.ctx))
    return tr("give {argument}: write {usage}", argument=name, usage=_arguments_line(error.ctx))


def _arguments_line(ctx: Any) -> str:
    """The command with its arguments in their order (``planverk record realised PLAN
    MEASURE AMOUNT``): where the missing one goes."""
    if ctx is None:
        return "..."
    names = [_usage_piece(param) for param in ctx.command.params if not _is_option(param)]
    return " ".join([ctx.command_path, *names])


def _usage_piece(param: Any) -> str:
    """An argument as a usage line writes it: ``PLAN``, ``[SECTION]`` when it may be left
    out, ``PLANS...`` when it takes several."""
    piece = _name(param) + ("..." if getattr(param, "nargs", 1) == -1 else "")
    return piece if getattr(param, "required", True) else f"[{piece}]"


def _option_usage(error: Any, ctx: Any) -> Message:
    """An option written wrongly: a flag given a value (``--strict=yes``), or an option whose
    value is missing (``-o`` at the end of the line)."""
    option = error.option_name
    param = _option(ctx, option)
    if param is not None and (getattr(param, "is_flag", False) or getattr(param, "count", False)):
        return tr("{option} takes no value: write {option} alone", option=option)
    metavar = _metavar(param, ctx)
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
    return next((p for p in ctx.command.get_params(ctx)
                 if _is_option(p) and name in (*p.opts, *p.secondary_opts)), None)
