"""Plan text is data in every Markdown planverk writes: read back by a CommonMark reader
with GitHub's tables and strikethrough, it is exactly the text the plan wrote, and no '$'
is left for GitHub's (or pandoc's) math to take."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from planverk.formatting import markdown_text

MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

HOSTILE = "ZQX $a$ *b* _c_ `d` [e](f) ![g](h) <i>j</i> ~~k~~ | &amp; \\ $$m$$ :x: #"
"""A text with each kind of inline Markdown in it, ending in a heading's closing '#'."""

_ALLOWED = {"text", "softbreak", "hardbreak"}

# Control and format characters never reach a document: the loader refuses them (PV016).
markdown_chars = st.text(
    st.sampled_from(list("\\`*_[]()<>|~$&#!=+-.:;{}\"' \n\tab19")) | st.characters(codec="utf-8", exclude_categories=("Cc", "Cf")),
    max_size=40,
)


def shown(markdown: str, context: str) -> str:
    """The text a reader sees of ``markdown`` put into ``context`` (one block): fails when
    the text made anything but text, or broke out of its block."""
    tokens = MARKDOWN.parse(context.format(markdown))
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(inlines) == (4 if "|" in context else 1), (context, markdown, tokens)
    token = inlines[-1]
    made = {child.type for child in token.children or []} - _ALLOWED
    assert not made, (markdown, made)
    return "".join(c.content for c in token.children or [])


def no_math(markdown: str) -> bool:
    """True when every '$' is escaped (GitHub's math needs an unescaped '$')."""
    return all(_escaped(markdown, i) for i, c in enumerate(markdown) if c == "$")


def _escaped(text: str, at: int) -> bool:
    backslashes = len(text[:at]) - len(text[:at].rstrip("\\"))
    return backslashes % 2 == 1


CONTEXTS = {
    "paragraph": ("{}", True),
    "heading": ("# {}", False),
    "list item": ("- {}", True),
    "table cell": ("| h | x |\n|---|---|\n| a | {} |", False),
}


@given(markdown_chars)
@example(HOSTILE)
@example("Plan #")
@example("##")
@example("15. mars")
@example("a # b ##")
def test_plan_text_reads_back_as_written_in_every_context(text: str) -> None:
    expected = " ".join(text.split())
    for name, (context, line_start) in CONTEXTS.items():
        if not expected and name != "paragraph":
            continue
        out = markdown_text(text, line_start=line_start)
        assert no_math(out), (name, out)
        if expected:
            assert shown(out, context) == expected, name


def test_the_hostile_text_is_escaped_as_a_reader_expects() -> None:
    assert markdown_text("Spar $5 og $10") == "Spar \\$5 og \\$10"
    assert markdown_text("Plan #") == "Plan \\#"
    assert markdown_text("Sak #3") == "Sak #3"
    assert re.fullmatch(r"\\#\\#", markdown_text("##"))
