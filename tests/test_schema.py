"""The JSON Schema: generated from the model, committed, and true to the example plans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, FormatChecker

from conftest import EXAMPLE_PLANS, ROOT, run_cli
from planverk.schema import SCHEMA_FILE, plan_schema, schema_text
from planverk.load.yamlsource import load_file

EXAMPLE_FILES = sorted(f for plan in EXAMPLE_PLANS for f in plan.glob("**/*.yaml"))


def validator() -> Draft7Validator:
    return Draft7Validator(plan_schema(), format_checker=FormatChecker())


def test_committed_schema_is_up_to_date() -> None:
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), (
        f"{SCHEMA_FILE} is out of date with the model: regenerate it with\n"
        f"    planverk schema -o {SCHEMA_FILE}"
    )


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    Draft7Validator.check_schema(plan_schema())


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{path}.{name}", value
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, path)


def test_every_field_and_definition_has_a_description() -> None:
    schema = plan_schema()
    missing = [path for path, prop in _properties(schema) if not prop.get("description")]
    assert not missing, f"fields without a description (add one in the model): {missing}"
    undescribed = [name for name, d in schema["definitions"].items() if not d.get("description")]
    assert not undescribed, f"models without a docstring: {undescribed}"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_plan_files_satisfy_the_schema(path: Path) -> None:
    data = load_file(path, path.name).data
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(data)]
    assert not errors


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"events": [{"id": "a", "title": "T", "date": "2017-02-08", "tiem": "08:30"}]}, "'tiem'"),
        ({"groups": [{"id": "g", "name": "G", "kind": "styringsgrupe"}]}, "'styringsgrupe'"),
        ({"events": [{"id": "a", "title": "T", "date": "2017-02-08", "time": "8 o'clock"}]}, "8 o'clock"),
        ({"deadlines": [{"id": "Frist", "date": "2017-02-08", "task": "T"}]}, "'Frist'"),
        ({"people": [{"id": "kari"}]}, "'name' is a required property"),
    ],
)
def test_the_schema_flags_what_an_editor_should(data: dict[str, Any], complaint: str) -> None:
    messages = [e.message for e in validator().iter_errors(data)]
    assert any(complaint in m for m in messages), messages


def test_shorthands_the_model_accepts_pass_the_schema_too() -> None:
    data = {
        "groups": [{"id": "g", "name": "G", "members": ["kari", {"person": "ola", "role": "leader"}]}],
        "roles": [{"id": "r", "name": "R", "holders": "kari", "allocation": "12,5 %"}],
        "risks": [{"id": "x", "title": "X", "probability": "høg", "status": "Lukka"}],
        "events": [{"id": "e", "title": "T", "start": "2017-06-20T18:00", "end": "2017-06-21T15:00",
                    "responsible": "kari", "repeat": {"every": "week", "count": 2, "except": []}}],
        "deadlines": [{"id": "d", "date": "2017-02-08", "time": "16:00?", "task": "T", "deliver_to": "a@b.no"}],
    }
    assert not list(validator().iter_errors(data))


def test_schema_command_prints_and_writes_the_schema(tmp_path: Path) -> None:
    printed = run_cli("schema")
    assert printed.code == 0
    assert json.loads(printed.out) == plan_schema()
    target = tmp_path / "plan.schema.json"
    written = run_cli("schema", "-o", str(target))
    assert (written.code, written.out) == (0, f"skrev {target}\n")  # one line, as render -o says it
    assert target.read_text(encoding="utf-8") == schema_text()
    assert run_cli("schema", "-o", str(target), "--lang", "en").out == f"wrote {target}\n"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_plan_files_name_the_committed_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path.name}: start it with {prefix}<relative path to {SCHEMA_FILE}>"
    assert (path.parent / first[len(prefix):]).resolve() == (ROOT / SCHEMA_FILE).resolve()


def _patterned(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "pattern" in node:
            yield path, node
        for key, value in node.items():
            yield from _patterned(value, f"{path}/{key}")
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _patterned(value, f"{path}/{n}")


def test_every_pattern_has_a_readable_message_for_the_editor() -> None:
    patterned = list(_patterned(plan_schema()))
    assert patterned
    bare = [path for path, node in patterned if not node.get("patternErrorMessage")]
    assert not bare, f"patterns the YAML language server would show as a regular expression: {bare}"
    assert all("\\" not in node["patternErrorMessage"] for _, node in patterned)


@pytest.mark.parametrize(
    "written",
    ["08:30-10:30", "17:00", "11:00?", "8.30", "08:30 – 10:30", "23:59", "00:00-01:00",
     "25:99", "24:00", "12:60", "9-10", "08:30-24:00", "7:5", "noon"],
)
def test_the_schema_and_validate_agree_on_times(written: str) -> None:
    from planverk.model.times import parse_time_range

    try:
        parse_time_range(written)
        accepted = True
    except ValueError:
        accepted = False
    data = {"events": [{"id": "a", "title": "T", "date": "2017-02-08", "time": written}]}
    assert validator().is_valid(data) == accepted, written


@pytest.mark.parametrize(
    ("written", "accepted"),
    [("2017-06-20T18:00", True), ("2017-06-20 18:00:30", True), ("2017-06-20T25:00", False),
     ("2017-13-20T18:00", False), ("2017-06-20T18:60", False)],
)
def test_the_schema_refuses_impossible_date_times(written: str, accepted: bool) -> None:
    data = {"events": [{"id": "a", "title": "T", "start": written, "end": "2017-06-21T18:00"}]}
    assert validator().is_valid(data) == accepted, written


@pytest.mark.parametrize(("written", "accepted"), [(3, True), ("moderat", True), ("Høg", True), ("very high", True),
                                                   (6, False), ("kanskje", False)])
def test_the_schema_and_validate_agree_on_ratings(written: object, accepted: bool) -> None:
    data = {"risks": [{"id": "r", "title": "R", "probability": written}]}
    assert validator().is_valid(data) == accepted, written
