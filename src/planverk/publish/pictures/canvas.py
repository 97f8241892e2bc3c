"""Matplotlib, set up once for drawing the same bytes on any machine.

- Agg and SVG backends only (no display); matplotlib is imported here and nowhere else,
  and this module only when a picture is drawn, so ``planverk validate`` never pays for it.
- The font is DejaVu Sans, which matplotlib ships: text is measured the same everywhere.
  SVG text stays text (``svg.fonttype: none``), so it can be searched, read aloud and
  copied; viewers without DejaVu Sans fall back to Verdana (the same widths) or sans-serif.
- No date, no software version in the files; SVG ids are numbered or hashed with a fixed
  salt, and prefixed with the picture's name so that several SVGs inlined in one HTML
  page never share an id.
"""

from __future__ import annotations

import io
import re
from typing import Any

SALT = "planverk"
PNG_DPI = 150
"""Resolution of the PNG beside each SVG (for Word, which prints it)."""

COLOURS = {
    "ink": "#1f2933",
    "muted": "#616e7c",
    "grid": "#d9dee3",
    "phase": "#3b6ea5",
    "deadline": "#d97706",
    "milestone": "#b91c1c",
    "event": "#5f7f3a",
    "good": "#2e7d32",
    "warn": "#c99a06",
    "bad": "#c62828",
    "low_bg": "#dcefdc",
    "moderate_bg": "#fff1c2",
    "high_bg": "#f8d0cc",
    "box": "#eef3f8",
    "box_current": "#fde9c8",
    "target": "#1f2933",
    "identified": "#9ab7d3",
    "decided": "#3b6ea5",
    "realised": "#2e7d32",
}
"""Colours with enough contrast on white; meaning is never carried by colour alone."""

SERIES = ["#3b6ea5", "#d97706", "#2e7d32", "#8e44ad", "#c62828", "#00838f", "#6d4c41"]

_settings: dict[str, Any] = {
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "svg.fonttype": "none",
    "svg.hashsalt": SALT,
    "svg.image_inline": True,
    "axes.edgecolor": COLOURS["muted"],
    "axes.labelcolor": COLOURS["ink"],
    "text.color": COLOURS["ink"],
    "xtick.color": COLOURS["ink"],
    "ytick.color": COLOURS["ink"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": False,
    # Plan text is data: without this, a '$' in a title starts matplotlib's mathtext
    # (and an odd number of them fails the drawing).
    "text.parse_math": False,
}


def figure(width: float, height: float) -> Any:
    """A new figure ``width`` x ``height`` inches, not tied to pyplot or any display."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    matplotlib.rcParams.update(_settings)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def board(width: float, height: float) -> tuple[Any, Any]:
    """A figure ``width`` x ``height`` inches with one axes over all of it, measured in
    inches from the top left corner (y grows downwards) and without axis lines: for
    diagrams of boxes and lines."""
    fig = figure(width, height)
    fig.set_layout_engine(None)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    return fig, ax


_ID = re.compile(r'\bid="([^"]+)"')


def _prefixed(svg: str, prefix: str) -> str:
    ids = set(_ID.findall(svg))
    if not ids:
        return svg

    def fix(match: re.Match[str]) -> str:
        return match.group(1) + prefix + match.group(2) + match.group(3)

    svg = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    pattern = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.sub(rf'(#)({pattern})(["\)])', fix, svg)


def svg_bytes(fig: Any, prefix: str, title: str, alt: str) -> bytes:
    """The figure as SVG: with ``<title>`` and ``<desc>`` (the alt text), ids prefixed."""
    from xml.sax.saxutils import escape

    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = _prefixed(out.getvalue(), prefix + "-")
    svg = svg.replace(
        "font-family: 'DejaVu Sans'", "font-family: 'DejaVu Sans', Verdana, sans-serif"
    )
    head_end = svg.index(">", svg.index("<svg")) + 1
    svg = (
        svg[:head_end].replace("<svg ", '<svg role="img" ', 1)
        + f"\n <title>{escape(title)}</title>\n <desc>{escape(alt)}</desc>"
        + svg[head_end:]
    )
    return svg.encode("utf-8")


def png_bytes(fig: Any) -> bytes:
    """The figure as PNG at :data:`PNG_DPI`, with no software or date in its metadata."""
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return out.getvalue()
