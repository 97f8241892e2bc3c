"""What templates see: read-only views of the plan with every reference resolved.

Each field carries its documentation (``doc``); ``docs/templates.md`` is generated from
these classes, so the reference cannot drift from what templates actually receive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..model.times import TimeRange
from ..model.workbook import PartialDate
from ..status.goals import GoalNode, GroupChoices
from ..status.views.common import Report


def doc(text: str, **kwargs: Any) -> Any:
    """A dataclass field documented for template authors."""
    return field(metadata={"doc": text}, **kwargs)


@dataclass(eq=False, slots=True)
class PersonView:
    """A person (``people``)."""

    id: str = doc("Stable id.")
    name: str = doc("Full name.")
    title: str | None = doc("Job title.")
    unit: str | None = doc("Unit or service area.")
    email: str | None = doc("E-mail address.")
    phone: str | None = doc("Phone number.")
    groups: list[GroupView] = doc(
        "Groups the person is a member of (directly).", default_factory=list
    )


@dataclass(eq=False, slots=True)
class AddressView:
    """An e-mail address written in place of a person (a deadline's ``deliver_to``)."""

    name: str = doc("The address itself, so that ``.name`` prints like a person's name.")
    email: str = doc("The address.")


@dataclass(eq=False, slots=True)
class MemberView:
    """A person's membership of a group."""

    person: PersonView = doc("The member.")
    role: str = doc("'leader', 'deputy', 'member', 'secretary' or 'substitute'.")
    role_name: str = doc("The role in the document's language, e.g. 'leder'.")
    note: str | None = doc("E.g. whom the member represents.")


@dataclass(eq=False, slots=True)
class GroupView:
    """A group or body (``groups``)."""

    id: str = doc("Stable id.")
    name: str = doc("Name.")
    short_name: str | None = doc("Abbreviation.")
    kind: str = doc("Kind of body, e.g. 'steering-group'.")
    mandate: str | None = doc("What the group is for, in a sentence (the mandate's summary).")
    rhythm: str | None = doc("How often it meets, in words.")
    email: str | None = doc("The group's address.")
    members: list[MemberView] = doc("Members in plan order.", default_factory=list)
    leaders: list[PersonView] = doc("Members whose role is 'leader'.", default_factory=list)
    includes: list[GroupView] = doc(
        "Groups whose members belong to this one too.", default_factory=list
    )
    reports_to: GroupView | None = doc("The group this one reports to.", default=None)
    mandate_details: MandateView | None = doc(
        "The whole mandate when the plan states more than a sentence, else None.", default=None
    )


@dataclass(eq=False, slots=True)
class MandateView:
    """What a group is asked to do (``groups[].mandate`` written as a mapping)."""

    summary: str | None = doc("What the group is for, in a sentence.")
    delivers: list[str] = doc("What it delivers.")
    by: date | None = doc("When it delivers.")
    to: list[PersonView | RoleView | GroupView] = doc("Whom it delivers to.")
    scope: str | None = doc("What it is to look at.")
    limits: list[str] = doc("What lies outside its remit.")
    savings_target: Any = doc(
        "Its share of the savings: the target as `planverk status` computes it (`id`, "
        "`title`, `total`, `total_approximate`, `start`, `end`, `years` with `target`, "
        "`identified`, `decided`, `realised`, `gap`), or None.",
        default=None,
    )


@dataclass(eq=False, slots=True)
class RoleView:
    """A role and its tasks (``roles``)."""

    id: str = doc("Stable id.")
    name: str = doc("Name of the role.")
    description: str | None = doc("What the role is.")
    holders: list[PersonView | GroupView] = doc("People or groups holding the role.")
    group: GroupView | None = doc("The group the role belongs to.")
    allocation: float | None = doc(
        "Share of working time, in percent (0-100); format with ``percent``."
    )
    at_sessions: list[str] = doc("Tasks at the sessions.")
    between_sessions: list[str] = doc("Tasks between sessions.")
    after_sessions: list[str] = doc("Tasks after the sessions.")


@dataclass(eq=False, slots=True)
class InvitationView:
    """Who invites to an event or slot."""

    sender: PersonView = doc("The person who sends the invitation.")
    recipients: list[PersonView | GroupView] = doc("Whom it goes to.")
    note: str | None = doc("What the recipients do with it.")


@dataclass(eq=False, slots=True)
class SlotView:
    """A timetabled part of an event (``agenda``)."""

    id: str | None = doc("Id within the event.")
    day: date = doc("The day of the slot (the event's first day unless the slot says otherwise).")
    time: TimeRange = doc("Start and end; format with ``time``.")
    topic: str = doc("What happens.")
    participants: list[PersonView | GroupView] = doc("Who takes part.")
    responsible: list[PersonView | RoleView | GroupView] = doc("Who leads it.")
    room: str | None = doc("Room, when it differs from the event's.")
    invitation: InvitationView | None = doc("Who invites to the slot.")


@dataclass(eq=False, slots=True)
class OccurrenceView:
    """One dated instance of an event: a repeating event has several; an event with the
    same hours on several days is one, from its first day to its last."""

    event: EventView = doc("The event it is an occurrence of.")
    day: date = doc("The day it starts.")
    last_day: date = doc("The day it ends (same as ``day`` for one-day occurrences).")
    time: TimeRange | None = doc("Its hours (None when all-day or running across days).")
    all_day: bool = doc("It has no clock times.")
    start: datetime = doc("Local start (midnight when all-day).")
    end: datetime = doc("Local end (exclusive).")
    month: date = doc("First day of its month, for grouping by month.")
    tentative: bool = doc(
        "It is not settled: its time is uncertain ('11:00?'), or it may not happen at all "
        "(the event or this occurrence is 'status: tentative')."
    )
    cancelled: bool = doc("It is cancelled (the event, or this occurrence).")
    moved_from: date | None = doc("The date the series would have put it on, when moved.")
    location: str | None = doc("Venue (after any change).")
    room: str | None = doc("Room (after any change).")
    place: str | None = doc("Venue and room in one text, e.g. 'Kolben, Sal 2'.")
    period: str | None = doc(
        "The period it is dated by, as the plan wrote it ('uke 15', 'ultimo september'); None "
        "when dated by day. ``day`` to ``last_day`` are then the period's days.", default=None
    )


@dataclass(eq=False, slots=True)
class EventView:
    """A meeting, session or other activity (``events``)."""

    id: str = doc("Stable id.")
    title: str = doc("What the event is.")
    kind: str | None = doc("Category, e.g. 'session'.")
    description: str | None = doc("Purpose and practical details.")
    location: str | None = doc("Venue.")
    room: str | None = doc("Room within the venue.")
    place: str | None = doc("Venue and room in one text.")
    participants: list[PersonView | GroupView] = doc("Who takes part.")
    responsible: list[PersonView | RoleView | GroupView] = doc("Who leads or owns it.")
    phase: PhaseView | None = doc("The phase it belongs to.")
    links: list[str] = doc("Related documents (URLs).")
    invitation: InvitationView | None = doc("Who sends the invitation.")
    cancelled: bool = doc("The whole event is cancelled.")
    tentative: bool = doc("The whole event may not happen ('status: tentative').")
    repeats: bool = doc("It recurs (see ``occurrences``).")
    agenda: list[SlotView] = doc(
        "Its timetable; with --group, the slots for the group and for all."
    )
    occurrences: list[OccurrenceView] = doc(
        "Every dated instance, in time order.", default_factory=list
    )


@dataclass(eq=False, slots=True)
class DeadlineView:
    """A deadline or milestone (``deadlines``)."""

    id: str = doc("Stable id.")
    kind: str = doc("'deadline' or 'milestone'.")
    date: date = doc("Due date.")
    time: TimeRange | None = doc("Due time.")
    task: str = doc("What is due.")
    responsible: list[PersonView | RoleView | GroupView] = doc("Who is responsible.")
    participants: list[PersonView | GroupView] = doc("Others involved.")
    deliver_to: list[PersonView | GroupView | AddressView] = doc("Where the result goes.")
    done: bool = doc("It is done.")
    done_on: date | None = doc("When it was done.")
    overdue: bool = doc("Open and due before the document's as-of date.")
    phase: PhaseView | None = doc("The phase it belongs to.")
    description: str | None = doc("Details.")
    period: str | None = doc(
        "The period it is due in, as the plan wrote it ('uke 15'); ``date`` is its last day.", default=None
    )
    start: date | None = doc("The first day of its period; None when dated by day.", default=None)


@dataclass(eq=False, slots=True)
class PhaseView:
    """A phase of the process, e.g. a session and the work before it (``phases``)."""

    id: str = doc("Stable id.")
    name: str = doc("Name.")
    start: date = doc("First day.")
    end: date = doc("Last day (included).")
    description: str | None = doc("What happens in it: a workbook shows it as the purpose.")
    contacts: list[PersonView] = doc("People to ask about this phase.")
    events: list[EventView] = doc(
        "Its events (with --group, those for the group).", default_factory=list
    )
    deadlines: list[DeadlineView] = doc(
        "Its deadlines and milestones (with --group, those for the group).", default_factory=list
    )


@dataclass(eq=False, slots=True)
class FormSectionView:
    """A heading of a form."""

    heading: str = doc("The heading.")
    prompt: str | None = doc("What to write under it.")


@dataclass(eq=False, slots=True)
class FormView:
    """A form participants fill in and send (``forms``)."""

    id: str = doc("Stable id.")
    title: str = doc("Title.")
    to: str | None = doc("Whom it is addressed to.")
    description: str | None = doc("What it is for.")
    deadline: DeadlineView | None = doc(
        "The deadline it is sent by: its responsible send it, its deliver_to receive it."
    )
    max_pages: int | None = doc("Longest allowed, in pages.")
    attachments: list[str] = doc("What goes with it beyond the pages.")
    sections: list[FormSectionView] = doc("Headings in order.")


@dataclass(eq=False, slots=True)
class ReferenceView:
    """A document the process builds on (``references``)."""

    id: str = doc("Stable id.")
    title: str = doc("Title.")
    kind: str | None = doc("What it is, e.g. 'Notat'.")
    date: PartialDate | None = doc(
        "When it was issued (year, month or day); format with ``partial_date``."
    )
    issuer: str | None = doc("Who issued it.")
    url: str | None = doc("Where to read it.")
    note: str | None = doc("Anything a reader should know.")


@dataclass(eq=False, slots=True)
class PlanView:
    """The plan's header."""

    id: str = doc("Stable id.")
    title: str = doc("Title.")
    organisation: str = doc("The municipality or organisation.")
    owner: PersonView | None = doc("The person who owns the plan.")
    start: date = doc("First day of the plan period.")
    end: date = doc("Last day of the plan period.")
    language: str = doc("'nb', 'nn' or 'en'.")
    timezone: str = doc("IANA time zone of all times.")
    description: str | None = doc("Purpose of the process: a workbook's introduction.")


@dataclass(eq=False, slots=True)
class DiagramsView:
    """Mermaid diagrams, ready to put in a fenced ``mermaid`` block."""

    gantt: str = doc(
        "Gantt chart of the phases, the events' occurrences (cancelled ones left out), deadlines "
        "and milestones ('' when there are none)."
    )
    org_chart: str = doc(
        "Flowchart of the groups: members, which group reports to which, which includes "
        "which; the document's group is highlighted ('' when there are no groups)."
    )


@dataclass(eq=False, slots=True)
class StatusSectionView:
    """One section of ``planverk status``, computed by the same functions as of ``as_of``."""

    name: str = doc("'deadlines', 'cycle', 'kpis', 'measures', 'benefits', 'risks', 'scorecard', 'reporting' or 'thread'.")
    data: Any = doc(
        "The section's figures, as `planverk status --format json` holds them under `data` "
        "(keys in docs/status.md)."
    )
    report: Report = doc(
        "The section as `planverk status` shows it: titled tables of cells formatted in the "
        "plan's language, and notes."
    )
    has_tables: bool = doc("The report has at least one table (a section the plan has data for).")


@dataclass(eq=False, slots=True)
class StatusView:
    """Where the plan stands as of ``as_of``: the sections of ``planverk status``."""

    sections: list[StatusSectionView] = doc(
        "Every section, in the order `planverk status` lists them."
    )
    deadlines: StatusSectionView = doc("Overdue, due soon and done deadlines.")
    kpis: StatusSectionView = doc("KPIs: baseline, latest, target, trend and whether on track.")
    measures: StatusSectionView = doc("Savings per year and the measures by quadrant.")
    benefits: StatusSectionView = doc("Benefits and their realisation steps.")
    risks: StatusSectionView = doc("Risks by score, and the probability x consequence matrix.")
    scorecard: StatusSectionView = doc("Scorecards per area, organisations and years side by side.")
    reporting: StatusSectionView = doc("Reporting overdue and due by owner, and each rhythm's periods reported or not.")
    thread: StatusSectionView = doc("The red thread: each goal's measures, KPIs, benefits and reports, and its breaks.")
    cycle: StatusSectionView | None = doc(
        "The year's activities (events and deadlines) in the order they become due; only in a "
        "plan with events dated by a period (an annual cycle), else None.", default=None,
    )


@dataclass(eq=False, slots=True)
class Context:
    """The variables every template receives."""

    plan: PlanView = doc("The plan's header.")
    language: str = doc("The document's language: 'nb', 'nn' or 'en'.")
    labels: dict[str, Any] = doc(
        "Words and phrases in the document's language, by key (see below)."
    )
    as_of: date = doc("The date the document is as of (--as-of, default today).")
    group: GroupView | None = doc("The group the document is for (--group), else None.")
    people: list[PersonView] = doc("Everyone in the plan, in plan order.")
    groups: list[GroupView] = doc("Every group, in plan order.")
    roles: list[RoleView] = doc("Roles (with --group, those of the group and its people).")
    phases: list[PhaseView] = doc("Phases in time order.")
    events: list[EventView] = doc(
        "Events in time order (with --group, those the group takes part in or leads)."
    )
    occurrences: list[OccurrenceView] = doc("Every occurrence of those events, in time order.")
    deadlines: list[DeadlineView] = doc(
        "Deadlines (not milestones) in time order (with --group, the group's)."
    )
    milestones: list[DeadlineView] = doc("Milestones in time order.")
    forms: list[FormView] = doc(
        "Forms (with --group, those the group sends or that have no deadline)."
    )
    references: list[ReferenceView] = doc("References in plan order.")
    goals: list[GoalNode] = doc(
        "The goal hierarchy: top goals (or themes), each with the goals under it."
    )
    goal_choices: list[GroupChoices] = doc(
        "Each group's goal choices per theme, blank where not made yet (with --group, the "
        "groups that overlap it)."
    )
    status: StatusView = doc(
        "Where the plan stands as of `as_of`, as `planverk status` computes it."
    )
    diagrams: DiagramsView = doc("Mermaid diagrams of the plan.")
    pictures: dict[str, Any] = doc(
        "Every picture the plan has, by name ('gantt', 'org-chart', 'kpi-ID', 'savings-ID', "
        "'measure-matrix', 'risk-matrix', 'scorecard-ID', 'red-thread', 'annual-cycle', 'rollout-ID'): each has `title`, `alt`, `file` "
        "(the SVG written beside the document), `section` (the status section it belongs "
        "to), `image` (Markdown that shows the SVG) and `mermaid` (Mermaid text where GitHub "
        "and GitLab draw the diagram, else ''; always '' for documents converted to DOCX or "
        "HTML).",
        default_factory=dict,
    )
    group_status: list[StatusSectionView] = doc(
        "With --group: the `measures` and `kpis` sections for the group's own measures "
        "(owned by the group, a group it includes or a role of it, or counted toward its "
        "mandate's savings target) and KPIs (owned so, or showing the effect of those "
        "measures), each only when it has any; empty without --group.",
        default_factory=list,
    )
