"""SARIF and GitLab Code Quality reports: valid against the formats' schemas (written from
the SARIF 2.1.0 specification and GitLab's documentation, in tests/schemas/), placed at the
findings' files and lines, in the plan's language, with fingerprints that stay put."""

from __future__ import annotations

import json
from pathlib import Path

from urllib.parse import urlsplit

import pytest
from jsonschema import Draft7Validator, FormatChecker

from conftest import CASES, run_cli
from planverk.diagnostics import CODES

SCHEMAS = Path(__file__).resolve().parent / "schemas"
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def validator(name: str) -> Draft7Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def report(fmt: str, case: Path, *options: str) -> object:
    result = run_cli("validate", "--format", fmt, *options, str(case))
    assert result.code in (0, 1, 2), result.err
    return json.loads(result.out)


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_sarif_of_every_invalid_case_is_valid(case: Path) -> None:
    log = report("sarif", case)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator("sarif-2.1.0-subset.schema.json").iter_errors(log)]
    assert errors == []


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_gitlab_report_of_every_invalid_case_is_valid(case: Path) -> None:
    issues = report("gitlab", case)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator("gitlab-code-quality.schema.json").iter_errors(issues)]
    assert errors == []
    assert issues, "an invalid case reports findings"
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_the_schemas_refuse_what_the_formats_refuse() -> None:
    sarif = validator("sarif-2.1.0-subset.schema.json")
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t"}}, "results": [
        {"message": {"text": "m"}, "level": "error",
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.yaml"}, "region": {"startLine": 1}}}]}]}]}
    assert sarif.is_valid(good)
    bad_level = json.loads(json.dumps(good))
    bad_level["runs"][0]["results"][0]["level"] = "fatal"
    no_message = json.loads(json.dumps(good))
    del no_message["runs"][0]["results"][0]["message"]
    line_zero = json.loads(json.dumps(good))
    line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert not any(sarif.is_valid(doc) for doc in (bad_level, no_message, line_zero, {"version": "2.0.0", "runs": []}))
    gitlab = validator("gitlab-code-quality.schema.json")
    issue = {"description": "d", "check_name": "c", "fingerprint": "f", "severity": "major",
             "location": {"path": "a.yaml", "lines": {"begin": 1}}}
    assert gitlab.is_valid([issue])
    assert not gitlab.is_valid([{**issue, "severity": "error"}])
    assert not gitlab.is_valid([{k: v for k, v in issue.items() if k != "fingerprint"}])


SLIP = CASES / "invalid" / "gran-source-weekday-slip"


def test_sarif_places_results_and_names_every_code_as_a_rule() -> None:
    log = report("sarif", SLIP)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(CODES)
    assert all(r["help"]["text"] == CODES[r["id"]].meaning for r in rules)
    first = run["results"][0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "PV303"
    assert first["level"] == "error"
    place = first["locations"][0]["physicalLocation"]
    assert place["artifactLocation"]["uri"].endswith("gran-source-weekday-slip/plan.yaml")
    uri = urlsplit(place["artifactLocation"]["uri"])
    assert (uri.scheme, uri.netloc) == ("", "") and not uri.path.startswith(("/", "./"))
    assert place["region"] == {"startLine": 15, "startColumn": 14}
    assert run["language"] == "nb"
    assert first["message"]["text"].startswith("'torsdag' stemmer ikke med 16. mars 2016")
    assert first["properties"]["message_en"].startswith("'torsdag' does not match 16 March 2016")


def test_sarif_carries_the_related_positions() -> None:
    log = report("sarif", CASES / "invalid" / "double-booked")
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "PV400"
    related = result["relatedLocations"]
    assert related and related[0]["physicalLocation"]["region"]["startLine"] >= 1


def test_gitlab_report_places_findings_in_the_chosen_language() -> None:
    issues = report("gitlab", SLIP, "--lang", "en")
    first = issues[0]
    assert first["check_name"] == "PV303"
    assert first["severity"] == "major"
    assert first["location"]["path"].endswith("gran-source-weekday-slip/plan.yaml")
    assert first["location"]["lines"]["begin"] == 15
    assert "does not match 16 March 2016" in first["description"]


def test_fingerprints_stay_when_lines_move_or_the_language_changes(tmp_path: Path) -> None:
    plan = (SLIP / "plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    before = {i["check_name"]: i["fingerprint"] for i in report("gitlab", tmp_path)}
    (tmp_path / "plan.yaml").write_text("# a comment that moves every line down\n" + plan, encoding="utf-8")
    after = report("gitlab", tmp_path, "--lang", "nn")
    assert {i["check_name"]: i["fingerprint"] for i in after} == before
    assert after[0]["location"]["lines"]["begin"] == 16
    sarif = report("sarif", tmp_path, "--lang", "en")
    assert {r["ruleId"]: r["partialFingerprints"]["planverk/v1"] for r in sarif["runs"][0]["results"]} == before


def test_a_missing_plan_is_still_a_valid_report(tmp_path: Path) -> None:
    log = report("sarif", tmp_path / "nowhere")
    assert validator("sarif-2.1.0-subset.schema.json").is_valid(log)
    issues = report("gitlab", tmp_path / "nowhere")
    assert validator("gitlab-code-quality.schema.json").is_valid(issues)
    assert issues[0]["check_name"] == "PV010"
