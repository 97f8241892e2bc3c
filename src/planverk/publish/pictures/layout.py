"""Where each group of an organisation chart goes: rows from the top, pure Python.

A group that reports to another, or that another includes, is drawn under it (rank =
length of the longest such chain above it). A rank with more groups than ``width`` is
wrapped into several rows, so that a chart of many unrelated groups stacks instead of
growing into one wide row. Within a rank, groups keep the order of the groups above
them (their parents' mean position), then plan order.

The Mermaid flowchart (:mod:`planverk.render.diagrams`) and the drawn picture
(:mod:`planverk.publish.pictures.orgchart`) use the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ROW_WIDTH = 4
"""Most boxes side by side in one row of an organisation chart."""


@dataclass(frozen=True)
class Link:
    """A line between two groups: ``upper`` is drawn above ``lower``.

    ``kind`` is ``reports-to`` (``lower`` reports to ``upper``) or ``includes``
    (``upper`` includes ``lower``).
    """

    upper: str
    lower: str
    kind: str


def links(groups: Sequence[object]) -> list[Link]:
    """The reporting and inclusion lines between ``groups`` (views with ``id``,
    ``reports_to`` and ``includes``), leaving out any that would close a loop."""
    ids = {g.id for g in groups}  # type: ignore[attr-defined]
    below: dict[str, set[str]] = {i: set() for i in ids}

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                todo.extend(below[node])
        return False

    found: list[Link] = []
    candidates: list[Link] = []
    for group in groups:
        parent = group.reports_to  # type: ignore[attr-defined]
        if parent is not None:
            candidates.append(Link(parent.id, group.id, "reports-to"))  # type: ignore[attr-defined]
    for group in groups:
        for sub in group.includes:  # type: ignore[attr-defined]
            candidates.append(Link(group.id, sub.id, "includes"))  # type: ignore[attr-defined]
    for link in candidates:
        if link.upper not in ids or link.lower not in ids or link.upper == link.lower:
            continue
        if any((f.upper, f.lower) == (link.upper, link.lower) for f in found):
            continue
        if reaches(link.lower, link.upper):
            continue
        below[link.upper].add(link.lower)
        found.append(link)
    return found


def _ranks(ids: Sequence[str], above: dict[str, list[str]]) -> dict[str, int]:
    rank: dict[str, int] = {}

    def rank_of(node: str) -> int:
        if node not in rank:
            rank[node] = 1 + max((rank_of(u) for u in above[node]), default=-1)
        return rank[node]

    for node in ids:
        rank_of(node)
    return rank


def arrange(
    ids: Sequence[str], found: Sequence[Link], width: int = ROW_WIDTH
) -> dict[str, tuple[float, int]]:
    """Where each group goes: (column, row), columns in box widths from the left.

    Groups joined by lines make a block of rows at most ``width`` boxes wide, each row
    ordered by where its groups' parents are (a group's parent: its lowest-drawn upper,
    a reporting line before an inclusion). Blocks are packed side by side into bands of
    at most ``width`` boxes, each in the first band with room, bands stacked from the top.
    """
    above: dict[str, list[str]] = {i: [] for i in ids}
    for link in sorted(found, key=lambda f: f.kind != "reports-to"):
        above[link.lower].append(link.upper)
    rank = _ranks(ids, above)
    order = {node: n for n, node in enumerate(ids)}
    parent = {
        node: max(above[node], key=lambda u: rank[u]) if above[node] else None for node in ids
    }

    joined = {node: node for node in ids}

    def root_of(node: str) -> str:
        while joined[node] != node:
            node = joined[node]
        return node

    for link in found:
        a, b = root_of(link.upper), root_of(link.lower)
        if a != b:
            joined[max(a, b, key=order.__getitem__)] = min(a, b, key=order.__getitem__)
    trees: dict[str, list[str]] = {}
    for node in ids:
        trees.setdefault(root_of(node), []).append(node)
    blocks: list[tuple[int, list[list[str]]]] = []  # (width, rows)
    local: dict[str, float] = {}  # column inside its block
    for members in trees.values():
        levels = sorted({rank[m] for m in members})
        block_width = max(min(width, sum(rank[m] == level for m in members)) for level in levels)
        block_rows: list[list[str]] = []
        for level in levels:
            at_level = sorted(
                (m for m in members if rank[m] == level),
                key=lambda m: (local[parent[m]] if parent[m] else -1.0, order[m]),  # type: ignore[index]
            )
            for start in range(0, len(at_level), width):
                row = at_level[start : start + width]
                # under its parent where there is room, else as near as the row allows
                previous = -1.0
                for n, node in enumerate(row):
                    wanted = local[parent[node]] if parent[node] else float(n)  # type: ignore[index]
                    room = block_width - (len(row) - n)
                    previous = min(max(wanted, previous + 1), room)
                    local[node] = previous
                block_rows.append(row)
        blocks.append((block_width, block_rows))
    bands: list[list[tuple[int, list[list[str]]]]] = []
    for block in blocks:
        for band in bands:
            if sum(b[0] for b in band) + block[0] <= width:
                band.append(block)
                break
        else:
            bands.append([block])
    result: dict[str, tuple[float, int]] = {}
    top = 0
    for band in bands:
        used = sum(b[0] for b in band)
        x = (width - used) / 2 if len(bands) > 1 else 0.0
        for block_width, block_rows in band:
            for r, row in enumerate(block_rows):
                for node in row:
                    result[node] = (x + local[node], top + r)
            x += block_width
        top += max(len(b[1]) for b in band)
    left = min((x for x, _ in result.values()), default=0.0)
    return {node: (x - left, row) for node, (x, row) in result.items()}


def rows(ids: Sequence[str], found: Sequence[Link], width: int = ROW_WIDTH) -> list[list[str]]:
    """The groups of :func:`arrange` by row from the top, each row from the left."""
    placed = arrange(ids, found, width)
    result: list[list[str]] = [
        [] for _ in range(max((r for _, r in placed.values()), default=-1) + 1)
    ]
    for node in sorted(placed, key=lambda n: placed[n][0]):
        result[placed[node][1]].append(node)
    return result
