"""Output formats for findings: human lines, versioned JSON, GitHub workflow annotations,
SARIF and GitLab Code Quality (:mod:`planverk.codescan`).

Each reporter takes the results, the stream, whether to colour, and the language to write
messages in (None: each plan's own language, :attr:`Validation.language`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from .diagnostics import CODES, Finding, Position, Severity, printable
from .i18n import DEFAULT_LANGUAGE, Message, plural, tr
from .validate import Validation

JSON_VERSION = 1
"""Bumped when a key of the JSON report changes meaning or disappears."""


def _counts(results: Sequence[Validation]) -> tuple[int, int, int]:
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    files = sum(len(r.files) for r in results)
    return errors, warnings, files


def _language(results: Sequence[Validation], language: str | None) -> str:
    """The language of text about all the results: the override, else the first plan's."""
    return language or (results[0].language if results else DEFAULT_LANGUAGE)


def summary(results: Sequence[Validation]) -> Message:
    """'2 errors, 1 warning in 3 files', or a clean bill of health."""
    errors, warnings, files = _counts(results)
    in_files = plural("{count} file", "{count} files", files)
    if not errors and not warnings:
        plans = ", ".join(r.plan.plan.id for r in results if r.plan)
        return tr("{plans}: no problems found in {files}", plans=plans, files=in_files)
    return tr(
        "{errors}, {warnings} in {files}",
        errors=plural("{count} error", "{count} errors", errors),
        warnings=plural("{count} warning", "{count} warnings", warnings),
        files=in_files,
    )


def summary_line(results: Sequence[Validation], language: str | None = None) -> str:
    """:func:`summary` in ``language`` (default: the first plan's language)."""
    return summary(results).render(_language(results, language))


def summary_lines(results: Sequence[Validation], language: str | None = None) -> list[str]:
    """The summary as lines. Plans in one language (or ``language`` given): one line, in
    it. Plans in different languages: each plan's own line in its language, then the total
    in bokmål (:data:`~planverk.i18n.DEFAULT_LANGUAGE`), the language no one plan decides."""
    if language or len({r.language for r in results}) <= 1:
        return [summary_line(results, language)]
    lines = []
    for result in results:
        own = summary([result])
        if result.findings:  # a clean plan's line names it already
            own = tr("{where}: {message}", where=result.plan_id or printable(str(result.target)), message=own)
        lines.append(own.render(result.language))
    return [*lines, tr("in all: {summary}", summary=summary(results)).render(DEFAULT_LANGUAGE)]


def _message(finding: Finding, result: Validation, language: str | None) -> str:
    return finding.message.render(language or result.language)


def _human_lines(
    results: Sequence[Validation], language: str | None
) -> Iterator[tuple[str, Severity, str, str, str]]:
    """(where, severity, code, message, see also) of each finding, as report_human prints it."""
    for result in results:
        for item in result.findings:
            where = str(item.position) if item.position else printable(str(result.target))
            lang = language or result.language
            also = "".join(" " + tr("(see {position})", position=str(p)).render(lang) for p in item.related)
            yield where, item.severity, item.code, _message(item, result, language), also


def report_human(
    results: Sequence[Validation], out: TextIO, color: bool, language: str | None = None
) -> None:
    """``path:line:col: severity CODE message``, one per line, then a summary."""
    if not color:  # the same lines without styles: rich is imported only to colour them
        for where, severity, code, message, also in _human_lines(results, language):
            out.write(f"{where}: {severity.value} {code} {message}{also}\n")
        out.writelines(line + "\n" for line in summary_lines(results, language))
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, color_system="standard", highlight=False, soft_wrap=True, emoji=False)
    styles = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
    for where, severity, code, message, also in _human_lines(results, language):
        console.print(
            f"{escape(where)}: [{styles[severity]}]{severity.value}[/] "
            f"[bold]{code}[/] {escape(message)}{escape(also)}"
        )
    errors, warnings, _ = _counts(results)
    style = "bold red" if errors else ("yellow" if warnings else "green")
    for line in summary_lines(results, language):
        console.print(f"[{style}]{escape(line)}[/]")


def _position_json(position: Position | None) -> dict[str, object] | None:
    if position is None:
        return None
    return {"file": position.file, "line": position.line, "column": position.column}


def report_json(
    results: Sequence[Validation], out: TextIO, color: bool, language: str | None = None
) -> None:
    """A versioned JSON document; see docs/checks.md for its keys."""
    errors, warnings, files = _counts(results)
    document = {
        "version": JSON_VERSION,
        "summary": {"errors": errors, "warnings": warnings, "files": files},
        "plans": [
            {
                "path": str(result.target),
                "id": result.plan_id,
                "language": language or result.language,
                "files": result.files,
                "findings": [
                    {
                        "code": f.code,
                        "name": CODES[f.code].name,
                        "severity": f.severity.value,
                        "message": _message(f, result, language),
                        "message_en": str(f.message),
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


def report_github(
    results: Sequence[Validation], out: TextIO, color: bool, language: str | None = None
) -> None:
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
            text = _message(item, result, language)
            out.write(f"::{item.severity.value} {','.join(props)}::{_escape_data(text)}\n")
    out.writelines(line + "\n" for line in summary_lines(results, language))


Reporter = Callable[[Sequence[Validation], TextIO, bool, str | None], None]


def report_sarif(results: Sequence[Validation], out: TextIO, color: bool, language: str | None) -> None:
    """SARIF 2.1.0 (:func:`planverk.codescan.sarif.report_sarif`), imported only when asked for."""
    from .codescan.sarif import report_sarif as report

    report(results, out, color, language)


def report_gitlab(results: Sequence[Validation], out: TextIO, color: bool, language: str | None) -> None:
    """GitLab Code Quality (:func:`planverk.codescan.gitlab.report_gitlab`), imported only when
    asked for."""
    from .codescan.gitlab import report_gitlab as report

    report(results, out, color, language)

REPORTERS: dict[str, Reporter] = {
    "human": report_human,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
    "gitlab": report_gitlab,
}
