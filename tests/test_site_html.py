"""Every page planverk publishes is well-formed HTML that shows plan text as data.

The bundled plans, with every free text made hostile (quotes, a tag with an event
handler, Markdown, math; see ``hostile_text``), are published as HTML pages (``render
--format html``), and two of them as a site. Each page is read by Python's HTML parser: no
element may carry an attribute twice (the inlined pictures once said ``role="img"``
twice), no id may be given twice in a page, no element or attribute may come from plan
text, and each place a text stands (outside the pictures, whose labels may be shortened)
must show it exactly as written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLANS, run_cli
from hostile_text import MARKER, SHOWN, hostile_copy

SITE_PLANS = {"lunner-lean-2012", "budsjettprosess-2025"}
"""The plans published as a site (every plan is published as HTML pages by ``render``):
the most kinds of item, and the årshjul; a site also writes each document as Word."""


class _Page(HTMLParser):
    """One page's problems, and its text outside pictures with attribute values as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.svg_depth = 0
        self.text: list[str] = []

    def _where(self) -> str:
        return f"line {self.getpos()[0]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            self.problems.append(f"<{tag}> carries {', '.join(twice)} twice ({self._where()})")
        if tag == "zqx" or any(name.startswith("on") for name in names):
            self.problems.append(f"plan text made markup: <{tag} {' '.join(names)}> ({self._where()})")
        for name, value in attrs:
            if name == "id" and value is not None:
                if value in self.ids:
                    self.problems.append(f"id {value!r} given twice ({self._where()})")
                self.ids.add(value)
        if tag == "svg":
            self.svg_depth += 1
        if not self.svg_depth:
            self.text += ["\0", *(value or "" for _, value in attrs), "\0"]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self.svg_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.svg_depth -= 1
        if not self.svg_depth:
            self.text.append("\0")

    def handle_data(self, data: str) -> None:
        if not self.svg_depth:
            self.text.append(data)


def page_problems(page: str) -> list[str]:
    """What is wrong with one HTML page (see the module's docstring)."""
    parser = _Page()
    parser.feed(page)
    parser.close()
    problems = parser.problems
    text = "".join(parser.text)
    without_pictures = re.sub(r"<svg\b.*?</svg>", "", page, flags=re.DOTALL | re.IGNORECASE)
    written = len(MARKER.findall(without_pictures))
    shown = len(re.findall(MARKER.pattern + re.escape(SHOWN), text))
    if shown != written:
        problems.append(f"{written - shown} of {written} plan texts are not shown as written")
    return problems


@pytest.fixture(scope="module")
def hostile_plans(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("hostile")
    plans = [hostile_copy(plan, folder / plan.name) for plan in EXAMPLE_PLANS]
    for plan in plans:
        assert run_cli("validate", str(plan)).code == 0
    return plans


def test_every_page_of_the_site_is_well_formed_and_shows_plan_text_as_written(
    hostile_plans: list[Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    chosen = [p for p in hostile_plans if p.name in SITE_PLANS]
    run = run_cli("site", *map(str, chosen), "-o", str(site), "--as-of", "2025-06-30")
    assert run.code == 0, run.err
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    found = {str(p.relative_to(site)): problems for p in pages if (problems := page_problems(p.read_text("utf-8")))}
    assert not found, found


@pytest.mark.parametrize("index", range(len(EXAMPLE_PLANS)), ids=[p.name for p in EXAMPLE_PLANS])
def test_rendered_html_pages_are_well_formed(hostile_plans: list[Path], index: int, tmp_path: Path) -> None:
    out = tmp_path / "html"
    assert run_cli("render", str(hostile_plans[index]), "-f", "html", "--as-of", "2025-06-30", "-o", str(out)).code == 0
    found = {p.name: problems for p in sorted(out.glob("*.html")) if (problems := page_problems(p.read_text("utf-8")))}
    assert not found, found


def test_the_check_finds_what_it_looks_for() -> None:
    assert page_problems('<p><svg role="img" aria-label="x" role="img"></svg></p>')
    assert page_problems('<p id="a">x</p><p id="a">y</p>')
    assert page_problems(f"<p>ZQX1{SHOWN[:12]}<zqx onclick=\"y\"></p>")
    assert not page_problems("<p>ZQX1" + SHOWN.replace("&", "&amp;").replace("<", "&lt;") + "</p>")
