"""Risks as of a date: score, level, trend since the previous assessment, and the 5x5 matrix.

The score is probability x consequence (1-25). Levels: ``low`` up to 4, ``moderate``
5 to 9, ``high`` from 10. The assessment in force is the latest one on or before the
as-of date (else the risk's own ratings); a risk identified after the as-of date is left
out. A risk is ``growing`` when its score (or, without a consequence, its probability)
rose at the assessment in force, ``shrinking`` when it fell.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model import Plan, Risk
from .names import name_of, names

Level = Literal["low", "moderate", "high"]
Trend = Literal["growing", "shrinking", "steady"]


def level(score: int) -> Level:
    """The level of a score: low up to 4, moderate 5-9, high from 10."""
    return "low" if score <= 4 else "moderate" if score <= 9 else "high"


@dataclass(frozen=True)
class RiskStatus:
    """One risk as of a date."""

    id: str
    number: int
    """The risk's place in the plan's list, from 1: matrices show it as R1, R2, ..."""
    title: str
    probability: int
    consequence: int | None
    score: int | None
    level: Level | None
    trend: Trend | None
    """None when the risk has not been assessed again."""
    assessed: date | None
    owner: str | None
    status: str
    review: date | None
    review_overdue: bool
    consequences: list[str]
    mitigation: str | None


@dataclass(frozen=True)
class RiskReport:
    """The risks by score, highest first, and the matrix."""

    as_of: date
    risks: list[RiskStatus]
    matrix: list[list[list[int]]]
    """``matrix[p - 1][c - 1]``: numbers of the open risks with probability p and consequence c."""
    unrated: list[list[int]]
    """``unrated[p - 1]``: numbers of the open risks with probability p and no consequence rating."""

    @property
    def unscored(self) -> list[RiskStatus]:
        """Risks without a consequence rating, so without a score."""
        return [r for r in self.risks if r.score is None]


def _ratings(
    risk: Risk, as_of: date
) -> tuple[int, int | None, date | None, tuple[int, int | None] | None]:
    """(probability, consequence, date) in force, and the ratings before them (None if first)."""
    history: list[tuple[int, int | None, date | None]] = [
        (risk.probability, risk.consequence, risk.identified)
    ]
    history += [(a.probability, a.consequence, a.date) for a in risk.assessments if a.date <= as_of]
    probability, consequence, assessed = history[-1]
    before = (history[-2][0], history[-2][1]) if len(history) > 1 else None
    return probability, consequence, assessed, before


def _trend(now: tuple[int, int | None], before: tuple[int, int | None] | None) -> Trend | None:
    """Compare scores when both assessments have one, else probabilities."""
    if before is None:
        return None
    if now[1] is not None and before[1] is not None:
        a, b = now[0] * now[1], before[0] * before[1]
    else:
        a, b = now[0], before[0]
    return "growing" if a > b else "shrinking" if a < b else "steady"


def risk_status(plan: Plan, as_of: date) -> RiskReport:
    """The plan's risks as of ``as_of``, highest score first (see the module docstring)."""
    lookup = names(plan)
    risks = []
    for number, risk in enumerate(plan.risks, start=1):
        if risk.identified is not None and risk.identified > as_of:
            continue
        probability, consequence, assessed, before = _ratings(risk, as_of)
        score = probability * consequence if consequence is not None else None
        risks.append(
            RiskStatus(
                id=risk.id,
                number=number,
                title=risk.title,
                probability=probability,
                consequence=consequence,
                score=score,
                level=level(score) if score is not None else None,
                trend=_trend((probability, consequence), before),
                assessed=assessed,
                owner=name_of(lookup, risk.owner),
                status=risk.status,
                review=risk.review,
                review_overdue=risk.review is not None
                and risk.review < as_of
                and risk.status != "closed",
                consequences=list(risk.consequences),
                mitigation=risk.mitigation,
            )
        )
    risks.sort(key=lambda r: (r.status == "closed", -(r.score or 0), -r.probability))
    matrix: list[list[list[int]]] = [[[] for _ in range(5)] for _ in range(5)]
    unrated: list[list[int]] = [[] for _ in range(5)]
    for r in risks:
        if r.status == "closed":
            continue
        if r.consequence is not None:
            matrix[r.probability - 1][r.consequence - 1].append(r.number)
        else:
            unrated[r.probability - 1].append(r.number)
    return RiskReport(as_of, risks, matrix, unrated)
