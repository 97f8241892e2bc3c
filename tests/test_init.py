"""planverk init: a new plan that validates clean, explains itself and is fmt-clean."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import run_cli, run_cli_en
from planverk.edit.scaffold import TEMPLATES, first_monday_after
from planverk.i18n import LANGUAGES
from planverk.schema import schema_text
from planverk.validate import validate_plan


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_new_plan_validates_clean_and_is_formatted(template: str, tmp_path: Path) -> None:
    folder = tmp_path / "Omstilling Ås"
    result = run_cli("init", str(folder), "--template", template, "--start", "2027-01-04")
    assert result.code == 0, result.err
    assert f"opprettet {folder} fra malen '{template}', med start 4. januar 2027" in result.out
    assert run_cli("validate", "--strict", str(folder)).out.startswith("omstilling-aas: ingen problemer funnet")
    assert run_cli("fmt", "--check", str(folder)).code == 0
    assert (folder / "planverk.schema.json").read_text(encoding="utf-8") == schema_text()
    for plan_file in folder.glob("*.yaml"):
        text = plan_file.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=planverk.schema.json\n")
        assert text.count("\n#") + text.count("  # ") >= 3, f"{plan_file.name} explains too little"


@pytest.mark.parametrize(("language", "clean", "words"), [
    ("nn", "ingen problem funne", ["language: nn", "Styringsgruppa", "Prosessleiar", "weekday: tysdag"]),
    ("en", "no problems found", ["language: en", "Steering group", "Process leader", "weekday: tuesday"]),
])
def test_init_lang_writes_a_plan_in_that_language(tmp_path: Path, language: str, clean: str, words: list[str]) -> None:
    """`init --lang nn` spoke nynorsk but wrote a bokmål plan (language: nb, Styringsgruppen)."""
    folder = tmp_path / "ny"
    result = run_cli("init", str(folder), "--start", "2027-01-04", "--lang", language)
    assert result.code == 0, result.err
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml")))
    for word in words:
        assert word in text
    for bokmal in ("Styringsgruppen", "Prosessleder", "Utredning", "tirsdag", "ansattes"):
        assert bokmal not in text
    assert run_cli("validate", "--strict", str(folder)).out.startswith(f"ny: {clean}")
    assert run_cli("fmt", "--check", str(folder)).code == 0


def test_the_default_start_is_the_first_monday_of_next_month() -> None:
    assert first_monday_after(date(2026, 11, 23)) == date(2026, 12, 7)
    assert first_monday_after(date(2026, 12, 31)) == date(2027, 1, 4)
    assert first_monday_after(date(2027, 1, 15)) == date(2027, 2, 1)


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli_en("init", str(tmp_path / "plan"))
    assert result.code == 2 and "already exists and is not empty" in result.err
    assert [p.name for p in (tmp_path / "plan").iterdir()] == ["notes.txt"]


def test_init_fills_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "plan").mkdir()
    assert run_cli_en("init", str(tmp_path / "plan"), "--start", "2027-08-02").code == 0
    assert (tmp_path / "plan" / "plan.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["plan"]  # no temporary folder left behind


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEMPLATES), st.dates(date(2020, 1, 1), date(2045, 12, 31)), st.sampled_from(LANGUAGES))
@example("process", date(2043, 11, 9), "nb")  # two holiday Fridays in a row push a deadline 14 days
@example("lean", date(2026, 3, 30), "nn")  # Easter in the first weeks
@example("savings", date(2027, 12, 20), "en")  # Christmas in the first week
def test_any_start_gives_a_clean_plan_with_items_inside_their_phases(template: str, start: date, language: str) -> None:
    from planverk.edit.scaffold import init_plan

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "plan"
        init_plan(folder, template, start, language)
        result = validate_plan(folder)
        assert result.findings == [], [str(f.message) for f in result.findings]
        plan = result.plan
        assert plan is not None
        phases = {p.id: p.period for p in plan.phases}
        for item in (*plan.events, *plan.deadlines):
            if item.phase:
                day = item.date
                assert phases[item.phase].contains(day), f"{item.id} on {day} is outside {item.phase}"


def test_the_cli_offers_exactly_the_templates_there_are() -> None:
    from planverk.cli import Template

    assert [t.value for t in Template] == list(TEMPLATES)


def test_cli_offers_exactly_the_scaffold_templates() -> None:
    """The CLI's choices are declared without importing scaffold (fast --help): keep them in step."""
    from planverk.cli import Template

    assert tuple(t.value for t in Template) == TEMPLATES
