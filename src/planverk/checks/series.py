"""A series that meets twice at once: an occurrence moved onto another of the same series."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..i18n import Message, tr
from ..model import Event
from ..occurrences import Occurrence
from .context import Issue, Loc, PlanIndex, event_date_path


def _where(path: Loc, event: Event, occurrence: Occurrence) -> Loc:
    """Where an occurrence's day and time are written: its ``changes:`` entry, else the event's date."""
    if occurrence.change is None:
        return event_date_path(path, event)
    change = event.repeat.changes[occurrence.change] if event.repeat is not None else None
    entry = (*path, "repeat", "changes", occurrence.change)
    if change is not None and change.date is not None:
        return (*entry, "date")
    if change is not None and change.time is not None:
        return (*entry, "time")
    return entry


def _when(occurrence: Occurrence) -> date | Message:
    """An occurrence's day, and its hours when it has them: ``21. januar 2026 08:30-10:00``."""
    day = occurrence.start.date()
    return day if occurrence.time is None else tr("{date} {time}", date=day, time=occurrence.time)


def check_series_overlap(index: PlanIndex) -> Iterator[Issue]:
    """PV314: an occurrence moved (``repeat.changes``) onto the time of another occurrence of
    its own series, which every calendar would then show twice."""
    for path, event in index.events():
        if event.repeat is None or event.period is not None or not event.repeat.changes:
            continue
        i = path[1]
        assert isinstance(i, int)
        latest: Occurrence | None = None
        for occurrence in index.occurrences[i]:  # in order of start
            if occurrence.cancelled:
                continue
            if latest is not None and occurrence.start < latest.end and (
                occurrence.change is not None or latest.change is not None
            ):
                moved, other = (occurrence, latest) if occurrence.change is not None else (latest, occurrence)
                yield Issue(
                    "PV314",
                    tr("occurrence {date} is moved to {when}, where the series already meets: every "
                       "calendar shows two meetings at once; move it to another day or time, or cancel "
                       "one of them", date=moved.original, when=_when(moved)),
                    _where(path, event, moved),
                    path,
                    (_where(path, event, other),),
                )
            if latest is None or occurrence.end > latest.end:
                latest = occurrence
