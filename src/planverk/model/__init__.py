"""The plan model: Pydantic classes for everything a plan file can hold."""

from .base import Period, Silence
from .benefits import Benefit, RealisationStep
from .events import Deadline, Event, Invitation, Slot
from .goals import Goal, GoalChoice
from .kpis import Baseline, Kpi, Measurement, Scale, Target
from .mandate import Mandate
from .measures import Measure, Ratings, SavingsTarget
from .plan import Group, Member, Person, Phase, Plan, PlanInfo, QuietPeriod, Role
from .quantities import Quantity
from .recurrence import OccurrenceChange, Repeat
from .reporting import Report, Reporting
from .risks import Risk, RiskAssessment
from .scorecards import Area, Assessment, Question, Scorecard
from .times import TimeRange
from .workbook import Form, FormSection, PartialDate, Reference

__all__ = [
    "Area",
    "Assessment",
    "Baseline",
    "Benefit",
    "Deadline",
    "Event",
    "Form",
    "FormSection",
    "Goal",
    "GoalChoice",
    "Group",
    "Invitation",
    "Kpi",
    "Mandate",
    "Measure",
    "Measurement",
    "Member",
    "OccurrenceChange",
    "PartialDate",
    "Period",
    "Person",
    "Phase",
    "Plan",
    "PlanInfo",
    "Quantity",
    "Question",
    "QuietPeriod",
    "Ratings",
    "RealisationStep",
    "Reference",
    "Repeat",
    "Report",
    "Reporting",
    "Risk",
    "RiskAssessment",
    "Role",
    "SavingsTarget",
    "Scale",
    "Scorecard",
    "Silence",
    "Slot",
    "Target",
    "TimeRange",
]

from . import prebuilt

prebuilt.prepare({"Plan": Plan, "Period": Period})
