"""The plan: its header, the people and bodies in it, their roles, phases and schedule."""


from datetime import date as Date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator

from ..patterns import lazy
from .base import Day, Id, Model, Period, Ref, Refs, Silenceable, Text, new_list
from .benefits import Benefit
from .events import Deadline, Event
from .goals import Goal, GoalChoice
from .kpis import Kpi
from .mandate import Mandate
from .measures import Measure, SavingsTarget
from .reporting import Report
from .risks import Risk
from .scorecards import Scorecard
from .workbook import Form, Reference
from ..i18n import MessageError, tr
from .words import GROUP_KIND, MEMBER_ROLE, words

GroupKind = Literal[
    "steering-group",
    "tripartite-body",
    "management-team",
    "project-group",
    "sector-group",
    "working-group",
    "development-team",
    "expert-group",
    "network",
    "political-body",
    "union-representatives",
    "other",
]
MemberRole = Literal["leader", "deputy", "member", "secretary", "substitute"]
_PERCENT = lazy(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


class PlanInfo(Model):
    """What the plan is, whose it is, and when and where it runs."""

    id: Id = Field(description="Stable id of the plan; calendar UIDs start with it.")
    title: Text = Field(description="Title, e.g. 'Prosess 2017 #Omstilling'.")
    organisation: Text = Field(description="The municipality or organisation.")
    owner: Ref | None = Field(default=None, description="The person who owns the plan.")
    period: Period = Field(description="When the process runs; every event falls inside it.")
    timezone: Text = Field(default="Europe/Oslo", description="IANA time zone of all times.")
    language: Literal["nb", "nn", "en"] = Field(
        default="nb", description="Language of rendered documents: nb, nn or en."
    )
    description: Text | None = Field(default=None, description="Purpose of the process.")


class Person(Silenceable):
    """Someone taking part in the process."""

    id: Id = Field(description="Stable id, e.g. 'ellen' or 'ole-oystein-larsen'.")
    name: Text = Field(description="Full name.")
    title: Text | None = Field(default=None, description="Job title.")
    unit: Text | None = Field(default=None, description="Unit or service area.")
    email: Text | None = Field(default=None, description="E-mail address.")
    phone: Text | None = Field(default=None, description="Phone number, as text.")


class Member(Model):
    """A person's membership of a group, with their role in it."""

    person: Ref = Field(description="The member.")
    role: Annotated[MemberRole, words(MEMBER_ROLE, MemberRole)] = Field(
        default="member", description="leader, deputy, member, secretary or substitute."
    )
    note: Text | None = Field(default=None, description="E.g. whom the member represents.")


def _member_shorthand(value: Any) -> Any:
    """A bare id in a member list means an ordinary member."""
    return {"person": value} if isinstance(value, str) else value


def _mandate_shorthand(value: Any) -> Any:
    """A mandate written as one sentence is its summary."""
    return {"summary": value} if isinstance(value, str) else value


class Group(Silenceable):
    """A body of the process: steering group, tripartite body, sector or working group."""

    id: Id = Field(description="Stable id.")
    name: Text = Field(description="Name, e.g. 'Styringsgruppe SFI'.")
    short_name: Text | None = Field(default=None, description="Abbreviation, e.g. 'RLG'.")
    kind: Annotated[GroupKind, words(GROUP_KIND, GroupKind)] = Field(default="other", description="What kind of body it is.")
    mandate: Annotated[
        Mandate, BeforeValidator(_mandate_shorthand, json_schema_input_type=Text | Mandate)
    ] | None = Field(
        default=None,
        description="What the group is for: a sentence, or {summary, delivers, by, to, scope, "
        "limits, savings_target}.",
    )
    members: list[
        Annotated[Member, BeforeValidator(_member_shorthand, json_schema_input_type=Ref | Member)]
    ] = Field(
        default_factory=new_list, description="Members: an id, or {person, role, note}."
    )
    includes: Refs = Field(
        default_factory=new_list, description="Groups whose members all belong to this group too."
    )
    reports_to: Ref | None = Field(default=None, description="The group this one reports to.")
    rhythm: Text | None = Field(
        default=None, description="How often it meets, in words, e.g. 'every 4th Wednesday'."
    )
    email: Text | None = Field(default=None, description="The group's address.")


class Responsibilities(Model):
    """A role's tasks, by when they apply."""

    at_sessions: list[Text] = Field(default_factory=new_list, description="At the sessions.")
    between_sessions: list[Text] = Field(default_factory=new_list, description="Between sessions.")
    after_sessions: list[Text] = Field(default_factory=new_list, description="After the sessions.")


class Role(Silenceable):
    """A role in the process (process owner, HR, finance, minute-taker) and who holds it."""

    id: Id = Field(description="Stable id.")
    name: Text = Field(description="Name of the role.")
    description: Text | None = Field(default=None, description="What the role is.")
    holders: Refs = Field(default_factory=new_list, description="People or groups holding the role.")
    group: Ref | None = Field(default=None, description="The group the role belongs to.")
    allocation: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Share of working time given to the process, in percent: '50 %' or 50.",
    )
    responsibilities: Responsibilities = Field(
        default_factory=Responsibilities, description="Tasks by when they apply."
    )

    @field_validator("allocation", mode="before", json_schema_input_type=float | str | None)
    @classmethod
    def _parse_percent(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _PERCENT.match(value)
            if not match:
                raise MessageError(tr("'{value}' is not a percentage: write e.g. '50 %'", value=value))
            return float(match.group(1).replace(",", "."))
        if isinstance(value, bool) or not isinstance(value, (int, float, type(None))):
            raise MessageError(tr("write the allocation as a percentage, e.g. '50 %'"))
        return value


class Phase(Silenceable):
    """A phase of the process, e.g. a session and the work before it."""

    id: Id = Field(description="Stable id.")
    name: Text = Field(description="Name.")
    period: Period = Field(description="When the phase runs.")
    description: Text | None = Field(
        default=None, description="What happens in it; a workbook shows it as the phase's purpose."
    )
    contacts: Refs = Field(
        default_factory=new_list, description="People to ask about this phase, e.g. a session's contacts."
    )


class QuietPeriod(Model):
    """A stretch of days without meetings: a school holiday, the summer weeks, Christmas."""

    name: Text = Field(description="Name, e.g. 'Vinterferie' or 'Fellesferie'.")
    start: Day = Field(description="First day (YYYY-MM-DD).")
    end: Day = Field(description="Last day, included (YYYY-MM-DD).")


def _listed(description: str) -> Any:
    """A list of the plan's items, empty unless the files give some: ``people:``, ``events:``."""
    return Field(default_factory=new_list, description=description)


class Plan(Model):
    """A whole plan: ``plan.yaml`` and every file it includes, merged."""

    plan: PlanInfo = Field(description="The plan's header.")
    include: list[Text] = _listed("More YAML files of this plan folder, by name or glob (plan.yaml only).")
    people: list[Person] = _listed("People in the process.")
    groups: list[Group] = _listed("Groups and bodies.")
    roles: list[Role] = _listed("Roles and their tasks.")
    phases: list[Phase] = _listed("Phases of the process.")
    quiet_periods: list[QuietPeriod] = _listed(
        "Holidays and other weeks without meetings; a meeting inside one is a warning (PV404)."
    )
    events: list[Event] = _listed("Meetings and sessions.")
    deadlines: list[Deadline] = _listed("Deadlines and milestones.")
    goals: list[Goal] = _listed("Goals and the themes that gather them.")
    goal_choices: list[GoalChoice] = _listed("The goals each group chooses to work on, per theme.")
    kpis: list[Kpi] = _listed("Key performance indicators.")
    measures: list[Measure] = _listed("Measures ('tiltak').")
    savings_targets: list[SavingsTarget] = _listed("Savings targets.")
    benefits: list[Benefit] = _listed("Benefits to realise ('gevinster').")
    reports: list[Report] = _listed(
        "Reports due at a rhythm: tertial reports, annual reports, status reports."
    )
    risks: list[Risk] = _listed("The risk analysis.")
    scorecards: list[Scorecard] = _listed("Scorecards and their assessments.")
    forms: list[Form] = _listed("Forms participants fill in and send (submission templates).")
    references: list[Reference] = _listed("Documents the process builds on.")
