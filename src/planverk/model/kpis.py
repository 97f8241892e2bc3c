"""Key performance indicators: what is measured, from where, against which baseline and target."""


from datetime import date as Date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import Day, Id, Model, Ref, Refs, Silenceable, Text, new_list
from .quantities import Number
from .reporting import Reporting
from ..i18n import MessageError, tr
from .words import COMPARATOR, DATA_SOURCE, DIRECTION, KPI_UNIT, words

Unit = Literal["score", "percent", "count", "nok"]
Direction = Literal["higher", "lower"]
Comparator = Literal[">=", ">", "=", "<=", "<"]
DataSource = Literal["survey", "kostra", "accounts", "register", "statistics", "other"]


class Scale(Model):
    """The range a value can take, e.g. a survey scale from 1 to 6."""

    min: float = Field(description="Lowest possible value.")
    max: float = Field(description="Highest possible value.")

    @model_validator(mode="after")
    def _check_order(self) -> "Scale":
        if self.max <= self.min:
            raise MessageError(tr("the scale's max ({max}) must be above its min ({min})", max=self.max, min=self.min))
        return self

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies on the scale."""
        return self.min <= value <= self.max


class Baseline(Model):
    """Where the indicator stood before the work started."""

    value: Number = Field(description="The value, e.g. 4,5 or '64 %'.")
    date: Day | None = Field(default=None, description="When it was measured.")
    source: Text | None = Field(
        default=None,
        description="Where it comes from, e.g. 'Medarbeiderundersøkelsen februar 2012'.",
    )
    note: Text | None = Field(default=None, description="Anything a reader should know about it.")


class Target(Model):
    """The value to reach, and by when."""

    value: Number = Field(description="The value to reach.")
    comparator: Annotated[Comparator, words(COMPARATOR, Comparator)] | None = Field(
        default=None,
        description="'>=', '>', '=', '<=' or '<' (quoted), or 'minst', 'mer enn', 'nøyaktig', "
        "'høyst', 'mindre enn' ('at least', 'more than', 'exactly', 'at most', 'less than'). "
        "Default: '>=' when higher is better, '<=' when lower is.",
    )
    due: Day | None = Field(default=None, description="When it is to be reached.")


class Measurement(Model):
    """One reading of the indicator."""

    date: Day = Field(description="When it was measured.")
    value: Number = Field(description="The value.")
    source: Text | None = Field(default=None, description="Where it comes from.")
    note: Text | None = Field(default=None, description="Anything a reader should know about it.")


class Kpi(Silenceable):
    """An indicator the process promises to move, with its baseline, target and readings."""

    id: Id = Field(description="Stable id.")
    name: Text = Field(description="What is measured, e.g. 'Fornøyd med egen arbeidssituasjon'.")
    goals: Refs = Field(default_factory=new_list, description="The goals it serves.")
    purpose: Text | None = Field(default=None, description="Why it is measured.")
    owner: Ref | None = Field(
        default=None, description="Person, role or group that answers for it."
    )
    unit: Annotated[Unit, words(KPI_UNIT, Unit)] = Field(
        default="score", description="'score' (on a scale), 'percent', 'count' or 'nok' (kroner)."
    )
    scale: Scale | None = Field(
        default=None,
        description="The range of possible values, e.g. {min: 1, max: 6} for a survey.",
    )
    direction: Annotated[Direction, words(DIRECTION, Direction)] = Field(
        default="higher", description="Which way is better: 'higher' (default) or 'lower'."
    )
    baseline: Baseline | None = Field(
        default=None, description="The value before the work started."
    )
    target: Target | None = Field(default=None, description="The value to reach, and by when.")
    ambition: Text | None = Field(
        default=None, description="The target in words, as the plan states it."
    )
    method: Text | None = Field(default=None, description="How it is measured.")
    data_source: Annotated[DataSource, words(DATA_SOURCE, DataSource)] | None = Field(
        default=None,
        description="'survey', 'kostra', 'accounts', 'register', 'statistics' or 'other'.",
    )
    measurements: list[Measurement] = Field(
        default_factory=new_list, description="Readings over time, oldest first."
    )
    reporting: Reporting | None = Field(
        default=None,
        description="How often it is reported, by when after each period, and by whom: "
        "{every: tertial, due: 1 month, owner: ID}.",
    )

    @model_validator(mode="after")
    def _check_scale(self) -> "Kpi":
        if self.unit == "score" and self.scale is None:
            raise MessageError(tr("a KPI with unit 'score' needs its 'scale', e.g. {{min: 1, max: 6}}"))
        return self

    @property
    def comparator(self) -> Comparator | None:
        """The target's comparator, or the direction's default."""
        if self.target is None:
            return None
        if self.target.comparator is not None:
            return self.target.comparator
        return ">=" if self.direction == "higher" else "<="
