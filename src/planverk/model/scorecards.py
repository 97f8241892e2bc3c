"""Scorecards: a framework of areas and questions with maximum scores, and assessments.

A score is a number (``12``, ``7,5``), an estimate (``'≈9'``, ``'ca. 9'``, ``'~9'``) or
missing with the reason the source gives none (``{missing: illegible on the slide}``).
An area is scored question by question (a mapping of question ids and scores) or as a
whole (one score, as ``okonomi: 62``), as in KS' Kommunekompasset, where slides often give
an area's sum without its questions.
"""


from dataclasses import dataclass
from datetime import date as Date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, StrictInt, WithJsonSchema

from ..i18n import MessageError, tr
from .base import Day, Id, Model, PlanText, Refs, Silenceable, Text, new_list
from .quantities import Number, Quantity, parse_quantity, serialize_quantity

WHOLE = "*"
"""The key under an area's scores that holds the score of the area as a whole (``okonomi:
62`` is read as ``okonomi: {'*': 62}``); never a question id, which has no ``*``."""


@dataclass(frozen=True, slots=True)
class Missing:
    """A score the source does not give, and why (``{missing: illegible on the slide}``)."""

    reason: str

    def __str__(self) -> str:
        """As the file writes it, ``{missing: illegible on the slide}``: messages that say what
        a score was show this, never the Python object."""
        return f"{{missing: {self.reason}}}"


def parse_score(value: Any) -> Quantity | Missing:
    """A score as written: a number without a unit, possibly approximate, or ``{missing: reason}``.

    Raises :class:`~planverk.i18n.MessageError` with what to write instead.
    """
    if isinstance(value, (Quantity, Missing)):
        return value
    if isinstance(value, dict):
        reason = value.get("missing")
        if set(value) == {"missing"} and isinstance(reason, str) and len(reason.strip()) >= 3:
            return Missing(PlanText(reason.strip()))
        raise MessageError(tr(
            "a score the source does not give is written {{missing: why}}, e.g. "
            "{{missing: illegible on the slide}}"
        ))
    try:
        quantity = parse_quantity(value)
    except MessageError:
        quantity = None
    if quantity is None or quantity.unit is not None or isinstance(value, bool):
        shown = repr(value) if not isinstance(value, str) else "'" + value + "'"
        raise MessageError(tr(
            "{value} is not a score: write a number (12 or 7,5), an estimate ('≈9', 'ca. 9' "
            "or '~9') or {{missing: why}}", value=shown,
        ))
    return quantity


def _serialize_score(score: Quantity | Missing, info: Any) -> Any:
    """``{"missing": reason}``, or the number as :class:`~planverk.model.quantities.Quantity`
    is written (with the ``estimates`` context, an estimate keeps its mark)."""
    return {"missing": score.reason} if isinstance(score, Missing) else serialize_quantity(score, info)


_SCORE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number"},
        {"type": "string"},
        {
            "type": "object",
            "properties": {
                "missing": {"type": "string", "minLength": 3, "description": "Why the source gives no score."}
            },
            "required": ["missing"],
            "additionalProperties": False,
        },
    ],
    "examples": [12, "7,5", "≈9", "ca. 9", {"missing": "uleseleg på lysbiletet"}],
}

Score = Annotated[
    Quantity | Missing,
    BeforeValidator(parse_score),
    PlainSerializer(_serialize_score),
    WithJsonSchema(_SCORE_SCHEMA),
]
"""A score: a number, an estimate, or missing with a reason."""


def _area_entry(value: Any) -> Any:
    """An area's scores: a mapping of questions, or one score for the area as a whole."""
    if isinstance(value, dict) and set(value) != {"missing"}:
        return value
    return {WHOLE: value}


AreaScores = Annotated[
    dict[str, Score | None],
    BeforeValidator(_area_entry),
    WithJsonSchema({
        "anyOf": [
            {"type": "object", "additionalProperties": {"anyOf": [_SCORE_SCHEMA, {"type": "null"}]}},
            _SCORE_SCHEMA,
            {"type": "null"},
        ],
        "description": "Scores by question id, or one score for the area as a whole.",
    }),
]

Scores = dict[str, AreaScores]
"""Scores by area id, then question id (or :data:`WHOLE`); an empty score means not scored yet."""


class Question(Model):
    """One question of an area, and the most it can score."""

    id: Id = Field(description="Id within the area, e.g. 'q1'.")
    text: Text = Field(description="The question.")
    max: Number | None = Field(
        default=None,
        description="The highest score it can get; leave it out when the source does not state "
        "it (the area's total must then be given).",
    )


class Area(Model):
    """An area of the framework and its questions."""

    id: Id = Field(description="Id within the scorecard, e.g. 'lederskap'.")
    name: Text = Field(description="Name of the area.")
    total: Number | None = Field(
        default=None, description="The area's stated maximum; its questions' maxima add up to it."
    )
    goals: Refs = Field(
        default_factory=new_list, description="The plan's goals this area of the scorecard follows up."
    )
    questions: list[Question] = Field(
        default_factory=new_list, description="The questions and their maxima."
    )

    def maximum(self) -> float | None:
        """The area's stated total, else its questions' maxima added up (None when one is unknown)."""
        if self.total is not None:
            return self.total.value
        maxima = [q.max.value for q in self.questions if q.max is not None]
        return sum(maxima) if maxima and len(maxima) == len(self.questions) else None


class Assessment(Silenceable):
    """One organisation's scores in one year."""

    organisation: Text = Field(
        description="Who was assessed, e.g. a municipality or a service area."
    )
    year: StrictInt = Field(description="The year the assessment concerns.")
    date: Day | None = Field(default=None, description="When it was made.")
    scores: Scores = Field(
        default_factory=dict,
        description="Scores by area id, then question id; a number, an estimate ('≈9', "
        "'ca. 9'), or {missing: why}. An area scored as a whole takes one score instead.",
    )
    note: Text | None = Field(default=None, description="Anything a reader should know about it.")

    def score(self, area: str, question: str) -> Quantity | Missing | None:
        """The score of one question (None: not scored)."""
        return (self.scores.get(area) or {}).get(question)

    def whole(self, area: str) -> Quantity | Missing | None:
        """The score given for an area as a whole (None: none)."""
        return (self.scores.get(area) or {}).get(WHOLE)


class Scorecard(Silenceable):
    """A framework of areas with questions, and the assessments made with it."""

    id: Id = Field(description="Stable id.")
    title: Text = Field(description="Name of the framework.")
    description: Text | None = Field(default=None, description="What it assesses.")
    total: Number | None = Field(
        default=None, description="The stated maximum in all; the areas' totals add up to it."
    )
    areas: list[Area] = Field(description="The areas and their questions.")
    assessments: list[Assessment] = Field(
        default_factory=new_list, description="Scores per organisation and year."
    )

