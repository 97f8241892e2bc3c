"""The plan model: Pydantic classes for everything a plan file can hold."""

from .base import Period, Silence
from .events import Deadline, Event, Invitation, Slot
from .plan import Group, Member, Person, Phase, Plan, PlanInfo, Role
from .recurrence import OccurrenceChange, Repeat
from .times import TimeRange
from .workbook import Form, FormSection, PartialDate, Reference

__all__ = [
    "Deadline",
    "Event",
    "Form",
    "FormSection",
    "Group",
    "Invitation",
    "Member",
    "OccurrenceChange",
    "PartialDate",
    "Period",
    "Person",
    "Phase",
    "Plan",
    "PlanInfo",
    "Reference",
    "Repeat",
    "Role",
    "Silence",
    "Slot",
    "TimeRange",
]
