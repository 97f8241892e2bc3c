"""Pictures of a plan's diagrams, drawn offline: SVG (and PNG for Word) for documents.

Drawn with matplotlib (imported only when a picture is drawn), with its bundled DejaVu
Sans font and no dates, versions or random ids in the files: the same plan gives the same
bytes on any machine (see :mod:`.canvas`). No browser, no network.

The pictures, by name (``ID``: the plan item's id; a document rendered with ``--group``
adds ``-GROUP`` to the file name):

====================  ================  ====================================================
name                  document          what it shows
====================  ================  ====================================================
``gantt``             workbook          phases and events as bars, deadlines and milestones as diamonds
``org-chart``         workbook          groups with members; a group that reports to another
                                        is drawn under it, arrow pointing up to it; rows
                                        wrap at :data:`.layout.ROW_WIDTH` boxes
``kpi-ID``            status-report     a KPI's readings over time, baseline and target
``savings-ID``        status-report     target, identified, decided, realised per year
``measure-matrix``    status-report     each rated measure in its effect x feasibility
                                        quadrant
``risk-matrix``       status-report     the 5x5 probability x consequence matrix
``scorecard-ID``      status-report     scores per area for each organisation and year
``red-thread``        status-report     goals, the measures and KPIs that serve them, the
                                        benefits and reports they lead to; breaks dashed
``rollout-ID``        status-report     a measure's rollout: units down the side, periods
                                        across, a filled cell where a unit's period lies
``annual-cycle``      status-report     the årshjul: the as-of year as a wheel, months
                                        clockwise from the top, each activity an arc over
                                        its period in its owner group's ring (a plan with
                                        events dated by a period only)
====================  ================  ====================================================

Every label is in the plan's language; every picture has alt text (``Picture.alt``,
also the SVG's ``<desc>``) that says in words what it shows, figures included.

API, for the DOCX, HTML and site writers::

    from planverk.publish.pictures import pictures_for
    for picture in pictures_for("status-report", context):   # a render Context
        picture.name, picture.title, picture.alt        # str
        picture.file, picture.png_file                  # 'risk-matrix.svg', '....png'
        picture.svg                                     # bytes, UTF-8 SVG 1.1
        picture.png                                     # bytes (PNG, 150 dpi) or None

``context`` is what :func:`planverk.render.context.build_context` returns; its
``pictures`` holds the :class:`~.specs.PictureSpec` of every picture the plan has, by
name, cheap to compute (nothing is drawn until :func:`draw`). Markdown templates show
``spec.mermaid`` where GitHub and GitLab draw it (timeline, organisation chart, measure
matrix, KPI trends) and ``spec.image`` (``![alt](file)``) otherwise; with
``build_context(..., mermaid=False)`` they show images only, as DOCX and HTML need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .specs import PictureSpec

DOCUMENT_KINDS: dict[str, tuple[str, ...]] = {
    "workbook": ("gantt", "org-chart"),
    "status-report": ("annual-cycle", "kpi", "savings", "measure-matrix", "rollout", "risk-matrix",
                      "scorecard", "red-thread"),
    "schedule": (),
}
"""The kinds of picture each built-in template shows, in the order it shows them."""


@dataclass(frozen=True)
class Picture:
    """A drawn picture: ``svg`` (UTF-8 SVG 1.1 bytes) and ``png`` (or None when not asked
    for), with its ``name``, ``title``, ``alt`` text and file names."""

    name: str
    title: str
    alt: str
    file: str
    png_file: str
    svg: bytes
    png: bytes | None


def _drawer(kind: str) -> Any:
    from . import charts, orgchart, rollout, thread, wheel

    return {
        "gantt": charts.gantt,
        "org-chart": orgchart.org_chart,
        "risk-matrix": charts.risk_matrix,
        "measure-matrix": charts.measure_matrix,
        "kpi": charts.kpi,
        "savings": charts.savings,
        "scorecard": charts.scorecard,
        "annual-cycle": wheel.wheel,
        "rollout": rollout.rollout,
        "red-thread": thread.red_thread,
    }[kind]


def draw(spec: PictureSpec, *, png: bool = True) -> Picture:
    """Draw one picture (SVG, and PNG unless ``png`` is false)."""
    from .canvas import png_bytes, svg_bytes

    fig = _drawer(spec.kind)(spec)
    svg = svg_bytes(fig, spec.name, spec.title, spec.alt)
    image = png_bytes(fig) if png else None
    return Picture(spec.name, spec.title, spec.alt, spec.file, spec.png_file, svg, image)


def specs_for(document: str, specs: dict[str, PictureSpec]) -> list[PictureSpec]:
    """The pictures ``document`` (a template name) shows, in order; a template that is not
    built in gets every picture the plan has."""
    kinds = DOCUMENT_KINDS.get(document)
    if kinds is None:
        return list(specs.values())
    return [s for kind in kinds for s in specs.values() if s.kind == kind]


def pictures_for(document: str, context: Any, *, png: bool = True) -> list[Picture]:
    """Draw the pictures of ``document`` (``workbook``, ``status-report``, ...) for a
    render ``context``; [] when the document has none."""
    return [draw(spec, png=png) for spec in specs_for(document, context.pictures)]


def draw_all(specs: Iterable[PictureSpec], *, png: bool = True) -> list[Picture]:
    """Draw several pictures."""
    return [draw(spec, png=png) for spec in specs]


__all__ = [
    "DOCUMENT_KINDS",
    "Picture",
    "PictureSpec",
    "draw",
    "draw_all",
    "pictures_for",
    "specs_for",
]
