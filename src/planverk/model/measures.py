"""Measures ("tiltak") with their effect in kroner and their ratings, and savings targets."""

from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field

from .base import Day, Id, Model, Period, Ref, Refs, Silenceable, Text
from .quantities import Money
from .ratings import Rating
from .reporting import Reporting
from .words import MEASURE_STATUS, words

MeasureStatus = Literal["proposed", "decided", "in-progress", "realised", "dropped"]
DECIDED: frozenset[str] = frozenset({"decided", "in-progress", "realised"})
"""Statuses of a measure that has been decided."""

YearAmounts = dict[int, Money]
"""Amounts by budget year: ``{2024: 1,5 mill. kr, 2025: 3 mill. kr}``."""


class Ratings(Model):
    """How a measure is judged, each on the 1-5 scale (a number or a word such as 'high')."""

    effect: Rating | None = Field(
        default=None, description="How much it achieves: 1 very low to 5 very high."
    )
    staff_impact: Rating | None = Field(
        default=None, description="How hard it is on staff: 1 hardly noticed to 5 severe."
    )
    user_impact: Rating | None = Field(
        default=None,
        description="How hard it is on users of the services: 1 hardly noticed to 5 severe.",
    )
    political_acceptance: Rating | None = Field(
        default=None,
        description="How readily it will be adopted: 1 strong opposition to 5 broad support.",
    )


class Measure(Silenceable):
    """A measure to try or carry out, what it costs or saves, and how it is judged."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="What is done.")
    description: Text | None = Field(default=None, description="Details.")
    owner: Ref | None = Field(default=None, description="Person, role or group responsible.")
    area: Text | None = Field(default=None, description="Service area or unit it concerns.")
    target_group: Text | None = Field(
        default=None, description="Whom it reaches, e.g. 'alle fast ansatte (650)'."
    )
    status: Annotated[MeasureStatus, words(MEASURE_STATUS, MeasureStatus)] = Field(
        default="proposed",
        description="'proposed' (default), 'decided', 'in-progress', 'realised' or 'dropped'.",
    )
    decided_on: Day | None = Field(
        default=None,
        description="When it was decided (the council or board meeting); expected once the "
        "status is decided, in-progress or realised, and no effect is realised before it.",
    )
    goals: Refs = Field(default_factory=list, description="The goals it serves.")
    kpis: Refs = Field(default_factory=list, description="The KPIs that show its effect.")
    deadlines: Refs = Field(
        default_factory=list, description="Deadlines and milestones that mark its progress."
    )
    savings_target: Ref | None = Field(
        default=None, description="The savings target its effect counts towards."
    )
    effect: YearAmounts = Field(
        default_factory=dict,
        description="Estimated effect by budget year in kroner, savings positive: {2025: 2,5 mill. kr}.",
    )
    realised: YearAmounts = Field(
        default_factory=dict, description="Realised effect by budget year; only once decided."
    )
    ratings: Ratings = Field(
        default_factory=Ratings,
        description="Effect, impact on staff and users, political acceptance.",
    )
    reporting: Reporting | None = Field(
        default=None,
        description="How often its progress is reported, by when after each period, and by whom: "
        "{every: tertial, due: 1 month, owner: ID}.",
    )


class SavingsTarget(Silenceable):
    """A target to lower net operating costs over a period, with the level to reach each year."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="The target in words.")
    description: Text | None = Field(
        default=None, description="Background, e.g. the council decision."
    )
    owner: Ref | None = Field(default=None, description="Person, role or group responsible.")
    total: Money = Field(description="How much lower costs are to be at the end, in kroner.")
    period: Period = Field(description="The years the target runs over.")
    years: YearAmounts = Field(
        default_factory=dict,
        description="How much lower costs are to be in each budget year than before the target "
        "(the economic plan's columns); the last year's equals the total.",
    )
