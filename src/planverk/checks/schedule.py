"""Dates and times that cannot be right: order, bounds, weekdays, daylight-saving gaps, rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import Event
from ..model.recurrence import weekday_index
from ..model.times import TimeRange
from ..i18n import Day, Month, Weekday, tr
from ..occurrences import add_months
from .context import Issue, Loc, PlanIndex, event_date_path, listed


def plan_zone(index: PlanIndex) -> ZoneInfo | None:
    """The plan's time zone, or None when its name is unknown.

    A name that reaches a folder of the zone database (``Europe``) or no file at all (too
    long for the file system) is unknown too, like a name that is not in it.
    """
    name = index.plan.plan.timezone
    if len(name) > 64:  # the longest IANA name has 32 characters
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def check_timezone(index: PlanIndex) -> Iterator[Issue]:
    """PV306: the time zone must be an IANA name."""
    if plan_zone(index) is None:
        yield Issue(
            "PV306",
            tr("'{zone}' is not an IANA time zone: write e.g. 'Europe/Oslo'", zone=index.plan.plan.timezone[:80]),
            ("plan", "timezone"),
            ("plan",),
        )


def _time_order(at: TimeRange | None, path: Loc, item: Loc) -> Iterator[Issue]:
    if at is not None and at.end is not None and at.end <= at.start:
        yield Issue("PV300", tr("the time {time} ends before it starts", time=at), (*path, "time"), item)


def check_order(index: PlanIndex) -> Iterator[Issue]:
    """PV300 ends before starts; PV301/PV310 slots outside or unplaced in their event."""
    info = index.plan.plan
    if info.period.end < info.period.start:
        yield Issue("PV300", tr("the plan period ends before it starts"), ("plan", "period", "end"), ("plan",))
    for i, phase in enumerate(index.plan.phases):
        if phase.period.end < phase.period.start:
            yield Issue("PV300", tr("the phase ends before it starts"), ("phases", i, "period", "end"), ("phases", i))
    for path, event in index.events():
        at = event.time
        if at is not None and at.end is not None and at.end <= at.start:
            yield from _time_order(at, path, path)
        if event.end_date is not None and event.date is not None and event.end_date < event.date:
            message = tr("end_date {end} is before date {start}", end=event.end_date, start=event.date)
            yield Issue("PV300", message, (*path, "end_date"), path)
        if event.start is not None and event.end is not None and event.end <= event.start:
            message = tr("end {end} is not after start {start}", end=event.end, start=event.start)
            yield Issue("PV300", message, (*path, "end"), path)
        if event.agenda:
            yield from _slots(event, path)
    for i, deadline in enumerate(index.plan.deadlines):
        yield from _time_order(deadline.time, ("deadlines", i), ("deadlines", i))


def _slots(event: Event, path: Loc) -> Iterator[Issue]:
    first, last = event.first_day, event.last_day
    for s, slot in enumerate(event.agenda):
        slot_path = (*path, "agenda", s)
        yield from _time_order(slot.time, slot_path, path)
        if slot.date is None and first != last and event.repeat is None:
            yield Issue(
                "PV310",
                tr("the event runs from {first} to {last}: give the slot a 'date'", first=first, last=last),
                slot_path,
                path,
            )
            continue
        day = slot.date or first
        if not first <= day <= last:
            yield Issue(
                "PV301",
                tr("the slot's date {day} is outside the event ({first} to {last})",
                    day=day, first=first, last=last),
                (*slot_path, "date"),
                path,
            )
            continue
        start, end = _event_hours(event, day)
        slot_end = slot.time.end or slot.time.start
        if start is not None and end is not None and (slot.time.start < start or slot_end > end):
            yield Issue(
                "PV301",
                tr("the slot {slot} is outside the event's hours {hours} on {day}",
                    slot=slot.time, hours=TimeRange(start, end), day=day),
                (*slot_path, "time"),
                path,
            )


def _event_hours(event: Event, day: date) -> tuple[time | None, time | None]:
    """The event's hours on ``day`` (None where open-ended)."""
    if event.time is not None:
        end = event.time.end
        return event.time.start, end
    if event.start is not None and event.end is not None:
        start = event.start.time() if day == event.start.date() else None
        end = event.end.time() if day == event.end.date() else None
        return start, end
    return None, None


_INSTANT = timedelta(microseconds=1)


def check_period(index: PlanIndex) -> Iterator[Issue]:
    """PV302: events, deadlines and phases inside the plan period."""
    period = index.plan.plan.period
    bounds = tr("the plan period ({start} to {end})", start=period.start, end=period.end)
    for path, event in index.events():
        found = index.occurrences[path[1]]
        if not found:
            continue
        if len(found) == 1:
            first, last = found[0].start.date(), (found[0].end - _INSTANT).date()
        else:
            first = min(o.start for o in found).date()
            last = (max(o.end for o in found) - _INSTANT).date()
        if event.period is not None:  # a week or month may run over the plan's first or last day
            dated = [o.period.dated() for o in found if o.period is not None]
            first, last = min(d.end for d in dated), max(d.start for d in dated)
        if first < period.start or last > period.end:
            outside = first if first < period.start else last
            message = tr("the event falls on {day}, outside {bounds}", day=outside, bounds=bounds)
            yield Issue("PV302", message, event_date_path(path, event), path)
    for i, deadline in enumerate(index.plan.deadlines):
        if deadline.period is not None:
            if not deadline.period.dated().overlaps(period.start, period.end):
                message = tr("the deadline {day} is outside {bounds}", day=deadline.due, bounds=bounds)
                yield Issue("PV302", message, ("deadlines", i, "period"), ("deadlines", i))
            continue
        if not period.contains(deadline.date):
            message = tr("the deadline {day} is outside {bounds}", day=deadline.date, bounds=bounds)
            yield Issue("PV302", message, ("deadlines", i, "date"), ("deadlines", i))
    for i, phase in enumerate(index.plan.phases):
        if not (period.contains(phase.period.start) and period.contains(phase.period.end)):
            message = tr("the phase runs outside {bounds}", bounds=bounds)
            yield Issue("PV302", message, ("phases", i, "period"), ("phases", i))


def check_weekdays(index: PlanIndex) -> Iterator[Issue]:
    """PV303: a written weekday must match its date."""
    items: list[tuple[Loc, Loc, str | None, date]] = []
    for path, event in index.events():
        if event.weekday is not None:
            items.append((path, path, event.weekday, event.first_day))
        if event.agenda:
            items += [
                ((*path, "agenda", s), path, slot.weekday, slot.date or event.first_day)
                for s, slot in enumerate(event.agenda)
            ]
    for i, deadline in enumerate(index.plan.deadlines):
        items.append((("deadlines", i), ("deadlines", i), deadline.weekday, deadline.date))
    for path, item, written, day in items:
        if written is None:
            continue
        wanted = weekday_index(written)
        if wanted is None:
            yield Issue(
                "PV101",
                tr("'{written}' is not a weekday: write e.g. 'onsdag' or 'wednesday'", written=written),
                (*path, "weekday"),
                item,
            )
        elif wanted != day.weekday():
            yield Issue(
                "PV303",
                tr("'{written}' does not match {day}, which is a {weekday}: check which of the two "
                    "the source meant", written=written, day=day, weekday=Weekday(day)),
                (*path, "weekday"),
                item,
            )


@lru_cache(maxsize=4096)
def _offset_changes(day: date, zone: ZoneInfo) -> bool:
    """Whether the zone's UTC offset changes during ``day`` (a daylight-saving day)."""
    start = datetime.combine(day, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    return start.utcoffset() != end.utcoffset()


def _local_problem(moment: datetime, zone: ZoneInfo) -> str | None:
    """'nonexistent' or 'ambiguous' for a local time around a daylight-saving change."""
    if not _offset_changes(moment.date(), zone):
        return None
    earlier = moment.replace(tzinfo=zone, fold=0)
    later = moment.replace(tzinfo=zone, fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return None
    round_trip = earlier.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)
    return "nonexistent" if round_trip != moment else "ambiguous"


def check_local_times(index: PlanIndex) -> Iterator[Issue]:
    """PV304/PV305: times skipped or repeated by a daylight-saving change."""
    zone = plan_zone(index)
    if zone is None:
        return
    shifts: dict[date, bool] = {}

    def shifted(day: date) -> bool:
        found = shifts[day] = _offset_changes(day, zone)
        return found

    for path, event in index.events():
        # Only a day whose UTC offset changes has such times: an event on none is skipped.
        for o in index.occurrences[path[1]]:
            if o.all_day:
                continue
            first, last = o.start.date(), o.end.date()
            if shifts.get(first) or shifts.get(last) or (
                (first not in shifts and shifted(first)) or (last not in shifts and shifted(last))
            ):
                break
        else:
            if not any(shifted(slot.date or event.first_day) for slot in event.agenda):
                continue
        moments: list[tuple[datetime, Loc]] = []
        for occurrence in index.occurrences[path[1]]:
            if not occurrence.all_day:
                moments.append((occurrence.start, event_date_path(path, event) if event.start else (*path, "time")))
                if occurrence.time is None or occurrence.time.end is not None:
                    moments.append((occurrence.end, (*path, "end") if event.end else (*path, "time")))
        for s, slot in enumerate(event.agenda):
            day = slot.date or event.first_day
            moments.append((datetime.combine(day, slot.time.start), (*path, "agenda", s, "time")))
        yield from _report_local(moments, zone, path)
    for i, deadline in enumerate(index.plan.deadlines):
        if deadline.time is not None:
            at = datetime.combine(deadline.date, deadline.time.start)
            yield from _report_local([(at, ("deadlines", i, "time"))], zone, ("deadlines", i))


def _report_local(moments: list[tuple[datetime, Loc]], zone: ZoneInfo, item: Loc) -> Iterator[Issue]:
    seen: set[datetime] = set()
    for moment, path in moments:
        if moment in seen:
            continue
        seen.add(moment)
        problem = _local_problem(moment, zone)
        if problem == "nonexistent":
            yield Issue(
                "PV304",
                tr("{moment} does not exist in {zone}: clocks skip that hour at the change to "
                    "summer time", moment=moment, zone=zone.key),
                path,
                item,
            )
        elif problem == "ambiguous":
            yield Issue(
                "PV305",
                tr("{moment} happens twice in {zone} at the change to winter time: calendars may "
                    "show it an hour off", moment=moment, zone=zone.key),
                path,
                item,
            )


def check_recurrence(index: PlanIndex) -> Iterator[Issue]:
    """PV307-PV309: changes and exceptions that miss the series, rules that give nothing."""
    for path, event in index.events():
        repeat = event.repeat
        if repeat is None or event.period is not None:  # a period's years: occurrences.period_years
            continue
        generated = index.rule_dates[path[1]]
        dates = set(generated)
        if repeat.until is not None and repeat.until < event.first_day:
            yield Issue(
                "PV308",
                tr("until {until} lies before the series' first date {day}, so the series has no "
                   "meetings: correct 'until' (often a slip of the year)",
                   until=Day(repeat.until), day=Day(event.first_day)),
                (*path, "repeat", "until"),
                path,
            )
        elif event.first_day not in dates:
            yield Issue(
                "PV308",
                (tr("the event's date {day} is not an occurrence of its own rule (every {every}, on "
                     "{on}): start the series on its first real date",
                     day=Day(event.first_day), every=repeat.every, on=str(repeat.on))
                 if repeat.on else
                 tr("the event's date {day} is not an occurrence of its own rule (every {every}): "
                     "start the series on its first real date", day=Day(event.first_day), every=repeat.every)),
                (*path, "date"),
                path,
            )
        kept = sorted(dates - set(repeat.except_))
        for n, day in enumerate(repeat.except_):
            if day not in dates:
                near = _nearest(kept, day)
                yield Issue(
                    "PV309",
                    tr("{day} under 'except' is not a date of the series, so there is nothing to leave "
                       "out: remove it, or write the date of the one to leave out (the nearest is {near})",
                       day=Day(day), near=Day(near))
                    if near else
                    tr("{day} under 'except' is not a date of the series, so there is nothing to leave "
                       "out: remove it", day=Day(day)),
                    (*path, "repeat", "except", n),
                    path,
                )
        for n, change in enumerate(repeat.changes):
            if change.occurrence not in dates or change.occurrence in repeat.except_:
                near = _nearest(kept, change.occurrence)
                yield Issue(
                    "PV307",
                    tr("{day} under 'changes' is left out under 'except', so there is nothing to change: "
                       "remove it from one of the two", day=Day(change.occurrence))
                    if change.occurrence in dates else
                    tr("{day} under 'changes' is not a date of the series, so there is nothing to change: "
                       "write the date of the one to change (the nearest is {near})",
                       day=Day(change.occurrence), near=Day(near))
                    if near else
                    tr("{day} under 'changes' is not a date of the series, so there is nothing to change: "
                       "remove the change, or correct the series' rule", day=Day(change.occurrence)),
                    (*path, "repeat", "changes", n, "occurrence"),
                    path,
                )


def _nearest(days: list[date], day: date) -> date | None:
    """The date of ``days`` nearest to ``day`` (the earlier of two as near); None when there is none."""
    return min(days, key=lambda other: (abs((other - day).days), other), default=None)


def _month_name(year: int, month: int) -> Month:
    return Month(date(year, month, 1))


def check_skipped_months(index: PlanIndex) -> Iterator[Issue]:
    """PV312: a monthly rule that has no date in some months of its range (5th wednesday, day 31)."""
    for path, event in index.events():
        repeat = event.repeat
        if repeat is None or repeat.frequency != "monthly":
            continue
        generated = index.rule_dates[path[1]]
        if not generated:
            continue
        last = repeat.until or generated[-1]
        months = {(d.year, d.month) for d in generated}
        skipped = []
        step = 0
        while True:
            year, month = add_months(event.first_day.year, event.first_day.month, step * repeat.interval)
            if date(year, month, 1) > last or len(skipped) > 24:
                break
            if (year, month) not in months:
                skipped.append(_month_name(year, month))
            step += 1
        if not skipped:
            continue
        first = event.first_day
        weekday = Weekday(first)
        if repeat.on is not None and (first + timedelta(days=7)).month != first.month:
            hint = tr("write 'on: last {weekday}' if the last {weekday} of each month is meant", weekday=weekday)
        else:
            hint = tr("every month has days 1 to 28: choose one of those, or add the missing meetings "
                       "as events of their own")
        where = (*path, "repeat", "on") if repeat.on is not None else (*path, "repeat", "every")
        yield Issue(
            "PV312",
            tr("the rule '{every}, {on}' gives no meeting in {months}: {hint}", every=repeat.every,
                on=str(repeat.on), months=listed(skipped), hint=hint)
            if repeat.on else
            tr("the rule '{every}, day {day}' gives no meeting in {months}: {hint}", every=repeat.every,
                day=str(first.day), months=listed(skipped), hint=hint),
            where,
            path,
        )
