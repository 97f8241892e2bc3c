"""Run templates in Jinja's sandbox and turn any failure into one error that says where.

Templates cannot reach Python internals (the sandbox refuses ``__class__`` and friends and
cannot change the plan), cannot read files other than templates, and may not use a name
the context does not have or print an empty value: each is an error that names the
template file and line and the plan item being rendered.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import fields, is_dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateNotFound, TemplateRuntimeError, TemplateSyntaxError
from jinja2 import TemplateError as JinjaError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import missing

from ..errors import TemplateError
from ..load.planfiles import display_path
from .filters import template_filters
from .templates import TemplateFolders
from .views import (
    Context,
    DeadlineView,
    EventView,
    FormView,
    GroupView,
    MemberView,
    OccurrenceView,
    PersonView,
    PhaseView,
    ReferenceView,
    RoleView,
    SlotView,
)

CONTEXT_NAMES = tuple(f.name for f in fields(Context))

ITEM_NAMES: dict[type, str] = {
    PersonView: "person",
    GroupView: "group",
    RoleView: "role",
    PhaseView: "phase",
    EventView: "event",
    SlotView: "agenda slot",
    DeadlineView: "deadline",
    FormView: "form",
    ReferenceView: "reference",
}
"""What an error calls a plan item a template was rendering."""


def _view_name(value: Any) -> str:
    return ITEM_NAMES.get(type(value)) or type(value).__name__.removesuffix("View").lower()


class PlanUndefined(StrictUndefined):
    """Undefined names and attributes are errors that list what exists instead."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        obj, name = self._undefined_obj, self._undefined_name
        if self._undefined_hint:
            return self._undefined_hint
        if obj is missing:
            near = get_close_matches(str(name), CONTEXT_NAMES, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            return f"'{name}' is not defined{hint}: a template receives {', '.join(CONTEXT_NAMES)}"
        if is_dataclass(obj):
            known = [f.name for f in fields(obj)]
            near = get_close_matches(str(name), known, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            return f"the {_view_name(obj)} has no '{name}': {hint}it has {', '.join(known)}"
        if isinstance(obj, dict):
            near = get_close_matches(str(name), [str(k) for k in obj], n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            return f"no key '{name}'{hint}"
        return f"{type(obj).__name__} has no '{name}'"


def _finalize(value: Any) -> Any:
    if value is None:
        raise TemplateRuntimeError(
            "prints an empty value (None): test it first, e.g. {% if event.room %}...{% endif %}, "
            "or give a default with `or`"
        )
    return value


TEMPLATE_METHODS = frozenset({"pruned"})
"""Methods of the context's objects a template may call; all others (such as a report's
``add``, which would change it) are refused by the sandbox."""


class PlanSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox that also refuses the methods of planverk's own objects,
    except those in :data:`TEMPLATE_METHODS`: templates read the plan, they never change it."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if is_dataclass(obj) and callable(value) and attr not in TEMPLATE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)


def environment(folders: TemplateFolders, language: str) -> PlanSandbox:
    """A sandboxed environment over ``folders`` with planverk's filters in ``language``."""
    env = PlanSandbox(
        loader=folders.loader(),
        undefined=PlanUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(template_filters(language))
    return env


_BLANK_RUNS = re.compile(r"\n{3,}")
_EMPTY_CELL = re.compile(r"(?<=\|)\s{2,}(?=\|)")


def tidy(text: str) -> str:
    """Markdown without trailing spaces, runs of blank lines or blank lines at either end;
    an empty table cell is written ``| |``."""
    lines = [line.rstrip() for line in text.splitlines()]
    lines = [_EMPTY_CELL.sub(" ", line) if line.startswith("|") else line for line in lines]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def render_template(
    env: PlanSandbox, folders: TemplateFolders, filename: str, context: Context
) -> str:
    """Render one template file with ``context``; failures become a :class:`TemplateError`."""
    variables = {f.name: getattr(context, f.name) for f in fields(Context)}
    try:
        return tidy(env.get_template(filename).render(variables))
    except TemplateError:
        raise
    except TemplateSyntaxError as error:
        where = _where(error.filename or filename, error.lineno)
        raise TemplateError(f"{where}: {error.message}") from None
    except Exception as error:  # noqa: BLE001 - whatever a template or a filter raised
        raise _located(error, folders, filename) from None


def _where(filename: str, line: int | None) -> str:
    shown = display_path(Path(filename)) if filename and Path(filename).exists() else filename
    return f"{shown}:{line}" if line else shown


def _located(error: Exception, folders: TemplateFolders, filename: str) -> TemplateError:
    frames = [
        (frame, line)
        for frame, line in traceback.walk_tb(error.__traceback__)
        if frame.f_code.co_filename in folders.seen
    ]
    message = str(error) if isinstance(error, JinjaError) else f"{type(error).__name__}: {error}"
    if isinstance(error, TemplateNotFound):
        message = f"no template '{error.name}' in the template folders ({folders.describe()})"
    elif isinstance(error, SecurityError):
        message = f"the sandbox refused it: {error}"
    if not frames:
        return TemplateError(f"{filename}: {message}")
    frame, line = frames[-1]
    items = [
        _describe(value)
        for outer, _ in frames  # loop variables and macro arguments, outermost first
        for name, value in outer.f_locals.items()
        if name not in CONTEXT_NAMES and type(value) in (*ITEM_NAMES, OccurrenceView, MemberView)
    ]
    items = list(dict.fromkeys(items))
    at = f" (while rendering {', '.join(items)})" if items else ""
    return TemplateError(f"{_where(frame.f_code.co_filename, line)}: {message}{at}")


def _describe(value: Any) -> str:
    if isinstance(value, OccurrenceView):
        return f"event '{value.event.id}' on {value.day}"
    if isinstance(value, MemberView):
        return f"person '{value.person.id}'"
    if isinstance(value, SlotView):
        return f"agenda slot '{value.id or value.topic}'"
    if isinstance(value, DeadlineView):
        return f"{value.kind} '{value.id}'"
    return f"{_view_name(value)} '{value.id}'"
