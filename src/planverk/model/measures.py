"""Measures ("tiltak") with their effect in kroner and their ratings, and savings targets."""


from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, model_validator

from .base import Day, Id, Model, Period, Ref, Refs, Silenceable, Text, new_list
from .dating import PeriodField, placed
from .quantities import Money
from .ratings import Rating
from .quantities import Quantity
from .reporting import Reporting
from .words import EFFECT_KIND, MEASURE_STATUS, words

MeasureStatus = Literal["proposed", "decided", "in-progress", "realised", "dropped"]
EffectKind = Literal["lasting", "one-off"]
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


class StatusChange(Model):
    """A dated change of a measure's status: ``{date: 2025-03-12, status: decided}``."""

    date: Day = Field(
        description="When the status changed: the meeting that decided it, the day work "
        "began, the day the effect was in place."
    )
    status: Annotated[MeasureStatus, words(MEASURE_STATUS, MeasureStatus)] = Field(
        description="The status from that date: 'proposed', 'decided', 'in-progress', "
        "'realised' or 'dropped'."
    )
    note: Text | None = Field(default=None, description="What happened, e.g. the case number.")


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
    status_history: list[StatusChange] = Field(
        default_factory=new_list,
        description="How the status changed, in date order, as a list of "
        "'{date: YYYY-MM-DD, status: ...}'; the last entry is the measure's 'status', and "
        "its first 'decided' entry is dated 'decided_on'. 'planverk record decision' adds to it.",
    )
    goals: Refs = Field(default_factory=new_list, description="The goals it serves.")
    kpis: Refs = Field(default_factory=new_list, description="The KPIs that show its effect.")
    deadlines: Refs = Field(
        default_factory=new_list, description="Deadlines and milestones that mark its progress."
    )
    savings_target: Ref | None = Field(
        default=None,
        description="The savings target its effect counts towards (and so every target above it).",
    )
    effect: YearAmounts = Field(
        default_factory=dict,
        description="Estimated effect by budget year in kroner, savings positive: {2025: 2,5 mill. kr}; "
        "with effect_kind: lasting, a year's figure holds in the later years too.",
    )
    effect_kind: Annotated[EffectKind, words(EFFECT_KIND, EffectKind)] | None = Field(
        default=None,
        description="'lasting' (varig): each year's effect holds in every later year of the "
        "period of its savings target or of any target above it, until a later year gives "
        "another figure; 'one-off' (engangs): each figure counts in its own year only. "
        "Without it, each year counts as written.",
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
    rollout: dict[Annotated[Text, Field(min_length=1)], PeriodField] = Field(
        default_factory=dict,
        description="Where and when it is rolled out: each unit (service site, department) with "
        "the period it applies in, e.g. {LOS hjemmetjenesten: Q3 2012, Skatt: Q4 2012}.",
    )

    @model_validator(mode="after")
    def _place_rollout(self, info: ValidationInfo) -> "Measure":
        self.rollout = {unit: placed(period, info, repeating=False) for unit, period in self.rollout.items()}
        return self

    def effect_in(self, year: int) -> Quantity | None:
        """The estimated effect in budget ``year``, in kroner, or None when there is none.

        A year with a figure has that figure. A year without one has, for a ``lasting``
        effect, the figure of the latest earlier year that has one (the effect is a level
        that holds: ``{2025: 3 mill. kr, 2026: 7 mill. kr}`` is 3 in 2025 and 7 in 2026 and
        each year after); for a ``one-off`` effect, or without ``effect_kind``, nothing.
        How far a lasting effect runs (its savings targets' periods) is
        :func:`planverk.model.effects.effects`, which every sum and table counts by.
        """
        if year in self.effect:
            return self.effect[year]
        if self.effect_kind == "lasting":
            earlier = [y for y in self.effect if y < year]
            if earlier:
                return self.effect[max(earlier)]
        return None


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
    parent: Ref | None = Field(
        default=None,
        description="The savings target this one is part of (e.g. a project's share of the "
        "economic plan's target); its measures count toward that target too.",
    )
    unallocated: Money | None = Field(
        default=None,
        description="The part of the total that no sub-target (target naming this one as its "
        "parent) holds, e.g. what is still to be found; the sub-targets' totals plus this "
        "equal the total (PV608, PV609).",
    )
    years: YearAmounts = Field(
        default_factory=dict,
        description="How much lower costs are to be in each budget year than before the target "
        "(the economic plan's columns); the last year's equals the total.",
    )
