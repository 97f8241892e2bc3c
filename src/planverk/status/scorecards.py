"""Scorecards as of a date: each area and the total for every organisation and year side by
side, the gap to the maximum, and the change between an organisation's years.

An area's maximum is its stated total, or else the sum of its questions' maxima. An area's
score is the sum of the scores given; an area with no score at all has none (None).
Assessments of years after the as-of date's year (or dated after it) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Plan, Scorecard


@dataclass(frozen=True)
class Column:
    """One assessment: an organisation in a year."""

    organisation: str
    year: int
    unscored: int
    """How many questions it leaves without a score."""


@dataclass(frozen=True)
class AreaRow:
    """An area's maximum and its score in each column (None: not scored)."""

    id: str
    name: str
    max: float
    scores: list[float | None]
    gaps: list[float | None]


@dataclass(frozen=True)
class Change:
    """How an organisation's score moved between two of its years."""

    organisation: str
    from_year: int
    to_year: int
    areas: list[float | None]
    """Per area, in the order of ``ScorecardStatus.areas``."""
    total: float | None


@dataclass(frozen=True)
class ScorecardStatus:
    """One scorecard: areas by columns, totals, and changes between years."""

    id: str
    title: str
    max: float
    columns: list[Column]
    areas: list[AreaRow]
    totals: list[float | None]
    gaps: list[float | None]
    changes: list[Change]


def _sum(values: list[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _minus(a: float | None, b: float | None) -> float | None:
    return a - b if a is not None and b is not None else None


def _card(card: Scorecard, as_of: date) -> ScorecardStatus:
    kept = [
        a for a in card.assessments if a.year <= as_of.year and (a.date is None or a.date <= as_of)
    ]
    organisations = list(dict.fromkeys(a.organisation for a in kept))
    kept.sort(key=lambda a: (organisations.index(a.organisation), a.year))
    columns, areas = [], []
    for assessment in kept:
        missing = sum(
            1
            for area in card.areas
            for q in area.questions
            if assessment.scores.get(area.id, {}).get(q.id) is None
        )
        columns.append(Column(assessment.organisation, assessment.year, missing))
    for area in card.areas:
        maximum = (
            area.total.value if area.total is not None else sum(q.max.value for q in area.questions)
        )
        scores = []
        for assessment in kept:
            given = assessment.scores.get(area.id, {})
            scores.append(
                _sum(
                    [
                        given[q.id].value if given.get(q.id) is not None else None
                        for q in area.questions
                    ]
                )
            )
        areas.append(
            AreaRow(area.id, area.name, maximum, scores, [_minus(maximum, s) for s in scores])
        )
    maximum = card.total.value if card.total is not None else sum(a.max for a in areas)
    totals = [_sum([row.scores[n] for row in areas]) for n in range(len(kept))]
    changes = []
    for before, after in zip(range(len(kept)), range(1, len(kept))):
        if kept[before].organisation == kept[after].organisation:
            changes.append(
                Change(
                    kept[after].organisation,
                    kept[before].year,
                    kept[after].year,
                    [_minus(row.scores[after], row.scores[before]) for row in areas],
                    _minus(totals[after], totals[before]),
                )
            )
    return ScorecardStatus(
        card.id,
        card.title,
        maximum,
        columns,
        areas,
        totals,
        [_minus(maximum, t) for t in totals],
        changes,
    )


def scorecard_status(plan: Plan, as_of: date) -> list[ScorecardStatus]:
    """Every scorecard of the plan as of ``as_of`` (see the module docstring)."""
    return [_card(card, as_of) for card in plan.scorecards]
