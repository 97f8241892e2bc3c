"""Which pictures a plan's documents have, named and described in the plan's language,
without drawing anything (cheap: no plotting library is imported here).

A :class:`PictureSpec` carries the figures to draw, a title, the alt text, the file name
it is written to beside a document, and, for the diagrams GitHub and GitLab draw
themselves, the Mermaid text a Markdown document shows instead of the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...status.views.common import Context as Words
from ...status.views.scorecards import score_number
from ...status.views.kpis import kpi_value
from .layout import arrange, links
from ...formatting import markdown_text
from .words import word

@dataclass(frozen=True)
class PictureSpec:
    """One picture of a document, described but not drawn.

    ``name``: ``gantt``, ``org-chart``, ``risk-matrix``, ``measure-matrix``, ``kpi-ID``,
    ``savings-ID``, ``scorecard-ID`` (ID: the plan item's id) or ``red-thread``. ``kind``: the name
    without ``-ID``. ``section``: the ``planverk status`` section it illustrates, if any.
    ``file``: ``NAME.svg``, or ``NAME-GROUP.svg`` for a document rendered with
    ``--group``. ``mermaid``: Mermaid text for Markdown, or ``''`` when Markdown links to
    the SVG instead.
    """

    name: str
    kind: str
    section: str | None
    title: str
    alt: str
    file: str
    language: str
    mermaid: str = ""
    data: Any = field(default=None, compare=False, repr=False)

    @property
    def png_file(self) -> str:
        """``NAME.png``: where the PNG goes beside the SVG."""
        return self.file.removesuffix(".svg") + ".png"

    @property
    def image(self) -> str:
        """The Markdown image that shows the SVG: ``![alt](file)``."""
        return f"![{markdown_text(self.alt, line_start=False)}]({self.file})"


def _listed(items: list[str], limit: int = 12) -> str:
    shown = items[:limit]
    more = len(items) - len(shown)
    return "; ".join(shown) + (f"; … (+{more})" if more > 0 else "")


def gantt_spec(ctx: Any, file_suffix: str, mermaid: str) -> PictureSpec | None:
    """The timeline of phases, events, deadlines and milestones, or None when there are none."""
    from ...render.diagrams import gantt_occurrences

    phases, dated = ctx.phases, [*ctx.deadlines, *ctx.milestones]
    drawn = gantt_occurrences(ctx.occurrences)
    if not phases and not dated and not drawn:
        return None
    words, labels, plan = Words(ctx.language), ctx.labels, ctx.plan
    parts = [
        word(
            "gantt_alt",
            ctx.language,
            title=plan.title,
            start=words.date(plan.start),
            end=words.date(plan.end),
        )
    ]
    if phases:
        parts.append(
            f"{labels['phases']}: "
            + _listed([f"{p.name} ({words.date(p.start)}-{words.date(p.end)})" for p in phases])
            + "."
        )
    if drawn:
        parts.append(
            f"{labels['events_and_activities']}: "
            + _listed([f"{' '.join(o.event.title.split())} ({o.period or words.date(o.day)})" for o in drawn])
            + "."
        )
    for kind, key in (("deadline", "deadlines"), ("milestone", "milestones")):
        chosen = sorted((d for d in dated if d.kind == kind), key=lambda d: (d.date, d.id))
        if chosen:
            parts.append(
                f"{labels[key]}: "
                + _listed([f"{d.task} ({d.period or words.date(d.date)})" for d in chosen])
                + "."
            )
    return PictureSpec(
        "gantt",
        "gantt",
        None,
        labels["timeline"],
        " ".join(parts),
        f"gantt{file_suffix}.svg",
        ctx.language,
        mermaid,
        (plan, list(phases), sorted(dated, key=lambda d: (d.date, d.id)), labels, drawn),
    )


def org_spec(ctx: Any, file_suffix: str, mermaid: str) -> PictureSpec | None:
    """The organisation chart, or None when the plan has no groups."""
    groups = ctx.groups
    if not groups:
        return None
    labels = ctx.labels
    found = links(groups)
    names = {g.id: g.name for g in groups}
    lines = [word("org_alt", ctx.language, title=ctx.plan.title, count=len(groups))]
    for link in found:
        if link.kind == "reports-to":
            lines.append(f"{names[link.lower]} {labels['reports_to']} {names[link.upper]}.")
        else:
            lines.append(f"{names[link.upper]} {labels['includes']} {names[link.lower]}.")
    return PictureSpec(
        "org-chart",
        "org-chart",
        None,
        labels["organisation"],
        " ".join(lines),
        f"org-chart{file_suffix}.svg",
        ctx.language,
        mermaid,
        (list(groups), ctx.group, arrange([g.id for g in groups], found), found, labels),
    )


def risk_spec(ctx: Any, file_suffix: str) -> PictureSpec | None:
    """The 5x5 matrix of the open risks, or None without risks."""
    report = ctx.status.risks.data
    open_risks = [r for r in report.risks if r.status != "closed"]
    if not open_risks:
        return None
    words = Words(ctx.language)
    items = []
    for r in open_risks:
        rating = f"{words.t('probability_short')} {r.probability}"
        if r.consequence is not None:
            rating += f", {words.t('consequence_short')} {r.consequence}, {words.t(r.level)}"
        items.append(f"R{r.number} {r.title} ({rating})")
    alt = f"{word('risk_alt', ctx.language)} {_listed(items, 25)}."
    return PictureSpec(
        "risk-matrix",
        "risk-matrix",
        "risks",
        words.t("risk_matrix"),
        alt,
        f"risk-matrix{file_suffix}.svg",
        ctx.language,
        "",
        report,
    )


def measure_spec(ctx: Any, file_suffix: str, mermaid: str) -> PictureSpec | None:
    """The effect x feasibility matrix of the rated measures, or None when none is rated."""
    rated = [m for m in ctx.status.measures.data.measures if m.quadrant is not None]
    if not rated:
        return None
    words = Words(ctx.language)
    parts = [word("matrix_alt", ctx.language)]
    for quadrant in ("quick-win", "major", "fill-in", "reconsider"):
        titles = [m.title for m in rated if m.quadrant == quadrant]
        if titles:
            parts.append(f"{words.t(quadrant)}: {_listed(titles)}.")
    return PictureSpec(
        "measure-matrix",
        "measure-matrix",
        "measures",
        words.t("matrix"),
        " ".join(parts),
        f"measure-matrix{file_suffix}.svg",
        ctx.language,
        mermaid,
        rated,
    )


def kpi_specs(
    ctx: Any,
    file_suffix: str,
    history: dict[str, list[tuple[date, float]]],
    mermaid: dict[str, str],
    estimates: dict[str, set[date]] | None = None,
) -> list[PictureSpec]:
    """One chart per KPI with at least one reading or a baseline and a target;
    ``estimates``: the days of each KPI's readings written as estimates ('ca. 8,1 %')."""
    words = Words(ctx.language)
    result = []
    for kpi in ctx.status.kpis.data:
        readings = history.get(kpi.id, [])
        rough = (estimates or {}).get(kpi.id, set())
        if not readings and (kpi.baseline is None or kpi.target is None):
            continue
        parts = [word("kpi_alt", ctx.language, name=kpi.name)]
        if kpi.baseline is not None:
            when = f" ({words.date(kpi.baseline.date)})" if kpi.baseline.date else ""
            parts.append(
                f"{words.t('baseline')}: {kpi_value(words, kpi.baseline.value, kpi.unit, about=kpi.baseline.approximate)}{when}."
            )
        if readings:
            parts.append(
                f"{word('measurements', ctx.language)}: "
                + _listed([f"{words.date(d)} {kpi_value(words, v, kpi.unit, about=d in rough)}"
                           for d, v in readings])
                + "."
            )
        if kpi.target is not None:
            due = f" {words.t('by_date', date=words.date(kpi.due))}" if kpi.due else ""
            target = kpi_value(words, kpi.target, kpi.unit, about=kpi.target_approximate)
            parts.append(f"{words.t('target')}: {target}{due}.")
        parts.append(f"{words.t('state')}: {words.t(kpi.state)}.")
        result.append(
            PictureSpec(
                f"kpi-{kpi.id}",
                "kpi",
                "kpis",
                kpi.name,
                " ".join(parts),
                f"kpi-{kpi.id}{file_suffix}.svg",
                ctx.language,
                mermaid.get(kpi.id, ""),
                (kpi, readings),
            )
        )
    return result


def savings_specs(ctx: Any, file_suffix: str) -> list[PictureSpec]:
    """One bar chart per savings target with at least one year."""
    words = Words(ctx.language)
    result = []
    for target in ctx.status.measures.data.savings:
        if not target.years:
            continue
        parts = [word("savings_alt", ctx.language, title=target.title)]
        for year in target.years:
            figures = [(words.t(column), getattr(year, column), column in year.approximate)
                       for column in ("target", "identified", "decided", "realised")]
            known = [(k, v, rough) for k, v, rough in figures if v is not None]
            amounts = words.money_columns([([v], [rough]) for _, v, rough in known])  # one unit
            shown = ", ".join(f"{k.lower()} {a[0]}" for (k, _, _), a in zip(known, amounts, strict=True))
            parts.append(f"{year.year}: {shown}.")
        result.append(
            PictureSpec(
                f"savings-{target.id}",
                "savings",
                "measures",
                target.title,
                " ".join(parts),
                f"savings-{target.id}{file_suffix}.svg",
                ctx.language,
                "",
                target,
            )
        )
    return result


def scorecard_specs(ctx: Any, file_suffix: str) -> list[PictureSpec]:
    """One chart per scorecard with at least one assessment."""
    words = Words(ctx.language)
    result = []
    for card in ctx.status.scorecard.data:
        if not card.columns:
            continue
        parts = [word("scorecard_alt", ctx.language, title=card.title)]
        for area in card.areas:
            scores = [
                f"{c.organisation} {c.year} {score_number(words, s, estimate)}"
                + ("" if cover.complete else f" ({words.t('assessed_short', count=cover.scored, of=cover.questions)})")
                for c, s, cover, estimate in zip(card.columns, area.scores, area.coverage, area.approximate)
                if s is not None
            ]
            parts.append(
                f"{area.name} ({words.t('max').lower()} {words.number(area.max)}): "
                + (", ".join(scores) or words.t("none"))
                + "."
            )
        result.append(
            PictureSpec(
                f"scorecard-{card.id}",
                "scorecard",
                "scorecard",
                card.title,
                " ".join(parts),
                f"scorecard-{card.id}{file_suffix}.svg",
                ctx.language,
                "",
                card,
            )
        )
    return result


def thread_spec(ctx: Any, plan: Any, file_suffix: str) -> PictureSpec | None:
    """The red thread, or None when the plan keeps none (no measure or KPI names a goal)."""
    from .thread import Node, ThreadPicture

    report = ctx.status.thread.data
    if not report.kept:
        return None
    words = Words(ctx.language)
    marks: dict[str, str] = {}
    for found in report.breaks:
        marks.setdefault(found.id, words.t("break_" + found.kind))
    goals = [Node(c.id, c.title, c.depth, marks.get(c.id, "")) for c in report.chains]
    middle = [Node(m.id, m.title, 0, marks.get(m.id, "")) for m in plan.measures if m.status != "dropped"]
    middle += [Node(k.id, k.name, 0, marks.get(k.id, "")) for k in plan.kpis]
    right = [Node(b.id, b.title, 0, marks.get(b.id, "")) for b in plan.benefits]
    right += [Node(r.id, r.title, 0, marks.get(r.id, "")) for r in plan.reports]
    links = [(g, m.id) for m in plan.measures for g in m.goals]
    links += [(g, k.id) for k in plan.kpis for g in k.goals]
    links += [(i, b.id) for b in plan.benefits for i in (*b.measures, *b.kpis)]
    links += [(i, r.id) for r in plan.reports for i in r.covers]
    # Each column in the order of what it links to on its left, so that lines cross less.
    for column, before in ((middle, goals), (right, [*goals, *middle])):
        rank = {node.id: n for n, node in enumerate(before)}
        first = {node.id: min((rank[a] for a, b in links if b == node.id and a in rank), default=len(rank))
                 for node in column}
        column.sort(key=lambda node: first[node.id])
    headings = (words.t("goals"), f"{words.t('measures')} / {words.t('kpis')}", words.t("benefits_reports"))
    parts = [word("thread_alt", ctx.language, title=ctx.plan.title, goals=len(goals), middle=len(middle),
                  right=len(right))]
    if report.breaks:
        parts.append(
            f"{words.t('thread_breaks')}: "
            + _listed([f"{b.name} ({words.t('break_' + b.kind)})" for b in report.breaks], 25)
            + "."
        )
    return PictureSpec(
        "red-thread",
        "red-thread",
        "thread",
        words.t("thread"),
        " ".join(parts),
        f"red-thread{file_suffix}.svg",
        ctx.language,
        "",
        ThreadPicture((goals, middle, right), links, headings),
    )


def kpi_estimates(plan: Any) -> dict[str, set[date]]:
    """The days of each KPI's readings written as estimates ('ca. 8,1 %'), by KPI id."""
    return {kpi.id: {m.date for m in kpi.measurements if m.value.approximate} for kpi in plan.kpis}


def kpi_readings(plan: Any, as_of: date) -> dict[str, list[tuple[date, float]]]:
    """Each KPI's readings on or before ``as_of``, oldest first, by KPI id."""
    return {
        kpi.id: sorted((m.date, m.value.value) for m in kpi.measurements if m.date <= as_of)
        for kpi in plan.kpis
    }


def rollout_specs(ctx: Any, file_suffix: str) -> list[PictureSpec]:
    """A chart per measure rolled out by unit and period."""
    section = ctx.status.measures
    if section is None:
        return []
    found = []
    for measure in section.data.measures:
        if not measure.rollout:
            continue
        periods: dict[str, list[str]] = {}
        labels = {}
        for step in measure.rollout:
            periods.setdefault(step.period, []).append(step.unit)
            labels[(step.start, step.end)] = step.period
        alt = " ".join(
            [word("rollout_alt", ctx.language, title=measure.title)]
            + [f"{period}: {', '.join(units)}." for period, units in periods.items()]
        )
        found.append(PictureSpec(
            f"rollout-{measure.id}",
            "rollout",
            "measures",
            Words(ctx.language).t("rollout", title=measure.title),
            alt,
            f"rollout-{measure.id}{file_suffix}.svg",
            ctx.language,
            "",
            (measure, labels),
        ))
    return found


def cycle_spec(ctx: Any, file_suffix: str) -> PictureSpec | None:
    """The årshjul of the as-of year, or None when the plan has nothing dated by a period."""
    section = ctx.status.cycle
    if section is None or not section.data.items:
        return None
    from ...model.periods import MONTH_NAMES

    report, words = section.data, Words(ctx.language)
    parts = [word("cycle_alt", ctx.language, title=ctx.plan.title, year=str(report.year))]
    parts += [
        f"{n}. {item.title} ({item.period or words.date(item.due)})" for n, item in enumerate(report.items, start=1)
    ]
    months = [name[:3].capitalize() for name in MONTH_NAMES.get(ctx.language, MONTH_NAMES["nb"])]
    return PictureSpec(
        "annual-cycle",
        "annual-cycle",
        "cycle",
        words.t("cycle", year=str(report.year)),
        " ".join(parts),
        f"annual-cycle{file_suffix}.svg",
        ctx.language,
        "",
        (report, months, words.t("no_one"), ctx.plan.title),
    )


def picture_specs(ctx: Any, plan: Any, mermaid: dict[str, Any]) -> dict[str, PictureSpec]:
    """Every picture the plan has for a render context ``ctx``, by name.

    ``plan``: the validated :class:`~planverk.model.Plan` (for the KPI readings);
    ``mermaid``: the Mermaid text by picture name (``kpi`` maps KPI ids to texts).
    """
    suffix = f"-{ctx.group.id}" if ctx.group is not None else ""
    history = kpi_readings(plan, ctx.as_of)
    found = [
        gantt_spec(ctx, suffix, mermaid.get("gantt", "")),
        org_spec(ctx, suffix, mermaid.get("org-chart", "")),
        *kpi_specs(ctx, suffix, history, mermaid.get("kpi", {}), kpi_estimates(plan)),
        *savings_specs(ctx, suffix),
        measure_spec(ctx, suffix, mermaid.get("measure-matrix", "")),
        risk_spec(ctx, suffix),
        *scorecard_specs(ctx, suffix),
        thread_spec(ctx, plan, suffix),
        cycle_spec(ctx, suffix),
        *rollout_specs(ctx, suffix),
    ]
    return {spec.name: spec for spec in found if spec is not None}
