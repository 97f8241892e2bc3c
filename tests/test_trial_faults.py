"""Faults a trial on hand-written plans found, each pinned through the public CLI."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

HEADER = """plan:
  id: {id}
  title: Case
  organisation: Test kommune
  period: {{start: 2017-01-01, end: 2017-12-31}}
"""


def write(folder: Path, text: str, plan_id: str = "case") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(HEADER.format(id=plan_id) + text, encoding="utf-8")
    return folder


WEEKLY = """people:
  - {id: kari, name: Kari}
events:
  - id: m
    title: M
    date: 2017-03-01
    time: '09:00-09:30'
    location: Kolben
    room: Sal 2
    participants: [kari]
    repeat: {every: week, until: 2017-03-30}
"""


def _days(out: str, code: str) -> list[int]:
    return [int(m) for m in re.findall(rf"{code} 'M' on (\d+) March", out)]


def test_findings_at_one_line_come_in_date_order(tmp_path: Path) -> None:
    a = write(tmp_path / "a", WEEKLY, "a")
    b = write(tmp_path / "b", WEEKLY, "b")
    result = run_cli("validate", "--lang", "en", str(a), str(b))
    lines = [line for line in result.out.splitlines() if "PV405" in line]
    person = [line for line in lines if "Kari booked" in line]
    room = [line for line in lines if "room 'Sal 2' booked" in line]
    assert [int(re.search(r"on (\d+) March", line)[1]) for line in person] == [1, 8, 15, 22, 29]
    assert [int(re.search(r"on (\d+) March", line)[1]) for line in room] == [1, 8, 15, 22, 29]


SLOTS = """people:
  - {id: kari, name: Kari}
  - {id: ola, name: Ola}
events:
  - id: seminar
    title: Seminar
    date: 2017-03-07
    time: '09:00-12:00'
    location: Kolben
    agenda:
      - {topic: Gruppe A, time: '09:00-10:00', room: %s, participants: [kari]}
      - {topic: Gruppe B, time: '09:30-10:30', room: %s, participants: [%s]}
"""


def test_slots_that_share_a_room_and_a_person_name_both(tmp_path: Path) -> None:
    result = run_cli("validate", "--lang", "en", str(write(tmp_path / "p", SLOTS % ("Sal 1", "sal 1", "kari"))))
    found = [line for line in result.out.splitlines() if "PV311" in line]
    assert len(found) == 1 and "room 'Sal 1' and kari are booked in both" in found[0]


def test_slots_in_different_rooms_still_double_book_a_person(tmp_path: Path) -> None:
    result = run_cli("validate", "--lang", "en", str(write(tmp_path / "p", SLOTS % ("Sal 1", "Sal 2", "kari"))))
    found = [line for line in result.out.splitlines() if "PV311" in line]
    assert len(found) == 1 and "kari booked in both" in found[0] and "room" not in found[0].split("PV311")[1].split("(see")[0]


def test_slots_in_different_rooms_for_different_people_run_side_by_side(tmp_path: Path) -> None:
    result = run_cli("validate", "--strict", str(write(tmp_path / "p", SLOTS % ("Sal 1", "Sal 2", "ola"))))
    assert result.code == 0, result.out


KPIS = """kpis:
  - id: sykefravaer
    name: Sykefravær
    unit: percent
    direction: lower
    baseline: {value: 9 %, date: 2017-01-01}
    measurements: [{date: 2017-06-01, value: 8 %}]
  - id: tilfredshet
    name: Tilfredshet
    unit: count
    direction: higher
    baseline: {value: 70, date: 2017-01-01}
    measurements: [{date: 2017-06-01, value: 65}]
  - id: klager
    name: Klager
    unit: count
    direction: lower
    baseline: {value: 10, date: 2017-01-01}
    measurements: [{date: 2017-06-01, value: 12}]
  - id: besok
    name: Besøk
    unit: count
    direction: higher
    baseline: {value: 10, date: 2017-01-01}
    measurements: [{date: 2017-06-01, value: 12}]
"""


def test_kpi_trend_arrow_shows_the_move_and_the_word_whether_it_is_better(tmp_path: Path) -> None:
    folder = write(tmp_path / "p", "  language: en\n" + KPIS)
    result = run_cli("status", str(folder), "kpis", "--as-of", "2017-07-01", "-f", "markdown")
    assert result.code == 0, result.out + result.err
    rows = {line.split("|")[1].strip(): line for line in result.out.splitlines() if line.startswith("| ")}
    assert "↓ (better)" in rows["Sykefravær"]
    assert "↓ (worse)" in rows["Tilfredshet"]
    assert "↑ (worse)" in rows["Klager"]
    assert "↑ (better)" in rows["Besøk"]
    document = run_cli("render", str(folder), "status-report", "--as-of", "2017-07-01")
    assert document.code == 0, document.out + document.err
    assert "↓ (better)" in document.out and "↑ (worse)" in document.out


BIDI = "\u202e"
HOSTILE_TEXT = """people:
  - {id: kari, name: "Kari \u202eNordmann"}
groups:
  - {id: sg, name: "Styrings\u2066gruppen", kind: steering-group, members: [kari]}
events:
  - id: mote
    title: "Møte \u202eevil"
    date: 2017-03-07
    time: '09:00-10:00'
    location: "Rådhuset \u200f"
    description: "Første linje\\nAndre linje \u202e"
    participants: [sg]
deadlines:
  - {id: frist, task: "Lever \u202erapport", date: 2017-03-10, responsible: kari}
"""


def test_bidi_controls_never_reach_documents_calendars_or_workbooks(tmp_path: Path) -> None:
    """A plan with a bidirectional override is refused (PV016) by every command that writes
    for people, and what they print carries no override; the model itself writes any that
    reach it as the visible escape findings use (next test)."""
    folder = write(tmp_path / "p", HOSTILE_TEXT)
    runs = [
        run_cli("render", str(folder), "-f", fmt, "-o", str(tmp_path / fmt), "--as-of", "2017-03-01")
        for fmt in ("md", "html", "docx")
    ]
    runs.append(run_cli("status", str(folder), "-f", "xlsx", "-o", str(tmp_path / "s.xlsx"), "--as-of", "2017-03-01"))
    runs += [run_cli("status", str(folder), "-f", fmt, "--as-of", "2017-03-01") for fmt in ("markdown", "csv", "json")]
    runs.append(run_cli("ical", str(folder), "-o", str(tmp_path / "ics")))
    for result in runs:
        assert result.code == 1 and "PV016" in result.err
        for control in (BIDI, "\u2066", "\u200f"):
            assert control not in result.out + result.err
    assert not any((tmp_path / name).exists() for name in ("md", "html", "docx", "s.xlsx", "ics"))


def test_plan_text_keeps_its_line_breaks_and_tabs_but_not_its_controls() -> None:
    """The model writes a bidi override as the visible escape findings use (one function,
    :func:`planverk.diagnostics.printable`), whatever path the text came by."""
    from planverk.model import Plan

    header = {"id": "t", "title": "T\u202e", "organisation": "O\tkommune",
              "period": {"start": "2017-01-01", "end": "2017-12-31"},
              "description": "Første linje\nAndre linje"}
    plan = Plan.model_validate({"plan": header})
    assert plan.plan.title == "T\\u202e"
    assert plan.plan.organisation == "O\tkommune"
    assert plan.plan.description == "Første linje\nAndre linje"


def test_a_date_option_that_is_no_day_says_which_option_and_what_to_write(tmp_path: Path) -> None:
    result = run_cli("init", str(tmp_path / "ny"), "--start", "2026-02-30")
    assert result.code == 2
    assert "--start: '2026-02-30' er ingen dag i kalenderen" in result.err
    assert "februar 2026 har 28 dager" in result.err and "2026-02-28" in result.err
    assert "does not match the formats" not in result.err and "Traceback" not in result.err
    assert not (tmp_path / "ny").exists()
    written = run_cli("status", "plans/savings-2024", "--as-of", "30.06.2026")
    assert written.code == 2 and "skriv f.eks. 2026-06-30" in written.err


def test_json_names_the_plan_by_its_id_also_when_it_has_errors(tmp_path: Path) -> None:
    import json

    folder = write(tmp_path / "p", "events:\n  - {id: a, title: A, date: 2017-02-30}\n", "med-feil")
    result = run_cli("validate", "--format", "json", str(folder))
    assert result.code == 1
    report = json.loads(result.out)
    assert report["plans"][0]["id"] == "med-feil"
    assert report["plans"][0]["findings"][0]["code"] == "PV101"


def test_a_document_on_standard_output_links_no_picture_it_did_not_write(tmp_path: Path) -> None:
    from conftest import PLANS

    plan = str(PLANS / "savings-2024")
    markdown = run_cli("render", plan, "status-report", "--as-of", "2026-06-30")
    assert markdown.code == 0, markdown.err
    assert ".svg)" not in markdown.out and "](risk-matrix" not in markdown.out
    assert "Figur som ikke er med når dokumentet skrives til standard ut" in markdown.out
    assert "Risikomatrise: sannsynlighet 1-5 mot konsekvens 1-5" in markdown.out  # its description stays
    html = run_cli("render", plan, "status-report", "--as-of", "2026-06-30", "-f", "html")
    assert html.code == 0 and ".svg" not in html.out and "<svg" in html.out
    written = run_cli("render", plan, "status-report", "--as-of", "2026-06-30", "-o", str(tmp_path / "out"))
    assert written.code == 0
    text = (tmp_path / "out" / "status-report.md").read_text(encoding="utf-8")
    assert "](risk-matrix.svg)" in text and (tmp_path / "out" / "risk-matrix.svg").is_file()


def test_paths_are_shown_relative_inside_the_working_folder_and_absolute_outside(
    tmp_path: Path, monkeypatch
) -> None:
    folder = write(tmp_path / "plans" / "p", "events:\n  - {id: a, title: A, date: 2017-02-30}\n")
    monkeypatch.chdir(tmp_path)
    inside = run_cli("validate", "--lang", "en", "plans/p")
    assert inside.out.startswith("plans/p/plan.yaml:7:")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    outside = run_cli("validate", "--lang", "en", str(folder))
    assert outside.out.startswith(f"{folder}/plan.yaml:7:") and "../" not in outside.out
    listed = run_cli("render", "--list")
    assert "../" not in listed.out and ("(built-in: " in listed.out or "(innebygd: " in listed.out)


def test_a_span_over_days_is_named_by_its_first_and_last_moment(tmp_path: Path) -> None:
    folder = write(tmp_path / "p", """people:
  - {id: kari, name: Kari}
events:
  - {id: a, title: A, date: 2017-03-07, time: '08:30-10:00', participants: [kari]}
  - {id: b, title: B, start: 2017-03-06T12:00, end: 2017-03-08T12:00, participants: [kari]}
""")
    result = run_cli("validate", "--lang", "en", str(folder))
    assert "'B' from 6 March 2017 12:00 to 8 March 2017 12:00" in result.out
    assert "12:00-12:00" not in result.out
