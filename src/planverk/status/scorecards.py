"""Scorecards as of a date: each area and the total for every organisation and year side by
side, how much of each was assessed, and fair comparisons between them.

An area's maximum is its stated total, or else the sum of its questions' maxima (None when
one is unknown). An area's score is the sum of the scores given, or its score as a whole;
an area with no score at all has none (None). A score written as an estimate (``≈9``)
makes every sum it is part of approximate.

Coverage counts questions: a question is assessed when it has a score (an estimate
included); an area scored as a whole has all its questions assessed; an area without
questions counts as one. The gap to the maximum is given only where everything is assessed:
on a partial assessment it would be mostly missing data.

Comparisons use only what both sides assessed: a change between two years of an
organisation adds up, per area, the changes of the questions scored in both years (an
area scored as a whole on one side is compared as a whole when the other side assessed all
of it), and says how many questions that is. The common totals do the same across every
column. Assessments of years after the as-of date's year (or dated after it) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Area, Assessment, Plan, Scorecard
from ..model.quantities import Quantity
from ..model.scorecards import WHOLE, Missing


@dataclass(frozen=True)
class Coverage:
    """How much of an area, or of a whole assessment, was assessed."""

    scored: int
    """Questions with a score, an estimate included."""
    questions: int
    """All questions (an area without questions counts as one)."""
    approximate: int = 0
    """Of the scored questions, those scored by an estimate."""
    missing: int = 0
    """Questions the source gives no score for, with the reason written."""

    @property
    def complete(self) -> bool:
        """Every question assessed."""
        return self.scored == self.questions

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.scored + other.scored,
            self.questions + other.questions,
            self.approximate + other.approximate,
            self.missing + other.missing,
        )


@dataclass(frozen=True)
class Column:
    """One assessment: an organisation in a year."""

    organisation: str
    year: int
    unscored: int
    """How many questions it leaves without a score (with a reason or not)."""
    coverage: Coverage
    note: str | None = None


@dataclass(frozen=True)
class ScoreCell:
    """One score as the assessment gives it."""

    value: float | None
    """None: not scored (see ``missing``)."""
    approximate: bool = False
    missing: str | None = None
    """Why the source gives no score, when it says."""
    whole: bool = False
    """The area was scored as a whole (on an area's row), or this question's area was (on a
    question's row, which then has no score of its own)."""


@dataclass(frozen=True)
class QuestionRow:
    """A question, its maximum (None: not stated) and its score in each column."""

    id: str
    text: str
    max: float | None
    scores: list[ScoreCell]


@dataclass(frozen=True)
class GoalLink:
    """A goal of the plan an area follows up."""

    id: str
    title: str


@dataclass(frozen=True)
class AreaRow:
    """An area's maximum and its score in each column (None: not scored)."""

    id: str
    name: str
    max: float | None
    scores: list[float | None]
    gaps: list[float | None]
    """Maximum minus score, where the area is fully assessed."""
    coverage: list[Coverage] = field(default_factory=list)
    approximate: list[bool] = field(default_factory=list)
    whole: list[bool] = field(default_factory=list)
    """Scored as a whole in that column."""
    goals: list[GoalLink] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    missing: list[str | None] = field(default_factory=list)
    """Why the source gives no score for the area as a whole, where it says."""


@dataclass(frozen=True)
class Change:
    """How an organisation's score moved between two of its years, on what both assessed."""

    organisation: str
    from_year: int
    to_year: int
    areas: list[float | None]
    """Per area, in the order of ``ScorecardStatus.areas``."""
    total: float | None
    compared: int = 0
    """Questions assessed in both years: the change is theirs."""
    compared_by_area: list[int] = field(default_factory=list)
    """The same per area."""
    questions: int = 0
    """All questions of the scorecard."""
    approximate: list[bool] = field(default_factory=list)
    """Per area: an estimate is among the scores compared, so the change is one too."""
    approximate_total: bool = False
    """An estimate is among all the scores compared."""


@dataclass(frozen=True)
class Common:
    """Every column's total on the questions assessed in all of them."""

    compared: int
    questions: int
    totals: list[float | None]
    max: float | None
    """The maximum of those questions, when every one of them has a known maximum."""
    approximate: list[bool] = field(default_factory=list)
    """Per column: an estimate is among the scores summed."""


@dataclass(frozen=True)
class ScorecardStatus:
    """One scorecard: areas by columns, totals, and changes between years."""

    id: str
    title: str
    max: float | None
    columns: list[Column]
    areas: list[AreaRow]
    totals: list[float | None]
    gaps: list[float | None]
    changes: list[Change]
    approximate: list[bool] = field(default_factory=list)
    common: Common | None = None
    """Set when there are two columns or more and one of them is not complete."""


@dataclass(frozen=True)
class _Given:
    """One area in one assessment: the scored questions' values, or the whole area's."""

    questions: dict[str, float]
    whole: float | None
    coverage: Coverage
    estimated: frozenset[str] = frozenset()
    """Questions scored by an estimate, or :data:`WHOLE` when the whole area's score is one."""

    @property
    def score(self) -> float | None:
        if self.whole is not None:
            return self.whole
        return sum(self.questions.values()) if self.questions else None


def _units(area: Area) -> int:
    return len(area.questions) or 1


def _cell(score: Quantity | Missing | None, whole: bool = False) -> ScoreCell:
    if isinstance(score, Quantity):
        return ScoreCell(score.value, score.approximate, whole=whole)
    if isinstance(score, Missing):
        return ScoreCell(None, missing=score.reason, whole=whole)
    return ScoreCell(None, whole=whole)


def _given(area: Area, assessment: Assessment) -> tuple[_Given, list[ScoreCell], ScoreCell]:
    """The area's scores in one assessment, its question cells and its own cell."""
    whole = assessment.whole(area.id)
    units = _units(area)
    if isinstance(whole, Quantity):
        approx = units if whole.approximate else 0
        cells = [ScoreCell(None, whole=True) for _ in area.questions]
        estimated = frozenset({WHOLE}) if whole.approximate else frozenset()
        given = _Given({}, whole.value, Coverage(units, units, approx), estimated)
        return given, cells, _cell(whole, True)
    cells = [_cell(assessment.score(area.id, q.id)) for q in area.questions]
    if not area.questions or isinstance(whole, Missing):
        scored = {q.id: c.value for q, c in zip(area.questions, cells) if c.value is not None}
        missing = units - len(scored) if isinstance(whole, Missing) else 0
        coverage = Coverage(len(scored), units, 0, missing)
        return _Given(scored, None, coverage), cells, _cell(whole, whole is not None)
    scored = {q.id: c.value for q, c in zip(area.questions, cells) if c.value is not None}
    coverage = Coverage(
        len(scored),
        units,
        sum(1 for c in cells if c.approximate),
        sum(1 for c in cells if c.missing is not None),
    )
    estimated = frozenset(q.id for q, c in zip(area.questions, cells) if c.approximate)
    given = _Given(scored, None, coverage, estimated)
    return given, cells, ScoreCell(given.score, bool(estimated))


@dataclass(frozen=True)
class _Compared:
    """Each side's score on what every side assessed, whether an estimate is in it, how many
    questions that is, and their maximum (None when unknown)."""

    values: list[float | None]
    approximate: list[bool]
    count: int
    max: float | None


def _compare(area: Area, sides: list[_Given]) -> _Compared:
    """The sides compared on what all of them assessed (see the module docstring)."""
    nothing = _Compared([None] * len(sides), [False] * len(sides), 0, None)
    if any(s.whole is not None for s in sides):
        if all(s.coverage.complete for s in sides):
            return _Compared(
                [s.score for s in sides], [bool(s.estimated) for s in sides], _units(area), area.maximum()
            )
        return nothing
    common = [q for q in area.questions if all(q.id in s.questions for s in sides)]
    if not common:
        return nothing
    maxima = [q.max.value for q in common if q.max is not None]
    maximum = sum(maxima) if len(maxima) == len(common) else None
    if len(common) == len(area.questions):
        maximum = area.maximum()
    return _Compared(
        [sum(s.questions[q.id] for q in common) for s in sides],
        [any(q.id in s.estimated for q in common) for s in sides],
        len(common),
        maximum,
    )


def _sum(values: list[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _minus(a: float | None, b: float | None) -> float | None:
    return a - b if a is not None and b is not None else None


def _card(card: Scorecard, as_of: date, titles: dict[str, str]) -> ScorecardStatus:
    kept = [
        a for a in card.assessments if a.year <= as_of.year and (a.date is None or a.date <= as_of)
    ]
    organisations = list(dict.fromkeys(a.organisation for a in kept))
    kept.sort(key=lambda a: (organisations.index(a.organisation), a.year))
    given: list[list[_Given]] = []  # per area, per column
    areas = []
    for area in card.areas:
        found = [_given(area, assessment) for assessment in kept]
        given.append([g for g, _, _ in found])
        maximum = area.maximum()
        scores = [g.score for g, _, _ in found]
        questions = [
            QuestionRow(q.id, q.text, q.max.value if q.max is not None else None, [cells[n] for _, cells, _ in found])
            for n, q in enumerate(area.questions)
        ]
        areas.append(
            AreaRow(
                area.id,
                area.name,
                maximum,
                scores,
                [_minus(maximum, s) if g.coverage.complete else None for (g, _, _), s in zip(found, scores)],
                [g.coverage for g, _, _ in found],
                [own.approximate for _, _, own in found],
                [own.whole for _, _, own in found],
                [GoalLink(ref, titles.get(ref, ref)) for ref in area.goals],
                questions,
                [own.missing for _, _, own in found],
            )
        )
    columns = []
    for n, assessment in enumerate(kept):
        coverage = sum((g[n].coverage for g in given), Coverage(0, 0))
        columns.append(
            Column(
                assessment.organisation,
                assessment.year,
                coverage.questions - coverage.scored,
                coverage,
                assessment.note,
            )
        )
    maxima = [a.max for a in areas]
    maximum = (
        card.total.value
        if card.total is not None
        else (sum(m for m in maxima if m is not None) if None not in maxima and maxima else None)
    )
    totals = [_sum([row.scores[n] for row in areas]) for n in range(len(kept))]
    changes = []
    for before, after in zip(range(len(kept)), range(1, len(kept))):
        if kept[before].organisation != kept[after].organisation:
            continue
        deltas, counts, estimates = [], [], []
        for a, area in enumerate(card.areas):
            compared = _compare(area, [given[a][before], given[a][after]])
            deltas.append(_minus(compared.values[1], compared.values[0]))
            counts.append(compared.count)
            estimates.append(deltas[-1] is not None and any(compared.approximate))
        changes.append(
            Change(
                kept[after].organisation,
                kept[before].year,
                kept[after].year,
                deltas,
                _sum(deltas),
                compared=sum(counts),
                compared_by_area=counts,
                questions=sum(_units(a) for a in card.areas),
                approximate=estimates,
                approximate_total=any(estimates),
            )
        )
    common = None
    if len(kept) > 1 and any(not c.coverage.complete for c in columns):
        found = [c for c in (_compare(area, given[a]) for a, area in enumerate(card.areas)) if c.count]
        maxima_known = all(c.max is not None for c in found)
        common = Common(
            sum(c.count for c in found),
            sum(_units(a) for a in card.areas),
            [_sum([c.values[n] for c in found]) for n in range(len(kept))],
            sum(c.max for c in found if c.max is not None) if found and maxima_known else None,
            [any(c.approximate[n] for c in found) for n in range(len(kept))],
        )
    return ScorecardStatus(
        card.id,
        card.title,
        maximum,
        columns,
        areas,
        totals,
        [_minus(maximum, t) if c.coverage.complete else None for c, t in zip(columns, totals)],
        changes,
        [any(row.approximate[n] for row in areas) for n in range(len(kept))],
        common,
    )


def scorecard_status(plan: Plan, as_of: date) -> list[ScorecardStatus]:
    """Every scorecard of the plan as of ``as_of`` (see the module docstring)."""
    titles = {g.id: g.title for g in plan.goals}
    return [_card(card, as_of, titles) for card in plan.scorecards]
