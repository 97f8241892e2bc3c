"""SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), as GitHub code scanning
reads it: one run whose tool lists every planverk code as a rule, one result per finding.

Each rule has the code as ``id``, the short name as ``name``, the documented meaning as
description and help text, and the code's severity as its default level. Each result has
``ruleId``/``ruleIndex``, ``level`` (``error`` or ``warning``), the message in the plan's
language (``properties.message_en`` holds the English), a physical location (file,
1-based line and column) and the other positions involved as related locations.
``partialFingerprints`` carries :func:`planverk.codescan.fingerprint`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO
from urllib.parse import quote

from .. import __version__
from ..diagnostics import CODES, Position
from ..validate import Validation
from . import findings, fingerprint, repository_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return quote(repository_path(path), safe="/")


def _physical(position: Position) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": _uri(position.file)},
        "region": {"startLine": position.line, "startColumn": position.column},
    }


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.name},
            "fullDescription": {"text": code.meaning},
            "help": {"text": code.meaning, "markdown": f"**{code.code} {code.name}**: {code.meaning}"},
            "defaultConfiguration": {"level": code.severity.value},
        }
        for code in CODES.values()
    ]


def sarif_log(results: Sequence[Validation], language: str | None = None) -> dict[str, Any]:
    """The SARIF log of ``results`` as a JSON-ready dict; messages in ``language``, else
    each plan's own."""
    index = {code: n for n, code in enumerate(CODES)}
    seen: dict[str, int] = {}
    out = []
    for result, item, path in findings(results):
        entry: dict[str, Any] = {
            "ruleId": item.code,
            "ruleIndex": index[item.code],
            "level": item.severity.value,
            "message": {"text": item.message.render(language or result.language)},
            "partialFingerprints": {"planverk/v1": fingerprint(item, path, seen)},
            "properties": {"message_en": str(item.message)},
        }
        entry["locations"] = [
            {"physicalLocation": _physical(item.position)} if item.position
            else {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}
        ]
        if item.related:
            entry["relatedLocations"] = [
                {"id": n, "physicalLocation": _physical(p)} for n, p in enumerate(item.related)
            ]
        out.append(entry)
    languages = {language or r.language for r in results}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "planverk",
                "version": __version__,
                "rules": _rules(),
            }
        },
        "results": out,
        "columnKind": "unicodeCodePoints",
    }
    if len(languages) == 1:
        run["language"] = languages.pop()
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report_sarif(
    results: Sequence[Validation], out: TextIO, color: bool, language: str | None = None
) -> None:
    """Write the SARIF log (``--format sarif``)."""
    out.write(json.dumps(sarif_log(results, language), ensure_ascii=False, indent=2) + "\n")
