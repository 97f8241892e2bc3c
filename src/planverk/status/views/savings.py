"""Savings targets as tables: one per target by year, or, for a target with sub-targets,
the tree per year (target, sub-targets, what no sub-target holds)."""

from __future__ import annotations

from ..savings import SavingsStatus, SavingsYear
from .common import Cell, Context, Style, Table

INDENT = "– "
"""Put before a sub-target's title once per level below its tree's top."""


def _gap_style(year: SavingsYear) -> Style | None:
    if year.gap is None:
        return None
    return "bad" if year.gap > 0 else "good"


def _money_cells(ctx: Context, years: list[SavingsYear], style: Style | None) -> list[list[Cell]]:
    """The five money columns of ``years``, all in one unit (the largest amount's)."""
    columns = ctx.money_columns([
        ([getattr(y, name) for y in years], [name in y.approximate for y in years])
        for name in ("target", "identified", "decided", "realised", "gap")
    ])
    return [
        [Cell(text, _gap_style(year) if name == "gap" else style)
         for name, text in zip(("target", "identified", "decided", "realised", "gap"), row)]
        for year, row in zip(years, zip(*columns))
    ]


def _headers(ctx: Context, first: str) -> list[str]:
    return [first, ctx.t("target"), ctx.t("identified"), ctx.t("decided"), ctx.t("realised"),
            ctx.t("gap")]


ALIGN = ["left", "right", "right", "right", "right", "right"]


def _title(ctx: Context, target: SavingsStatus) -> str:
    total = ctx.money(target.total, about=target.total_approximate)
    return f"{target.title}: {total} ({target.start}-{target.end})"


def target_table(ctx: Context, target: SavingsStatus, year_now: int) -> Table:
    """One target without sub-targets: a row per budget year."""
    money = _money_cells(ctx, target.years, None)
    rows = []
    for year, cells in zip(target.years, money):
        style = "strong" if year.year == year_now else None
        rows.append([Cell(str(year.year), style),
                     *[Cell(c.text, c.style if c.style in ("good", "bad") else style) for c in cells]])
    return Table(_title(ctx, target), _headers(ctx, ctx.t("year")), list(ALIGN), rows,  # type: ignore[arg-type]
                 ctx.t("savings_rule"))


def _tree_rows(
    ctx: Context, tree: list[SavingsStatus], year: int
) -> list[tuple[str, Style | None, SavingsYear]]:
    """Each target of ``tree`` in tree order, a sub-target's remainder after its own
    sub-targets: (indented title, style, the year's sums)."""
    top_depth = tree[0].depth
    rows: list[tuple[str, Style | None, SavingsYear]] = []
    waiting: list[tuple[int, str, SavingsYear]] = []  # remainders due after their subtrees

    def flush(depth: int) -> None:
        while waiting and waiting[-1][0] >= depth:
            level, title, rest = waiting.pop()
            rows.append((title, "muted", rest))

    for target in tree:
        depth = target.depth - top_depth
        flush(depth)
        # a target has a row for each year of the targets above it (status.savings)
        found = next(y for y in target.years if y.year == year)
        rows.append((INDENT * depth + target.title, "strong" if depth == 0 else None, found))
        rest = next((y for y in target.remainder if y.year == year), None)
        if rest is not None:
            waiting.append((depth, INDENT * (depth + 1) + ctx.t("unallocated"), rest))
    flush(0)
    return rows


def tree_tables(ctx: Context, tree: list[SavingsStatus]) -> list[Table]:
    """A target with sub-targets (``tree[0]``, then every target below it in tree order): one
    table per budget year of the top target, a row per target and one for each remainder."""
    top = tree[0]
    total = ctx.money(top.total, about=top.total_approximate)
    tables = []
    for n, year in enumerate(top.years):
        rows = _tree_rows(ctx, tree, year.year)
        money = _money_cells(ctx, [r[2] for r in rows], None)
        table_rows = [
            [Cell(title, style), *[Cell(c.text, c.style or (style if style == "strong" else None))
                                   for c in cells]]
            for (title, style, _), cells in zip(rows, money)
        ]
        tables.append(Table(
            f"{year.year}: {top.title} ({total}, {top.start}-{top.end})",
            _headers(ctx, ctx.t("savings_target")),
            list(ALIGN),  # type: ignore[arg-type]
            table_rows,
            ctx.t("savings_tree_rule") if n == len(top.years) - 1 else None,
        ))
    return tables


def savings_tables(ctx: Context, savings: list[SavingsStatus], year_now: int) -> list[Table]:
    """The tables of every savings target: a target without sub-targets (and not part of
    another) by year; a tree per year of its top target."""
    tables: list[Table] = []
    n = 0
    while n < len(savings):
        top = savings[n]
        end = n + 1
        while end < len(savings) and savings[end].depth > top.depth:
            end += 1
        if top.children:
            tables += tree_tables(ctx, savings[n:end])
        else:
            tables.append(target_table(ctx, top, year_now))
        n = end
    return tables
