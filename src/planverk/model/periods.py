"""Time as people plan it: ISO weeks, months, quarters, tertials, half-years, parts of a month.

A plan may date an item by a period instead of a day, the way municipal documents do:
``uke 15``, ``2017-W15``, ``juni``, ``2024-06``, ``Q3 2012``, ``2. tertial 2024``,
``1. halvår``, ``ultimo september``, ``første halvdel av november``, and a span of two
such periods, ``ultimo september / primo oktober``. This module reads those texts in
bokmål, nynorsk and English and does their arithmetic; it knows nothing of plans.

The periods, each a run of whole days with both ends included:

- **week**: an ISO 8601 week, Monday to Sunday (``2017-W15`` is 10-16 April 2017). A
  year has week 53 only when its 28 December falls in week 53; ``2017-W53`` is an error.
- **month**, **quarter** (Q1 January-March ...), **tertial** (T1 January-April, T2
  May-August, T3 September-December: the municipal reporting periods), **half** (H1
  January-June, H2 July-December), **year**.
- **part of a month**: ``primo`` (early) days 1-10, ``medio`` (mid) days 11-20,
  ``ultimo`` (late) day 21 to the month's end; ``første halvdel`` (first half) days 1-15,
  ``andre``/``siste halvdel`` (second half) day 16 to the end.

A period written without a year (``uke 15``, ``juni``) is a :class:`PeriodText` whose
:attr:`~PeriodText.year` is None; :meth:`PeriodText.in_year` places it. An item is *due*
at the end of its period (:attr:`DatedPeriod.end`).
"""


import calendar
import re
from datetime import date, timedelta
from typing import Literal

from ..patterns import lazy
from ..values import Value, replace
from ..i18n import MessageError, tr

Unit = Literal["week", "month", "quarter", "tertial", "half", "year"]
Part = Literal["early", "mid", "late", "first-half", "second-half"]

UNITS: tuple[Unit, ...] = ("week", "month", "quarter", "tertial", "half", "year")
COUNTS: dict[str, int] = {"month": 12, "quarter": 4, "tertial": 3, "half": 2, "year": 1}
"""How many of each unit (but weeks) a year has."""
_MONTHS_PER: dict[str, int] = {"month": 1, "quarter": 3, "tertial": 4, "half": 6, "year": 12}

PART_DAYS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
    "first-half": (1, 15),
    "second-half": (16, None),
}
"""First and last day of each part of a month; None is the month's last day."""

MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
"""Month names as documents write them, January first."""

_MONTH_WORDS: dict[str, int] = {}
for _names in MONTH_NAMES.values():
    for _n, _name in enumerate(_names, start=1):
        _MONTH_WORDS[_name.lower()] = _n
        _MONTH_WORDS[_name.lower()[:3]] = _n
_MONTH_WORDS.update({"sept": 9, "okt": 10, "des": 12, "mai": 5})

_ORDINAL_WORDS = {
    "første": 1, "fyrste": 1, "first": 1, "1st": 1,
    "andre": 2, "second": 2, "2nd": 2,
    "tredje": 3, "third": 3, "3rd": 3,
    "fjerde": 4, "fourth": 4, "4th": 4,
    "siste": -1, "last": -1,
}
"""Ordinals before a quarter, tertial or half-year; -1 is the year's last (``siste halvår``)."""
_PART_WORDS = {
    "primo": "early", "early": "early", "begynnelsen av": "early", "starten av": "early",
    "medio": "mid", "mid": "mid", "midten av": "mid",
    "ultimo": "late", "late": "late", "slutten av": "late", "end of": "late",
    "første halvdel av": "first-half", "første halvdel": "first-half",
    "fyrste halvdel av": "first-half", "fyrste halvdel": "first-half",
    "fyrste halvdelen av": "first-half", "første halvdelen av": "first-half",
    "first half of": "first-half",
    "andre halvdel av": "second-half", "andre halvdel": "second-half",
    "siste halvdel av": "second-half", "siste halvdel": "second-half",
    "andre halvdelen av": "second-half", "siste halvdelen av": "second-half",
    "second half of": "second-half",
}
_UNIT_WORDS = {
    "uke": "week", "veke": "week", "week": "week", "wk": "week", "u": "week", "v": "week",
    "kvartal": "quarter", "quarter": "quarter", "q": "quarter", "k": "quarter",
    "tertial": "tertial", "t": "tertial",
    "halvår": "half", "halvåret": "half", "half-year": "half", "half year": "half", "h": "half",
}

_YEAR = r"(?:[\s,/]+(?P<year>\d{4}))?"
_ISO_WEEK = re.compile(r"^(?P<year>\d{4})-?w(?P<n>\d{1,2})$")
_ISO_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<n>\d{2})$")
_CODED = re.compile(r"^(?P<unit>[qkth])(?P<n>\d)" + _YEAR + r"$")
_YEAR_CODED = re.compile(r"^(?P<year>\d{4})[\s-]?(?P<unit>[qkth])(?P<n>\d)$")
_UNIT_NUMBER = lazy(r"^(?P<unit>uke|veke|week|wk|u|v|kvartal|quarter|tertial)\.?\s*(?P<n>\d{1,2})" + _YEAR + r"$")
_NUMBER_UNIT = lazy(
    r"^(?P<n>\d\.|første|fyrste|first|1st|andre|second|2nd|tredje|third|3rd|fjerde|fourth|4th|siste|last)\s+"
    r"(?P<unit>kvartal|quarter|tertial|halvår|halvåret|half-year|half year)" + _YEAR + r"$"
)
_MONTH = lazy(r"^(?P<month>[a-zæøå]+)\.?" + _YEAR + r"$")
_YEAR_ONLY = re.compile(r"^(?P<year>\d{4})$")
_RANGE = lazy(r"\s+(?:/|–|—|-|til|to)\s+")
_TIGHT_RANGE = re.compile(r"(?<=[a-zæøå0-9.])[/–—-](?=[a-zæøå])|(?<=\S)/(?=\S)", re.IGNORECASE)
"""A span written without spaces: ``mai-juni``, ``mai/juni``, ``ultimo mai–primo juni``."""
_WEEK_SPAN = re.compile(
    r"^(?P<unit>uke|veke|week|wk|u|v|kvartal|quarter|tertial)\.?\s*(?P<n>\d{1,2})\s*[-–—]\s*(?P<m>\d{1,2})"
    + _YEAR + r"$"
)
"""Two numbers of one unit: ``uke 15-16``, ``veke 15–16 2025``."""


class DatedPeriod(Value, order=True):
    """A period placed in a year: a run of whole days, ``start`` to ``end`` both included."""

    start: date
    end: date

    @property
    def end_exclusive(self) -> date:
        """The day after the period, as RFC 5545 ends an all-day span (DTEND)."""
        return self.end + timedelta(days=1)

    @property
    def days(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end

    def overlaps(self, start: date, end: date) -> bool:
        """Whether the period shares a day with ``start``-``end`` (both included)."""
        return self.start <= end and start <= self.end


class CalendarPeriod(Value):
    """One week, month, quarter, tertial, half-year or year, or a part of a month.

    ``number`` is the week (1-53), month (1-12), quarter (1-4), tertial (1-3) or half
    (1-2), 1 for a year; ``part`` narrows a month. ``year`` is None until placed.
    """

    unit: Unit
    number: int
    year: int | None = None
    part: Part | None = None

    def in_year(self, year: int) -> "CalendarPeriod":
        """This period in ``year``. Raises :class:`~planverk.i18n.MessageError` for week 53 of
        a year that has 52 weeks."""
        if self.unit == "week" and self.number > weeks_in_year(year):
            raise MessageError(tr(
                "{year} has no week 53 (its last ISO week is 52): check the week or the year",
                year=str(year),
            ))
        return replace(self, year=year)

    def dated(self) -> DatedPeriod:
        """Its first and last day. Raises ValueError when the period has no year yet."""
        if self.year is None:
            raise ValueError("a period without a year has no days; place it with in_year()")
        if self.unit == "week":
            monday = date.fromisocalendar(self.year, self.number, 1)
            return DatedPeriod(monday, monday + timedelta(days=6))
        first_month = (self.number - 1) * _MONTHS_PER[self.unit] + 1
        last_month = first_month + _MONTHS_PER[self.unit] - 1
        start = date(self.year, first_month, 1)
        end = date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])
        if self.part is not None:
            first, last = PART_DAYS[self.part]
            start = start.replace(day=first)
            end = end if last is None else end.replace(day=last)
        return DatedPeriod(start, end)

    def next(self) -> "CalendarPeriod":
        """The period of the same kind after this one (the next week, month, tertial ...)."""
        if self.year is None:
            raise ValueError("a period without a year has no successor")
        last = weeks_in_year(self.year) if self.unit == "week" else COUNTS[self.unit]
        if self.number < last:
            return replace(self, number=self.number + 1)
        return replace(self, number=1, year=self.year + 1)

    def label(self, language: str = "nb", *, with_year: bool = True) -> str:
        """``uke 15 2017``, ``juni 2024``, ``3. kvartal 2012``, ``2. tertial 2024``,
        ``1. halvår 2024``, ``ultimo september`` (nynorsk ``veke 15``; English ``week 15
        2017``, ``Q3 2012``, ``T2 2024``, ``H1 2024``, ``late September``)."""
        year = f" {self.year}" if with_year and self.year is not None else ""
        language = language if language in ("nb", "nn", "en") else "nb"  # bokmål for an unknown code
        english = language == "en"
        if self.unit == "week":
            word = {"nb": "uke", "nn": "veke"}.get(language, "week")
            return f"{word} {self.number}{year}"
        if self.unit == "month":
            month = MONTH_NAMES.get(language, MONTH_NAMES["en"])[self.number - 1]
            if self.part is None:
                return f"{month}{year}"
            return _PART_LABELS[self.part][language if language in _PART_LABELS[self.part] else "en"].format(
                month=month
            ) + year
        if self.unit == "year":
            return str(self.year) if self.year is not None else ""
        if english:
            return f"{self.unit[0].upper() if self.unit != 'tertial' else 'T'}{self.number}{year}"
        word = {"quarter": "kvartal", "tertial": "tertial", "half": "halvår"}[self.unit]
        return f"{self.number}. {word}{year}"


_PART_LABELS: dict[str, dict[str, str]] = {
    "early": {"nb": "primo {month}", "nn": "primo {month}", "en": "early {month}"},
    "mid": {"nb": "medio {month}", "nn": "medio {month}", "en": "mid {month}"},
    "late": {"nb": "ultimo {month}", "nn": "ultimo {month}", "en": "late {month}"},
    "first-half": {"nb": "første halvdel av {month}", "nn": "fyrste halvdel av {month}",
                   "en": "first half of {month}"},
    "second-half": {"nb": "andre halvdel av {month}", "nn": "andre halvdel av {month}",
                    "en": "second half of {month}"},
}


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO weeks of ``year`` (it has 53 when 28 December is in week 53)."""
    return date(year, 12, 28).isocalendar()[1]


class PeriodText(Value):
    """A period as a plan wrote it: one period, or a span ``first`` to ``last``.

    ``text`` is the writing, kept for documents (``uke 15``, ``ultimo september /
    primo oktober``); ``worded`` is False for ISO and number forms (``2017-W15``,
    ``2024-06``, ``week: 15``), which documents write in words instead (:meth:`label`).
    """

    text: str
    first: CalendarPeriod
    last: CalendarPeriod | None = None
    worded: bool = True
    with_year: bool = True
    """Whether the writing names the year (``juni 2024``, not ``juni``)."""

    @property
    def year(self) -> int | None:
        """The year it was written with, or None."""
        return self.first.year

    @property
    def unit(self) -> Unit:
        """The unit of its (first) period."""
        return self.first.unit

    def in_year(self, year: int) -> "PeriodText":
        """This period with ``year`` as the year of its start; a span that would end before it
        starts (``desember / januar``) ends in the next year."""
        first = self.first.in_year(year)
        last = None
        if self.last is not None and self.first.year is not None and self.last.year is not None:
            last = self.last.in_year(self.last.year + year - self.first.year)  # moved as a whole
        elif self.last is not None:
            last = self.last.in_year(self.last.year if self.last.year is not None else year)
            if self.last.year is None and last.dated().end < first.dated().start:
                last = self.last.in_year(year + 1)
        return replace(self, first=first, last=last)

    def dated(self) -> DatedPeriod:
        """First and last day (ValueError without a year: see :meth:`in_year`)."""
        first = self.first.dated()
        if self.last is None:
            return first
        return DatedPeriod(first.start, max(first.end, self.last.dated().end))

    def written_in_year(self) -> str:
        """The text as written with each end's year after it, for a placed period:
        ``desember / januar`` in 2024 is ``desember 2024 / januar 2025``. ValueError
        without a year (see :meth:`in_year`)."""
        if self.first.year is None:
            raise ValueError("a period without a year has no year to write; place it with in_year()")
        if self.last is None:
            return f"{self.text} {self.first.year}"
        split = _RANGE.search(self.text) or _TIGHT_RANGE.search(self.text)
        if split is None:  # a week span written 'uke 15-16'
            return f"{self.text} {self.first.year}"
        return (f"{self.text[:split.start()]} {self.first.year}"
                f"{self.text[split.start():]} {self.last.year}")

    def label(self, language: str = "nb") -> str:
        """The text as written, or for an ISO or number form the period in words."""
        if self.worded:
            return self.text
        with_year = self.with_year
        text = self.first.label(language, with_year=with_year)
        if self.last is not None:
            text += " – " + self.last.label(language, with_year=with_year)
        return text

    def __str__(self) -> str:
        return self.text


def _hint() -> MessageError:
    return MessageError(tr(
        "write a period as e.g. 'uke 15', '2017-W15', 'juni', '2024-06', 'Q3 2012', "
        "'2. tertial', '1. halvår', 'ultimo september' or 'første halvdel av november'"
    ))


def _numbered(unit: str, number: int, year: str | None) -> CalendarPeriod:
    limit = 53 if unit == "week" else COUNTS[unit]
    if not 1 <= number <= limit:
        names = {"week": tr("week"), "quarter": tr("quarter"), "tertial": tr("tertial"), "half": tr("half-year")}
        raise MessageError(tr("there is no {unit} {number}: write 1 to {limit}", unit=names[unit],
                              number=str(number), limit=str(limit)))
    period = CalendarPeriod(unit, number)  # type: ignore[arg-type]
    return period.in_year(int(year)) if year else period


def _one(text: str) -> tuple[CalendarPeriod, bool]:
    """One period (no span) and whether it was written in words."""
    for pattern in (_ISO_WEEK, _ISO_MONTH):
        match = pattern.match(text)
        if match:
            unit = "week" if pattern is _ISO_WEEK else "month"
            if unit == "month" and not 1 <= int(match["n"]) <= 12:
                raise MessageError(tr("there is no month {number}: write 01 to 12", number=match["n"]))
            return _numbered(unit, int(match["n"]), match["year"]) if unit == "week" else CalendarPeriod(
                "month", int(match["n"]), int(match["year"])
            ), False
    for pattern in (_CODED, _YEAR_CODED):
        match = pattern.match(text)
        if match:
            unit = {"q": "quarter", "k": "quarter", "t": "tertial", "h": "half"}[match["unit"]]
            return _numbered(unit, int(match["n"]), match["year"]), pattern is _CODED
    match = _UNIT_NUMBER.match(text)
    if match:
        return _numbered(_UNIT_WORDS[match["unit"]], int(match["n"]), match["year"]), True
    match = _NUMBER_UNIT.match(text)
    if match:
        ordinal = match["n"]
        unit = _UNIT_WORDS[match["unit"]]
        number = int(ordinal[:-1]) if ordinal.endswith(".") else _ORDINAL_WORDS[ordinal]
        if number == -1:
            number = COUNTS[unit]
        return _numbered(unit, number, match["year"]), True
    match = _YEAR_ONLY.match(text)
    if match:
        return CalendarPeriod("year", 1, int(match["year"])), False
    part = None
    rest = text
    for words in sorted(_PART_WORDS, key=len, reverse=True):
        if rest.startswith(words + " ") or rest.startswith(words + "-"):
            part, rest = _PART_WORDS[words], rest[len(words) + 1:].strip()
            break
    match = _MONTH.match(rest)
    if match and match["month"] in _MONTH_WORDS:
        month = CalendarPeriod("month", _MONTH_WORDS[match["month"]], None, part)  # type: ignore[arg-type]
        return (month.in_year(int(match["year"])) if match["year"] else month), True
    raise _hint()


def parse_period(value: object) -> PeriodText:
    """Read a period as a plan writes it (see the module's documentation).

    ``value`` is text, or a whole number for a week of the plan's year (``week: 15``).
    Raises :class:`~planverk.i18n.MessageError` with what to write instead.
    """
    if isinstance(value, PeriodText):
        return value
    if isinstance(value, date):
        month = "%d-%02d" % (value.year, value.month)
        raise MessageError(tr(
            "{day} is a day: write it in 'date', or write the period it stands for, e.g. '{month}'",
            day=value.isoformat(), month=month,
        ))
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 2:
        value = int(value)  # week: "15"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1000:
        value = str(value)  # period: 2025, unquoted: the year, as '2025' is
    if isinstance(value, int) and not isinstance(value, bool):
        return PeriodText(str(value), _numbered("week", value, None), worded=False, with_year=False)
    if not isinstance(value, str):
        raise _hint()
    written = " ".join(value.split())
    text = written.lower()
    if not text:
        raise _hint()
    week_span = _WEEK_SPAN.match(text)
    if week_span:  # uke 15-16, uke 15 - 16
        year = f" {week_span['year']}" if week_span["year"] else ""
        unit = week_span["unit"]
        parts = [f"{unit} {week_span['n']}", f"{unit} {week_span['m']}{year}"]
    else:
        parts = _RANGE.split(text)
    if len(parts) > 2:
        raise _hint()
    if len(parts) == 1:
        parts = _tight_parts(text)
    first, worded = _one(parts[0])
    if len(parts) == 1:
        return PeriodText(written, first, worded=worded, with_year=first.year is not None)
    last, worded_last = _one(parts[1])
    with_year = first.year is not None or last.year is not None
    if first.year is None and last.year is not None:
        first = first.in_year(last.year)
        if first.dated().start > last.dated().end:
            first = first.in_year(last.year - 1)
    result = PeriodText(written, first, last, worded=worded or worded_last, with_year=with_year)
    if first.year is not None:
        result = result.in_year(first.year)
        if result.last is not None and result.last.dated().end < first.dated().start:
            raise MessageError(tr("'{value}' ends before it starts: write the earlier period first",
                                  value=written))
    return result


def months_after(day: date, count: int) -> date:
    """``day`` moved on by ``count`` months. A month's last day stays the last day (30 April
    and one month is 31 May); another day stays that day, or the month's last when the
    month is shorter (31 January and one month is 28 February)."""
    total = day.year * 12 + day.month - 1 + count
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month + 1, last if at_month_end else min(day.day, last))


def _tight_parts(text: str) -> list[str]:
    """``text`` as one period, or as the two ends of a span written without spaces
    (``mai-juni``, ``q1-q2``) when it reads as no single period."""
    try:
        _one(text)
        return [text]
    except MessageError as error:
        split = _TIGHT_RANGE.split(text)
        if len(split) != 2:
            raise
        try:
            _one(split[0]), _one(split[1])
        except MessageError:
            raise error from None
        return split


def period_of(day: date, unit: Unit) -> CalendarPeriod:
    """The week, month, quarter, tertial, half-year or year ``day`` falls in."""
    if unit == "week":
        year, week, _ = day.isocalendar()
        return CalendarPeriod("week", week, year)
    return CalendarPeriod(unit, (day.month - 1) // _MONTHS_PER[unit] + 1, day.year)


def periods_between(start: date, end: date, unit: Unit) -> list[CalendarPeriod]:
    """Every period of ``unit`` that shares a day with ``start``-``end``, in order."""
    result = []
    period = period_of(start, unit)
    while period.dated().start <= end:
        result.append(period)
        period = period.next()
    return result


def place(period: PeriodText, start: date, end: date) -> list[PeriodText]:
    """``period`` placed in each year where it shares a day with ``start``-``end``.

    A period written with its year is returned as it is when it overlaps (else no place).
    Week 53 is skipped in years without it.
    """
    if period.year is not None:
        return [period] if period.dated().overlaps(start, end) else []
    found = []
    for year in range(start.year - 1, end.year + 1):
        try:
            placed = period.in_year(year)
        except MessageError:
            continue
        if placed.dated().overlaps(start, end):
            found.append(placed)
    return found


def holding(period: CalendarPeriod, day: date) -> CalendarPeriod:
    """The period of the same kind as ``period`` that holds ``day``: its week, month,
    quarter, tertial, half-year or year, with the same part of a month (``ultimo``).
    For a part, ``day`` may lie outside it (``primo`` holds days 1-10): check with
    :meth:`CalendarPeriod.dated`."""
    return replace(period_of(day, period.unit), part=period.part)


_ISO_WEEK_WRITTEN = lazy(r"^(?P<year>\d{4})(?P<dash>-?)(?P<w>[wW])(?P<n>\d{1,2})$")


def rewritten(period: PeriodText, new: CalendarPeriod) -> str | None:
    """``new`` written the way ``period`` (one period, not a span) is written: ``uke 15``
    gives ``uke 17``, ``2017-W15`` ``2017-W17``, ``Q3 2012`` ``Q4 2012``, ``Juni`` ``Juli``.

    A writing without a year stays without one when ``new`` is in the same year; else the
    year is added. None when planverk cannot write ``new`` in that form (``tredje kvartal``)."""
    old, text = period.first, period.text
    if period.last is not None or old.year is None or new.year is None:
        return None
    with_year = period.with_year or new.year != old.year
    if not period.worded:
        iso = _ISO_WEEK_WRITTEN.match(text)
        if new.unit == "week" and iso:
            return f"{new.year}{iso['dash']}{iso['w']}{new.number:02d}"
        if new.unit == "week" and text.isdigit():
            return str(new.number) if not with_year else f"{new.year}-W{new.number:02d}"
        if new.unit == "month" and _ISO_MONTH.match(text):
            return f"{new.year}-{new.number:02d}"
    for language in ("nb", "nn", "en"):
        if old.label(language, with_year=period.with_year).casefold() != text.casefold():
            continue
        written = new.label(language, with_year=with_year)
        if text[:1].isupper():
            written = written[:1].upper() + written[1:]
        elif text[:1].islower():
            written = written[:1].lower() + written[1:]
        return written
    return None
