"""Run templates in Jinja's sandbox and turn any failure into one error that says where.

Templates cannot reach Python internals (the sandbox refuses ``__class__`` and friends and
cannot change the plan), cannot read files other than templates, and may not use a name
the context does not have or print an empty value: each is an error that names the
template file and line and the plan item being rendered.
"""

from __future__ import annotations

import re
import traceback
from functools import lru_cache
from dataclasses import fields, is_dataclass
from difflib import get_close_matches
from pathlib import Path
from types import BuiltinMethodType, MethodType
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateNotFound, TemplateRuntimeError, TemplateSyntaxError
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace, missing

from ..errors import TemplateError
from ..i18n import Items, Message, tr
from ..formatting import kind_name, markdown_text
from ..model.base import PlanText
from ..load.planfiles import display_path
from ..values import Value
from .compiled import CompiledTemplates
from .filters import template_filters
from .plantext import PlanTextCodeGenerator, characters, concat, kept, sliceable
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

ITEM_NAMES: dict[type, Message] = {
    PersonView: tr("person"),
    GroupView: tr("group"),
    RoleView: tr("role"),
    PhaseView: tr("phase"),
    EventView: tr("event"),
    SlotView: tr("agenda slot"),
    DeadlineView: tr("deadline"),
    FormView: tr("form"),
    ReferenceView: tr("reference"),
}
"""What an error calls a plan item a template was rendering, in the reader's language."""
_KINDS = {"deadline": tr("deadline"), "milestone": tr("milestone")}


def _view_name(value: Any) -> Message | str:
    return ITEM_NAMES.get(type(value)) or type(value).__name__.removesuffix("View").lower()


class PlanUndefined(StrictUndefined):
    """Undefined names and attributes are errors that list what exists instead."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> Any:  # a Message: the error speaks the reader's language
        obj, name = self._undefined_obj, str(self._undefined_name)
        if isinstance(self._undefined_hint, Message):
            return self._undefined_hint
        if self._undefined_hint:  # Jinja's own English ("No first item, sequence was empty.")
            from .failures import undefined_message

            return undefined_message(self._undefined_name)
        if obj is missing:
            near = get_close_matches(name, CONTEXT_NAMES, n=1)
            names = ", ".join(CONTEXT_NAMES)
            if near:
                return tr("'{name}' is not defined (did you mean '{near}'?): a template receives {names}",
                          name=name, near=near[0], names=names)
            return tr("'{name}' is not defined: a template receives {names}", name=name, names=names)
        if is_dataclass(obj):
            known = [f.name for f in fields(obj)]
            near = get_close_matches(name, known, n=1)
            item, has = _view_name(obj), ", ".join(known)
            if near:
                return tr("the {item} has no '{name}': did you mean '{near}'? it has {fields}",
                          item=item, name=name, near=near[0], fields=has)
            return tr("the {item} has no '{name}': it has {fields}", item=item, name=name, fields=has)
        if isinstance(obj, dict):
            near = get_close_matches(name, [str(k) for k in obj], n=1)
            if near:
                return tr("no key '{name}' (did you mean '{near}'?)", name=name, near=near[0])
            return tr("no key '{name}'", name=name)
        return tr("{kind} has no '{name}'", kind=kind_name(obj), name=name)


def _finalize(value: Any) -> Any:
    """What ``{{ ... }}`` prints: plan text escaped as Markdown, None refused."""
    if value is None:
        raise TemplateRuntimeError(tr(  # type: ignore[arg-type] - a Message, rendered in the reader's language
            "prints an empty value (None): test it first, e.g. {{% if event.room %}}...{{% endif %}}, "
            "or give a default with `or`"
        ))
    if isinstance(value, PlanText):
        return markdown_text(value)
    return value


TEMPLATE_METHODS = frozenset({"pruned"})
"""Methods of the context's objects a template may call; all others (such as a report's
``add``, which would change it) are refused by the sandbox."""


MAX_STEPS = 5_000_000
"""Work one document may do: each attribute or item read, call, and element of a
``range()`` costs one step. The built-in templates need a few hundred thousand on a plan of
10,000 events; a runaway loop stops here instead of running for hours."""

MAX_TEXT = 1_000_000
"""The most characters one value a template builds may have (``'x' * n``, ``center(n)``)."""

MAX_OUTPUT = 10_000_000
"""The most characters one rendered document may have."""

_WIDE_SPEC = re.compile(r"[%:][^a-zA-Z%{}]*?\d{7,}")
"""A printf or format spec with a width or precision of a million or more."""


_DICT_NAMES = frozenset(dir(dict))
"""The attributes of a dict: any other name read from one is a key."""

_METHODS = (MethodType, BuiltinMethodType)


@lru_cache(maxsize=256)
def _subscriptable(kind: type) -> bool:
    """Whether ``kind[...]``-style item reads can find anything: a view (a dataclass) has no
    items, so ``item["month"]`` is its attribute at once, without a failed subscription."""
    return hasattr(kind, "__getitem__") or issubclass(kind, type)  # a class: list[int], as Jinja reads it
"""What Jinja's sandbox wraps when it is ``str.format`` (see ``wrap_str_format``)."""


class LimitError(SecurityError):
    """A template exceeded one of the bounds above."""


def _limit(what: Message) -> LimitError:
    """The error for a bound a template passed; ``what`` says which, in the reader's language."""
    return LimitError(tr("{what}: templates are bounded (see 'Limits' in docs/templates.md)", what=what))


def _too_big(size: int) -> LimitError:
    return _limit(tr("a value of {size} characters or items; the most is {most}", size=size, most=MAX_TEXT))


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_TEXT:
        raise _too_big(len(value))
    return value


def _check_arguments(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], formats: bool = True) -> None:
    """Refuse a call before it builds something huge: a width of a billion, a wide format.

    ``formats``: whether a text argument may be a format (``'%9999999s'``); planverk's own
    filters read none.
    """
    for value in (*args, *kwargs.values()):
        _check_size(value)
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TEXT:
            raise _limit(tr("'{name}' with {value}; the most a width or count may be is {most}",
                            name=name, value=value, most=MAX_TEXT))
        if formats and isinstance(value, str) and _WIDE_SPEC.search(value):
            raise _limit(tr("'{name}' with a format width of a million or more", name=name))


def _bounded_filter(name: str, function: Any, formats: bool = True) -> Any:
    """``function`` (a filter) with its arguments and its result bounded; ``formats``: whether
    its text arguments may be formats (see :func:`_check_arguments`)."""
    passed = getattr(function, "jinja_pass_arg", None)  # the context Jinja passes first
    if not formats and passed is None:
        return _bounded_own_filter(name, function)

    def bounded(*args: Any, **kwargs: Any) -> Any:
        own = args[1:] if passed is not None else args
        _check_arguments(name, own if formats else own[1:], kwargs, formats)
        if name == "replace" and len(own) >= 3 and all(isinstance(a, str) for a in own[:3]):
            grown = own[0].count(own[1]) * len(own[2]) if own[1] else len(own[0]) * len(own[2])
            if grown > MAX_TEXT:
                raise _limit(tr("'replace' would build {size} characters; the most is {most}",
                                size=grown, most=MAX_TEXT))
        result = _check_size(function(*args, **kwargs))
        # Jinja's filters build plain text from plan text ('upper', 'join', 'safe' ...):
        # it is still plan text, escaped where it is printed.
        return kept(result, *own, *kwargs.values()) if formats else result

    if passed is not None:
        bounded.jinja_pass_arg = passed  # type: ignore[attr-defined]
    return bounded


def _joined_plan_text(join: Any) -> Any:
    """Jinja's ``join`` whose result is plan text when one of the items is: still escaped
    where it is printed."""

    def joined(*args: Any, **kwargs: Any) -> Any:
        result = join(*args, **kwargs)
        items = args[1] if len(args) > 1 and isinstance(args[1], (list, tuple)) else ()  # args[0]: the eval context
        if isinstance(result, str) and not isinstance(result, PlanText) and any(isinstance(i, PlanText) for i in items):
            return PlanText(result)
        return result

    joined.jinja_pass_arg = join.jinja_pass_arg  # type: ignore[attr-defined]
    return joined


def _bounded_own_filter(name: str, function: Any) -> Any:
    """One of planverk's own filters, bounded: they read no format, and the value they
    format is bounded where it was made (the plan's reader, the operators and filters
    here), so only their options are checked (a width, a count of decimals), and the result."""

    def bounded(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:
            _check_arguments(name, args, kwargs, formats=False)
        result = function(value, *args, **kwargs)
        if type(result) is str and len(result) <= MAX_TEXT:
            return result
        return _check_size(result)

    return bounded


class BoundedNamespace(Namespace):
    """``namespace()`` whose attributes, the only values a loop can grow, stay bounded."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, _check_size(value))


class _Budget:
    """The steps a document has left."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = MAX_STEPS

    def spend(self, steps: int = 1) -> None:
        self.left -= steps
        if self.left < 0:
            self.exceeded()

    @staticmethod
    def exceeded() -> None:
        raise _limit(tr("the template did more than {most} steps (loops within loops?)", most=MAX_STEPS))


class PlanSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox that also refuses the methods of planverk's own objects,
    except those in :data:`TEMPLATE_METHODS`: templates read the plan, they never change it.

    It also bounds what a template may cost: :data:`MAX_STEPS` of work, values of at most
    :data:`MAX_TEXT` characters, documents of :data:`MAX_OUTPUT`; ``**`` on large numbers
    and format widths of a million are refused before they are computed.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+", "-", "/", "//"})
    code_generator_class = PlanTextCodeGenerator
    plan_concat = staticmethod(concat)
    plan_characters = staticmethod(characters)
    plan_sliceable = staticmethod(sliceable)

    builtin: Environment
    """The environment of planverk's own templates (see :func:`environment`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = _Budget()
        self._safe: dict[tuple[type, str, bool], bool] = {}
        safe_range = self.globals["range"]

        def budgeted_range(*args: int) -> range:
            numbers = safe_range(*args)
            self.budget.spend(len(numbers))
            return numbers

        self.globals["range"] = budgeted_range
        self.globals["namespace"] = BoundedNamespace
        # Different bytes on every run; docs/templates.md promises the same output each time.
        self.globals.pop("lipsum", None)
        self.filters.pop("random", None)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        """What reading an attribute the sandbox refuses gives: an undefined that, used,
        says so in the reader's language (Jinja's own says it in English)."""
        from .failures import unsafe_message

        return self.undefined(unsafe_message(obj, attribute), name=attribute, obj=obj,  # type: ignore[arg-type]
                              exc=SecurityError)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if (is_dataclass(obj) or isinstance(obj, Value)) and callable(value) and attr not in TEMPLATE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        budget = self.budget  # spend(), written out: a document reads hundreds of thousands
        budget.left -= 1
        if budget.left < 0:
            budget.exceeded()
        if type(obj) is dict and attribute not in _DICT_NAMES:
            # ``labels.time``: a key, as Jinja's getattr finds it once getattr(dict) has failed
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return super().getattr(obj, attribute)  # an item, or undefined, as Jinja decides
        if self._safe.get((type(obj), attribute, callable(value))) and not isinstance(value, _METHODS):
            return value  # the usual case, decided before (see _readable); not a str.format
        return self._readable(obj, attribute, value)

    def _readable(self, obj: Any, attribute: str, value: Any) -> Any:
        """``value`` (``obj.attribute``) when the template may read it, else an undefined."""
        is_callable = callable(value)
        if is_callable:
            formatter = self.wrap_str_format(value)  # str.format, sandboxed
            if formatter is not None:
                return formatter
        # Whether an attribute may be read depends only on the object's type, the name (one
        # with '_', an internal attribute of a function or frame, a method that changes a
        # list or dict, a method of planverk's objects) and whether it is callable: decided
        # once for each. A document reads the same few attributes thousands of times.
        key = (type(obj), attribute, is_callable)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = self.is_safe_attribute(obj, attribute, value)
        return value if safe else self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.spend()
        if isinstance(argument, str) and not _subscriptable(type(obj)):
            return self._attribute(obj, argument)  # ``groupby("month")`` of occurrences
        try:
            value = obj[argument]
            return PlanText(value) if isinstance(obj, PlanText) and isinstance(value, str) else value
        except (TypeError, LookupError):
            # Jinja's way: an attribute of that name, checked (``groupby("month")`` reads
            # each occurrence's ``month`` so).
            if isinstance(argument, str):
                return self._attribute(obj, str(argument))
        return self.undefined(obj=obj, name=argument)

    def _attribute(self, obj: Any, name: str) -> Any:
        """``obj[name]`` read as Jinja does once the item is not there: the attribute, checked."""
        try:
            value = getattr(obj, name)
        except AttributeError:
            return self.undefined(obj=obj, name=name)
        return self._readable(obj, name, value)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.spend()
        if type(__obj) is Macro:
            # A template's own macro: what it does with its arguments is sandboxed and
            # bounded step by step; only their sizes are measured here (a macro that calls
            # itself with s ~ s doubles a text each time), and what it returns.
            for value in (*args, *kwargs.values()):
                _check_size(value)
            return _check_size(__context.call(__obj, *args, **kwargs))
        # The object a method belongs to counts too: the format string of '{:>9999999}'.format
        # (the sandbox wraps str.format, the original stays reachable as __wrapped__).
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        name = getattr(__obj, "__name__", "a call")
        _check_arguments(name, (owner, *args) if isinstance(owner, str) else args, kwargs)
        result = _check_size(super().call(__context, __obj, *args, **kwargs))
        # A method of a text ('.strip()', '{}'.format): plan text in, plan text out.
        return kept(result, owner, *args, *kwargs.values()) if isinstance(owner, str) else result

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, (int, float)) and isinstance(right, (int, float)):
            if abs(right) > 64 and abs(left) > 1:
                raise _limit(tr("{left} ** {right} is too large a number", left=str(left), right=str(right)))
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                    raise _too_big(len(seq) * times)
        if operator == "%" and isinstance(left, str):
            _check_arguments("%", (left,), {})
        try:
            result = _check_size(super().call_binop(context, operator, left, right))
        except TypeError:  # Python's English names the types; say what the values are
            from .failures import operator_message

            raise TypeError(operator_message(operator, left, right)) from None
        return kept(result, left, right) if operator in ("+", "%") else result


class BuiltinEnvironment(Environment):
    """planverk's own templates, run as planverk's code, outside the sandbox.

    Its loader reads the built-in folder and nothing else, and :func:`render_template`
    uses it only for a built-in document when no template folder of the plan or of
    ``--templates`` holds a file of a built-in's name
    (:meth:`~planverk.render.templates.TemplateFolders.builtin_alone`): a template a user
    wrote, or one a user's partial would change, always runs in :class:`PlanSandbox`. It
    prints exactly as the sandbox does (the same filters, ``finalize`` escaping plan text,
    and undefined names), and its documents are bounded by :data:`MAX_OUTPUT` too; its
    steps are not counted (the built-ins do a few for each item of the plan). Their
    compiled code is kept in the user's cache folder (:mod:`planverk.render.compiled`).
    """

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and not _subscriptable(type(obj)):
            return self.getattr(obj, argument)  # ``groupby("month")`` of occurrences
        return super().getitem(obj, argument)


_OPTIONS: dict[str, Any] = {
    "undefined": PlanUndefined,
    "finalize": _finalize,
    "autoescape": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "auto_reload": False,
}
"""What both environments share: how a template is read and what it prints."""


def environment(folders: TemplateFolders, language: str) -> PlanSandbox:
    """A sandboxed environment over ``folders`` with planverk's filters in ``language``;
    its ``builtin`` is the :class:`BuiltinEnvironment` of the same filters."""
    env = PlanSandbox(loader=folders.loader(), **_OPTIONS)
    own = template_filters(language)
    env.filters.update(own)
    env.filters["join"] = _joined_plan_text(env.filters["join"])
    compiled = CompiledTemplates({"environment": BuiltinEnvironment, **_OPTIONS})
    env.builtin = BuiltinEnvironment(loader=folders.builtin_loader(), bytecode_cache=compiled, **_OPTIONS)
    env.builtin.filters = dict(env.filters)
    env.builtin.globals.pop("lipsum", None)
    env.filters = {name: _bounded_filter(name, f, name not in own) for name, f in env.filters.items()}
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
    env.budget = _Budget()
    own = folders.builtin_alone(filename)
    try:
        if own:
            return tidy(_own_render(env.builtin.get_template(filename), variables))
        return tidy(_bounded_render(env.get_template(filename), variables))
    except TemplateError:
        raise
    except TemplateSyntaxError as error:
        from .syntax import syntax_message

        where = _where(error.filename or _source_path(env, error.name or filename), error.lineno)
        raise TemplateError(tr("{where}: {message}", where=where,
                               message=syntax_message(str(error.message)))) from None
    except Exception as error:  # noqa: BLE001 - whatever a template or a filter raised
        raise _located(error, folders, filename) from None


def _source_path(env: PlanSandbox, name: str) -> str:
    """The file the template ``name`` is read from (Jinja's lexer names none in its errors)."""
    try:
        return str(env.loader.get_source(env, name)[1] or name)  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - only the name in an error message
        return name


def _bounded_render(template: Any, variables: dict[str, Any]) -> str:
    """``template.render``, stopped once the document passes :data:`MAX_OUTPUT` characters."""
    parts: list[str] = []
    add = parts.append
    size = 0
    for part in template.generate(variables):
        size += len(part)
        if size > MAX_OUTPUT:
            raise _too_long(template)
        add(part)
    return "".join(parts)


def _own_render(template: Any, variables: dict[str, Any]) -> str:
    """``template.render`` of a built-in (:class:`BuiltinEnvironment`), refused past
    :data:`MAX_OUTPUT` characters as any document: the built-ins grow with the plan, a few
    hundred characters for each of its items, so the document is measured once it is whole."""
    text = template.render(variables)
    if len(text) > MAX_OUTPUT:
        raise _too_long(template)
    return text


def _too_long(template: Any) -> TemplateError:
    return TemplateError(tr(
        "{file}: the document grows past {count} characters: templates are bounded "
        "(see 'Limits' in docs/templates.md)",
        file=_where(template.filename or template.name, None), count=MAX_OUTPUT,
    ))


def _where(filename: str, line: int | None) -> str:
    shown = display_path(Path(filename)) if filename and Path(filename).exists() else filename
    return f"{shown}:{line}" if line else shown


def _located(error: Exception, folders: TemplateFolders, filename: str) -> TemplateError:
    frames = [
        (frame, line)
        for frame, line in traceback.walk_tb(error.__traceback__)
        if frame.f_code.co_filename in folders.seen
    ]
    from .failures import failure_message

    message: Message = failure_message(error)
    if isinstance(error, TemplateNotFound):
        message = tr("no template '{name}' in the template folders ({folders})",
                     name=str(error.name), folders=folders.describe())
    elif isinstance(error, SecurityError):
        message = tr("the sandbox refused it: {error}", error=message)
    if not frames:
        return TemplateError(tr("{where}: {message}", where=filename, message=message))
    frame, line = frames[-1]
    items = [
        _describe(value)
        for outer, _ in frames  # loop variables and macro arguments, outermost first
        for name, value in outer.f_locals.items()
        if name not in CONTEXT_NAMES and type(value) in (*ITEM_NAMES, OccurrenceView, MemberView)
    ]
    items = list(dict.fromkeys(items))
    where = _where(frame.f_code.co_filename, line)
    if items:
        return TemplateError(tr("{where}: {message} (while rendering {items})",
                                where=where, message=message, items=Items(tuple(items), len(items))))
    return TemplateError(tr("{where}: {message}", where=where, message=message))


def _describe(value: Any) -> Message:
    if isinstance(value, OccurrenceView):
        return tr("event '{id}' on {day}", id=value.event.id, day=value.day.isoformat())
    if isinstance(value, MemberView):
        return tr("{item} '{id}'", item=ITEM_NAMES[PersonView], id=value.person.id)
    if isinstance(value, SlotView):
        return tr("{item} '{id}'", item=ITEM_NAMES[SlotView], id=value.id or value.topic)
    if isinstance(value, DeadlineView):
        return tr("{item} '{id}'", item=_KINDS.get(value.kind, value.kind), id=value.id)
    return tr("{item} '{id}'", item=_view_name(value), id=value.id)
