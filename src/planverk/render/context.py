"""Build the template context from a validated plan: views with references resolved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from ..formatting import place
from ..model import Deadline, Event, Plan
from ..model.events import Invitation
from ..occurrences import Occurrence, occurrences
from ..status import SECTIONS, compute, section_view
from ..publish.pictures.specs import kpi_readings, picture_specs
from ..status.goals import goal_choices, goal_tree
from .group_work import group_status, mandate_view
from .diagrams import gantt, kpi_trend, org_chart, quadrant_chart
from .scope import Scope
from .views import (
    AddressView,
    Context,
    DeadlineView,
    DiagramsView,
    EventView,
    FormSectionView,
    FormView,
    GroupView,
    InvitationView,
    MemberView,
    OccurrenceView,
    PersonView,
    PhaseView,
    PlanView,
    ReferenceView,
    RoleView,
    SlotView,
    StatusSectionView,
    StatusView,
)

_INSTANT = timedelta(microseconds=1)
"""Taken from an exclusive end to give the last day something lasts."""


class _Builder:
    """Turns plan items into views once each, so that views can point at each other."""

    def __init__(self, plan: Plan, labels: dict[str, Any], as_of: date) -> None:
        self.labels = labels
        self.as_of = as_of
        self._places: dict[tuple[str | None, str | None], str | None] = {}
        self.language = plan.plan.language
        self.people = {p.id: self._person(p) for p in plan.people}
        self.groups = {g.id: self._group(g) for g in plan.groups}
        for group in plan.groups:
            view = self.groups[group.id]
            view.includes = [self.groups[ref] for ref in group.includes if ref in self.groups]
            view.reports_to = self.groups.get(group.reports_to) if group.reports_to else None
            for member in view.members:
                member.person.groups.append(view)
        self.parties: dict[str, Any] = {**self.people, **self.groups}
        self.roles = {r.id: self._role(r) for r in plan.roles}
        self.parties.update(self.roles)
        self.phases = {
            p.id: PhaseView(
                p.id, p.name, p.period.start, p.period.end, p.description, self._refs(p.contacts)
            )
            for p in sorted(plan.phases, key=lambda p: (p.period.start, p.period.end))
        }

    def _refs(self, refs: list[str]) -> list[Any]:
        return [self.parties[ref] for ref in refs if ref in self.parties]

    def _person(self, person: Any) -> PersonView:
        return PersonView(
            person.id, person.name, person.title, person.unit, person.email, person.phone
        )

    def _group(self, group: Any) -> GroupView:
        role_names = self.labels["member_roles"]
        members = [
            MemberView(self.people[m.person], m.role, role_names[m.role], m.note)
            for m in group.members
            if m.person in self.people
        ]
        leaders = [m.person for m in members if m.role == "leader"]
        return GroupView(
            id=group.id,
            name=group.name,
            short_name=group.short_name,
            kind=group.kind,
            mandate=group.mandate.summary if group.mandate is not None else None,
            rhythm=group.rhythm,
            email=group.email,
            members=members,
            leaders=leaders,
        )

    def _role(self, role: Any) -> RoleView:
        tasks = role.responsibilities
        return RoleView(
            id=role.id,
            name=role.name,
            description=role.description,
            holders=self._refs(role.holders),
            group=self.groups.get(role.group) if role.group else None,
            allocation=role.allocation,
            at_sessions=list(tasks.at_sessions),
            between_sessions=list(tasks.between_sessions),
            after_sessions=list(tasks.after_sessions),
        )

    def invitation(self, invitation: Invitation | None) -> InvitationView | None:
        if invitation is None or invitation.sender not in self.people:
            return None
        return InvitationView(
            self.people[invitation.sender], self._refs(invitation.recipients), invitation.note
        )

    def event(self, event: Event, slots: list[Any], found: list[Occurrence] | None = None) -> EventView:
        """The view of ``event`` with ``slots`` of its agenda; ``found``: its occurrences, when
        known already (else computed)."""
        view = EventView(
            id=event.id,
            title=event.title,
            kind=event.kind,
            description=event.description,
            location=event.location,
            room=event.room,
            place=self._place(event.location, event.room),
            participants=self._refs(event.participants),
            responsible=self._refs(event.responsible),
            phase=self.phases.get(event.phase) if event.phase else None,
            links=list(event.links),
            invitation=self.invitation(event.invitation),
            cancelled=event.status == "cancelled",
            tentative=event.may_not_happen,
            repeats=event.repeat is not None,
            agenda=[
                SlotView(
                    id=s.id,
                    day=s.date or event.first_day,
                    time=s.time,
                    topic=s.topic,
                    participants=self._refs(s.participants),
                    responsible=self._refs(s.responsible),
                    room=s.room,
                    invitation=self.invitation(s.invitation),
                )
                for s in slots
            ],
        )
        if found is None:
            found = occurrences(event)
        if event.repeat is None and len(found) > 1:
            # the same hours on several days: one row from the first day to the last
            found = [replace(found[0], end=found[-1].end)]
        view.occurrences = [self.occurrence(view, event, o) for o in found]
        return view

    def occurrence(self, view: EventView, event: Event, found: Occurrence) -> OccurrenceView:
        day = found.start.date()
        at, location, room = found.time, found.location, found.room
        # In the order of OccurrenceView's fields (a plan of 10,000 events has 20,000).
        return OccurrenceView(
            view,
            day,
            # last_day: a series' occurrence ends when it does ('januar' every year: 31 January)
            event.last_day if event.repeat is None else max(day, (found.end - _INSTANT).date()),
            at,
            found.all_day,
            found.start,
            found.end,
            day.replace(day=1),  # month
            found.tentative or (at is not None and at.uncertain),
            found.cancelled,
            found.original if found.changed and found.original != day else None,  # moved_from
            location,
            room,
            self._place(location, room),
            found.period.label(self.language) if found.period is not None else None,
        )

    def _place(self, location: str | None, room: str | None) -> str | None:
        """:func:`planverk.formatting.place`, once for each venue and room."""
        key = (location, room)
        found = self._places.get(key, self)
        if found is self:
            found = self._places[key] = place(location, room)
        return found  # type: ignore[return-value]

    def deadline(self, deadline: Deadline) -> DeadlineView:
        deliver_to = [
            AddressView(target, target) if "@" in target else self.parties[target]
            for target in deadline.deliver_to
            if "@" in target or target in self.parties
        ]
        done = deadline.status == "done"
        return DeadlineView(
            id=deadline.id,
            kind=deadline.kind,
            date=deadline.date,
            time=deadline.time,
            task=deadline.task,
            responsible=self._refs(deadline.responsible),
            participants=self._refs(deadline.participants),
            deliver_to=deliver_to,
            done=done,
            done_on=deadline.done_on,
            overdue=not done and deadline.date < self.as_of,
            phase=self.phases.get(deadline.phase) if deadline.phase else None,
            description=deadline.description,
            period=deadline.period.label(self.language) if deadline.period is not None else None,
            start=deadline.period.dated().start if deadline.period is not None else None,
        )


def _event_refs(event: Event) -> list[str]:
    refs = [*event.participants, *event.responsible]
    for invitation in [event.invitation, *(s.invitation for s in event.agenda)]:
        if invitation is not None:
            refs += [invitation.sender, *invitation.recipients]
    for slot in event.agenda:
        refs += [*slot.participants, *slot.responsible]
    return refs


def _deadline_refs(deadline: Deadline) -> list[str]:
    return [*deadline.responsible, *deadline.participants, *deadline.deliver_to]


def _has_periods(plan: Plan) -> bool:
    """Whether any event is dated by a period: the plan is (partly) an annual cycle."""
    return any(event.period is not None for event in plan.events)


def status_view(plan: Plan, as_of: date) -> StatusView:
    """Every section of ``planverk status`` (not the overview), by its own computations."""
    sections = []
    for name in SECTIONS:
        if name == "overview" or (name == "cycle" and not _has_periods(plan)):
            continue
        data = compute(plan, name, as_of)
        report = section_view(name, data, plan.plan.language, as_of, questions=True)  # documents show every question
        has_tables = any(not isinstance(part, str) for part in report.parts)
        sections.append(StatusSectionView(name, data, report, has_tables))
    return StatusView(sections, **{section.name: section for section in sections})


def _mermaid(context: Context, plan: Plan) -> dict[str, Any]:
    """The Mermaid text of each picture GitHub and GitLab draw, by picture name."""
    from ..status.views.common import Context as Words

    words = Words(context.language)
    quadrant_words = {
        key: words.t(key)
        for key in ("feasibility_low", "feasibility_high", "effect_low", "effect_high",
                    "quick-win", "major", "fill-in", "reconsider")
    }
    quadrant_words["title"] = words.t("matrix")
    history = kpi_readings(plan, context.as_of)
    kpis = {kpi.id: kpi_trend(kpi, history[kpi.id], words) for kpi in context.status.kpis.data}
    return {
        "gantt": context.diagrams.gantt,
        "org-chart": context.diagrams.org_chart,
        "measure-matrix": quadrant_chart(context.status.measures.data.measures, quadrant_words),
        "kpi": kpis,
    }


def build_context(
    plan: Plan,
    labels: dict[str, Any],
    *,
    as_of: date,
    group: str | None = None,
    mermaid: bool = True,
    occurrences: Mapping[int, list[Occurrence]] | None = None,
) -> Context:
    """The variables a template receives; with ``group``, the items that concern it.

    ``mermaid``: whether documents show the diagrams GitHub and GitLab draw as Mermaid
    (Markdown), or every diagram as a picture (documents converted to DOCX or HTML).
    ``occurrences``: each event's occurrences by index in ``plan.events``, when the
    validation computed them already (:attr:`planverk.validate.Validation.occurrences`).
    """
    given = occurrences or {}
    build = _Builder(plan, labels, as_of)
    scope = Scope(plan, group) if group else None

    def mine(refs: list[str]) -> bool:
        return scope is None or scope.concerns(refs)

    events = []
    for index, event in enumerate(plan.events):
        if scope is None:  # the whole plan: every event and slot, nothing to look up
            events.append(build.event(event, event.agenda, given.get(index)))
            continue
        if not scope.concerns(_event_refs(event)):
            continue
        slots = [
            s for s in event.agenda if not s.participants or mine([*s.participants, *s.responsible])
        ]
        events.append(build.event(event, slots, given.get(index)))
    events.sort(key=lambda e: e.occurrences[0].start if e.occurrences else datetime.max)
    found = sorted(
        (o for e in events for o in e.occurrences), key=lambda o: (o.start, o.end, o.event.id)
    )
    all_deadlines = sorted(
        (
            build.deadline(d)
            for d in plan.deadlines
            if d.kind == "milestone" or mine(_deadline_refs(d))
        ),
        key=lambda d: (d.date, d.time.start if d.time else time.min, d.id),
    )
    for view in events:
        if view.phase is not None:
            view.phase.events.append(view)
    for deadline_view in all_deadlines:
        if deadline_view.phase is not None:
            deadline_view.phase.deadlines.append(deadline_view)
    # a form goes with its deadline: shown when the deadline is, or when it has none
    shown = {d.id: d for d in all_deadlines}
    forms = [
        FormView(
            id=f.id,
            title=f.title,
            to=f.to,
            description=f.description,
            deadline=shown.get(f.deadline) if f.deadline else None,
            max_pages=f.max_pages,
            attachments=list(f.attachments),
            sections=[FormSectionView(s.heading, s.prompt) for s in f.sections],
        )
        for f in plan.forms
        if f.deadline is None or f.deadline in shown
    ]
    info = plan.plan
    status = status_view(plan, as_of)
    for group_id, view in build.groups.items():
        view.mandate_details = mandate_view(plan, group_id, build.parties, status)
    phases = list(build.phases.values())
    groups = list(build.groups.values())
    current = build.groups.get(group) if group else None
    deadlines = [d for d in all_deadlines if d.kind == "deadline"]
    milestones = [d for d in all_deadlines if d.kind == "milestone"]
    plan_view = PlanView(
        id=info.id,
        title=info.title,
        organisation=info.organisation,
        owner=build.people.get(info.owner) if info.owner else None,
        start=info.period.start,
        end=info.period.end,
        language=info.language,
        timezone=info.timezone,
        description=info.description,
    )
    context = Context(
        plan=plan_view,
        language=info.language,
        labels=labels,
        as_of=as_of,
        group=current,
        people=list(build.people.values()),
        groups=groups,
        roles=[r for r in build.roles.values() if mine([r.id])],
        phases=phases,
        events=events,
        occurrences=found,
        deadlines=deadlines,
        milestones=milestones,
        forms=forms,
        references=[
            ReferenceView(r.id, r.title, r.kind, r.date, r.issuer, r.url, r.note)
            for r in plan.references
        ],
        goals=goal_tree(plan),
        goal_choices=[c for c in goal_choices(plan) if mine([c.group])],
        status=status,
        diagrams=DiagramsView(
            gantt(plan_view, phases, [*deadlines, *milestones], labels, found),
            org_chart(groups, current, labels),
        ),
    )
    if group:
        context.group_status = group_status(plan, group, status, as_of)
    context.pictures.update(picture_specs(context, plan, _mermaid(context, plan) if mermaid else {}))
    return context
