"""Risks: what can go wrong, how likely and how bad, and what is done about it."""


from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field

from .base import Day, Id, Model, Ref, Silenceable, Text, Texts, new_list
from .ratings import Rating
from .words import RISK_STATUS, words

RiskStatus = Literal["open", "mitigated", "closed"]


class RiskAssessment(Model):
    """A later assessment of the same risk, which replaces the earlier from its date."""

    date: Day = Field(description="When the risk was assessed again.")
    probability: Rating = Field(description="How likely, 1-5 or a word.")
    consequence: Rating | None = Field(default=None, description="How bad, 1-5 or a word.")
    note: Text | None = Field(default=None, description="What changed.")


class Risk(Silenceable):
    """Something that can go wrong, rated for probability and consequence on 1-5 scales."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="What can go wrong.")
    description: Text | None = Field(default=None, description="Why it may happen.")
    probability: Rating = Field(
        description="How likely: 1-5, or very low, low, moderate, high, very high (lav, moderat, høy ...)."
    )
    consequence: Rating | None = Field(
        default=None,
        description="How bad if it happens, on the same scale; without it the risk has no score.",
    )
    consequences: Texts = Field(
        default_factory=new_list, description="What would follow, in words."
    )
    mitigation: Text | None = Field(
        default=None, description="What is done to make it less likely or less bad."
    )
    owner: Ref | None = Field(default=None, description="Person, role or group that watches it.")
    status: Annotated[RiskStatus, words(RISK_STATUS, RiskStatus)] = Field(
        default="open", description="'open' (default), 'mitigated' or 'closed'."
    )
    identified: Day | None = Field(default=None, description="When it was first assessed.")
    review: Day | None = Field(default=None, description="When it is to be assessed again.")
    assessments: list[RiskAssessment] = Field(
        default_factory=new_list, description="Later assessments, in date order."
    )
