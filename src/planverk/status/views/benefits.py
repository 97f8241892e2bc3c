"""Benefits: their KPIs and measures, and the realisation plan."""

from __future__ import annotations

from datetime import date

from ..benefits import BenefitStatus
from .common import DASH, STATE_STYLES, Cell, Context, Report, Table, tally


def _states(ctx: Context, states: list[str]) -> str:
    found = [s for s in ("on-track", "at-risk", "off-track", "unknown") if s in states]
    return tally([(ctx.t(s), ctx.number(states.count(s))) for s in found], DASH)


def benefits_view(ctx: Context, benefits: list[BenefitStatus], as_of: date) -> Report:
    """The benefits section: one row each (KPIs summarised by state), then the realisation plan."""
    result = Report(ctx.t("benefits"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not benefits:
        result.add(ctx.t("none_in_plan", what=ctx.t("benefits").lower()))
        return result
    rows = []
    for b in benefits:
        step = b.next_step
        rows.append(
            [
                Cell(b.title),
                Cell(ctx.t("benefit_" + b.type)),
                Cell(b.owner or DASH),
                Cell(_states(ctx, [k.state for k in b.kpis])),
                Cell(ctx.number(len(b.measures)) if b.measures else DASH),
                Cell(
                    ctx.date(step.date) if step else DASH, "bad" if step and step.overdue else None
                ),
                Cell(ctx.t(b.state), STATE_STYLES[b.state]),
            ]
        )
    result.add(
        Table(
            f"{ctx.t('benefits')} ({len(benefits)})",
            [
                ctx.t("benefit"),
                ctx.t("type"),
                ctx.t("owner"),
                ctx.t("kpis"),
                ctx.t("measures"),
                ctx.t("next_step"),
                ctx.t("state"),
            ],
            ["left", "left", "left", "left", "right", "left", "left"],
            rows,
            ctx.t("benefit_rule"),
        )
    )
    steps = []
    for b, s in sorted(((b, s) for b in benefits for s in b.steps), key=lambda pair: pair[1].date):
        state = (
            ctx.t("step_done")
            if s.done
            else ctx.t("step_overdue")
            if s.overdue
            else ctx.t("step_open")
        )
        style = "good" if s.done else "bad" if s.overdue else None
        steps.append(
            [
                Cell(ctx.date(s.date)),
                Cell(b.title),
                Cell(s.step),
                Cell(", ".join(s.responsible) or DASH),
                Cell(state, style),
            ]
        )
    if steps:
        result.add(
            Table(
                ctx.t("realisation_plan"),
                [
                    ctx.t("date"),
                    ctx.t("benefit"),
                    ctx.t("step"),
                    ctx.t("responsible"),
                    ctx.t("state"),
                ],
                ["left"] * 5,
                steps,
            )
        )
    return result
