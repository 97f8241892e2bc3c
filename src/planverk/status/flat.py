"""Each section as one flat table of plain values, for CSV: numbers unformatted, ids kept."""

from __future__ import annotations

from datetime import date
from typing import Any

from .benefits import BenefitStatus
from .cycle import CycleReport
from .deadlines import DeadlineReport
from .kpis import KpiStatus
from .measures import MeasuresReport
from .overview import Overview
from .risks import RiskReport
from .reporting import ReportingReport
from .scorecards import ScorecardStatus
from .thread import ThreadReport

Rows = tuple[list[str], list[list[Any]]]


def plain(value: Any) -> Any:
    """A value as CSV and JSON show it: floats to six decimals (whole ones as integers),
    dates as YYYY-MM-DD, lists joined with '; '."""
    if isinstance(value, float):
        value = round(value, 6)
        return int(value) if value.is_integer() else value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(plain(v)) for v in value)
    return value


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as the text it is, never runs as a formula.

    Text starting with ``= + - @``, tab or carriage return gets a leading ``'`` (OWASP,
    "CSV Injection"); numbers stay numbers (``-2`` written by planverk as a number is not text).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def deadline_rows(report: DeadlineReport) -> Rows:
    """One row per deadline, in state order: overdue, due, done, later."""
    header = ["id", "kind", "date", "time", "task", "responsible", "state", "days", "done_on", "period"]
    rows = [
        [i.id, i.kind, i.date, i.time, i.task, i.responsible, i.state, i.days, i.done_on, i.period]
        for i in (*report.overdue, *report.due, *report.done, *report.later)
    ]
    return header, rows


def cycle_rows(report: CycleReport) -> Rows:
    """One row per activity of the year, by due day."""
    header = ["id", "kind", "title", "period", "start", "due", "responsible", "state", "days"]
    rows = [
        [i.id, i.kind, i.title, i.period, i.start, i.due, i.responsible, i.state, i.days]
        for i in report.items
    ]
    return header, rows


def kpi_rows(kpis: list[KpiStatus]) -> Rows:
    """One row per KPI; ``approximate`` names its values written as estimates ('latest')."""
    header = [
        "id",
        "name",
        "unit",
        "direction",
        "baseline",
        "baseline_date",
        "baseline_source",
        "latest",
        "latest_date",
        "latest_source",
        "comparator",
        "target",
        "due",
        "change",
        "trend",
        "expected",
        "state",
        "reason",
        "method",
        "data_source",
        "approximate",
    ]
    rows = []
    for k in kpis:
        b, m = k.baseline, k.latest
        rows.append(
            [
                k.id,
                k.name,
                k.unit,
                k.direction,
                b.value if b else None,
                b.date if b else None,
                b.source if b else None,
                m.value if m else None,
                m.date if m else None,
                m.source if m else None,
                k.comparator,
                k.target,
                k.due,
                k.change,
                k.trend,
                k.expected,
                k.state,
                k.reason,
                k.method,
                k.data_source,
                k.approximate,
            ]
        )
    return header, rows


def approximate_columns(written: list[str]) -> list[str]:
    """A measure's amounts written as estimates ('effect.2026', 'realised.2025') as the
    columns that hold them ('estimated_2026', 'realised_2025')."""
    return [name.replace("effect.", "estimated_").replace("realised.", "realised_") for name in written]


def measure_rows(report: MeasuresReport) -> Rows:
    """One row per measure, with its estimated and realised effect for each year in columns,
    and in ``approximate`` the columns whose amount was written as an estimate ('ca.')."""
    years = sorted(
        {y for m in report.measures for y in (*m.effect, *m.realised)}
        | {y.year for s in report.savings for y in s.years}
    )
    header = [
        "id",
        "title",
        "owner",
        "area",
        "status",
        "savings_target",
        "effect_rating",
        "feasibility",
        "quadrant",
    ]
    header += [f"estimated_{y}" for y in years] + [f"realised_{y}" for y in years] + ["approximate"]
    rows = [
        [
            m.id,
            m.title,
            m.owner,
            m.area,
            m.status,
            m.savings_target,
            m.effect_rating,
            m.feasibility,
            m.quadrant,
        ]
        + [m.effect.get(y) for y in years]
        + [m.realised.get(y) for y in years]
        + [approximate_columns(m.approximate)]
        for m in report.measures
    ]
    return header, rows


def benefit_rows(benefits: list[BenefitStatus]) -> Rows:
    """One row per benefit."""
    header = [
        "id",
        "title",
        "type",
        "owner",
        "state",
        "kpis",
        "measures",
        "steps",
        "steps_done",
        "steps_overdue",
        "next_step_date",
        "next_step",
    ]
    rows = []
    for b in benefits:
        step = b.next_step
        rows.append(
            [
                b.id,
                b.title,
                b.type,
                b.owner,
                b.state,
                [k.id for k in b.kpis],
                [m.id for m in b.measures],
                len(b.steps),
                sum(s.done for s in b.steps),
                sum(s.overdue for s in b.steps),
                step.date if step else None,
                step.step if step else None,
            ]
        )
    return header, rows


def risk_rows(report: RiskReport) -> Rows:
    """One row per risk, highest score first."""
    header = [
        "id",
        "title",
        "probability",
        "consequence",
        "score",
        "level",
        "trend",
        "assessed",
        "owner",
        "status",
        "review",
        "review_overdue",
    ]
    rows = [
        [
            r.id,
            r.title,
            r.probability,
            r.consequence,
            r.score,
            r.level,
            r.trend,
            r.assessed,
            r.owner,
            r.status,
            r.review,
            r.review_overdue,
        ]
        for r in report.risks
    ]
    return header, rows


def scorecard_rows(cards: list[ScorecardStatus]) -> Rows:
    """One row per scorecard, area (and 'total') and assessment, with how much was assessed;
    'common' rows hold each column's total on the questions every column assessed."""
    header = [
        "scorecard", "area", "area_name", "organisation", "year", "score", "max", "gap",
        "approximate", "assessed", "questions", "missing",
    ]
    rows = []
    for card in cards:
        for n, column in enumerate(card.columns):
            for area in card.areas:
                coverage = area.coverage[n]
                rows.append(
                    [
                        card.id, area.id, area.name, column.organisation, column.year,
                        area.scores[n], area.max, area.gaps[n], area.approximate[n],
                        coverage.scored, coverage.questions, coverage.missing,
                    ]
                )
            coverage = column.coverage
            rows.append(
                [
                    card.id, "total", "", column.organisation, column.year,
                    card.totals[n], card.max, card.gaps[n], card.approximate[n],
                    coverage.scored, coverage.questions, coverage.missing,
                ]
            )
            if card.common is not None:
                rows.append(
                    [
                        card.id, "common", "", column.organisation, column.year,
                        card.common.totals[n], card.common.max, None, card.common.approximate[n],
                        card.common.compared, card.common.questions, None,
                    ]
                )
    return header, rows


def scorecard_question_rows(cards: list[ScorecardStatus]) -> Rows:
    """One row per scorecard, question and assessment (``status scorecard --questions``)."""
    header = [
        "scorecard", "area", "question", "text", "organisation", "year", "score", "max",
        "approximate", "missing", "as_a_whole",
    ]
    rows = []
    for card in cards:
        for n, column in enumerate(card.columns):
            for area in card.areas:
                for question in area.questions:
                    cell = question.scores[n]
                    rows.append(
                        [
                            card.id, area.id, question.id, question.text, column.organisation,
                            column.year, cell.value, question.max, cell.approximate, cell.missing,
                            cell.whole,
                        ]
                    )
    return header, rows


def reporting_rows(report: ReportingReport) -> Rows:
    """One row per period of each rhythm."""
    header = ["kind", "id", "name", "owner", "every", "period", "start", "end", "due", "state", "reported_on", "days"]
    rows = [
        [d.kind, d.id, d.name, d.owner_id, d.every, p.key, p.start, p.end, p.due, p.state, p.reported_on, p.days]
        for d in report.duties
        for p in d.periods
    ]
    return header, rows


def thread_rows(report: ThreadReport) -> Rows:
    """One row per goal with the ids that serve it, then one per break (goal column empty)."""
    header = ["goal", "title", "depth", "measures", "kpis", "benefits", "reports", "break", "code", "item"]
    rows: list[list[Any]] = [
        [c.id, c.title, c.depth, [x.id for x in c.measures], [x.id for x in c.kpis],
         [x.id for x in c.benefits], [x.id for x in c.reports],
         "goal-without-measure" if c.broken else "", "PV640" if c.broken else "", ""]
        for c in report.chains
    ]
    rows += [["", b.name, "", "", "", "", "", b.kind, b.code, b.id] for b in report.breaks if b.list != "goals"]
    return header, rows


def overview_rows(o: Overview) -> Rows:
    """The overview's figures, one per row: section, key, value."""
    rows: list[list[Any]] = [["deadlines", key, n] for key, n in o.deadlines.items()]
    rows.append(["goals", "count", o.goals])
    rows.append(["goals", "choices_made", o.choices[0]])
    rows.append(["goals", "choices", o.choices[1]])
    rows += [["kpis", key, n] for key, n in o.kpis.items()]
    for title, year in o.savings:
        for key in ("target", "identified", "decided", "realised", "gap"):
            rows.append([f"savings {year.year}: {title}", key, getattr(year, key)])
        if year.approximate:  # the figures above that add up an estimate ('ca. 3 mill. kr')
            rows.append([f"savings {year.year}: {title}", "approximate", year.approximate])
    rows += [["measures", key, n] for key, n in o.measures.items()]
    rows += [["quadrants", key, n] for key, n in o.quadrants.items()]
    rows += [["benefits", key, n] for key, n in o.benefits.items()]
    rows += [["risks", key, n] for key, n in o.risks.items()]
    for s in o.scores:
        rows.append([f"scorecard: {s.scorecard}", f"{s.organisation} {s.year}", s.total])
        rows.append([f"scorecard: {s.scorecard}", f"{s.organisation} {s.year}: assessed", s.scored])
        rows.append([f"scorecard: {s.scorecard}", f"{s.organisation} {s.year}: questions", s.questions])
    rows += [["reporting", key, n] for key, n in o.reporting.items()]
    if o.thread_breaks:
        rows.append(["thread", "breaks", o.thread_breaks])
    return ["section", "key", "value"], rows
