"""Output formats for findings: human lines, versioned JSON, GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TextIO

from .diagnostics import CODES, Position, Severity, printable
from .validate import Validation

JSON_VERSION = 1
"""Bumped when a key of the JSON report changes meaning or disappears."""


def _counts(results: Sequence[Validation]) -> tuple[int, int, int]:
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    files = sum(len(r.files) for r in results)
    return errors, warnings, files


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(results: Sequence[Validation]) -> str:
    """'2 errors, 1 warning in 3 files' or a clean bill of health."""
    errors, warnings, files = _counts(results)
    if not errors and not warnings:
        plans = ", ".join(r.plan.plan.id for r in results if r.plan)
        return f"{plans}: no problems found in {_plural(files, 'file')}"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def report_human(results: Sequence[Validation], out: TextIO, color: bool) -> None:
    """``path:line:col: severity CODE message``, one per line, then a summary."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, color_system="standard" if color else None, highlight=False,
                      soft_wrap=True, emoji=False)
    styles = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
    for result in results:
        for item in result.findings:
            where = str(item.position) if item.position else printable(str(result.target))
            also = "".join(f" (see {p})" for p in item.related)
            console.print(
                f"{escape(where)}: [{styles[item.severity]}]{item.severity.value}[/] "
                f"[bold]{item.code}[/] {escape(item.message)}{escape(also)}"
            )
    errors, warnings, _ = _counts(results)
    style = "bold red" if errors else ("yellow" if warnings else "green")
    console.print(f"[{style}]{escape(summary_line(results))}[/]")


def _position_json(position: Position | None) -> dict[str, object] | None:
    if position is None:
        return None
    return {"file": position.file, "line": position.line, "column": position.column}


def report_json(results: Sequence[Validation], out: TextIO, color: bool) -> None:
    """A versioned JSON document; see docs/checks.md for its keys."""
    errors, warnings, files = _counts(results)
    document = {
        "version": JSON_VERSION,
        "summary": {"errors": errors, "warnings": warnings, "files": files},
        "plans": [
            {
                "path": str(result.target),
                "id": result.plan.plan.id if result.plan else None,
                "files": result.files,
                "findings": [
                    {
                        "code": f.code,
                        "name": CODES[f.code].name,
                        "severity": f.severity.value,
                        "message": f.message,
                        **(_position_json(f.position) or {"file": None, "line": None, "column": None}),
                        "related": [_position_json(p) for p in f.related],
                    }
                    for f in result.findings
                ],
            }
            for result in results
        ],
    }
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(results: Sequence[Validation], out: TextIO, color: bool) -> None:
    """GitHub Actions workflow commands: each finding annotates its line in the PR."""
    for result in results:
        for item in result.findings:
            props = []
            if item.position:
                props += [
                    f"file={_escape_property(printable(item.position.file))}",
                    f"line={item.position.line}",
                    f"col={item.position.column}",
                ]
            props.append(f"title={_escape_property(item.code + ' ' + CODES[item.code].name)}")
            out.write(f"::{item.severity.value} {','.join(props)}::{_escape_data(item.message)}\n")
    out.write(summary_line(results) + "\n")


REPORTERS: dict[str, Callable[[Sequence[Validation], TextIO, bool], None]] = {
    "human": report_human,
    "json": report_json,
    "github": report_github,
}
