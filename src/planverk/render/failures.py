"""What a template's failure while it runs says, in the reader's language, with what to do.

A template a user writes can fail as any Python does (a division by zero, a number added to
a text, a macro that calls itself without end) or as Jinja does (a filter given what it does
not take, an empty list's first item). Python and Jinja word these in English, and
differently from version to version; :func:`failure_message` says each by the class of the
error alone (:mod:`planverk.render.engine` adds the template file, line and plan item).
An error planverk raised itself carries its :class:`~planverk.i18n.Message` and is said as
it is.
"""

from __future__ import annotations

from typing import Any

from jinja2.exceptions import FilterArgumentError, TemplateRuntimeError, UndefinedError
from jinja2.sandbox import SecurityError

from ..i18n import Message, tr


def failure_message(error: BaseException) -> Message:
    """``error``, raised while a template ran, said by its class (never by its English words)."""
    said = error.args[0] if error.args else None
    if isinstance(said, Message):
        return said
    return _by_class(error)


def _by_class(error: BaseException) -> Message:
    if isinstance(error, SecurityError):
        return tr("a call the sandbox does not allow: a template reads the plan and formats it with filters; it "
                  "cannot call methods that change a value or reach Python's internals")
    if isinstance(error, UndefinedError):
        return tr("a value that is not there (the first item of an empty list, a macro's argument not given): "
                  "test it first, e.g. {{% if events %}}...{{% endif %}}, or give a default with `or`")
    if isinstance(error, FilterArgumentError):
        return tr("a filter is given arguments it does not take: see the filter in docs/templates.md or in "
                  "Jinja's list of filters")
    if isinstance(error, TemplateRuntimeError):
        return tr("Jinja cannot run this line (a block that is not there, a template extended twice, a filter "
                  "or test that does not exist): check the line against docs/templates.md")
    if isinstance(error, ZeroDivisionError):
        return tr("a division by zero: test the number you divide by first, e.g. {{% if count %}}...{{% endif %}}")
    if isinstance(error, RecursionError):
        return tr("the template calls itself without end: a macro that calls itself, or a template that includes "
                  "itself, needs a case where it stops")
    if isinstance(error, OverflowError):
        return tr("a number too large to compute: check the values this line works with")
    if isinstance(error, TypeError):
        return tr("a value of a kind this line cannot use (a number with a text, a text compared with a number, a "
                  "filter or macro given what it does not take): convert it first with |int, |float or |string, or "
                  "test it with 'is number' or 'is string'")
    if isinstance(error, (ValueError, ArithmeticError)):
        return tr("a value this line cannot use (a step of 0 in range(), a text that is no number): check the "
                  "values this line works with")
    if isinstance(error, LookupError):
        return tr("an item that is not there: test it first, e.g. {{% if events %}}...{{% endif %}}")
    if isinstance(error, AttributeError):
        return tr("a value without what this line asks of it (dictsort of what has no keys, a field a value does "
                  "not have): check what the line works with")
    return tr("the template stops here ({kind}): check the values this line works with",
              kind=type(error).__name__)


def operator_message(operator: str, left: Any, right: Any) -> Message:
    """A binary operator (``-``, ``+``, ``/``) that cannot join what it is given."""
    from ..formatting import kind_words

    return tr("'{operator}' cannot join {left} and {right}: convert one first, e.g. with |int, |float or "
              "|string, or test it with 'is number'", operator=operator, left=kind_words(left),
              right=kind_words(right))


def unsafe_message(obj: Any, attribute: str) -> Message:
    """An attribute the sandbox keeps out of a template's reach (``__class__``, ``append``)."""
    from ..formatting import kind_words

    return tr("'{name}' of {kind} is out of a template's reach: a template reads the plan's fields and formats "
              "them with filters; it cannot reach Python's internals or call methods that change a value",
              name=attribute, kind=kind_words(obj))


def undefined_message(name: Any) -> Message:
    """A value Jinja finds missing for a reason it words itself (an empty list's ``first``, a
    macro's argument not given, an inline ``if`` without ``else``): said by whether it has a name."""
    if name is not None:
        return tr("'{name}' has no value here (a macro's argument not given?): give it, or a default, e.g. "
                  "{{% macro row(item, note='') %}}", name=str(name))
    return _by_class(UndefinedError())
