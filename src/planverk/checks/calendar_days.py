"""Meetings on days people are off: Norwegian public holidays and weekends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..i18n import Items, tr
from .context import Issue, PlanIndex, event_date_path, listed


_DAY = timedelta(days=1)
_INSTANT = timedelta(microseconds=1)


def _days(start: date, end_exclusive: date) -> Iterator[date]:
    day = start
    while day < end_exclusive:
        yield day
        day += timedelta(days=1)


def _days_listed(days: list[date]) -> Items:
    return listed(list(days), shown=3)


def check_days_off(index: PlanIndex) -> Iterator[Issue]:
    """PV402 public holidays, PV403 weekends (warnings)."""
    from ..public_holidays import HolidayNames, norway_days

    years = {o.start.year for found in index.occurrences.values() for o in found}
    years |= {o.end.year for found in index.occurrences.values() for o in found}
    # Sundays are weekend days here, not holidays: PV403 reports them. Every year from the
    # first to the last, as a plain dict of date to name (a holidays object looks each date
    # up through its own conversions, a tenth of the checks on a large plan).
    span = range(min(years), max(years) + 1) if years else range(0)
    public = norway_days(list(span), language="no")
    for path, event in index.events():
        on_holiday: list[date] = []
        on_weekend: list[date] = []
        for occurrence in index.occurrences[path[1]]:
            if occurrence.cancelled or occurrence.period is not None:  # a period has no meeting day
                continue
            first, last = occurrence.start.date(), (occurrence.end - _INSTANT).date()
            # Most occurrences lie within one day.
            days = (first,) if first == last else _days(first, last + _DAY)
            for day in days:
                if day in public:
                    on_holiday.append(day)
                elif day.weekday() >= 5:
                    on_weekend.append(day)
        if on_holiday:
            names = HolidayNames.of(on_holiday)
            days = _days_listed(on_holiday)
            yield Issue(
                "PV402",
                (tr("'{title}' falls on a public holiday: {days} ({holidays}): add the dates "
                     "to repeat.except", title=event.title, days=days, holidays=names)
                 if event.repeat else
                 tr("'{title}' falls on a public holiday: {days} ({holidays})",
                     title=event.title, days=days, holidays=names)),
                event_date_path(path, event),
                path,
            )
        if on_weekend:
            yield Issue(
                "PV403",
                tr("'{title}' falls on a weekend: {days}", title=event.title, days=_days_listed(on_weekend)),
                event_date_path(path, event),
                path,
            )


def check_quiet_periods(index: PlanIndex) -> Iterator[Issue]:
    """PV404: a meeting inside one of the plan's quiet periods (warning)."""
    quiet = index.plan.quiet_periods
    if not quiet:
        return
    for path, event in index.events():
        hits: dict[int, list[date]] = {}
        for occurrence in index.occurrences[path[1]]:
            if occurrence.cancelled or occurrence.period is not None:  # a period has no meeting day
                continue
            last = (occurrence.end - timedelta(microseconds=1)).date()
            for day in _days(occurrence.start.date(), last + timedelta(days=1)):
                for n, period in enumerate(quiet):
                    if period.start <= day <= period.end:
                        hits.setdefault(n, []).append(day)
        for n, days in hits.items():
            period = quiet[n]
            yield Issue(
                "PV404",
                (tr("'{title}' falls in the quiet period '{period}' ({start} to {end}): {days}; move "
                     "it, or add the dates to repeat.except, or silence PV404 on the event with the "
                     "reason it must be then", title=event.title, period=period.name,
                     start=period.start, end=period.end, days=_days_listed(days))
                 if event.repeat else
                 tr("'{title}' falls in the quiet period '{period}' ({start} to {end}): {days}; move "
                     "it, or silence PV404 on the event with the reason it must be then",
                     title=event.title, period=period.name, start=period.start, end=period.end,
                     days=_days_listed(days))),
                event_date_path(path, event),
                path,
                (("quiet_periods", n),),
            )
