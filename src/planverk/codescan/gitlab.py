"""The GitLab Code Quality report (a subset of the Code Climate issue format) that a CI job
names under ``artifacts:reports:codequality``: merge requests then show each finding.

Each entry has ``description`` (the message in the plan's language), ``check_name`` (the
code), ``fingerprint`` (:func:`planverk.codescan.fingerprint`, stable while the finding
is), ``severity`` (``major`` for errors, ``minor`` for warnings), ``location.path`` and
``location.lines.begin``; ``type`` is ``issue`` and ``categories`` is ``["Bug Risk"]``
as Code Climate has it. A finding that concerns no file is placed on line 1 of the plan.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from ..diagnostics import CODES, Severity
from ..validate import Validation
from . import findings, fingerprint

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def code_quality(results: Sequence[Validation], language: str | None = None) -> list[dict[str, Any]]:
    """The report of ``results`` as JSON-ready data; messages in ``language``, else each
    plan's own."""
    seen: dict[str, int] = {}
    report = []
    for result, item, path in findings(results):
        report.append({
            "type": "issue",
            "check_name": item.code,
            "description": f"{item.code} {CODES[item.code].name}: "
                           f"{item.message.render(language or result.language)}",
            "categories": ["Bug Risk"],
            "severity": SEVERITIES[item.severity],
            "fingerprint": fingerprint(item, path, seen),
            "location": {"path": path, "lines": {"begin": item.position.line if item.position else 1}},
        })
    return report


def report_gitlab(
    results: Sequence[Validation], out: TextIO, color: bool, language: str | None = None
) -> None:
    """Write the Code Quality report (``--format gitlab``)."""
    out.write(json.dumps(code_quality(results, language), ensure_ascii=False, indent=2) + "\n")
