"""Every Markdown planverk writes treats plan text as data.

Each bundled plan is copied with every free text (titles, names, places, descriptions,
notes, steps...) replaced by a text holding each kind of Markdown: emphasis, code, a link,
HTML, strikethrough, a table's pipe, an entity, GitHub's math and a heading's closing '#'.
Every Markdown output is then read back by a CommonMark reader (with GitHub's tables and
strikethrough): each place the text stands must show it exactly as written, and no '$' may
stand unescaped outside code (GitHub and pandoc would read math). The outputs: every
built-in template (``render``), every ``status`` section, ``diff`` both ways, the calendar
index (``ical``) and the senders' checklists (``invitations``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLE_PLANS, run_cli
from planverk.formatting import markdown_text
from hostile_text import HOSTILE, MARKER, SHOWN, hostile_copy

SECTIONS = ["deadlines", "cycle", "kpis", "measures", "benefits", "risks", "scorecard", "reporting", "thread"]

MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable("text_join")


def problems(markdown: str) -> list[str]:
    """Where ``markdown`` shows a hostile text other than as written, or leaves a '$' for math."""
    found = []
    tokens = MARKDOWN.parse(markdown)
    fenced = sum(len(MARKER.findall(t.content)) for t in tokens if t.type in ("fence", "code_block"))
    shown = 0
    for token in tokens:
        if token.type != "inline":
            continue
        where = f"line {token.map[0] + 1}: {token.content[:120]}"
        text = ""
        children = list(token.children or [])
        while children:
            child = children.pop(0)
            if child.type == "text" and "$" in child.content:
                found.append(f"unescaped '$' (math on GitHub) in {where}")
            if child.type in ("text", "text_special", "code_inline"):
                text += child.content
            elif child.type == "image":  # its alt text: read on
                children[:0] = [*(child.children or []), child.__class__("image_close", "", 0)]
            elif child.type == "html_inline" and "<zqx" in child.content:
                found.append(f"plan text as HTML in {where}")
            else:
                text += "\0"
        shown += len(re.findall(MARKER.pattern + re.escape(SHOWN), text))
    written = len(MARKER.findall(markdown)) - fenced
    if shown != written:
        found.append(f"{written - shown} of {written} plan texts are not shown as written")
    return found


def outputs(plan: Path, original: Path, out: Path) -> dict[str, str]:
    """Every Markdown document planverk writes for ``plan``, by name."""
    documents: dict[str, str] = {}
    assert run_cli("render", str(plan), "--as-of", "2025-06-30", "-o", str(out / "render")).code == 0
    for section in ["", *SECTIONS]:
        run = run_cli("status", str(plan), *([section] if section else []), "--as-of", "2025-06-30", "-f", "markdown")
        assert run.code == 0, run.err
        documents[f"status {section}"] = run.out
    documents["status scorecard --questions"] = run_cli(
        "status", str(plan), "scorecard", "--questions", "--as-of", "2025-06-30", "-f", "markdown"
    ).out
    documents["diff old new"] = run_cli("diff", str(original), str(plan)).out
    documents["diff new old"] = run_cli("diff", str(plan), str(original)).out
    assert run_cli("ical", str(plan), "-o", str(out / "ical"), "--base-url", "https://example.no/k").code == 0
    assert run_cli("invitations", str(plan), "-o", str(out / "invitations")).code == 0
    for file in sorted(out.rglob("*.md")):
        documents[str(file.relative_to(out))] = file.read_text(encoding="utf-8")
    return documents


@pytest.mark.parametrize("original", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_plan_text_is_shown_as_written_in_every_markdown_output(original: Path, tmp_path: Path) -> None:
    plan = hostile_copy(original, tmp_path / original.name)
    assert run_cli("validate", str(plan)).code == 0
    documents = outputs(plan, original, tmp_path / "out")
    assert MARKER.search(documents["render/schedule.md"])
    found = {name: p for name, text in documents.items() if (p := problems(text))}
    assert not found, found


def test_the_check_finds_plan_text_written_as_markup() -> None:
    assert problems(f"Sted: ZQX1{HOSTILE}\n")
    assert problems("| a |\n|---|\n| Spar \\$5 og $10 |\n")
    assert not problems(f"Sted: ZQX1 {markdown_text(HOSTILE)}\n")
    assert not problems("```mermaid\ngantt\n    ZQX1 $a$\n```\n")
