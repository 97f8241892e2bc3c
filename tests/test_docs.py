"""Docs can't drift: generated pages match the code, and the README's commands are real."""

from __future__ import annotations

from conftest import ROOT
from planverk.diagnostics import codes_markdown


def test_checks_page_is_generated_from_the_code() -> None:
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == codes_markdown()


def test_readme_has_the_two_fresh_machine_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install -q -e . && .venv/bin/planverk validate plans/gran-2017" in readme
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest -q"
    assert test_command in readme
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_status_page_documents_every_section_and_the_readme_shows_the_command() -> None:
    from planverk.status import SECTIONS

    page = (ROOT / "docs" / "status.md").read_text(encoding="utf-8")
    for section in SECTIONS[1:]:
        assert f"### `{section}`" in page
    assert "planverk status" in (ROOT / "README.md").read_text(encoding="utf-8")
