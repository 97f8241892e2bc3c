"""HTML from a rendered Markdown document: one page that needs nothing else.

The Markdown is read by markdown-it-py (CommonMark with GitHub's tables and
strikethrough; raw HTML in it is shown as text, since plan text is data, never markup).
Diagrams become inline SVG pictures with alt text, fill-in areas boxes to write in, and
wide tables scroll sideways on a phone. The page either carries its stylesheet inline
(``planverk render --format html``: a page that works from a file share) or links the
site's one stylesheet.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from .figures import Picture

_XML_PROLOGUE = re.compile(r"\A\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", re.IGNORECASE)
_SVG_START = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
_LABELLING = re.compile(r'\s(?:role|aria-label)="[^"]*"')


@cache
def stylesheet() -> str:
    """The stylesheet of published pages and of the site (CSS text)."""
    return (resources.files("planverk.publish") / "style.css").read_text(encoding="utf-8")


def inline_svg(picture: Picture) -> str:
    """A picture as a ``<figure>`` with its SVG inline, labelled with its alt text."""
    svg = _XML_PROLOGUE.sub("", picture.svg, count=1)
    label = html.escape(picture.alt, quote=True)

    def start(match: re.Match[str]) -> str:
        """The picture's own start tag labelled once: a role or label it carries is replaced."""
        tag = _LABELLING.sub("", match.group())
        return f'{tag[:4]} role="img" aria-label="{label}"{tag[4:]}'

    # A function, not a replacement string: a backslash in plan text is no group reference.
    svg = _SVG_START.sub(start, svg, count=1)
    return f'<figure class="picture">{svg}<figcaption>{html.escape(picture.alt)}</figcaption></figure>\n'


def _parser(pictures: Sequence[Picture]) -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    by_text = {p.mermaid.strip(): p for p in pictures if p.mermaid}
    by_file = {f"{p.name}.svg": p for p in pictures} | {f"{p.name}.png": p for p in pictures}
    fence = md.renderer.rules["fence"]
    image = md.renderer.rules["image"]

    def render_fence(_self, tokens, idx, options, env):  # noqa: ANN001, ANN202 - markdown-it's signature
        token = tokens[idx]
        if token.info.strip() == "mermaid":
            picture = by_text.get(token.content.strip())
            return inline_svg(picture) if picture else ""
        return fence(tokens, idx, options, env)

    def render_image(_self, tokens, idx, options, env):  # noqa: ANN001, ANN202
        picture = by_file.get(tokens[idx].attrGet("src") or "")
        return inline_svg(picture) if picture else image(tokens, idx, options, env)

    md.add_render_rule("fence", render_fence)
    md.add_render_rule("image", render_image)
    md.add_render_rule("table_open", lambda *_: '<div class="table"><table>\n')
    md.add_render_rule("table_close", lambda *_: "</table></div>\n")
    return md


def _blank(token: Any) -> bool:
    return not (token.content or "").replace("&nbsp;", "").strip()


def _fill_in_boxes(tokens: list[Any]) -> list[Any]:
    """Tokens with each one-column table whose rows are all blank (a fill-in area) replaced
    by a box labelled with the table's header."""
    from markdown_it.token import Token

    out: list[Any] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type != "table_open":
            out.append(token)
            i += 1
            continue
        end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
        table = tokens[i : end + 1]
        heads = [t for k, t in enumerate(table) if t.type == "inline" and table[k - 1].type == "th_open"]
        cells = [t for k, t in enumerate(table) if t.type == "inline" and table[k - 1].type == "td_open"]
        if len(heads) == 1 and cells and all(_blank(c) for c in cells):
            box = Token("html_block", "", 0)
            label = html.escape(heads[0].content.replace("\\|", "|"))
            box.content = (
                f'<div class="fill-in" style="min-height:{max(len(cells), 3)}cm">'
                f"<span>{label}</span></div>\n"
            )
            out.append(box)
        else:
            out.extend(table)
        i = end + 1
    return out


def _title(tokens: list[Any]) -> str:
    for k, token in enumerate(tokens):
        if token.type == "inline" and tokens[k - 1].type == "heading_open":
            return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))
    return ""


def markdown_body(markdown: str, pictures: Sequence[Picture] = ()) -> tuple[str, str]:
    """(title, body HTML) of a rendered Markdown document."""
    md = _parser(pictures)
    tokens = _fill_in_boxes(md.parse(markdown))
    return _title(tokens), md.renderer.render(tokens, md.options, {})


def page(
    title: str,
    body: str,
    *,
    language: str,
    stylesheet_href: str | None = None,
    head: str = "",
) -> str:
    """A whole HTML page: ``body`` (HTML) in ``<main>``, with the stylesheet inline or linked."""
    style = (
        f'<link rel="stylesheet" href="{html.escape(stylesheet_href)}">'
        if stylesheet_href
        else f"<style>\n{stylesheet()}</style>"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n'
        '<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n{style}\n</head>\n"
        f"<body>\n{head}<main id=\"main\">\n{body}</main>\n</body>\n</html>\n"
    )


def markdown_to_html(markdown: str, *, language: str, pictures: Sequence[Picture] = ()) -> str:
    """A rendered Markdown document as one self-contained HTML page (stylesheet and
    pictures inline, nothing fetched from elsewhere)."""
    title, body = markdown_body(markdown, pictures)
    return page(title, body, language=language)
