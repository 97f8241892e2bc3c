"""The red thread: each goal's chain, and the breaks."""

from __future__ import annotations

from datetime import date

from ..thread import Link, ThreadReport
from .common import DASH, Cell, Context, Report, Table

INDENT = "· "
"""Written once per level before a goal under another (Markdown keeps no leading spaces)."""


def _names(links: list[Link]) -> str:
    return "; ".join(link.name for link in links) or DASH


def thread_view(ctx: Context, data: ThreadReport, as_of: date) -> Report:
    """The red-thread section."""
    result = Report(ctx.t("thread"), ctx.t("as_of", date=ctx.date(as_of, "long")))
    if not data.chains:
        result.add(ctx.t("no_goals"))
    elif not data.kept:
        result.add(ctx.t("thread_not_kept"))
    else:
        rows = []
        for chain in data.chains:
            title = INDENT * chain.depth + chain.title
            rows.append(
                [
                    Cell(title, "bad" if chain.broken else ("strong" if chain.depth == 0 else None),
                         ctx.t("break_goal-without-measure") if chain.broken else None),
                    Cell(_names(chain.measures)),
                    Cell(_names(chain.kpis)),
                    Cell(_names([*chain.benefits, *chain.reports])),
                ]
            )
        result.add(
            Table(
                ctx.t("thread_chains"),
                [ctx.t("goal"), ctx.t("measures"), ctx.t("kpis"), ctx.t("benefits_reports")],
                ["left", "left", "left", "left"],
                rows,
                ctx.t("thread_rule"),
            )
        )
    if not data.breaks:
        if data.kept:
            result.add(ctx.t("no_breaks"))
        return result
    result.add(
        Table(
            f"{ctx.t('thread_breaks')} ({len(data.breaks)})",
            [ctx.t("reported_what"), ctx.t("break"), ctx.t("code")],
            ["left", "left", "left"],
            [
                [
                    Cell(b.name, detail=ctx.t("kind_" + b.list)),
                    Cell(ctx.t("break_" + b.kind), "muted" if b.silenced else "warn",
                         ctx.t("silenced", reason=b.silenced) if b.silenced else None),
                    Cell(b.code),
                ]
                for b in data.breaks
            ],
        )
    )
    return result
