"""Reporting due dates as calendar entries: one all-day entry per period of each rhythm,
on its due date, in the feeds of whoever reports (the rhythm's owner, else the item's).

The UID is made of the item's id and the period (``reporting/ID/2024-T1@PLAN.planverk``),
never of the date, so that moving a due date, renaming the item or marking the period
reported updates the entry instead of adding another.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..formatting import fmt_date
from ..reporting.schedule import duties, period_statuses
from ..reporting.words import period_name, rhythm_words
from .entries import Entry, EntryWriter, uid

REPORTING_KEY = "reporting:{kind}"
"""The stamp key of an item with a rhythm (with its position): ``reporting:kpis``."""


def reporting_entries(writer: EntryWriter) -> list[Entry]:
    """An entry for each period of each reporting rhythm of the plan."""
    plan = writer.plan
    words = writer.words
    result = []
    for duty in duties(plan):
        reach = writer.reach([duty.owner]) if duty.owner else frozenset()
        rhythm = rhythm_words(duty.reporting, writer.language)
        stamp = writer.stamp((REPORTING_KEY.format(kind=duty.kind), duty.position))
        # Reported or not counts from the end of time here: a feed is not as of a date.
        for status in period_statuses(plan, duty, date.max - timedelta(days=1), horizon=0):
            period = status.period
            name = period_name(period, writer.language)
            lines = [f"{duty.name}, {name} ({rhythm})"]
            if duty.owner:
                lines.append(f"{words['responsible']}: {writer.name(duty.owner)}")
            if status.reported_on is not None:
                lines.append(f"{words['reported']}: {fmt_date(status.reported_on, 'short', language=writer.language)}")
            item_uid = uid(plan.plan.id, "reporting", duty.id, period.key)
            timing, text = writer.all_day(
                item_uid, period.due, f"{words['reporting']}: {duty.name} ({name})", "\n".join(lines),
                [words["reporting"]], stamp,
            )
            result.append(Entry(item_uid, timing.sort_key, text, True, reach))
    return result
