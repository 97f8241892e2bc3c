"""Meetings, sessions and their timetables, and deadlines and milestones."""


from datetime import date as Date
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, model_validator

from .base import Day, Id, Model, Ref, Refs, Silenceable, Text, Texts, new_list, share_fields_set
from .dating import PeriodField, WeekField, placed
from .periods import PeriodText
from .recurrence import Repeat
from .times import TimeSpec
from ..i18n import MessageError, tr
from .words import DEADLINE_KIND, DONE_STATUS, EVENT_STATUS, words

Status = Literal["planned", "tentative", "cancelled"]
DeadlineKind = Literal["deadline", "milestone"]
DoneStatus = Literal["open", "done"]


class Invitation(Model):
    """Who sends the invitation to a meeting or slot, and to whom."""

    sender: Ref = Field(description="The person who sends the invitation.")
    recipients: Refs = Field(
        default_factory=new_list, description="People or groups the invitation goes to."
    )
    note: Text | None = Field(
        default=None, description="What the recipients do with it, e.g. forward it to their leaders."
    )
    send_by: Day | None = Field(
        default=None,
        description="The day the invitation is to be sent by; without it, `planverk invitations` "
        "asks for it two weeks before the meeting.",
    )


class Slot(Silenceable):
    """A timetabled part of an event: a review slot, a talk, a group task."""

    id: Ref | None = Field(
        default=None,
        description="Stable id within the event; calendar UIDs derive from it (without one, from "
        "the topic: rewording it, or moving a slot that shares its topic, gives a new UID).",
    )
    weekday: Text | None = Field(
        default=None,
        description="The slot's weekday as written in the source (e.g. 'onsdag'); checked against its day.",
    )
    date: Day | None = Field(
        default=None, description="The day of the slot; required when the event spans days."
    )
    time: TimeSpec = Field(description="Start and end, e.g. 08:30-10:30.")
    topic: Text = Field(description="What happens in the slot.")
    participants: Refs = Field(default_factory=new_list, description="People or groups taking part.")
    responsible: Refs = Field(default_factory=new_list, description="Who leads it.")
    room: Text | None = Field(default=None, description="Room, when it differs from the event's.")
    invitation: Invitation | None = Field(default=None, description="Who invites to the slot.")


class Event(Silenceable):
    """A meeting, session, seminar or other dated activity of the process."""

    id: Id = Field(description="Stable id; calendar UIDs derive from it, so never reuse one.")
    title: Text = Field(description="What the event is.")
    kind: Text | None = Field(
        default=None, description="Category, e.g. meeting, session, seminar, briefing."
    )
    weekday: Text | None = Field(
        default=None,
        description="The weekday as written in the source (e.g. 'onsdag'); checked against the date.",
    )
    date: Day | None = Field(default=None, description="The (first) day of the event.")
    period: PeriodField | None = Field(
        default=None,
        description="Instead of a date: the week, month, quarter, tertial, half-year or part of a "
        "month it takes place in, as written ('uke 15', 'juni', 'ultimo september', 'Q3 2012'); "
        "without a year, the plan's. An all-day span over the period; with 'repeat: {every: year}' "
        "the same period every year.",
    )
    week: WeekField | None = Field(
        default=None, description="Instead of a date: the ISO week, 15 (of the plan's year) or '2017-W15'."
    )
    end_date: Day | None = Field(
        default=None,
        description="Last day of a multi-day event; with 'time', the same hours each day.",
    )
    time: TimeSpec | None = Field(
        default=None,
        description="Hours, e.g. 08:30-10:30; '17:00' when the end is unknown; '11:00?' when uncertain. Omit for all-day.",
    )
    start: datetime | None = Field(
        default=None, description="Start of an event that runs continuously across days."
    )
    end: datetime | None = Field(default=None, description="End of such an event.")
    location: Text | None = Field(default=None, description="Venue, e.g. 'Gran rådhus'.")
    room: Text | None = Field(
        default=None, description="Room within the venue; double bookings of a room are checked."
    )
    participants: Refs = Field(default_factory=new_list, description="People or groups taking part.")
    responsible: Refs = Field(default_factory=new_list, description="Who leads or owns the event.")
    phase: Ref | None = Field(default=None, description="The phase the event belongs to.")
    description: Text | None = Field(default=None, description="Purpose and practical details.")
    links: list[Text] = Field(default_factory=new_list, description="Related documents (URLs).")
    invitation: Invitation | None = Field(default=None, description="Who sends the invitation.")
    status: Annotated[Status, words(EVENT_STATUS, Status)] = Field(
        default="planned",
        description="'planned' (default), 'tentative' (it may not happen at all, e.g. possible "
        "visits to other municipalities; feeds mark it STATUS:TENTATIVE) or 'cancelled'.",
    )
    agenda: list[Slot] = Field(default_factory=new_list, description="The event's timetable.")
    repeat: Repeat | None = Field(default=None, description="How the event recurs.")

    @model_validator(mode="after")
    def _check_when(self, info: ValidationInfo) -> "Event":
        # A large plan has tens of thousands of events: they share their fields-sets.
        return share_fields_set(self._when(info))

    def _when(self, info: ValidationInfo) -> "Event":
        if self.week is not None:
            if self.period is not None:
                raise MessageError(tr("give either 'week' or 'period', not both"))
            self.period, self.week = self.week, None
        if self.period is not None:
            return self._check_period(info)
        if (self.date is None) == (self.start is None):
            raise MessageError(tr(
                "give the event either 'date' (with optional 'time' and 'end_date') "
                "or 'start' and 'end' date-times"
            ))
        if self.start is not None:
            if self.end is None:
                raise MessageError(tr("an event with 'start' needs 'end' too"))
            if self.time is not None or self.end_date is not None:
                raise MessageError(tr("'time' and 'end_date' go with 'date', not with 'start'/'end'"))
        elif self.end is not None:
            raise MessageError(tr("'end' goes with 'start'; with 'date' use 'end_date' and 'time'"))
        if self.repeat is not None and any(isinstance(day, int) for day in self.repeat.except_):
            raise MessageError(tr("'except' takes dates (YYYY-MM-DD); a year goes with an event dated by a period"))
        if self.repeat is not None and self.end_date is not None:
            raise MessageError(tr("a repeating event cannot also span several days ('end_date')"))
        return self

    def _check_period(self, info: ValidationInfo) -> "Event":
        """An event dated by a period: no day, time or weekday; it repeats only by years."""
        assert self.period is not None
        if self.date is not None or self.start is not None or self.end is not None:
            raise MessageError(tr("give the event either a period ('period' or 'week') or a date, not both"))
        if self.time is not None or self.end_date is not None or self.weekday is not None:
            raise MessageError(tr(
                "an event dated by a period lasts the whole period: leave out 'time', 'end_date' and 'weekday'"
            ))
        if self.agenda:
            raise MessageError(tr("an event dated by a period has no day for a timetable: date it to give it one"))
        repeat = self.repeat
        if repeat is not None:
            if repeat.changes:
                raise MessageError(tr(
                    "an event dated by a period has no 'repeat.changes': one year of it cannot be moved "
                    "or cancelled; skip that year in 'repeat.except', and add an event for it if it moves"
                ))
            if repeat.frequency != "yearly" or repeat.on is not None:
                raise MessageError(tr(
                    "an event dated by a period repeats by years only: give 'repeat' 'every: year' "
                    "with 'until' or 'count' and, if needed, the years to skip in 'except'"
                ))
        self.period = placed(self.period, info, repeating=repeat is not None)
        return self

    @property
    def first_day(self) -> Date:
        """The day the event starts (the first day of its period)."""
        if self.period is not None:
            return self.period.dated().start
        return self.date if self.date is not None else self.start.date()  # type: ignore[union-attr]

    @property
    def last_day(self) -> Date:
        """The day the event (its first occurrence) ends (the last day of its period)."""
        if self.period is not None:
            return self.period.dated().end
        if self.date is not None:
            return self.end_date or self.date
        return self.end.date()  # type: ignore[union-attr]

    @property
    def all_day(self) -> bool:
        """Whether the event has no clock times."""
        return (self.date is not None or self.period is not None) and self.time is None

    @property
    def tentative(self) -> bool:
        """Whether it is not settled: its time is marked uncertain ('11:00?') or the event as
        a whole may not happen (``status: tentative``)."""
        return self.may_not_happen or (self.time is not None and self.time.uncertain)

    @property
    def may_not_happen(self) -> bool:
        """Whether the event as a whole is tentative (``status: tentative``)."""
        return self.status == "tentative"


class Deadline(Silenceable):
    """A deadline or milestone: something due by a date, owned by someone."""

    id: Id = Field(description="Stable id.")
    kind: Annotated[DeadlineKind, words(DEADLINE_KIND, DeadlineKind)] = Field(default="deadline", description="Deadline or milestone.")
    weekday: Text | None = Field(default=None, description="The weekday as written in the source.")
    date: Day | None = Field(
        default=None, description="Due date; with 'period' or 'week', the period's last day (set for you)."
    )
    period: PeriodField | None = Field(
        default=None,
        description="Instead of a date: the week, month, quarter, tertial, half-year or part of a "
        "month it is due in, as written ('uke 15', 'juni', 'ultimo september'); due at the end of "
        "the period; without a year, the plan's.",
    )
    week: WeekField | None = Field(
        default=None, description="Instead of a date: the ISO week, 15 (of the plan's year) or '2017-W15'."
    )
    time: TimeSpec | None = Field(default=None, description="Due time, e.g. 16:00.")
    task: Text = Field(description="What is due.")
    responsible: Refs = Field(default_factory=new_list, description="Person, role or group responsible.")
    participants: Refs = Field(default_factory=new_list, description="Others involved.")
    deliver_to: Texts = Field(
        default_factory=new_list, description="Person id or e-mail address the result goes to."
    )
    status: Annotated[DoneStatus, words(DONE_STATUS, DoneStatus)] = Field(default="open", description="'open' or 'done'.")
    done_on: Day | None = Field(default=None, description="When it was done.")
    phase: Ref | None = Field(default=None, description="The phase it belongs to.")
    description: Text | None = Field(default=None, description="Details.")

    @model_validator(mode="after")
    def _check_done(self, info: ValidationInfo) -> "Deadline":
        return share_fields_set(self._done(info))

    def _done(self, info: ValidationInfo) -> "Deadline":
        if self.done_on is not None and self.status != "done":
            raise MessageError(tr("'done_on' is set but status is not 'done'"))
        if self.week is not None:
            if self.period is not None:
                raise MessageError(tr("give either 'week' or 'period', not both"))
            self.period, self.week = self.week, None
        if self.period is None:
            if self.date is None:
                raise MessageError(tr("give the deadline a 'date' (YYYY-MM-DD) or a 'period' ('uke 15', 'juni')"))
            return self
        if self.date is not None or self.time is not None or self.weekday is not None:
            raise MessageError(tr(
                "a deadline dated by a period is due at its end: leave out 'date', 'time' and 'weekday'"
            ))
        self.period = placed(self.period, info, repeating=False)
        self.date = self.period.dated().end
        return self

    @property
    def due(self) -> Date:
        """The day it is due: its date, or the last day of its period."""
        assert self.date is not None
        return self.date
