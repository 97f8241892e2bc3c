"""The one-screen overview: a few numbers from every section, as of a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Plan
from .benefits import benefit_status
from .deadlines import DeadlineItem, deadline_status
from .kpis import kpi_status
from .measures import QUADRANTS, SavingsYear, measure_status
from .risks import RiskStatus, risk_status
from .scorecards import scorecard_status


@dataclass(frozen=True)
class ScoreTotal:
    """One column of a scorecard: its total against the maximum."""

    scorecard: str
    organisation: str
    year: int
    total: float | None
    max: float | None
    scored: int = 0
    """Questions assessed (see :class:`~planverk.status.scorecards.Coverage`)."""
    questions: int = 0
    approximate: bool = False


@dataclass(frozen=True)
class Overview:
    """Counts and headlines of every section."""

    plan: str
    title: str
    organisation: str
    as_of: date
    horizon: int
    deadlines: dict[str, int]
    """Counts by state: overdue, due, done, later."""
    next_deadlines: list[DeadlineItem]
    """At most five: those due within the horizon, then the most recently overdue."""
    goals: int
    choices: tuple[int, int]
    """Goal choices made (with goals chosen), and all goal choices."""
    kpis: dict[str, int]
    """Counts by state: on-track, at-risk, off-track, unknown."""
    savings: list[tuple[str, SavingsYear]]
    """(savings target title, the as-of year, or its period's nearest year)."""
    measures: dict[str, int]
    """Counts by status."""
    quadrants: dict[str, int]
    benefits: dict[str, int]
    risks: dict[str, int]
    """Counts by level (and 'unscored')."""
    top_risks: list[RiskStatus]
    """The three open risks with the highest scores."""
    scores: list[ScoreTotal]
    reporting: dict[str, int] = field(default_factory=dict)
    """Periods of reporting rhythms by state: reported, overdue, due (within the horizon);
    empty when the plan has no rhythms."""
    thread_breaks: int = 0
    """Breaks in the red thread (see planverk.reporting.thread) not silenced on their item."""


def _count(values: list[str], keys: tuple[str, ...]) -> dict[str, int]:
    counts = dict.fromkeys(keys, 0)
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def overview(plan: Plan, as_of: date, horizon: int = 14) -> Overview:
    """Everything at a glance, as of ``as_of``; deadlines due within ``horizon`` days."""
    deadlines = deadline_status(plan, as_of, horizon)
    kpis = kpi_status(plan, as_of)
    measures = measure_status(plan, as_of)
    risks = risk_status(plan, as_of)
    savings = []
    for target in measures.savings:
        if target.years:
            year = min(target.years, key=lambda y: (abs(y.year - as_of.year), y.year))
            savings.append((target.title, year))
    scores = [
        ScoreTotal(
            card.title, column.organisation, column.year, card.totals[n], card.max,
            column.coverage.scored, column.coverage.questions, card.approximate[n],
        )
        for card in scorecard_status(plan, as_of)
        for n, column in enumerate(card.columns)
    ]
    open_risks = [r for r in risks.risks if r.status != "closed"]
    from .reporting import reporting_status
    from .thread import thread_status

    reporting = reporting_status(plan, as_of, horizon)
    return Overview(
        plan=plan.plan.id,
        title=plan.plan.title,
        organisation=plan.plan.organisation,
        as_of=as_of,
        horizon=horizon,
        deadlines={
            "overdue": len(deadlines.overdue),
            "due": len(deadlines.due),
            "done": len(deadlines.done),
            "later": len(deadlines.later),
        },
        next_deadlines=(deadlines.due + deadlines.overdue[::-1])[:5],
        goals=len(plan.goals),
        choices=(sum(1 for c in plan.goal_choices if c.goals), len(plan.goal_choices)),
        kpis=_count([k.state for k in kpis], ("on-track", "at-risk", "off-track", "unknown")),
        savings=savings,
        measures=_count(
            [m.status for m in measures.measures],
            ("proposed", "decided", "in-progress", "realised", "dropped"),
        ),
        quadrants=_count([m.quadrant for m in measures.measures if m.quadrant], QUADRANTS),
        benefits=_count(
            [b.state for b in benefit_status(plan, as_of, kpis)],
            ("on-track", "at-risk", "off-track", "unknown"),
        ),
        risks=_count(
            [r.level or "unscored" for r in open_risks], ("high", "moderate", "low", "unscored")
        ),
        top_risks=[r for r in open_risks if r.score is not None][:3],
        scores=scores,
        reporting={k: reporting.counts[k] for k in ("reported", "overdue", "due")} if reporting.duties else {},
        thread_breaks=sum(1 for b in thread_status(plan).breaks if b.silenced is None),
    )
