"""Dates, times and numbers as the plan's language writes them: the one set of rules that
``planverk status`` tables and ``planverk render`` documents share.

Month and weekday names, date order, decimal marks, digit grouping, the words for millions
("35 mill.") and plural forms come from the Unicode CLDR through babel, for bokmål,
nynorsk and (British) English. The house rules are ours:

- Clock times in Norwegian take a full stop, ``kl. 08.30`` as Språkrådet recommends, where
  CLDR has ``08:30``.
- Ranges take a plain hyphen: ``20.-21. juni 2017``, ``kl. 08.30-10.30``; so does a minus.
- Numbers show the decimals they have, at most two: ``4,5``, ``8 700``, ``65,3 %``. A half
  is rounded away from zero, as Excel rounds, so figures match the spreadsheets they come
  from (babel on its own rounds a half to even).
- Amounts from a million up are written in millions or billions with at most two
  decimals, ``35 mill. kr``, ``18,25 mill. kr``; smaller ones in whole kroner, ``450 000 kr``.
- Spaces are plain. CLDR puts non-breaking spaces in ``8 700``, ``65 %`` and ``35 mill.``;
  they become ordinary spaces in the terminal, in Markdown and in documents alike. Terminal
  tables break lines at a non-breaking space all the same, and an invisible second kind of
  space in generated text defeats grep, diff and the reading of golden files.

The functions refuse None and say which filter got what; status tables show a dash for a
missing value themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from typing import Any


from .patterns import lazy
from .model.base import PlanText
from .model.times import TimeRange
from .model.workbook import PartialDate

LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
"""The babel locale for each plan language; English is British, as in Norwegian offices."""

DATE_STYLES = ("full", "long", "medium", "short")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2013": "-"})


@lru_cache(maxsize=4096)
def format_date(value: date, pattern: str, *, locale: str) -> str:
    """babel's ``format_date``, remembered: a document formats the same days over and over,
    and babel parses the locale and the pattern anew on every call."""
    from babel.dates import format_date as babel_format_date  # babel is imported when used

    return babel_format_date(value, pattern, locale=locale)


@lru_cache(maxsize=4096)
def format_skeleton(skeleton: str, value: date, *, locale: str) -> str:
    """babel's ``format_skeleton``, remembered (see :func:`format_date`)."""
    from babel.dates import format_skeleton as babel_format_skeleton

    return babel_format_skeleton(skeleton, value, locale=locale)


@lru_cache(maxsize=4096)
def format_time(value: time, pattern: str, *, locale: str) -> str:
    """babel's ``format_time``, remembered (see :func:`format_date`)."""
    from babel.dates import format_time as babel_format_time

    return babel_format_time(value, pattern, locale=locale)


def format_decimal(value: Any, pattern: str, *, locale: str) -> str:
    """babel's ``format_decimal``; a whole number from 0 to 999 without a pattern's decimals
    is its digits in every plan language, written without loading the locale's data (a
    validation's summary needs no more)."""
    if type(value) in (int, Decimal) and pattern in ("#,##0.##", "#,##0") and 0 <= value < 1000 and value == int(value):
        return str(int(value))
    from babel.numbers import format_decimal as babel_format_decimal

    return babel_format_decimal(value, pattern, locale=locale)


_MD_INLINE = lazy(r"[\\`*_\[\]<>|~$]|&(?=#?[0-9A-Za-z]+;)|(?:(?<=\s)|^)#+$")
"""Characters that make Markdown of plain text (CommonMark, GitHub's tables and math):
emphasis, code, links and images, HTML and autolinks, table cells, strikethrough, math
(``$...$``, ``$$...$$``), entities, and the '#'s that would close a heading."""

_BLOCK_START = lazy(r"^(\d{1,9})([.)])(?=\s|$)|^[-+#=]")
"""What turns the start of a line into a list, heading or rule ('15. mars', '- x', '# x')."""


def markdown_text(value: Any, *, line_start: bool = True) -> str:
    """Plan text as Markdown that shows exactly that text, on one line, anywhere inline.

    Any run of white space (line breaks included, so a line break and '# ' cannot start a
    heading) becomes one space; the characters ``\\ ` * _ [ ] < > | ~ $``, an ``&`` that
    would start an entity and the '#'s ending a text after a space (a heading's closing
    sequence) are escaped with a backslash (CommonMark 2.4), which also keeps a table cell
    whole and GitHub's and pandoc's math (``$x$``) off; a text that would start a list,
    heading or rule is escaped too, unless ``line_start`` is False (a table cell, where
    '- ' or '+10' is no list).
    """
    return _markdown(str(value), line_start)


@lru_cache(maxsize=1 << 16)
def _markdown(value: str, line_start: bool) -> str:
    """:func:`markdown_text`, remembered: a document prints the same venues and names often."""
    text = _MD_INLINE.sub(_backslashed, " ".join(value.split()))
    match = _BLOCK_START.match(text) if line_start else None
    if match is None:
        return text
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}{text[match.end(2):]}"
    return "\\" + text


def _backslashed(match: re.Match[str]) -> str:
    return "".join("\\" + c for c in match.group()) if match.group()[0] == "#" else "\\" + match.group()


def _plain(text: str) -> str:
    return text.translate(_SPACES)


def _locale(language: str) -> str:
    try:
        return LOCALES[language]
    except KeyError:
        raise ValueError(
            f"unknown language '{language}': use one of {', '.join(LOCALES)}"
        ) from None


def _norwegian(language: str) -> bool:
    return language in ("nb", "nn")


def kind_name(value: Any) -> str:
    """The type of ``value`` as a message names it: plan text is a ``str``."""
    return "str" if isinstance(value, str) else type(value).__name__


def kind_words(value: Any) -> Any:
    """What ``value`` is, as a message for a person names it (a :class:`~planverk.i18n.Message`):
    ``a number``, ``a text``, ``a list``, ``an empty value (None)``; a type's own name for
    any other kind."""
    from .i18n import tr

    if value is None:
        return tr("an empty value (None)")
    if isinstance(value, bool):
        return tr("true or false")
    if isinstance(value, (int, float, Decimal)):
        return tr("a number")
    if isinstance(value, str):
        return tr("a text")
    if isinstance(value, (list, tuple)):
        return tr("a list")
    if isinstance(value, dict):
        return tr("a table of keys and values")
    if isinstance(value, date):
        return tr("a date")
    if isinstance(value, (time, TimeRange)):
        return tr("a time")
    return tr("a {kind}", kind=kind_name(value))


def _need(value: Any, kind: type | tuple[type, ...], what: str, filter_name: str) -> None:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(_refused(value, what, filter_name))


def _refused(value: Any, what: str, filter_name: str) -> Any:
    """Why the filter ``filter_name`` refuses ``value``: it takes ``what`` (one of the kinds
    below), as a :class:`~planverk.i18n.Message` a template's error says in the reader's language."""
    from .i18n import tr

    takes = {
        "a date": tr("a date"), "a time": tr("a time"), "a number": tr("a number"),
        "an amount in kroner": tr("an amount in kroner"), "a percentage (0-100)": tr("a percentage (0-100)"),
        "text": tr("a text"),
    }[what]
    return tr("the '{filter}' filter takes {what}, not {kind}: {value}", filter=filter_name, what=takes,
              kind=kind_words(value), value=repr(value)[:80])


def fmt_date(value: date, style: str = "full", *, language: str = "nb") -> str:
    """``onsdag 8. februar 2017`` (full), ``8. februar 2017`` (long), ``8. feb. 2017``
    (medium), ``08.02.2017`` (short); ``month`` gives ``februar 2017``."""
    _need(value, date, "a date", "date")
    if style == "month":
        return _plain(format_skeleton("yMMMM", value, locale=_locale(language)))
    if style not in DATE_STYLES:
        from .i18n import Either, tr

        raise ValueError(tr("the 'date' filter has no style '{style}': write {styles}",
                            style=str(style), styles=Either((*DATE_STYLES, "month"))))
    return _plain(format_date(value, style, locale=_locale(language)))


def fmt_weekday(value: date, *, language: str = "nb") -> str:
    """``onsdag``, ``tysdag`` (nynorsk), ``Wednesday``: the weekday of a date, CLDR's name."""
    _need(value, date, "a date", "weekday")
    return format_date(value, "EEEE", locale=_locale(language))


def fmt_date_range(start: date, end: date, *, language: str = "nb") -> str:
    """``20.-21. juni 2017``, ``30. mai-2. juni 2017``; a single day when ``start == end``.

    The parts are CLDR's (day, day and month, long date); CLDR's own interval formats are
    not used because they abbreviate month names across months and in British English.
    """
    _need(start, date, "a date", "date_range")
    _need(end, date, "a date", "date_range")
    locale = _locale(language)
    last = fmt_date(end, "long", language=language)
    if start == end:
        return last
    if (start.year, start.month) == (end.year, end.month):
        first = format_skeleton("d", start, locale=locale)
    elif start.year == end.year:
        first = format_skeleton("MMMMd", start, locale=locale)
    else:
        first = fmt_date(start, "long", language=language)
    return _plain(f"{first}-{last}")


def _clock(value: time, language: str) -> str:
    pattern = "HH.mm" if _norwegian(language) else "HH:mm"
    return format_time(value, pattern, locale=_locale(language))


def fmt_time(value: TimeRange | time, *, language: str = "nb") -> str:
    """``kl. 08.30-10.30``, ``kl. 17.00`` (end unknown); ``08:30-10:30`` in English.

    An uncertain time is formatted like any other: show it as tentative in the template.
    """
    _need(value, (TimeRange, time), "a time", "time")
    if isinstance(value, time):
        value = TimeRange(value)
    text = _clock(value.start, language)
    if value.end is not None:
        text += "-" + _clock(value.end, language)
    return f"kl. {text}" if _norwegian(language) else text


@lru_cache(maxsize=4096)
def fmt_when(
    day: date,
    last_day: date | None = None,
    at: TimeRange | time | None = None,
    *,
    style: str = "full",
    language: str = "nb",
) -> str:
    """When something happens: ``onsdag 8. februar 2017, kl. 08.30-10.30``; over several days
    ``20.-21. juni 2017, kl. 08.00-16.00`` (the same hours each day); all day without ``at``.
    ``style`` is the date style of a single day (``06.09.2018, kl. 16.00`` in short)."""
    _need(day, date, "a date", "when")
    return _when(day, last_day, at, style, language)


@lru_cache(maxsize=4096)
def _when(day: date, last_day: date | None, at: TimeRange | time | None, style: str, language: str) -> str:
    """:func:`fmt_when`, remembered: a schedule has many meetings on one day at one hour."""
    if last_day is None or last_day == day:
        text = fmt_date(day, style, language=language)
    else:
        text = fmt_date_range(day, last_day, language=language)
    return text if at is None else f"{text}, {fmt_time(at, language=language)}"


def _rounded(value: float | Decimal, digits: int) -> Decimal:
    """``value`` to ``digits`` decimals, a half rounded away from zero as in Excel; never -0."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP) + 0


def _sign(text: str, shown: Decimal, signed: bool) -> str:
    return "+" + text if signed and shown > 0 else text


def fmt_number(
    value: float, digits: int | None = None, *, signed: bool = False, language: str = "nb",
    exact: bool = False,
) -> str:
    """``4,5``, ``8 700``: the decimals it has, at most two; ``digits`` fixes the number of
    decimals; ``signed`` puts ``+`` before a positive number; ``exact`` keeps every decimal
    (a number from the plan, shown as it was written: ``9,125``)."""
    _need(value, (int, float), "a number", "number")
    if exact:
        shown = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = format_decimal(shown, "#,##0." + "#" * 15, locale=_locale(language))
        return _sign(_plain(text), shown, signed)
    shown = _rounded(value, 2 if digits is None else digits)
    if digits is None:
        pattern = "#,##0.##"
    else:
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return _sign(_plain(format_decimal(shown, pattern, locale=_locale(language))), shown, signed)


_SCALES = ((10**12, "bill.", "tn"), (10**9, "mrd.", "bn"), (10**6, "mill.", "M"))
"""The units large amounts are written in: Norwegian words (as Språkrådet abbreviates them,
the same in bokmål and nynorsk) and the English finance letters. They are planverk's
promise, not CLDR's: CLDR's compact forms change between babel releases ("35M" became
"35m" in babel 2.19), so only the number itself is formatted by babel."""


def _in_unit(whole: Decimal) -> tuple[Decimal, str, str]:
    """An amount of a million or more as (number, Norwegian unit, English unit), rounded to
    two decimals of the unit it is shown in, so that 999 999 999 shows as 1 mrd., not
    1000 mill."""
    for scale, norwegian, english in _SCALES[:-1]:
        shown = _rounded(whole / scale, 2)
        if abs(shown) >= 1:
            return shown, norwegian, english
    scale, norwegian, english = _SCALES[-1]
    return _rounded(whole / scale, 2), norwegian, english


APPROXIMATELY = {"nb": "ca.", "nn": "ca.", "en": "approx."}
"""The word before an amount written as an estimate ('ca. 35 mill. kr')."""


def money_scale(values: Iterable[float | None]) -> int:
    """The unit a column of amounts is written in: the unit :func:`fmt_money` gives the
    largest of them (1 for whole kroner, 10**6 for millions, 10**9, 10**12), so that
    ``-800 000 kr`` beside ``2,9 mill. kr`` is written ``-0,8 mill. kr``. None is skipped."""
    amounts = [abs(_rounded(v, 0)) for v in values if v is not None]
    largest = max(amounts, default=Decimal(0))
    if largest < 1_000_000:
        return 1
    shown = _in_unit(largest)
    return next(scale for scale, nb_unit, _ in _SCALES if nb_unit == shown[1])


EXACT_DIGITS = 3
"""The most decimals of a unit a set of amounts is shown with (``2,125 mill. kr``): where
that would round one of them, they are shown in a smaller unit, down to whole kroner."""


def money_layout(values: Iterable[float | None]) -> tuple[int, int]:
    """The unit and decimals a set of amounts shown together (a table, a message) is
    written in, so that none of them is rounded and shown sums add up: the unit of
    :func:`money_scale`, or a smaller one (billions, millions, whole kroner) where that
    needs more than :data:`EXACT_DIGITS` decimals; two decimals, or as many as an amount
    needs (``0,004 mill. kr`` beside ``2,004 mill. kr``). Amounts count in whole kroner;
    None is skipped. Returns ``(scale, digits)`` for :func:`fmt_money`."""
    amounts = [abs(_rounded(v, 0)) for v in values if v is not None]
    scale = money_scale(float(a) for a in amounts)
    scales = [s for s, _, _ in _SCALES if s <= scale] + [1]
    for unit in scales:
        if unit == 1:
            return 1, 0
        needed = max((max(0, -(a / unit).normalize().as_tuple().exponent) for a in amounts if a), default=0)
        if needed <= EXACT_DIGITS:
            return unit, max(2, needed)
    return 1, 0


def fmt_money(
    value: float,
    *,
    signed: bool = False,
    language: str = "nb",
    approximate: bool = False,
    scale: int | None = None,
    digits: int | None = None,
) -> str:
    """Kroner: ``35 mill. kr``, ``18,25 mill. kr``, ``1,25 mrd. kr``, ``450 000 kr``;
    ``NOK 35M``, ``NOK 1.25bn``, ``NOK 450,000`` in English. From a million up in millions,
    billions or trillions with at most two decimals, below in whole kroner; a minus is a
    plain hyphen, ``signed`` puts ``+`` before a positive amount; ``approximate`` puts
    ``ca.`` (``approx.``) before an amount written as an estimate. ``scale`` (from
    :func:`money_scale`) writes the amount in that unit whatever its size, as a column of
    amounts is: ``-0,8 mill. kr`` (1: whole kroner, ``2 900 000 kr``); an amount of a
    krone or more that two decimals would round to 0 gets the decimals its first digit
    needs, never 0: ``0,004 mill. kr`` for 4 000 kr, ``0,00004 mill. kr`` for 37 kr; and
    nothing (under half a krone) is ``0 kr`` (``NOK 0``) whatever the scale.
    ``digits`` (with ``scale``, from :func:`money_layout`) shows that many decimals of the
    unit at most, instead of two."""
    _need(value, (int, float), "an amount in kroner", "money")
    locale = _locale(language)
    whole = _rounded(value, 0)
    norwegian = _norwegian(language)
    units = {s: (n, e) for s, n, e in _SCALES}
    if scale is not None and scale != 1 and scale not in units:
        from .i18n import Either, tr

        raise ValueError(tr("the 'money' filter has no scale {scale}: write {scales}",
                            scale=str(scale), scales=Either(tuple(map(str, sorted((1, *units)))))))
    if whole == 0:
        # nothing is '0 kr' ('NOK 0') in any column: '0 mill. kr' reads as a figure rounded away
        amount = "0"
    elif scale in units:
        exact = abs(whole) / scale
        digits = 2 if digits is None else digits
        if _rounded(exact, digits) == 0:
            # a real amount is never shown as 0: 4 000 kr in a column of millions is
            # 0,004 mill. kr (as many decimals as its first digit needs)
            digits = -exact.adjusted()
        shown = _rounded(exact, digits)
        nb_unit, en_unit = units[scale]
        number = format_decimal(shown, "#,##0." + "#" * digits, locale=locale)
        amount = f"{number} {nb_unit}" if norwegian else f"{number}{en_unit}"
    elif scale is None and abs(whole) >= 1_000_000:
        shown, nb_unit, en_unit = _in_unit(abs(whole))
        number = format_decimal(shown, "#,##0.##", locale=locale)
        amount = f"{number} {nb_unit}" if norwegian else f"{number}{en_unit}"
    else:
        amount = format_decimal(abs(whole), "#,##0", locale=locale)
    sign = "-" if whole < 0 else ("+" if signed and whole > 0 else "")
    text = f"{sign}{amount} kr" if norwegian else f"{sign}NOK {amount}"
    if approximate:
        text = f"{APPROXIMATELY['nb' if norwegian else 'en']} {text}"
    return _plain(text)


def fmt_percent(value: float, *, signed: bool = False, language: str = "nb") -> str:
    """A percentage given as 0-100, with the decimals it has (at most two): ``50 %``,
    ``12,5 %``; ``50%`` in English."""
    _need(value, (int, float), "a percentage (0-100)", "percent")
    shown = _rounded(value, 2)
    from babel.numbers import format_percent

    text = format_percent(shown / 100, locale=_locale(language), decimal_quantization=False)
    return _sign(_plain(text), shown, signed)


def fmt_partial_date(value: PartialDate | date, *, language: str = "nb") -> str:
    """A date known to the year (``2018``), month (``august 2018``) or day (``8. august 2018``)."""
    _need(value, (PartialDate, date), "a date", "partial_date")
    if isinstance(value, date):
        return fmt_date(value, "long", language=language)
    if value.day is not None:
        return fmt_date(value.first_day, "long", language=language)
    if value.month is not None:
        return fmt_date(value.first_day, "month", language=language)
    return str(value.year)


def plural_form(count: float, language: str = "nb") -> str:
    """CLDR's plural category of ``count`` in ``language``: ``one`` (``1 frist``) or ``other``
    (``0 frister``, ``2 frister``), the only two bokmål, nynorsk and English have."""
    if type(count) is int and language in LOCALES:
        # CLDR's rule in all three (nb, nn: n = 1; en: i = 1 and v = 0), without loading
        # the locale's data: a whole number is 'one' when it is 1 or -1.
        return "one" if abs(count) == 1 else "other"
    from babel import Locale

    return Locale.parse(_locale(language)).plural_form(count)


def place(location: str | None, room: str | None) -> str | None:
    """Venue and room in one text, as documents and calendar feeds show them; the room
    alone when it already names the venue ("Sal 2 i Kolben", not "Kolben, Sal 2 i Kolben").
    Plan text still (:class:`~planverk.model.base.PlanText`): a document escapes it."""
    if location and room:
        return room if location.casefold() in room.casefold() else PlanText(f"{location}, {room}")
    return room or location


def upper_first(text: str) -> str:
    """The text with its first letter in upper case and the rest untouched."""
    _need(text, str, "text", "upper_first")
    return text[:1].upper() + text[1:]


FILTERS: dict[str, Callable[..., str]] = {
    "date": fmt_date,
    "date_range": fmt_date_range,
    "time": fmt_time,
    "number": fmt_number,
    "money": fmt_money,
    "percent": fmt_percent,
    "partial_date": fmt_partial_date,
}
"""Formatting functions that take the document's language, by the filter name templates use."""


def filters(language: str) -> dict[str, Callable[..., str]]:
    """The formatting filters bound to ``language``, plus ``upper_first``."""
    _locale(language)
    bound: dict[str, Callable[..., str]] = {
        name: partial(function, language=language) for name, function in FILTERS.items()
    }
    bound["upper_first"] = upper_first
    return bound
