"""The organisation chart as a picture: a box per group (name, then members and their
roles), rows from :mod:`.layout`, a solid arrow from a group up to the group it reports
to, and a dotted line down from a group to a group it includes."""

from __future__ import annotations

from typing import Any

from .canvas import COLOURS, board
from .charts import wrapped
from .words import word

BOX_WIDTH = 2.3
"""Width of a group's box, in inches."""
GAP_X, GAP_Y, LINE, PAD = 0.35, 0.6, 0.165, 0.1
MAX_MEMBERS = 6
"""Members listed in a box; more are counted ('+ 3 til')."""


def _lines(group: Any, labels: dict[str, Any], language: str) -> tuple[list[str], list[str]]:
    name = wrapped(group.name, 26).split("\n")
    members = []
    for member in group.members[:MAX_MEMBERS]:
        role = "" if member.role == "member" else f" ({member.role_name})"
        members += wrapped(member.person.name + role, 32).split("\n")
    extra = len(group.members) - MAX_MEMBERS
    if extra > 0:
        members.append(word("more_members", language, count=extra))
    return name, members


def org_chart(spec: Any) -> Any:
    """The chart of ``spec.data``: (groups, current group, places, links, labels)."""
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path

    groups, current, placed, links, labels = spec.data
    texts = {g.id: _lines(g, labels, spec.language) for g in groups}
    height = {
        i: 2 * PAD + LINE * (len(a) + len(b)) + (0.05 if b else 0) for i, (a, b) in texts.items()
    }
    columns = max(x for x, _ in placed.values()) + 1
    total_width = columns * BOX_WIDTH + (columns - 1) * GAP_X + 0.4
    row_height = [
        max(height[n] for n, (_, r) in placed.items() if r == row)
        for row in range(max(r for _, r in placed.values()) + 1)
    ]
    row_top = [0.2 + sum(row_height[:r]) + GAP_Y * r for r in range(len(row_height))]
    place = {n: (0.2 + x * (BOX_WIDTH + GAP_X), row_top[r]) for n, (x, r) in placed.items()}
    y = row_top[-1] + row_height[-1] + GAP_Y
    total_height = y - GAP_Y + 0.55
    fig, ax = board(total_width, total_height)
    # Elbow lines: down from the upper box, across just above the lower box's row (one
    # level per upper box, so that lines from different boxes never share a segment), down
    # into the lower box. Several lines entering one box spread along its top.
    into_row: dict[int, list[str]] = {}
    for link in links:
        uppers = into_row.setdefault(placed[link.lower][1], [])
        if link.upper not in uppers:
            uppers.append(link.upper)
    entries: dict[str, list[Any]] = {}
    for link in links:
        entries.setdefault(link.lower, []).append(link)

    def along(box: str, items: list[Any], link: Any, key: Any) -> float:
        ordered = sorted(items, key=key)
        share = (ordered.index(link) + 1) / (len(ordered) + 1)
        return place[box][0] + BOX_WIDTH * (0.5 + (share - 0.5) * 0.6)

    for link in links:
        row = placed[link.lower][1]
        uppers = sorted(into_row[row], key=lambda u: placed[u][0])
        level = GAP_Y * (0.3 + 0.45 * uppers.index(link.upper) / max(len(uppers), 1))
        x_up = place[link.upper][0] + BOX_WIDTH / 2
        x_low = along(link.lower, entries[link.lower], link, lambda k: placed[k.upper][0])
        y_up = place[link.upper][1] + height[link.upper]
        y_low = place[link.lower][1]
        bus = y_low - level
        points = [(x_low, y_low), (x_low, bus), (x_up, bus), (x_up, y_up)]
        path = Path(points if link.kind == "reports-to" else points[::-1])
        if link.kind == "reports-to":
            arrow = FancyArrowPatch(
                path=path,
                arrowstyle="-|>",
                mutation_scale=12,
                color=COLOURS["ink"],
                linewidth=1.3,
                zorder=1,
            )
        else:
            arrow = FancyArrowPatch(
                path=path,
                arrowstyle="-",
                color=COLOURS["muted"],
                linewidth=1.1,
                linestyle=(0, (2, 2)),
                zorder=1,
            )
        ax.add_patch(arrow)
    for node, (x, top) in place.items():
        is_current = current is not None and current.id == node
        ax.add_patch(
            FancyBboxPatch(
                (x, top),
                BOX_WIDTH,
                height[node],
                boxstyle="round,pad=0,rounding_size=0.06",
                facecolor=COLOURS["box_current" if is_current else "box"],
                edgecolor=COLOURS["ink"],
                linewidth=2.2 if is_current else 0.9,
                zorder=2,
            )
        )
        name, members = texts[node]
        ax.text(
            x + BOX_WIDTH / 2,
            top + PAD,
            "\n".join(name),
            ha="center",
            va="top",
            fontweight="bold",
            fontsize=8.5,
            linespacing=1.25,
            zorder=3,
        )
        if members:
            ax.text(
                x + BOX_WIDTH / 2,
                top + PAD + LINE * len(name) + 0.05,
                "\n".join(members),
                ha="center",
                va="top",
                fontsize=7.5,
                linespacing=1.35,
                zorder=3,
            )
    from matplotlib.lines import Line2D

    kinds = {link.kind for link in links}
    legend = []
    if "reports-to" in kinds:
        legend.append(
            Line2D(
                [], [], color=COLOURS["ink"], marker="^", markevery=[1], label=labels["reports_to"]
            )
        )
    if "includes" in kinds:
        legend.append(
            Line2D([], [], color=COLOURS["muted"], linestyle=(0, (2, 2)), label=labels["includes"])
        )
    if legend:
        ax.legend(handles=legend, loc="lower left", ncols=len(legend), frameon=False, fontsize=8)
    return fig
