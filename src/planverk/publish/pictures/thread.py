"""The red thread as a picture: three columns of boxes, goals on the left (each under the
goal above it, indented), the measures and KPIs that serve them in the middle, the
benefits and reports they lead to on the right, with a line for each link. An item where
the thread breaks has a dashed red border and is marked in words, not by colour alone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .canvas import COLOURS, board
from .charts import short, wrapped

COLUMN_WIDTH = 2.7
"""Width of a box, in inches."""
GAP_X, GAP_Y, LINE, PAD, INDENT = 1.1, 0.12, 0.15, 0.07, 0.18
WRAP = 36
"""Characters per line in a box; a name is cut (with '…') after three lines."""


@dataclass(frozen=True)
class Node:
    """A box: the item's id and name, how far it is indented, and whether the thread
    breaks at it (``mark``: the words that say so, else '')."""

    id: str
    name: str
    indent: int = 0
    mark: str = ""


@dataclass(frozen=True)
class ThreadPicture:
    """What the picture draws: three columns of nodes, the links between them, and the
    column headings."""

    columns: tuple[list[Node], list[Node], list[Node]]
    links: list[tuple[str, str]]
    headings: tuple[str, str, str]


def _text(node: Node) -> str:
    lines = wrapped(short(node.name, WRAP * 3), WRAP - 2 * node.indent).split("\n")
    if node.mark:
        lines.append(f"⚠ {node.mark}")
    return "\n".join(lines)


def red_thread(spec: Any) -> Any:
    """The picture of ``spec.data``, a :class:`ThreadPicture`."""
    from matplotlib.patches import FancyBboxPatch

    data: ThreadPicture = spec.data
    texts = {n.id: _text(n) for column in data.columns for n in column}
    height = {key: 2 * PAD + LINE * (text.count("\n") + 1) for key, text in texts.items()}
    place: dict[str, tuple[float, float, float]] = {}
    bottoms = []
    for c, column in enumerate(data.columns):
        y = 0.55
        for node in column:
            x = 0.2 + c * (COLUMN_WIDTH + GAP_X) + INDENT * node.indent
            width = COLUMN_WIDTH - INDENT * node.indent
            place.setdefault(node.id, (x, y, width))
            y += height[node.id] + GAP_Y
        bottoms.append(y)
    total_width = 0.4 + 3 * COLUMN_WIDTH + 2 * GAP_X
    total_height = max(bottoms) + 0.2
    fig, ax = board(total_width, total_height)
    for c, heading in enumerate(data.headings):
        ax.text(0.2 + c * (COLUMN_WIDTH + GAP_X), 0.3, heading, fontweight="bold", fontsize=10, va="center",
                parse_math=False)
    column_of = {n.id: c for c, column in enumerate(data.columns) for n in column}
    for left, right in data.links:
        if left not in place or right not in place or column_of[left] >= column_of[right]:
            continue  # a benefit a report covers: both on the right, the table shows it
        lx, ly, lw = place[left]
        rx, ry, _ = place[right]
        ax.plot(
            [lx + lw, rx], [ly + height[left] / 2, ry + height[right] / 2],
            color=COLOURS["muted"], linewidth=0.7, zorder=1,
        )
    for column in data.columns:
        for node in column:
            x, top, width = place[node.id]
            broken = bool(node.mark)
            ax.add_patch(
                FancyBboxPatch(
                    (x, top), width, height[node.id],
                    boxstyle="round,pad=0,rounding_size=0.05",
                    facecolor="#ffffff" if broken else COLOURS["box"],
                    edgecolor=COLOURS["bad"] if broken else COLOURS["ink"],
                    linewidth=1.4 if broken else 0.7,
                    linestyle=(0, (3, 2)) if broken else "solid",
                    zorder=2,
                )
            )
            ax.text(
                x + 0.08, top + PAD, texts[node.id], ha="left", va="top", fontsize=7.5,
                fontweight="bold" if node.indent == 0 and column is data.columns[0] else "normal",
                linespacing=1.3, zorder=3,
                parse_math=False,  # plan text is data: '$x$' is not mathematics to typeset
            )
    return fig
