"""Recurrence written the way a person reads it: ``every: 2 weeks``, ``on: 4th wednesday``."""


from datetime import date as Date
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field, StrictInt, field_validator, model_validator

from ..patterns import lazy
from ..values import Value
from .base import Day, Model, Text, new_list, share_fields_set
from .times import TimeSpec
from ..i18n import MessageError, tr
from .words import EVENT_STATUS, ORDINAL, REPEAT_UNIT, WEEKDAY, WEEKDAYS, weekday_index, words

NORWEGIAN_WEEKDAYS = tuple(WEEKDAY.words(day, "nb")[0] for day in WEEKDAYS)
"""Bokmål weekday names, Monday first, for messages and scaffolds."""
_UNITS = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
_EVERY = lazy(r"^\s*(?:(\d+)\s+)?(\S+)\s*$")
_NTH = lazy(r"^\s*(\S+)\s+(\S+)\s*$")
_NUMBERED = lazy(r"^(\d)(?:st|nd|rd|th|\.)$")
_ORDINALS = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1}


def _nth(text: str) -> int | None:
    """1-5 or -1 (last) for ``2nd``, ``2.``, ``andre``, ``siste``, ``last``; a digit as is."""
    numbered = _NUMBERED.match(text.lower())
    if numbered:
        return int(numbered.group(1))
    word = ORDINAL.value_of(text)
    return None if word is None else _ORDINALS[word]

__all__ = ["NORWEGIAN_WEEKDAYS", "WEEKDAYS", "MonthlyDay", "OccurrenceChange", "Repeat", "weekday_index"]


@lru_cache(maxsize=1024)
def _every(text: str) -> tuple[int, str] | None:
    """(interval, 'day'/'week'/'month'/'year') of ``2 weeks``, ``2 uker``, ``månad``; else None."""
    match = _EVERY.match(text)
    unit = REPEAT_UNIT.value_of(match.group(2)) if match else None
    if match is None or unit is None:
        return None
    return int(match.group(1) or 1), unit


class MonthlyDay(Value):
    """The n-th (1-5) or last (-1) given weekday of a month."""

    nth: int
    weekday: int


ChangeStatus = Literal["planned", "tentative", "cancelled"]
"""What a change says of one occurrence."""


class OccurrenceChange(Model):
    """One occurrence of a series moved, re-timed, relocated or cancelled."""

    occurrence: Day = Field(description="The date the series would have put it on.")
    date: Day | None = Field(default=None, description="The date it moves to.")
    time: TimeSpec | None = Field(default=None, description="New time, e.g. 09:00-11:00.")
    location: Text | None = Field(default=None, description="New location.")
    room: Text | None = Field(default=None, description="New room.")
    status: Annotated[ChangeStatus, words(EVENT_STATUS, ChangeStatus)] | None = Field(
        default=None,
        description="'cancelled' keeps it in calendars, marked cancelled; 'tentative' marks this "
        "occurrence as one that may not happen; 'planned' confirms one occurrence of a "
        "tentative series.",
    )
    note: Text | None = Field(default=None, description="Why it changed.")


class Repeat(Model):
    """How an event repeats; the event's own date is the first occurrence."""

    every: Text = Field(
        description="'week', '2 weeks', 'month', 'day', '3 months' or 'year'.",
        examples=["week", "2 weeks", "month"],
    )
    on: Text | list[Text] | None = Field(
        default=None,
        description=(
            "Weekly: weekday(s), e.g. 'wednesday'. Monthly: '4th wednesday', "
            "'last friday'. Default: the weekday (or day of month) of the first date."
        ),
    )
    until: Day | None = Field(default=None, description="Last possible date, included.")
    count: StrictInt | None = Field(default=None, ge=1, description="Number of occurrences.")
    except_: list[Day | Annotated[StrictInt, Field(ge=1900, le=2199)]] = Field(
        default_factory=new_list,
        alias="except",
        description="Dates the series skips entirely (holidays, summer break); in a series dated "
        "by a period, the years it skips (2026) or a day in the period of the year to skip.",
    )
    changes: list[OccurrenceChange] = Field(
        default_factory=new_list, description="Single occurrences moved or cancelled."
    )

    @field_validator("every")
    @classmethod
    def _check_every(cls, value: str) -> str:
        if _every(value) is None:
            raise MessageError(tr(
                "'{value}' is not a repeat interval: write e.g. 'week', '2 weeks' or 'month' "
                "('uke', '2 uker', 'måned'; nynorsk 'veke', '2 veker', 'månad')", value=value
            ))
        return value

    @model_validator(mode="after")
    def _check_shape(self) -> "Repeat":
        if self.until is not None and self.count is not None:
            raise MessageError(tr("give either 'until' or 'count', not both"))
        if self.until is None and self.count is None:
            raise MessageError(tr("a series needs an end: add 'until: YYYY-MM-DD' or 'count: N'"))
        self.weekdays()
        self.monthly_days()
        return share_fields_set(self)

    @property
    def frequency(self) -> str:
        """'daily', 'weekly', 'monthly' or 'yearly'."""
        every = _every(self.every)
        assert every is not None
        return _UNITS[every[1]]

    @property
    def interval(self) -> int:
        """Every how many days/weeks/months."""
        every = _every(self.every)
        assert every is not None
        return every[0]

    def _on_items(self) -> list[str]:
        if self.on is None:
            return []
        return [self.on] if isinstance(self.on, str) else list(self.on)

    def weekdays(self) -> list[int]:
        """Weekdays (Monday=0) of a weekly series given in ``on``; empty when not given."""
        if self.frequency != "weekly":
            return []
        days = []
        for item in self._on_items():
            index = weekday_index(item)
            if index is None:
                raise MessageError(tr(
                    "'{value}' is not a weekday: write e.g. 'onsdag' (nynorsk 'tysdag', English 'wednesday')",
                    value=item,
                ))
            days.append(index)
        return days

    def monthly_days(self) -> list[MonthlyDay]:
        """The n-th weekdays of a monthly series given in ``on``; empty when not given."""
        if self.frequency != "monthly":
            if self.frequency != "weekly" and self.on is not None:
                raise MessageError(tr("'on' applies to weekly and monthly series only"))
            return []
        result = []
        for item in self._on_items():
            match = _NTH.match(item)
            nth = _nth(match.group(1)) if match else None
            index = weekday_index(match.group(2)) if match else None
            if match is None or index is None or nth is None:
                raise MessageError(tr(
                    "'{value}': write the day of a monthly series as '2. onsdag' or 'siste fredag' "
                    "('2nd wednesday', 'last friday')", value=item
                ))
            if not 1 <= nth <= 5 and nth != -1:
                raise MessageError(tr("'{value}': a month has at most five of each weekday", value=item))
            result.append(MonthlyDay(nth=nth, weekday=index))
        return result
