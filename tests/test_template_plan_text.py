"""Text a user template builds from plan text is plan text: escaped where it is printed,
however it was built (``~``, ``+``, ``%``, ``format``, slices, filters, methods, loops)."""

from __future__ import annotations

from pathlib import Path

import pytest

from markdown_it import MarkdownIt

from conftest import VIK_HEADER, run_cli, write_as_saved_on_windows


def _markup(markdown: str) -> set[str]:
    """The kinds of markup CommonMark reads in ``markdown`` (raw HTML, links, emphasis)."""
    found = set()
    for block in MarkdownIt("commonmark").parse(markdown):
        for token in [block, *(block.children or [])]:
            if token.type in ("html_inline", "html_block", "link_open", "em_open", "strong_open"):
                found.add(token.type)
    return found

HOSTILE = "<script>alert(1)</script> *fet* [lenke](javascript:x) =HYPERLINK(\\\"x\\\")"
PLAN = VIK_HEADER.replace("TITLE", f'"{HOSTILE}"')

BUILT = {
    "tilde": "{{ plan.title ~ '!' }}",
    "tilde in set": "{% set x = 'Tittel: ' ~ plan.title %}{{ x }}",
    "plus": "{{ plan.title + '!' }}",
    "printf": "{{ '%s!' % plan.title }}",
    "printf tuple": "{{ '%s %s' % (plan.organisation, plan.title) }}",
    "format filter": "{{ '%s!' | format(plan.title) }}",
    "str.format": "{{ '{}!'.format(plan.title) }}",
    "slice": "{{ plan.title[0:200] }}",
    "method": "{{ plan.title.strip() }}",
    "split": "{{ plan.title.split(' ') | join(' ') }}",
    "upper": "{{ plan.title | upper }}",
    "replace": "{{ plan.title | replace('alert', 'varsel') }}",
    "safe": "{{ plan.title | safe }}",
    "join": "{{ [plan.title, 'a'] | join(' ') }}",
    "characters": "{% for c in plan.title %}{{ c }}{% endfor %}",
    "macro": "{% macro m(t) %}{{ t ~ '' }}{% endmacro %}{{ m(plan.title) }}",
}


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", list(BUILT))
def test_text_built_from_plan_text_is_escaped(name: str, fmt: str, tmp_path: Path) -> None:
    plan = write_as_saved_on_windows(tmp_path / "plan", PLAN)
    (plan / "templates").mkdir()
    (plan / "templates" / "mine.md.j2").write_text(BUILT[name] + "\n", encoding="utf-8")
    result = run_cli("render", str(plan), "mine", "-f", fmt, "-o", str(tmp_path / "out"))
    assert result.code == 0, result.out + result.err
    out = (tmp_path / "out" / f"mine.{fmt}").read_text(encoding="utf-8")
    if fmt == "md":
        assert _markup(out) == set(), out
        assert "fet" in out.lower()
    else:
        body = out[out.index("<main"):]
        assert "<script" not in body.lower() and "href" not in body and "<em>" not in body, body


def test_literal_markdown_around_plan_text_is_kept(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    (plan / "templates").mkdir(parents=True)
    (plan / "plan.yaml").write_bytes(PLAN.encode("utf-8"))
    (plan / "templates" / "mine.md.j2").write_text(
        "**{{ plan.organisation }}** {{ '**' ~ 'fet' ~ '**' }} {{ ('x' ~ plan.organisation) | cell }}\n",
        encoding="utf-8")
    result = run_cli("render", str(plan), "mine")
    assert result.code == 0, result.out + result.err
    assert result.out.strip() == "**Vik kommune** **fet** xVik kommune"
    assert _markup(result.out) == {"strong_open"}
