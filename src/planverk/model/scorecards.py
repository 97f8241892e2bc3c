"""Scorecards: a framework of areas and questions with maximum scores, and assessments."""

from __future__ import annotations

from datetime import date as Date

from pydantic import Field, StrictInt

from .base import Day, Id, Model, Silenceable, Text, new_list
from .quantities import Number

Scores = dict[str, dict[str, Number | None]]
"""Scores by area id, then question id; an empty score means not scored yet."""


class Question(Model):
    """One question of an area, and the most it can score."""

    id: Id = Field(description="Id within the area, e.g. 'q1'.")
    text: Text = Field(description="The question.")
    max: Number = Field(description="The highest score it can get.")


class Area(Model):
    """An area of the framework and its questions."""

    id: Id = Field(description="Id within the scorecard, e.g. 'lederskap'.")
    name: Text = Field(description="Name of the area.")
    total: Number | None = Field(
        default=None, description="The area's stated maximum; its questions' maxima add up to it."
    )
    questions: list[Question] = Field(
        default_factory=new_list, description="The questions and their maxima."
    )


class Assessment(Model):
    """One organisation's scores in one year."""

    organisation: Text = Field(
        description="Who was assessed, e.g. a municipality or a service area."
    )
    year: StrictInt = Field(description="The year the assessment concerns.")
    date: Day | None = Field(default=None, description="When it was made.")
    scores: Scores = Field(default_factory=dict, description="Scores by area id, then question id.")
    note: Text | None = Field(default=None, description="Anything a reader should know about it.")


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
