"""Lint rendered Markdown: pymarkdownlnt's rules plus the basics checked by hand.

pymarkdownlnt runs with GitHub's table and strikethrough extensions and its default
rules, except line length (tables and generated prose cannot wrap), trailing
punctuation in headings (plan titles end in '!' or '?') and duplicate headings
other than among siblings (a session's contacts repeat the session's name).
"""

from __future__ import annotations

import re

from pymarkdown.api import PyMarkdownApi

_FENCE = re.compile(r"^(```|~~~)")
_PIPE = re.compile(r"(?<!\\)\|")
_BARE_EMAIL = re.compile(r"(?<![<\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+(?![\w>])")
"""An e-mail address not written as a link (<kari@example.no>): markdownlint's MD034."""


def _linter() -> PyMarkdownApi:
    return (
        PyMarkdownApi()
        .enable_extension_by_identifier("markdown-tables")
        .enable_extension_by_identifier("markdown-strikethrough")
        .disable_rule_by_identifier("md013")
        .disable_rule_by_identifier("md026")
        .set_boolean_property("plugins.md024.siblings_only", True)
    )


def basic_problems(text: str) -> list[str]:
    """One H1, no trailing spaces, one final newline, table rows as wide as their header,
    e-mail addresses as links."""
    problems = []
    if not text.endswith("\n") or text.endswith("\n\n"):
        problems.append("the text must end with exactly one newline")
    in_fence = False
    h1 = 0
    table_cells: int | None = None
    for number, line in enumerate(text.split("\n")[:-1], 1):
        if line != line.rstrip():
            problems.append(f"{number}: trailing whitespace")
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if line.startswith("# "):
            h1 += 1
        if _BARE_EMAIL.search(line):
            problems.append(f"{number}: a bare e-mail address; write it as a link, <kari@example.no>")
        if line.startswith("|"):
            cells = len(_PIPE.findall(line)) - 1
            if table_cells is None:
                table_cells = cells
            elif cells != table_cells:
                problems.append(
                    f"{number}: a table row with {cells} cells where the header has {table_cells}"
                )
        else:
            table_cells = None
    if h1 != 1:
        problems.append(f"{h1} top-level headings, not one")
    return problems


def lint(text: str) -> list[str]:
    """Every problem pymarkdownlnt and :func:`basic_problems` find."""
    found = _linter().scan_string(text)
    return basic_problems(text) + [
        f"{f.line_number}:{f.column_number}: {f.rule_id} {f.rule_description}"
        f"{f.extra_error_information}"
        for f in found.scan_failures
    ]
