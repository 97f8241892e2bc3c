"""Docs can't drift: generated pages match the code, and the README's commands are real."""

from __future__ import annotations

from conftest import ROOT
from planverk.diagnostics import codes_markdown


def test_checks_page_is_generated_from_the_code() -> None:
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == codes_markdown()


def test_readme_has_the_two_fresh_machine_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = (
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/planverk validate plans/*/"
        " && .venv/bin/planverk site plans/*/ -o site"
    )
    assert first in readme
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest -q"
    assert test_command in readme
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_status_page_documents_every_section_and_the_readme_shows_the_command() -> None:
    from planverk.status import SECTIONS

    page = (ROOT / "docs" / "status.md").read_text(encoding="utf-8")
    for section in SECTIONS[1:]:
        assert f"### `{section}`" in page
    assert "planverk status" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_templates_page_is_generated_from_the_code() -> None:
    from planverk.render.reference import templates_markdown

    assert (ROOT / "docs" / "templates.md").read_text(encoding="utf-8") == templates_markdown()


def test_labels_have_the_same_keys_in_every_language() -> None:
    from planverk.render.labels import LABELS

    def keys(value: dict, prefix: str = "") -> set[str]:
        return {
            k for key, item in value.items()
            for k in (keys(item, f"{prefix}{key}.") if isinstance(item, dict) else {f"{prefix}{key}"})
        }

    assert keys(LABELS["nb"]) == keys(LABELS["nn"]) == keys(LABELS["en"])


def test_every_label_the_builtins_use_exists_and_every_label_is_used() -> None:
    import re

    from planverk.render.labels import LABELS

    used = set()
    for template in (ROOT / "templates").glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"labels\.(\w+)", text)) | set(re.findall(r'labels\["(\w+)"\]', text))
    used |= {"member_roles", "at_sessions", "between_sessions", "after_sessions", "phases", "events_and_activities", "deadlines",
             "milestones", "reports_to", "includes", "justification", "practice"}  # read by key in a loop or from Python (diagrams, views)
    assert used <= set(LABELS["nb"]), used - set(LABELS["nb"])
    assert set(LABELS["nb"]) - used == set()


def test_words_table_is_generated_from_the_code() -> None:
    from planverk.model.words import splice_words_table

    page = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    assert splice_words_table(page) == page
