"""The language the command line speaks: ``--lang``, else the plan's, else bokmål.

Every line a person reads (progress, summaries, refusals, errors) is a
:class:`~planverk.i18n.Message` rendered here, in the language of the plan the command
works on. ``--lang`` (on every command that writes text for people) overrides it, and
with it the language of what the command writes: status tables, documents, calendars.
The state lives for one command: :func:`begin` resets it as ``main`` starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..i18n import Message

_state: dict[str, Any] = {}


def begin() -> None:
    """Forget the language of an earlier command (tests run many in one process)."""
    _state.clear()


def choose(lang: Any, plan: Path | str | None = None) -> str | None:
    """Record ``--lang`` (an enum, a code or None) and the plan the command works on;
    returns the override's code (None: the plan's own language)."""
    code = getattr(lang, "value", lang)
    _state["override"] = code
    if plan is not None:
        _state["plan"] = Path(plan)
    return code


def working_on(plan: Path | str) -> None:
    """The plan the command works on, when it is known only after :func:`choose`."""
    _state["plan"] = Path(plan)
    _state.pop("known", None)


def together(plans: list[Path]) -> None:
    """Text about several plans at once (a count over all of them): in their language when
    they share one, else in bokmål (:data:`~planverk.i18n.DEFAULT_LANGUAGE`)."""
    from ..i18n import DEFAULT_LANGUAGE

    found = {_declared(Path(plan)) or DEFAULT_LANGUAGE for plan in plans}
    _state["known"] = found.pop() if len(found) == 1 else DEFAULT_LANGUAGE


def heard(language: str | None) -> None:
    """The language of the plan, once it is read."""
    if language:
        _state["known"] = language


def current() -> str:
    """The language to write in now."""
    override = _state.get("override")
    if override:
        return str(override)
    known = _state.get("known")
    if known:
        return str(known)
    plan = _state.get("plan")
    if plan is not None:
        found = _declared(plan)
        if found:
            _state["known"] = found
            return found
    from ..i18n import DEFAULT_LANGUAGE

    return DEFAULT_LANGUAGE


def _declared(plan: Path) -> str | None:
    """The language the plan's files name (:func:`~planverk.load.planfiles.plan_language`)."""
    from ..load.planfiles import plan_language

    return plan_language(plan)


def text(message: Message | str) -> str:
    """``message`` in the current language (a plain ``str`` as it is)."""
    return message.render(current()) if isinstance(message, Message) else message


def say(message: Message | str, err: bool = False) -> None:
    """Print one line for a person, in the current language."""
    typer.echo(text(message), err=err)
