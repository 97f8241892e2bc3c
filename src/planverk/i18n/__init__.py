"""Messages for people in the plan's language: English templates, gettext catalogs for nb and nn.

A :class:`Message` is an English template with named ``{placeholders}`` and the values to
put in them. It is rendered late, in the language the reader wants: the template is looked
up in the GNU gettext catalog of that language (``locale/LANG/LC_MESSAGES/planverk.mo``,
compiled from the ``.po`` next to it by ``make messages``), and each value is written the
way :mod:`planverk.formatting` writes it for that language (dates, times, numbers), or
rendered itself when it is a message. English needs no catalog: the template is the text.

Mark texts with :func:`tr` and :func:`plural`; ``make messages`` extracts them with
babel (keywords ``tr`` and ``plural:1,2``) into ``planverk.pot`` and updates the catalogs.
Values that are plan text (ids, titles, names as written) are passed as ``str`` and kept
as they are; years and codes too, so that ``2025`` never becomes ``2 025``. A number from
the plan is passed as its :class:`~planverk.model.quantities.Quantity`, never ``str()`` of
it: the text as written, or a YAML number in the language's way (``25,5``, not ``25.5``).
"""

from __future__ import annotations

import gettext
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

from ..values import Value

LANGUAGES = ("nb", "nn", "en")


def language_index(language: str) -> int:
    """Where ``language`` stands in :data:`LANGUAGES`, and so in every ``(nb, nn, en)``
    table of words; bokmål's 0 for a code that is not one of them."""
    return LANGUAGES.index(language) if language in LANGUAGES else 0
"""Languages messages are written in; ``en`` is the templates' own."""

DEFAULT_LANGUAGE = "nb"
"""The language of what no one plan's language decides: a plan without ``plan.language``,
a command before its plan is known, a summary of plans in different languages."""

DOMAIN = "planverk"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


class Message(Value):
    """A text for a person: English ``template`` with named arguments, rendered per language.

    ``plural`` is the English plural template when the text depends on ``count`` (gettext's
    ``ngettext``: the catalog holds as many forms as the language has).
    """

    template: str
    args: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None
    count: int = 0

    def render(self, language: str = "en") -> str:
        """The text in ``language`` (``nb``, ``nn`` or ``en``; others fall back to English),
        control characters written as escapes (:func:`planverk.diagnostics.printable`)."""
        catalog = _catalog(language)
        if self.plural is None:
            text = catalog.gettext(self.template)
        else:
            text = catalog.ngettext(self.template, self.plural, self.count)
        from ..diagnostics import printable  # plan text in the arguments must not forge output

        return printable(text.format_map({name: show(value, language) for name, value in self.args}))

    def __str__(self) -> str:
        return self.render("en")

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Orders messages of one template by their values as values: dates by date,
        numbers by size, texts alphabetically (never '10 March' before '8 March')."""
        return (self.template, tuple(_value_key(value) for _, value in self.args))


def _value_key(value: Any) -> tuple[int, Any]:
    """A comparable key for one argument: a rank by kind, then the value in that kind's order."""
    if isinstance(value, Message):
        return (3, value.sort_key)
    if isinstance(value, (Items, Either)):
        return (4, tuple(_value_key(text) for text in value.texts))
    if isinstance(value, (Day, Month, Weekday)):
        value = value.value
    if isinstance(value, Money):
        return (1, value.value)
    if isinstance(value, bool) or isinstance(value, str):
        return (0, str(value))
    if isinstance(value, int | float):
        return (1, float(value))
    if isinstance(value, date | time):
        return (2, value.isoformat())
    from ..model.times import TimeRange

    if isinstance(value, TimeRange):
        return (6, (value.start.isoformat(), value.end.isoformat() if value.end else ""))
    return (5, str(value))


class Items(Value):
    """A list for a message: the first ``shown`` texts, and how many more there are."""

    texts: tuple[Any, ...]
    shown: int = 5


class Either(Value):
    """Alternatives for a message: ``person, group or role``."""

    texts: tuple[Any, ...]

    def render(self, language: str) -> str:
        """``A, B or C`` in ``language``."""
        return _either(self, language)


class Money(Value):
    """An amount in kroner for a message: ``35 mill. kr``, ``NOK 35M``; ``scale`` and
    ``digits`` (:func:`planverk.formatting.money_layout` of the message's amounts) write
    the amounts of one message alike, none rounded where they are compared; ``approximate``
    writes 'ca.' ('approx.') before an amount written, or adding up one written, as an
    estimate."""

    value: float
    scale: int | None = None
    digits: int | None = None
    approximate: bool = False


class Day(Value):
    """A date with its weekday for a message: ``onsdag 12. mars 2025``."""

    value: date


class Month(Value):
    """A month for a message: ``februar 2025``, ``February 2025``."""

    value: date


class Weekday(Value):
    """The weekday of a date for a message: ``onsdag``, ``tysdag``, ``Wednesday``."""

    value: date


class MessageError(ValueError):
    """A ValueError whose text is a :class:`Message`: model validators raise it, and the
    finding made of it speaks the plan's language (``str()`` is the English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def tr(template: str, /, **args: Any) -> Message:
    """A message with named arguments; ``{{`` and ``}}`` write a literal brace."""
    return Message(template, tuple(args.items()))


def plural(singular: str, plural_template: str, count: int, /, **args: Any) -> Message:
    """A message whose form depends on ``count`` (available to the templates as ``{count}``)."""
    return Message(singular, (("count", count), *args.items()), plural_template, count)


def show(value: Any, language: str) -> str:
    """One argument as ``language`` writes it."""
    from .. import formatting

    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, Items):
        return _items(value, language)
    if hasattr(value, "render"):  # Either, and texts that know their own languages
        return str(value.render(language))
    if isinstance(value, Money):
        return formatting.fmt_money(value.value, language=language, scale=value.scale, digits=value.digits,
                                    approximate=value.approximate)
    if isinstance(value, Day):
        return formatting.fmt_date(value.value, "full", language=language)
    if isinstance(value, Month):
        return formatting.fmt_date(value.value, "month", language=language)
    if isinstance(value, Weekday):
        return formatting.fmt_weekday(value.value, language=language)
    if isinstance(value, bool) or isinstance(value, str):
        return str(value)
    if isinstance(value, int | float):
        return formatting.fmt_number(value, language=language)
    if isinstance(value, datetime):
        when = formatting.fmt_date(value.date(), "long", language=language)
        return f"{when} {formatting.fmt_time(value.time(), language=language)}"
    if isinstance(value, date):
        return formatting.fmt_date(value, "long", language=language)
    if isinstance(value, time):
        return formatting.fmt_time(value, language=language)
    from ..model.quantities import Quantity
    from ..model.times import TimeRange

    if isinstance(value, TimeRange):
        return formatting.fmt_time(value, language=language)
    if isinstance(value, Quantity):
        return _quantity(value, language)
    return str(value)


def _quantity(value: Any, language: str) -> str:
    """A number from the plan: as written when it was text (``ca. 2,5 mill. kr``), else (a
    YAML number) the language's way: ``25,5``, ``12 mill. kr``, ``12,5 %``."""
    from .. import formatting

    if value.written is not None:
        return str(value.written)
    if value.unit == "nok":
        return formatting.fmt_money(value.value, language=language, approximate=value.approximate)
    if value.unit == "percent":
        return formatting.fmt_percent(value.value, language=language)
    return formatting.fmt_number(value.value, language=language, exact=True)


def _items(value: Items, language: str) -> str:
    texts = [show(text, language) for text in value.texts]
    more = len(texts) - value.shown
    shown = ", ".join(texts[: value.shown])
    if more <= 0:
        return shown
    return plural("{shown} and {count} more", "{shown} and {count} more", more, shown=shown).render(language)


def _either(value: Either, language: str) -> str:
    texts = [show(text, language) for text in value.texts]
    if len(texts) == 1:
        return texts[0]
    return tr("{some} or {last}", some=", ".join(texts[:-1]), last=texts[-1]).render(language)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language``; English (and anything unknown) is the template."""
    if language == "en" or language not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])
