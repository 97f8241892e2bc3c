"""planverk move: what moves with a meeting, and the moves a process leader would not mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, run_cli_en

NYNORSK = """\
plan:
  id: nn
  title: Omstilling
  organisation: Testvik kommune
  owner: ola
  language: nn
  period: { start: 2026-01-01, end: 2026-12-31 }
people:
  - { id: ola, name: Ola }
events:
  - id: c
    title: Samling
    weekday: tysdag
    date: 2026-01-06
    agenda: [{weekday: Tysdag, time: 09:00-10:00, topic: X}]
  - id: seminar
    title: Seminar
    start: 2026-02-02 09:00
    end: 2026-02-03 15:00
    agenda:
      - {date: 2026-02-02, weekday: måndag, time: 09:00-12:00, topic: Oppstart}
      - {date: 2026-02-03, weekday: TYSDAG, time: 13:00-15:00, topic: Avslutning}
  - id: mote
    title: Møte
    weekday: onsdag
    date: 2026-01-07
    time: 08:30-10:00
    repeat: { every: week, until: 2026-03-01 }
"""


def _plan(tmp_path: Path, text: str = NYNORSK) -> Path:
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_move_rewrites_each_slots_weekday_in_its_own_words_and_case(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli("move", str(plan), "c", "--date", "2026-01-08")
    assert result.code == 0, result.err
    assert result.out.startswith("hendinga 'c' flytt frå 6. januar 2026 til 8. januar 2026")
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "    weekday: torsdag\n    date: 2026-01-08\n" in text
    assert "weekday: Torsdag, time: 09:00-10:00, topic: X" in text
    assert run_cli("validate", "--strict", str(plan)).code == 0


def test_move_carries_the_timetable_of_an_event_given_by_start_and_end(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli_en("move", str(plan), "seminar", "--date", "2026-02-04")
    assert result.code == 0, result.err
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "start: 2026-02-04 09:00\n    end: 2026-02-05 15:00\n" in text
    assert "{date: 2026-02-04, weekday: onsdag, time: 09:00-12:00, topic: Oppstart}" in text
    assert "{date: 2026-02-05, weekday: TORSDAG, time: 13:00-15:00, topic: Avslutning}" in text
    assert run_cli("validate", "--strict", str(plan)).code == 0


def test_move_refuses_an_occurrence_onto_another_of_its_series(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    before = (plan / "plan.yaml").read_bytes()
    result = run_cli("move", str(plan), "mote", "--occurrence", "2026-01-14", "--date", "2026-01-21")
    assert result.code == 1
    assert "'mote' møtest alt 21. januar 2026 kl. 08.30-10.00" in result.err
    assert (plan / "plan.yaml").read_bytes() == before
    # the same day at other hours is two meetings, not one twice
    later = run_cli_en("move", str(plan), "mote", "--occurrence", "2026-01-14", "--date", "2026-01-21",
                       "--time", "13:00-14:00")
    assert later.code == 0, later.err
    # ... and the occurrence moved there is where the series meets now
    onto_moved = run_cli_en("move", str(plan), "mote", "--occurrence", "2026-01-28", "--date", "2026-01-21",
                            "--time", "13:30-15:00")
    assert onto_moved.code == 1
    assert "(its occurrence 14 January 2026, moved there)" in onto_moved.err


def test_validate_finds_an_occurrence_moved_onto_another_of_its_series(tmp_path: Path) -> None:
    plan = _plan(tmp_path, NYNORSK.replace(
        "repeat: { every: week, until: 2026-03-01 }",
        "repeat: { every: week, until: 2026-03-01, changes: [{occurrence: 2026-01-14, date: 2026-01-21}] }",
    ))
    result = run_cli("validate", str(plan))
    assert result.code == 1
    assert "error PV314 førekomsten 14. januar 2026 er flytt til 21. januar 2026 kl. 08.30-10.00" in result.out


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_moved_cancelled_meeting_takes_place_again_and_the_message_says_so(tmp_path: Path, lang: str) -> None:
    plan = _plan(tmp_path)
    assert run_cli("cancel", str(plan), "mote", "--occurrence", "2026-01-14").code == 0
    assert run_cli("cancel", str(plan), "c").code == 0
    occurrence = run_cli("move", str(plan), "mote", "--occurrence", "2026-01-14", "--date", "2026-01-15",
                         "--lang", lang)
    single = run_cli("move", str(plan), "c", "--date", "2026-01-08", "--lang", lang)
    assert occurrence.code == 0 and single.code == 0, occurrence.err + single.err
    again = {"nb": "avlysningen er opphevet", "nn": "avlysinga er oppheva",
             "en": "its cancellation is lifted"}[lang]
    assert again in occurrence.out and again in single.out
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert "avlyst" not in text
    assert "changes: [{occurrence: 2026-01-14, date: 2026-01-15}]" in text
    assert run_cli("validate", "--strict", str(plan)).code == 0


def test_move_refuses_an_occurrence_of_a_cancelled_series(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    assert run_cli("cancel", str(plan), "mote").code == 0
    before = (plan / "plan.yaml").read_bytes()
    result = run_cli("move", str(plan), "mote", "--occurrence", "2026-01-14", "--date", "2026-01-15")
    assert result.code == 1
    assert "serien 'mote' er avlyst" in result.err
    assert (plan / "plan.yaml").read_bytes() == before
