"""Events that may not happen (`status: tentative`): marked in documents, STATUS:TENTATIVE
in calendar feeds (RFC 5545 3.8.1.11), per occurrence through a series' changes."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from icalcheck import check_format, events, parse

PLAN = """\
plan:
  id: mulig-2025
  title: Omstilling 2025
  organisation: Eksempel kommune
  period: {start: 2025-01-01, end: 2025-12-31}
  language: nn
events:
  - id: besok
    title: Mogleg besøk i nabokommunar
    date: 2025-03-12
    time: 09:00-15:00
    status: førebels
  - id: mote
    title: Styringsgruppemøte
    date: 2025-01-08
    time: 08:30-10:00
    status: tentative
    repeat:
      every: month
      on: 2nd wednesday
      until: 2025-04-30
      changes:
        - {occurrence: 2025-02-12, status: planned}
  - id: samling
    title: Samling
    date: 2025-05-14
    time: 09:00-12:00
    repeat:
      every: week
      until: 2025-05-28
      changes:
        - {occurrence: 2025-05-21, status: tentative}
"""


def _plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return folder


def test_validates_clean_in_either_spelling(tmp_path: Path) -> None:
    result = run_cli("validate", "--strict", str(_plan(tmp_path)))
    assert result.code == 0, result.out + result.err


def test_feed_marks_tentative_events_and_occurrences(tmp_path: Path) -> None:
    result = run_cli("ical", str(_plan(tmp_path)), "-o", "-")
    assert result.code == 0, result.err
    body = result.out.encode("utf-8")
    check_format(body)
    found = {
        (str(e["UID"]).split("@")[0], e.get("RECURRENCE-ID").dt.date().isoformat()
         if e.get("RECURRENCE-ID") else None): e
        for e in events(parse(body))
    }
    visit = found[("besok", None)]
    assert visit["STATUS"] == "TENTATIVE"
    assert "Det er ikkje avgjort om dette blir noko av." in str(visit["DESCRIPTION"])
    assert "Tidspunktet" not in str(visit["DESCRIPTION"])  # its time is not the doubt
    assert found[("mote", None)]["STATUS"] == "TENTATIVE"
    assert found[("mote", "2025-02-12")]["STATUS"] == "CONFIRMED"  # confirmed by its change
    assert found[("samling", None)]["STATUS"] == "CONFIRMED"
    assert found[("samling", "2025-05-21")]["STATUS"] == "TENTATIVE"


def test_schedule_marks_them(tmp_path: Path) -> None:
    result = run_cli("render", str(_plan(tmp_path)), "schedule", "--as-of=2025-01-01")
    assert result.code == 0, result.err
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in result.out.splitlines()
            if line.startswith("| ") and "2025" in line]
    marked = {row[2] for row in rows if row[0].endswith("(førebels)")}
    assert marked == {"Mogleg besøk i nabokommunar", "Styringsgruppemøte", "Samling"}
    assert [row[0].endswith("(førebels)") for row in rows if row[2] == "Styringsgruppemøte"] == [
        True, False, True, True  # 12 February confirmed by its change
    ]
    assert [row[0].endswith("(førebels)") for row in rows if row[2] == "Samling"] == [False, True, False]
