"""Reporting periods and rhythms in words, in bokmål, nynorsk and English.

``period_name(period, 'nb')`` gives ``1. tertial 2024``, ``mars 2024``, ``2. halvår 2024``
or ``2024``; ``short=True`` the name within its year (``T1``, ``mar``, ``H2``) for tables
with a column per year. ``rhythm_words(reporting, 'nn')`` reads a rhythm back as a
person writes it: ``kvart tertial, frist 1 månad etter``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .. import formatting
from ..model.reporting import Reporting
from .schedule import Period

_SHORT_MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "nn": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_LETTERS = {
    "nb": {"quarter": "K", "tertial": "T", "half-year": "H"},
    "nn": {"quarter": "K", "tertial": "T", "half-year": "H"},
    "en": {"quarter": "Q", "tertial": "T", "half-year": "H"},
}
_LONG = {
    "nb": {"quarter": "{n}. kvartal {year}", "tertial": "{n}. tertial {year}", "half-year": "{n}. halvår {year}"},
    "nn": {"quarter": "{n}. kvartal {year}", "tertial": "{n}. tertial {year}", "half-year": "{n}. halvår {year}"},
    "en": {"quarter": "Q{n} {year}", "tertial": "T{n} {year}", "half-year": "H{n} {year}"},
}
_RHYTHM = {
    "nb": {"month": "månedlig", "quarter": "kvartalsvis", "tertial": "per tertial", "half-year": "halvårlig", "year": "årlig"},
    "nn": {"month": "månadleg", "quarter": "kvartalsvis", "tertial": "kvart tertial", "half-year": "halvårleg", "year": "årleg"},
    "en": {"month": "monthly", "quarter": "quarterly", "tertial": "per tertial", "half-year": "half-yearly", "year": "yearly"},
}
_UNITS = {
    "nb": {"day": ("dag", "dager"), "week": ("uke", "uker"), "month": ("måned", "måneder"), "year": ("år", "år")},
    "nn": {"day": ("dag", "dagar"), "week": ("veke", "veker"), "month": ("månad", "månader"), "year": ("år", "år")},
    "en": {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"), "year": ("year", "years")},
}
_DUE = {
    "nb": ("frist {offset} etter", "frist {day}", "frist ved periodens slutt"),
    "nn": ("frist {offset} etter", "frist {day}", "frist ved slutten av perioden"),
    "en": ("due {offset} after", "due {day}", "due at the end of the period"),
}


def period_name(period: Period, language: str, short: bool = False) -> str:
    """The period as a reader writes it (see the module docstring)."""
    if period.rhythm == "year":
        return str(period.year)
    if period.rhythm == "month":
        if short:
            return _SHORT_MONTHS[language][period.start.month - 1]
        return formatting.fmt_date(period.start, "month", language=language)
    if short:
        return f"{_LETTERS[language][period.rhythm]}{period.number}"
    return _LONG[language][period.rhythm].format(n=period.number, year=period.year)


def rhythm_words(reporting: Reporting, language: str) -> str:
    """``per tertial, frist 1 måned etter``, ``årleg, frist 1. februar``, ``monthly, due
    at the end of the period``."""
    rule = reporting.due_rule
    after, fixed, at_end = _DUE[language]
    if rule.day is not None and rule.month is not None:
        # a year that is not a leap year, written without it: '1. februar'
        day = formatting.fmt_date(date(2001, rule.month, rule.day), "long", language=language)
        due = fixed.format(day=day.rsplit(" ", 1)[0])
    elif rule.count == 0:
        due = at_end
    else:
        one, many = _UNITS[language][rule.unit]
        due = after.format(offset=f"{rule.count} {one if rule.count == 1 else many}")
    return f"{_RHYTHM[language][reporting.every]}, {due}"


@dataclass(frozen=True, slots=True)
class PeriodName:
    """A period for a finding's message, named in the reader's language."""

    period: Period

    def render(self, language: str) -> str:
        """The period's name in ``language``."""
        return period_name(self.period, language)
