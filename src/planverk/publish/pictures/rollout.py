"""A measure's rollout as a chart: the units down the side, the periods across, a filled cell
where a unit's period lies; as the milestone plans of rollouts draw it by hand."""

from __future__ import annotations

from typing import Any

from .canvas import COLOURS, figure
from .charts import short


def columns(steps: list[Any]) -> list[tuple[Any, Any]]:
    """The columns: (first day, last day) of each distinct period, in order of start."""
    return sorted({(step.start, step.end) for step in steps})


def rollout(spec: Any) -> Any:
    """The chart of ``spec.data`` = (MeasureStatus, column labels by (start, end))."""
    from matplotlib.patches import Rectangle

    measure, labels = spec.data
    steps = measure.rollout
    cols = columns(steps)
    units: list[str] = []
    for step in steps:
        if step.unit not in units:
            units.append(step.unit)
    fig = figure(max(6.0, 2.8 + 0.55 * len(cols)), 0.9 + 0.26 * len(units))
    ax = fig.add_subplot()
    for step in steps:
        x, y = cols.index((step.start, step.end)), units.index(step.unit)
        ax.add_patch(Rectangle((x + 0.08, y + 0.12), 0.84, 0.76, facecolor=COLOURS["phase"], edgecolor="none"))
    ax.set_xlim(0, len(cols))
    ax.set_ylim(len(units), 0)
    ax.set_xticks([n + 0.5 for n in range(len(cols))], [labels[c] for c in cols], rotation=45, ha="right")
    ax.set_yticks([n + 0.5 for n in range(len(units))], [short(u) for u in units])
    ax.set_xticks(range(len(cols) + 1), minor=True)
    ax.set_yticks(range(len(units) + 1), minor=True)
    ax.grid(which="minor", color=COLOURS["grid"], linewidth=0.6)
    ax.tick_params(which="both", length=0)
    ax.xaxis.tick_top()
    ax.set_axisbelow(True)
    return fig
