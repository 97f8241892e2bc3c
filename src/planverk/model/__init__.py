"""The plan model: Pydantic classes for everything a plan file can hold."""

from .base import Period, Silence
from .events import Deadline, Event, Invitation, Slot
from .plan import Group, Member, Person, Phase, Plan, PlanInfo, Role
from .recurrence import OccurrenceChange, Repeat
from .times import TimeRange

__all__ = [
    "Deadline",
    "Event",
    "Group",
    "Invitation",
    "Member",
    "OccurrenceChange",
    "Period",
    "Person",
    "Phase",
    "Plan",
    "PlanInfo",
    "Repeat",
    "Role",
    "Silence",
    "Slot",
    "TimeRange",
]
