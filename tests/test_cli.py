"""The validate command as a user meets it: exit codes, output formats, bad paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CASES, PLANS, run_cli

SLIP = CASES / "invalid" / "gran-source-weekday-slip"


def test_version_and_help() -> None:
    assert run_cli("--version").out.startswith("planverk ")
    result = run_cli("--help")
    assert result.code == 0
    assert "validate" in result.out


def test_runs_as_python_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planverk", "validate", str(PLANS / "gran-2017")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gran-2017: ingen problemer funnet i 6 filer" in done.stdout  # the plan is in bokmål


def test_findings_exit_1_with_positions_and_summary() -> None:
    result = run_cli("validate", "--lang", "en", str(SLIP))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].endswith("plan.yaml:15:14: error PV303 'torsdag' does not match 16 March 2016, "
                             "which is a Wednesday: check which of the two the source meant")
    assert lines[-1] == "2 errors, 0 warnings in 1 file"


def test_findings_speak_the_plans_language_by_default() -> None:
    result = run_cli("validate", str(SLIP))  # plan.language is nb (the default)
    lines = result.out.splitlines()
    assert lines[0].endswith("plan.yaml:15:14: error PV303 'torsdag' stemmer ikke med 16. mars 2016, "
                             "som er en onsdag: sjekk hvilken av de to kilden mente")
    assert lines[-1] == "2 feil, 0 advarsler i 1 fil"


def test_warnings_fail_only_with_strict() -> None:
    case = CASES / "invalid" / "holiday-and-weekend"
    assert run_cli("validate", str(case)).code == 0
    assert run_cli("validate", "--strict", str(case)).code == 1


def test_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    assert result.code == 2
    assert "has no plan.yaml" in result.out
    assert run_cli("validate", str(tmp_path / "nowhere")).code == 2


def test_bad_option_is_a_usage_error() -> None:
    result = run_cli("validate", "--format", "xml", str(SLIP))
    assert result.code == 2
    assert "Traceback" not in result.out + result.err


def test_json_report_is_versioned_and_complete() -> None:
    result = run_cli("validate", "--format", "json", str(SLIP))
    report = json.loads(result.out)
    assert report["version"] == 1
    assert report["summary"] == {"errors": 2, "warnings": 0, "files": 1}
    first = report["plans"][0]["findings"][0]
    assert (first["code"], first["name"], first["severity"]) == ("PV303", "weekday-mismatch", "error")
    assert (first["line"], first["column"]) == (15, 14)
    assert first["file"].endswith("plan.yaml")


def test_github_annotations_are_chosen_under_actions(monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli("validate", "--lang", "en", str(SLIP))
    first = result.out.splitlines()[0]
    assert first.startswith("::error file=")
    assert ",line=15,col=14,title=PV303 weekday-mismatch::'torsdag' does not match" in first


def test_every_file_of_a_split_plan_is_reported(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "plan: {id: p, title: P, organisation: O, period: {start: 2017-01-01, end: 2017-12-31}}\n"
        "include: [people.yaml, 'meetings/*.yaml']\n", encoding="utf-8")
    (tmp_path / "people.yaml").write_text("people:\n  - {id: ola, name: Ola}\n  - {id: ola, name: Ola 2}\n", encoding="utf-8")
    (tmp_path / "meetings").mkdir()
    (tmp_path / "meetings" / "a.yaml").write_text("events:\n  - {id: a, title: A, date: 2017-02-08, participants: [kari]}\n", encoding="utf-8")
    (tmp_path / "meetings" / "b.yaml").write_text("events:\n  - {id: b, title: B, weekday: fredag, date: 2017-02-08}\n", encoding="utf-8")
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    found = [line.split(" ")[0].split("/")[-1] + " " + line.split(" ")[2] for line in result.out.splitlines()[:-1]]
    assert found == ["a.yaml:2:56: PV201", "b.yaml:2:32: PV303", "people.yaml:3:10: PV200"]
    assert result.out.splitlines()[-1] == "3 errors, 0 warnings in 4 files"


def test_include_through_a_link_cannot_leave_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("people:\n  - {id: x, name: X}\n", encoding="utf-8")
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_text(
        "plan: {id: p, title: P, organisation: O, period: {start: 2017-01-01, end: 2017-12-31}}\n"
        "include: [people.yaml]\n", encoding="utf-8")
    (plan / "people.yaml").symlink_to(outside)
    result = run_cli("validate", "--lang", "en", str(plan))
    assert result.code == 1
    assert "PV011" in result.out and "outside the plan folder" in result.out
