"""A reference's URL is a link in every document (Markdown, HTML, Word), and only an http,
https or mailto URL is: any other address, and all plan text, stays text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import VIK_HEADER, run_cli, write_as_saved_on_windows
from planverk.render.filters import autolink, link

PLAN = VIK_HEADER.replace("TITLE", "Omstilling i Vik") + """\
references:
- id: budsjett
  title: Budsjett_2025 (utkast)
  url: https://www.vik.kommune.no/budsjett_2025/dok?id=12&copy=1&x=(a)
- id: farleg
  title: Farleg
  url: javascript:alert(1)
- id: post
  title: Postmottak
  url: mailto:post@vik.kommune.no
- id: mellomrom
  title: <script>x</script>
  url: "https://ex.no/a b)<img src=x>"
- id: fil
  title: Lokal fil
  url: ../../etc/passwd
"""


def _links(html: str) -> list[tuple[str, str]]:
    import re

    return re.findall(r'<a href="([^"]*)">(.*?)</a>', html)


def test_reference_urls_are_links_and_only_safe_ones(tmp_path: Path) -> None:
    plan = write_as_saved_on_windows(tmp_path / "plan", PLAN)
    result = run_cli("render", str(plan), "workbook", "-f", "html", "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out + result.err
    html = (tmp_path / "out" / "workbook.html").read_text(encoding="utf-8")
    assert _links(html) == [
        ("https://www.vik.kommune.no/budsjett_2025/dok?id=12&amp;copy=1&amp;x=(a)", "Budsjett_2025 (utkast)"),
        ("mailto:post@vik.kommune.no", "Postmottak"),
        ("https://ex.no/a%20b)%3Cimg%20src=x%3E", "&lt;script&gt;x&lt;/script&gt;"),
    ]
    assert "Farleg (javascript:alert(1))" in html and "Lokal fil (../../etc/passwd)" in html
    assert "<script>" not in html and "<img" not in html


def _rendered(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parseInline(markdown)[0].children or []
    found, href = [], None
    for token in tokens:
        if token.type == "link_open":
            href = token.attrGet("href")
        elif token.type == "link_close":
            found.append(href)
    return found


@given(st.text(max_size=40), st.sampled_from(["https://", "http://", "mailto:", "javascript:", "file:/", "", "//"]),
       st.text(max_size=40))
def test_only_http_https_and_mailto_become_links(text: str, scheme: str, rest: str) -> None:
    address = scheme + rest
    for markdown in (link(text, address), autolink(address)):
        for href in _rendered(markdown):
            assert href is not None and href.split(":", 1)[0] in ("http", "https", "mailto"), markdown


@given(st.text(max_size=40), st.text(st.characters(codec="ascii", exclude_categories=("Cc",)), max_size=40))
def test_an_http_url_is_one_whole_link(text: str, path: str) -> None:
    address = "https://www.vik.kommune.no/" + path
    [href] = _rendered(link(text, address))
    assert href.startswith("https://www.vik.kommune.no/")
