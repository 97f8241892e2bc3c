"""Reporting rhythms: what is reported how often, by when after each period, and by whom.

Written the way a person reads it, like a repeat rule (Stratsys-style reporting):

.. code-block:: yaml

    reporting:
      every: tertial          # month, quarter, tertial, half-year, year (nb 'per tertial', 'halvårlig')
      due: 1 month            # after each period ends: '31 days', '2 weeks', '1 måned'; or '1. februar'
      owner: okonomisjef      # default: the item's own owner

Periods are calendar periods: months, quarters (January-March ...), tertials
(January-April, May-August, September-December), half-years and years. The periods
reported are those that end after ``from`` and by ``until`` (default: the plan's period).
"""


from calendar import monthrange
from datetime import date as Date
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import Field, field_validator

from ..patterns import lazy
from ..values import Value
from .base import Day, Id, Model, Ref, Refs, Silenceable, Text, new_list
from .periods import Unit, months_after
from ..i18n import MessageError, tr
from .words import MONTH, REPEAT_UNIT, REPORTING_RHYTHM, words

Rhythm = Literal["month", "quarter", "tertial", "half-year", "year"]
RHYTHM_UNITS: dict[str, Unit] = {"month": "month", "quarter": "quarter", "tertial": "tertial", "half-year": "half",
                                 "year": "year"}
"""The calendar period (:mod:`planverk.model.periods`) of each rhythm: its periods are those."""

_OFFSET = lazy(r"^\s*(\d{1,4})\s+(\S+)\s*$")
_DAY_MONTH = lazy(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?\s*$")


class Due(Value):
    """When a period's report is due: ``count`` days, weeks or months after the period's
    last day, or the first ``day``. ``month`` after it (a fixed day of the year)."""

    count: int = 0
    unit: str = "day"
    day: int | None = None
    month: int | None = None

    def after(self, end: Date) -> Date:
        """The due date of a period that ends on ``end``.

        Months keep the end of a month: a period ending on 30 April is due one month after
        on 31 May. A fixed day is the first such day after ``end``.
        """
        if self.day is not None and self.month is not None:
            year = end.year if (self.month, self.day) > (end.month, end.day) else end.year + 1
            return Date(year, self.month, self.day)
        if self.unit == "day":
            return end + timedelta(days=self.count)
        if self.unit == "week":
            return end + timedelta(weeks=self.count)
        return months_after(end, self.count * (12 if self.unit == "year" else 1))


def parse_due(text: str) -> Due | None:
    """The :class:`Due` of ``'1 month'``, ``'31 dager'``, ``'2 veker'``, ``'1. februar'`` or
    ``'1 February'``; None when it is none of these."""
    offset = _OFFSET.match(text)
    unit = REPEAT_UNIT.value_of(offset.group(2)) if offset else None
    if offset and unit is not None:
        return Due(int(offset.group(1)), unit)
    fixed = _DAY_MONTH.match(text)
    if fixed:
        month = MONTH.value_of(fixed.group(2))
        if month is None:
            return None
        number = list(MONTH.values).index(month) + 1
        day = int(fixed.group(1))
        if not 1 <= day <= monthrange(2001, number)[1]:  # 2001: not a leap year, so no 29 February
            return None
        return Due(day=day, month=number)
    return None


class Reporting(Model):
    """How often something is reported, by when after each period, and by whom."""

    every: Annotated[Rhythm, words(REPORTING_RHYTHM, Rhythm)] = Field(
        description="'month', 'quarter', 'tertial', 'half-year' or 'year' "
        "('måned', 'kvartal', 'tertial', 'halvår', 'år'; 'per tertial', 'halvårlig', 'årleg').",
    )
    due: Text | None = Field(
        default=None,
        description="When each period's report is due: days, weeks or months after the period "
        "ends ('1 month', '31 days', '2 weeks'; '1 måned', '31 dager', '2 veker'), or a day of "
        "the year ('1. februar', '1 February': the first such day after the period). "
        "Default: the period's last day.",
        examples=["1 month", "31 dager", "1. februar"],
    )
    owner: Ref | None = Field(
        default=None, description="Who reports: a person, role or group; default the item's owner."
    )
    from_: Day | None = Field(
        default=None,
        alias="from",
        description="Report the periods that end after this day; default the plan's start.",
    )
    until: Day | None = Field(
        default=None,
        description="Report the periods that end on or before this day; default the plan's end.",
    )
    delivered: list[Day] = Field(
        default_factory=new_list,
        description="Days reports were delivered: each counts for the last period that ended "
        "on or before it (when not reported yet), else for the period running that day. A "
        "KPI's period is reported, too, by a measurement dated in it.",
    )

    @field_validator("due")
    @classmethod
    def _check_due(cls, value: str | None) -> str | None:
        if value is not None and parse_due(value) is None:
            raise MessageError(tr(
                "'{value}' is not a due time: write how long after the period it is due, e.g. "
                "'1 month', '31 days' ('1 måned', '31 dager'; nynorsk '1 månad', '31 dagar'), "
                "or a day such as '1. februar'", value=value
            ))
        return value

    @property
    def due_rule(self) -> Due:
        """The parsed ``due`` (the period's last day when none is given)."""
        found = parse_due(self.due) if self.due is not None else None
        return found or Due()


class Report(Silenceable):
    """A report the plan promises at a rhythm: a tertial report, an annual report, a status
    report to the steering group; and what it reports on."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="The report's name, e.g. 'Tertialrapport'.")
    description: Text | None = Field(default=None, description="What it holds, and for whom.")
    owner: Ref | None = Field(
        default=None, description="Person, role or group that writes it."
    )
    reporting: Reporting = Field(description="How often it is due, and by when after each period.")
    covers: Refs = Field(
        default_factory=new_list,
        description="The goals, KPIs, measures and benefits it reports on.",
    )
