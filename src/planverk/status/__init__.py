"""Where a plan stands as of a date: deadlines, KPIs, measures and savings, benefits, risks
and scorecards.

Two layers. The computations return plain dataclasses and never format anything, so other
renderers (a status report template, a workbook) can reuse them:

- :func:`~planverk.status.deadlines.deadline_status`
- :func:`~planverk.status.cycle.cycle_status` (the year's activities by due day: the annual cycle)
- :func:`~planverk.status.kpis.kpi_status` (the on-track rule is in its module docstring)
- :func:`~planverk.status.measures.measure_status` (savings per year, matrix quadrants)
- :func:`~planverk.status.benefits.benefit_status`
- :func:`~planverk.status.risks.risk_status` (score, level, 5x5 matrix)
- :func:`~planverk.status.scorecards.scorecard_status`
- :func:`~planverk.status.goals.goal_tree` and :func:`~planverk.status.goals.goal_choices`
- :func:`~planverk.status.reporting.reporting_status` (what is due and overdue, by owner)
- :func:`~planverk.status.thread.thread_status` (the red thread and its breaks)
- :func:`~planverk.status.overview.overview`

:func:`render_status` puts one section through a view (tables in the plan's language) and
prints it as rich tables or Markdown, or writes its data as CSV or versioned JSON.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from typing import Any

from ..model import Plan

SECTIONS = ("overview", "deadlines", "cycle", "kpis", "measures", "benefits", "risks", "scorecard", "reporting",
            "thread")
JSON_VERSION = 1
"""Bumped when a key of the status JSON changes meaning or disappears."""


def compute(plan: Plan, section: str, as_of: date, horizon: int = 14) -> Any:
    """The data of one section as of ``as_of``; ``horizon``: days ahead a deadline is 'due'."""
    from .benefits import benefit_status
    from .deadlines import deadline_status
    from .kpis import kpi_status
    from .measures import measure_status
    from .overview import overview
    from .risks import risk_status
    from .scorecards import scorecard_status

    if section == "overview":
        return overview(plan, as_of, horizon)
    if section == "deadlines":
        return deadline_status(plan, as_of, horizon)
    if section == "cycle":
        from .cycle import cycle_status

        return cycle_status(plan, as_of)
    if section == "kpis":
        return kpi_status(plan, as_of)
    if section == "measures":
        return measure_status(plan, as_of)
    if section == "benefits":
        return benefit_status(plan, as_of, kpi_status(plan, as_of))
    if section == "risks":
        return risk_status(plan, as_of)
    if section == "scorecard":
        return scorecard_status(plan, as_of)
    if section == "reporting":
        from .reporting import reporting_status

        return reporting_status(plan, as_of, horizon)
    if section == "thread":
        from .thread import thread_status

        return thread_status(plan)
    raise ValueError(f"unknown section '{section}'")


def section_view(section: str, data: Any, language: str, as_of: date, questions: bool = False):
    """The section's data as a report of tables in ``language``: what render_status prints,
    and what the status-report template shows; ``questions`` adds each scorecard question by
    question."""
    from .views.benefits import benefits_view
    from .views.common import Context
    from .views.cycle import cycle_view
    from .views.deadlines import deadlines_view
    from .views.kpis import kpis_view
    from .views.measures import measures_view
    from .views.overview import overview_view
    from .views.risks import risks_view
    from .views.scorecards import scorecards_view

    ctx = Context(language)
    views = {
        "overview": lambda: overview_view(ctx, data),
        "deadlines": lambda: deadlines_view(ctx, data),
        "cycle": lambda: cycle_view(ctx, data),
        "kpis": lambda: kpis_view(ctx, data, as_of),
        "measures": lambda: measures_view(ctx, data),
        "benefits": lambda: benefits_view(ctx, data, as_of),
        "risks": lambda: risks_view(ctx, data),
        "scorecard": lambda: scorecards_view(ctx, data, as_of, questions),
        "reporting": lambda: _reporting_view(ctx, data, as_of),
        "thread": lambda: _thread_view(ctx, data, as_of),
    }
    return views[section]()


def _reporting_view(ctx, data, as_of):
    from .views.reporting import reporting_view

    return reporting_view(ctx, data, as_of)


def _thread_view(ctx, data, as_of):
    from .views.thread import thread_view

    return thread_view(ctx, data, as_of)


def flat_rows(section: str, data: Any, questions: bool = False):
    """(column names, rows of plain values): the section as CSV and XLSX write it; with
    ``questions``, a scorecard's rows are its questions."""
    from . import flat

    if questions and section == "scorecard":
        return flat.scorecard_question_rows(data)

    return {
        "overview": flat.overview_rows,
        "deadlines": flat.deadline_rows,
        "cycle": flat.cycle_rows,
        "kpis": flat.kpi_rows,
        "measures": flat.measure_rows,
        "benefits": flat.benefit_rows,
        "risks": flat.risk_rows,
        "scorecard": flat.scorecard_rows,
        "reporting": flat.reporting_rows,
        "thread": flat.thread_rows,
    }[section](data)


def _jsonable(value: Any) -> Any:
    from .flat import plain

    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return plain(value)


def to_json(plan: Plan, section: str, as_of: date, data: Any) -> str:
    """The versioned JSON document of a section (docs/status.md lists its keys)."""
    document = {
        "version": JSON_VERSION,
        "plan": plan.plan.id,
        "section": section,
        "as_of": as_of.isoformat(),
        "data": _jsonable(
            dataclasses.asdict(data)
            if dataclasses.is_dataclass(data)
            else [dataclasses.asdict(item) for item in data]
        ),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(section: str, data: Any, questions: bool = False) -> str:
    """One flat table of plain values (see :mod:`planverk.status.flat`)."""
    from .flat import csv_cell, plain

    header, rows = flat_rows(section, data, questions)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(plain(v)) for v in row] for row in rows])
    return out.getvalue()


def render_status(
    plan: Plan,
    section: str,
    as_of: date,
    *,
    horizon: int = 14,
    fmt: str = "markdown",
    width: int = 100,
    color: bool = False,
    questions: bool = False,
) -> str:
    """One section of the plan's status as of ``as_of``, in ``fmt`` (rich, markdown, csv, json);
    ``questions``: the scorecard section question by question too (csv: instead)."""
    from .render import render_markdown, render_rich

    data = compute(plan, section, as_of, horizon)
    if fmt == "json":
        return to_json(plan, section, as_of, data)
    if fmt == "csv":
        return to_csv(section, data, questions)
    report = section_view(section, data, plan.plan.language, as_of, questions)
    if fmt == "rich":
        return render_rich(report, width, color)
    if fmt == "markdown":
        return render_markdown(report)
    raise ValueError(f"unknown format '{fmt}'")
