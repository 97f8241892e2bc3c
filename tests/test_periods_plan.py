"""Plans dated by periods (issue #16): validated with positions, all-day spans in feeds,
left out of the checks that need a day, ordered by due day in status, kept as written in
documents, and drawn as an årshjul."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PLANS, run_cli
from icalcheck import check_format, events, parse

BUDGET = PLANS / "budsjettprosess-2025"

HEAD = """\
plan:
  id: p
  title: Plan
  organisation: Test kommune
  period: {{start: {start}, end: {end}}}
groups:
  - id: gruppe
    name: Gruppen
"""


def _plan(tmp_path: Path, body: str, start: str = "2017-01-01", end: str = "2017-12-31") -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_text(HEAD.format(start=start, end=end) + body, encoding="utf-8")
    return folder


def _validate(folder: Path) -> tuple[int, str]:
    result = run_cli("validate", "--strict", "--lang", "en", str(folder))
    return result.code, result.out + result.err


def test_a_week_the_year_lacks_is_an_error_at_its_line(tmp_path: Path) -> None:
    folder = _plan(tmp_path, "events:\n  - id: a\n    title: A\n    week: 2017-W53\n")
    code, out = _validate(folder)
    assert code == 1
    assert "plan.yaml:12:11: error PV101" in out and "2017 has no week 53" in out


def test_a_period_without_a_year_in_a_plan_of_several_years_asks_for_the_year(tmp_path: Path) -> None:
    folder = _plan(tmp_path, "deadlines:\n  - id: a\n    task: A\n    period: juni\n", end="2018-12-31")
    code, out = _validate(folder)
    assert code == 1
    assert "could be in 2017, 2018" in out and "'juni 2017'" in out


def test_a_period_outside_the_plan_is_refused(tmp_path: Path) -> None:
    folder = _plan(tmp_path, "deadlines:\n  - id: a\n    task: A\n    period: Q3 2019\n")
    code, out = _validate(folder)
    assert code == 1 and "PV302" in out


def test_a_period_and_a_day_together_are_refused(tmp_path: Path) -> None:
    body = "events:\n  - id: a\n    title: A\n    period: uke 15\n    date: 2017-04-12\n"
    code, out = _validate(_plan(tmp_path, body))
    assert code == 1 and "either a period" in out


def test_periods_are_not_meetings_for_the_checks_that_need_a_day(tmp_path: Path) -> None:
    # Two activities of one group over the same weeks, one over Easter and a weekend:
    # no double booking (PV400), holiday (PV402) or weekend (PV403).
    body = (
        "events:\n"
        "  - id: a\n    title: A\n    period: april\n    participants: [gruppe]\n"
        "  - id: b\n    title: B\n    period: uke 15\n    participants: [gruppe]\n"
    )
    code, out = _validate(_plan(tmp_path, body))
    assert code == 0, out


def test_feeds_show_a_week_and_a_month_as_all_day_spans(tmp_path: Path) -> None:
    body = (
        "events:\n  - id: kostra\n    title: KOSTRA-analyse\n    period: Uke 15\n"
        "deadlines:\n  - id: juni\n    task: Rapport\n    period: juni\n"
    )
    result = run_cli("ical", str(_plan(tmp_path, body)), "-o", "-")
    assert result.code == 0, result.err
    body_bytes = result.out.encode("utf-8")
    check_format(body_bytes)
    found = {str(e["UID"]).split("@")[0]: e for e in events(parse(body_bytes))}
    week, month = found["kostra"], found["juni"]
    assert "DTSTART;VALUE=DATE:20170410" in result.out and "DTEND;VALUE=DATE:20170417" in result.out
    assert str(week["DESCRIPTION"]) == "Periode: Uke 15"
    assert (month.decoded("DTSTART").isoformat(), month.decoded("DTEND").isoformat()) == ("2017-06-01", "2017-07-01")


def test_a_yearly_period_is_one_span_a_year_never_a_repeated_day(tmp_path: Path) -> None:
    body = (
        "events:\n  - id: seminar\n    title: Seminar\n    week: 53\n"
        "    repeat: {every: year, until: 2026-12-31, except: [2026]}\n"
    )
    result = run_cli("ical", str(_plan(tmp_path, body, "2020-01-01", "2026-12-31")), "-o", "-")
    assert result.code == 0, result.err + result.out
    found = events(parse(result.out.encode("utf-8")))
    assert all("RRULE" not in event for event in found)
    spans = sorted(
        (str(e["UID"]), e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat())
        for e in found
    )
    # Week 53 exists in 2020 and 2026 only, and 2026 is skipped.
    assert spans == [("seminar/2020@p.planverk", "2020-12-28", "2021-01-04")]


def test_the_budget_process_validates_clean_and_feeds_its_periods_as_spans(tmp_path: Path) -> None:
    assert run_cli("validate", "--strict", str(BUDGET)).code == 0
    assert run_cli("fmt", "--check", str(BUDGET)).code == 0
    result = run_cli("ical", str(BUDGET), "-o", "-")
    assert result.code == 0
    found = {str(e["UID"]): e for e in events(parse(result.out.encode("utf-8")))}
    seminar = found["budsjettseminar/2026@budsjettprosess-2025.planverk"]  # week 22 of 2026
    assert (seminar.decoded("DTSTART").isoformat(), seminar.decoded("DTEND").isoformat()) == ("2026-05-25", "2026-06-01")
    june = found["regnskap-vedtas/2027@budsjettprosess-2025.planverk"]
    assert (june.decoded("DTSTART").isoformat(), june.decoded("DTEND").isoformat()) == ("2027-06-01", "2027-07-01")


def test_status_orders_the_year_by_due_ends() -> None:
    result = run_cli("status", str(BUDGET), "cycle", "--as-of", "2026-10-01", "--format", "json")
    assert result.code == 0, result.err
    items = json.loads(result.out)["data"]["items"]
    dues = [item["due"] for item in items]
    assert dues == sorted(dues) and dues[0] == "2026-01-31" and dues[-1] == "2026-12-20"
    dugnad = next(item for item in items if item["id"] == "budsjettdugnad")
    assert (dugnad["period"], dugnad["start"], dugnad["due"], dugnad["state"]) == (
        "ultimo september / primo oktober", "2026-09-21", "2026-10-10", "running",
    )
    markdown = run_cli("status", str(BUDGET), "cycle", "--as-of", "2026-10-01", "--format", "markdown").out
    assert "| 10.10.2026 | ultimo september / primo oktober | Budsjettdugnad |" in markdown
    assert "## Måned for måned" in markdown


def test_documents_keep_the_period_as_written(tmp_path: Path) -> None:
    result = run_cli("render", str(PLANS / "gran-2017"), "workbook")
    assert result.code == 0
    assert "| Uke 15 | | KOSTRA-analyse for alle tjenesteområder" in result.out
    assert "16. april" not in result.out  # the period's end is when it is due, not a day it names


def test_the_annual_cycle_picture_is_the_same_bytes_and_escapes_plan_text(tmp_path: Path) -> None:
    body = (
        "people:\n  - id: kari\n    name: \"<script>alert(1)</script> & co\"\n"
        "events:\n  - id: a\n    title: \"=HYPERLINK(\\\"x\\\") \\u200f\"\n    period: ultimo september\n"
        "    responsible: [kari]\n"
    )
    folder = _plan(tmp_path, body)
    outputs = []
    for n in range(2):
        out = tmp_path / f"out{n}"
        result = run_cli("render", str(folder), "status-report", "--as-of", "2017-10-01", "-o", str(out))
        assert result.code == 0, result.out + result.err
        outputs.append((out / "annual-cycle.svg").read_bytes())
    assert outputs[0] == outputs[1]
    svg = outputs[0].decode("utf-8")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "\x1b" not in svg
    report = (tmp_path / "out0" / "status-report.md").read_text(encoding="utf-8")
    assert "annual-cycle.svg" in report and "Måned for måned" in report


def test_a_rollout_by_unit_and_quarter_is_a_table_and_a_chart(tmp_path: Path) -> None:
    lunner = PLANS / "lunner-lean-2012"
    result = run_cli("status", str(lunner), "measures", "--format", "markdown")
    assert result.code == 0, result.err
    assert "| Q3 2012 | LOS hjemmetjenesten, Skatt, Areal |" in result.out
    data = json.loads(run_cli("status", str(lunner), "measures", "--format", "json").out)["data"]
    lean = next(m for m in data["measures"] if m["id"] == "kommunelean-alle-nivaer")
    assert lean["rollout"][0] == {"unit": "LOS hjemmetjenesten", "period": "Q3 2012",
                                  "start": "2012-07-01", "end": "2012-09-30"}
    out = tmp_path / "out"
    assert run_cli("render", str(lunner), "status-report", "-o", str(out)).code == 0
    chart = (out / "rollout-kommunelean-alle-nivaer.svg").read_text(encoding="utf-8")
    assert "Q4 2014" in chart and "LOS hjemmetjenesten" in chart
    assert "rollout-kommunelean-alle-nivaer.svg" in (out / "status-report.md").read_text(encoding="utf-8")


def test_a_rollout_period_without_a_year_in_a_plan_of_several_years_is_refused(tmp_path: Path) -> None:
    body = "measures:\n  - id: m\n    title: M\n    rollout: {Skatt: Q3, Areal: Q4 2017}\n"
    code, out = _validate(_plan(tmp_path, body, end="2018-12-31"))
    assert code == 1 and "could be in 2017, 2018" in out
