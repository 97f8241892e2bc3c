"""A series' dates (planverk.occurrences.rule_dates) are those RFC 5545 gives for its rule,
as dateutil's rrule reads it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from planverk.model import Repeat
from planverk.model.recurrence import WEEKDAYS
from planverk.occurrences import rule_dates

_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}


@settings(max_examples=200, deadline=None)
@given(
    first=st.dates(date(2016, 1, 1), date(2032, 12, 31)),
    unit=st.sampled_from(["day", "week", "month", "year"]),
    interval=st.integers(1, 4),
    days=st.lists(st.integers(0, 6), max_size=3),
    count=st.one_of(st.none(), st.integers(1, 30)),
    length=st.integers(0, 800),
)
def test_a_series_has_the_dates_of_its_rfc_5545_rule(
    first: date, unit: str, interval: int, days: list[int], count: int | None, length: int
) -> None:
    repeat: dict[str, object] = {"every": f"{interval} {unit}s" if interval > 1 else unit}
    rule = f"FREQ={_FREQ[unit]};INTERVAL={interval}"
    if unit == "week" and days:
        repeat["on"] = [WEEKDAYS[d] for d in days]
        rule += ";BYDAY=" + ",".join(_BYDAY[d] for d in sorted(set(days)))
        rule += ";WKST=MO"
    if count is not None:
        repeat["count"] = count
        rule += f";COUNT={count}"
    else:
        until = first + timedelta(days=length)
        repeat["until"] = until
        rule += f";UNTIL={until:%Y%m%d}T000000"
    start = datetime.combine(first, datetime.min.time())
    expected = [moment.date() for moment in rrulestr(rule, dtstart=start)]
    assert rule_dates(first, Repeat.model_validate(repeat)) == expected
