"""Benefits ("gevinster") and the dated steps by which they are to be realised."""


from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field

from .base import Day, Id, Model, Ref, Refs, Silenceable, Text, new_list
from .events import DoneStatus
from .reporting import Reporting
from .words import BENEFIT_TYPE, DONE_STATUS, words

BenefitType = Literal["quality", "time", "money"]


class RealisationStep(Model):
    """One dated step of a benefit's realisation plan."""

    id: Id | None = Field(
        default=None,
        description="Stable id, unique in the plan: what 'planverk done ID' names the step by.",
    )
    date: Day = Field(description="When the step is due.")
    step: Text = Field(description="What is done.")
    responsible: Refs = Field(
        default_factory=new_list, description="Person, role or group responsible."
    )
    status: Annotated[DoneStatus, words(DONE_STATUS, DoneStatus)] = Field(
        default="open", description="'open' (default) or 'done'."
    )
    done_on: Day | None = Field(default=None, description="When it was done.")


class Benefit(Silenceable):
    """A benefit the process is to bring, who answers for it and how it is shown."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="The benefit in a few words.")
    description: Text | None = Field(default=None, description="What it means in practice.")
    type: Annotated[BenefitType, words(BENEFIT_TYPE, BenefitType)] = Field(description="'quality', 'time' or 'money'.")
    owner: Ref | None = Field(
        default=None, description="Person, role or group that answers for it."
    )
    baseline: Text | None = Field(default=None, description="Where things stand before, in words.")
    target: Text | None = Field(default=None, description="What is to be reached, in words.")
    measured: Text | None = Field(default=None, description="How and when it is measured.")
    measures: Refs = Field(default_factory=new_list, description="The measures that bring it.")
    kpis: Refs = Field(default_factory=new_list, description="The KPIs that show it.")
    realisation: list[RealisationStep] = Field(
        default_factory=new_list, description="The realisation plan: dated steps, in date order."
    )
    reporting: Reporting | None = Field(
        default=None,
        description="How often its realisation is reported, by when after each period, and by whom: "
        "{every: tertial, due: 1 month, owner: ID}.",
    )
