"""Every line a command writes for a person speaks the plan's language; --lang overrides it.

The bundled plans are bokmål except scorecard-2023 (nynorsk). Each command that writes
text for people takes ``--lang nb|nn|en``; with it, what the command writes (status
tables, workbooks, documents) follows too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from conftest import CASES, PLANS, run_cli

COMMANDS = [
    ("validate",), ("status",), ("render",), ("ical",), ("site",), ("diff",), ("invitations",),
    ("done",), ("cancel",), ("move",), ("init",), ("fmt",),
    ("record", "measurement"), ("record", "realised"), ("record", "decision"),
    ("record", "assessment"), ("record", "score"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_that_writes_for_people_takes_lang(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--help")
    assert result.code == 0 and "--lang" in result.out, result.out


@pytest.fixture
def nynorsk(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(PLANS / "scorecard-2023", plan)
    return plan


@pytest.fixture
def bokmal(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(PLANS / "nordre-follo-2018", plan)
    return plan


def test_an_edit_speaks_the_plans_language_unless_told(bokmal: Path) -> None:
    args = ("done", str(bokmal), "frist-revidert-arbeidsbok", "--date", "2018-10-11")
    said = run_cli(*args)
    assert said.code == 0 and said.out.startswith("frist 'frist-revidert-arbeidsbok' merket utført 11. oktober 2018")
    again = {lang: run_cli(*args, "--lang", lang).out for lang in ("nb", "nn", "en")}
    assert again["nb"].startswith("ingenting å gjøre: frist 'frist-revidert-arbeidsbok' er allerede utført")
    assert again["nn"].startswith("ingenting å gjere: frist 'frist-revidert-arbeidsbok' er alt utført")
    assert again["en"].startswith("nothing to do: deadline 'frist-revidert-arbeidsbok' is already done on 11 October 2018")


def test_a_refusal_speaks_the_plans_language(nynorsk: Path) -> None:
    refused = run_cli("record", "score", str(nynorsk), "x", "Gran", "2022", "a", "q", "1")
    assert refused.code == 2 and refused.err == "planverk: ingen scorekort 'x' i planen\n"
    usage = run_cli("status", str(nynorsk), "--format", "xlsx")
    assert usage.code == 2 and "ei xlsx-arbeidsbok blir skriven til ei fil" in usage.err
    english = run_cli("status", str(nynorsk), "--format", "xlsx", "--lang", "en")
    assert "an xlsx workbook is written to a file" in english.err


def test_a_plan_with_errors_is_refused_in_its_language(tmp_path: Path) -> None:
    shutil.copytree(CASES / "invalid" / "comma-in-flow-text", tmp_path / "plan")
    refused = run_cli("status", str(tmp_path / "plan"))
    assert refused.code == 1
    assert "ukjend nøkkel 'kort versjon'" in refused.err and "har feil: rett dei først; ingen status vart vist" in refused.err
    english = run_cli("status", str(tmp_path / "plan"), "--lang", "en")
    assert "unknown key 'kort versjon'" in english.err and "no status was shown" in english.err


def test_lang_sets_the_language_of_what_status_writes(bokmal: Path) -> None:
    norwegian = run_cli("status", str(bokmal), "--as-of", "2018-10-01", "--format", "markdown")
    english = run_cli("status", str(bokmal), "--as-of", "2018-10-01", "--format", "markdown", "--lang", "en")
    assert norwegian.code == english.code == 0
    assert "Oversikt" in norwegian.out and "Overview" in english.out and "Oversikt" not in english.out


def test_lang_sets_the_language_of_rendered_documents(bokmal: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("render", str(bokmal), "schedule", "-o", str(out), "--lang", "nn", "--as-of", "2018-10-01")
    assert result.code == 0 and result.out.startswith("skreiv ")
    english = run_cli("render", str(bokmal), "schedule", "--lang", "en", "--as-of", "2018-10-01")
    norwegian = run_cli("render", str(bokmal), "schedule", "--as-of", "2018-10-01")
    assert english.out != norwegian.out


def test_init_speaks_the_language_asked(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "ny"), "--start", "2027-01-04", "--lang", "nn")
    assert result.code == 0
    assert "oppretta" in result.out and "4. januar 2027" in result.out and "neste: planverk validate" in result.out


def test_fmt_speaks_the_plans_language(nynorsk: Path) -> None:
    plan_file = nynorsk / "plan.yaml"
    # out of the layout: spaces after a key (fmt keeps a file's own CR LF line ends)
    plan_file.write_bytes(plan_file.read_bytes().replace(b"  id: ", b"  id:    ", 1).replace(b"\n", b"\r\n"))
    checked = run_cli("fmt", "--check", str(nynorsk))
    assert checked.code == 1 and "ville formatert" in checked.out and "ikkje i oppsettet til planverk" in checked.out
    english = run_cli("fmt", "--check", str(nynorsk), "--lang", "en")
    assert "would reformat" in english.out and "not in planverk's layout" in english.out


def test_an_unreadable_plan_is_refused_in_the_language_asked(nynorsk: Path) -> None:
    (nynorsk / "plan.yaml").write_text("plan: [unclosed\n", encoding="utf-8")
    refused = run_cli("fmt", str(nynorsk), "--lang", "nn")
    assert refused.code == 2 and "kan ikkje lesast som ein plan; ingenting vart formatert" in refused.err


def test_the_workbook_writes_words_not_codes_in_bokmal(tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    assert run_cli("status", str(PLANS / "savings-2024"), "--format", "xlsx", "-o", str(path),
                   "--as-of", "2026-06-30").code == 0
    book = openpyxl.load_workbook(path)
    texts = {str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row}
    for code in ("deadline", "milestone", "percent", "higher", "lower", "survey", "accounts", "behind-line",
                 "on-line", "no-progress"):
        assert code not in texts, code
    assert {"frist", "milepæl", "prosent", "lavere", "bak linja"} <= texts


def test_the_workbook_of_an_english_reader_keeps_english_words(tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    assert run_cli("status", str(PLANS / "savings-2024"), "--format", "xlsx", "-o", str(path),
                   "--as-of", "2026-06-30", "--lang", "en").code == 0
    texts = {str(c) for sheet in openpyxl.load_workbook(path) for row in sheet.iter_rows(values_only=True) for c in row}
    assert {"deadline", "percent", "behind the line"} <= texts


def test_a_room_booked_in_two_plans_is_named_in_the_plans_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "across" / "same-room")
    result = run_cli("validate", "a/", "b/")
    assert "PV405" in result.out and "rommet 'Formannskapssalen'" in result.out and "room '" not in result.out


def test_findings_name_a_status_in_the_plans_words(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan:\n  id: p\n  title: P\n  organisation: O\n  language: nn\n"
        "  period: {start: 2026-01-01, end: 2026-12-31}\n"
        "measures:\n  - {id: a, title: A, status: gjennomført, decided_on: 2026-02-01}\n"
        "  - {id: b, title: B, status: føreslått, realised: {2026: 1000000}}\n",
        encoding="utf-8",
    )
    said = run_cli("validate", str(tmp_path)).out
    assert "set status til under arbeid" in said
    assert "status er 'føreslått': set status til vedteke, under arbeid eller gjennomført" in said
    english = run_cli("validate", str(tmp_path), "--lang", "en").out
    assert "set the status to in-progress" in english and "to decided, in-progress or realised" in english


def test_diff_speaks_the_language_asked(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(PLANS / "nordre-follo-2018", old)
    shutil.copytree(PLANS / "nordre-follo-2018", new)
    assert run_cli("done", str(new), "frist-revidert-arbeidsbok", "--date", "2018-10-11").code == 0
    norwegian = run_cli("diff", str(old), str(new)).out
    english = run_cli("diff", str(old), str(new), "--lang", "en").out
    assert "### Endringer i" in norwegian and "### Changes to" in english



BROKEN_HEADERS = {
    "nn": "plan:\n  id: brot\n  title: Brot\n  language: nn\n",
    "nn-commented": "plan:\n  id: brot\n  title: Brot\n  language: nn  # nynorsk\n",
    "en": "plan: {id: broken, title: Broken, language: 'en'}\n",
    "nb": "plan:\n  id: brudd\n  title: Brudd\n",  # no language: bokmål, the plan's default
}
SAID = {
    "nn": "ugyldig YAML: her skulle det stått ein nøkkel: sjekk innrykket",
    "en": "invalid YAML: a key was expected here: check the indentation",
    "nb": "ugyldig YAML: her skulle det stått en nøkkel: sjekk innrykket",
}
SUMMARY = {"nn": "1 feil, 0 åtvaringar i 1 fil", "en": "1 error, 0 warnings in 1 file", "nb": "1 feil, 0 advarsler i 1 fil"}


@pytest.mark.parametrize("language", sorted(BROKEN_HEADERS))
def test_a_plan_that_cannot_be_parsed_is_reported_in_the_language_its_header_writes(
    tmp_path: Path, language: str
) -> None:
    # the syntax error comes after the header: the language is read from the line itself
    text = BROKEN_HEADERS[language] + "people:\n  - {id: kari, name: Kari}\n bad: [open\n"
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode())  # as Notepad saves
    result = run_cli("validate", str(tmp_path))
    language = language.split("-")[0]
    assert result.code == 1
    assert f" error PV001 {SAID[language]}" in result.out
    assert result.out.splitlines()[-1] == SUMMARY[language]


@pytest.mark.parametrize(("language", "said"), [
    ("nb", "Oppvekst 2019 har én samlet poengsum for området 'leiarskap': endre den til poeng per spørsmål i filen; ingenting ble skrevet"),
    ("nn", "Oppvekst 2019 har éin samla poengsum for området 'leiarskap': endre han til poeng per spørsmål i fila; ingenting vart skrive"),
    ("en", "Oppvekst 2019 scores area 'leiarskap' as a whole: change it to scores by question in the file; nothing was written"),
])
def test_record_score_refuses_an_area_scored_as_a_whole_in_the_language(
    tmp_path: Path, language: str, said: str
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(CASES / "edit-styles" / "layout", plan, ignore=shutil.ignore_patterns("*.diff"))
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("          leiarskap:\n            l1: 10", "          leiarskap: 14"),
                                    encoding="utf-8")
    result = run_cli("record", "score", str(plan), "gjennomgang", "Oppvekst", "2019", "leiarskap", "l2", "15",
                     "--lang", language)
    assert result.code == 2 and said in result.err, result.err


HOLIDAY_PLAN = """\
plan:
  id: h
  title: H
  organisation: K
  language: {language}
  period: {{start: 2025-01-01, end: 2025-12-31}}
people:
  - id: ola
    name: Ola
events:
  - id: m
    title: Møte
    date: 2025-04-20
    time: 09:00-10:00
"""


@pytest.mark.parametrize(
    ("language", "name"),
    [("nb", "(Første påskedag)"), ("nn", "(Fyrste påskedag)"), ("en", "(Easter Sunday)")],
)
def test_a_public_holiday_is_named_in_the_plans_language(tmp_path: Path, language: str, name: str) -> None:
    (tmp_path / "plan.yaml").write_text(HOLIDAY_PLAN.format(language=language), encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert "PV402" in result.out and name in result.out, result.out
    assert run_cli("validate", str(tmp_path), "--lang", "en").out.count("(Easter Sunday)") == 1


@pytest.mark.parametrize(("value", "said"), [
    # values people write, as libyaml reads them: a reference, a text block, an open bracket
    ("title: *viktig* møte", "ein verdi som byrjar med '*' eller '&', blir lesen som ein YAML-referanse: set verdien i hermeteikn"),
    ("title: &amp; co", "ein verdi som byrjar med '*' eller '&', blir lesen som ein YAML-referanse"),
    ("title: | Viktig", "ein verdi som byrjar med '|' eller '>', blir lesen som starten på ei tekstblokk"),
    ("title: > Merk", "ein verdi som byrjar med '|' eller '>', blir lesen som starten på ei tekstblokk"),
    ("title: [\n- a", "her skulle det stått ein verdi: lukk ein '[' eller '{' før linjene som følgjer"),
    ("title: [,]", "her skulle det stått ein verdi"),
    ("title: ]", "her skulle det stått ein verdi"),
])
def test_yaml_a_user_writes_by_mistake_is_refused_in_the_plans_language_with_what_to_do(
    tmp_path: Path, value: str, said: str
) -> None:
    # libyaml's own words ('did not find expected alphabetic or numeric character (while
    # scanning an alias)') were the whole message, in English inside a nynorsk line.
    text = f"plan:\n  id: brot\n  language: nn\n  {value}\n"
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode())
    result = run_cli("validate", str(tmp_path))
    assert result.code == 1
    line = result.out.splitlines()[0]
    assert " error PV001 ugyldig YAML: " in line and said in line, line
    assert "did not find" not in line and "while " not in line
