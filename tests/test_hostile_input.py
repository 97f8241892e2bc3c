"""Hostile plans: each kind of input that once crashed or ran away gets a finding with a code.

Every case runs through the public CLI and must finish with exit 1 or 2, name its code, and
print no traceback. The bounds are documented in docs/plan-format.md ("Limits").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli

HEADER = "plan: {id: p, title: P, organisation: O, period: {start: 2024-01-01, end: 2027-12-31}}\n"


def _deep(depth: int) -> str:
    return HEADER + "people: [{id: a, name: " + "[" * depth + "]" * depth + "}]\n"


CASES = {
    "five thousand digits": (HEADER + "measures: [{id: m, title: M, effect: {2025: " + "9" * 5000 + "}}]\n", "PV014"),
    "tagged long int": (HEADER + "measures: [{id: m, title: M, effect: {2025: !!int " + "9" * 5000 + "}}]\n", "PV014"),
    "nan amount": (HEADER + "measures: [{id: m, title: M, effect: {2025: .nan}}]\n", "PV015"),
    "inf amount": (HEADER + "measures: [{id: m, title: M, effect: {2025: -.inf}}]\n", "PV015"),
    "overflowing float": (HEADER + "measures: [{id: m, title: M, effect: {2025: 1e999}}]\n", "PV015"),
    "huge amount as text": (HEADER + "measures: [{id: m, title: M, effect: {2025: '" + "9" * 400 + " mrd'}}]\n", "PV101"),
    "thousand deep": (_deep(1000), "PV013"),
    "thirty thousand deep": (_deep(30_000), "PV013"),
    "long value": (HEADER + "people: [{id: a, name: '" + "x" * 100_001 + "'}]\n", "PV014"),
    "long key": (HEADER + "people: [{id: a, name: A, " + "k" * 100_001 + ": 1}]\n", "PV014"),
    "escape character": (HEADER + 'people: [{id: a, name: "A\\e[31m"}]\n', "PV016"),
    "nul character": (HEADER + 'people: [{id: a, name: "A\\0B"}]\n', "PV016"),
    "bell in a key": (HEADER + 'people: [{id: a, name: A, "b\\a": 1}]\n', "PV016"),
    "right-to-left override typed": (HEADER + "people: [{id: a, name: Kari \u202egnp.exe}]\n", "PV016"),
    "right-to-left override escaped": (HEADER + 'events: [{id: e, title: "M\\u202Eo"}]\n', "PV016"),
    "isolate in a block text": (HEADER + "people:\n  - id: a\n    name: |\n      A \u2067B\n", "PV016"),
    "alias bytes": (
        HEADER + "x: &t '" + "x" * 5_000 + "'\npeople:\n" + "".join(f"  - {{id: p{i}, name: *t}}\n" for i in range(300)),
        "PV004",
    ),
    "year 1": (
        "plan: {id: p, title: P, organisation: O, period: {start: 0001-01-01, end: 0001-12-31}}\n"
        "events: [{id: a, title: A, date: 0001-01-03, time: '10:00-11:00'}]\n",
        "PV101",
    ),
    "year 9999": (
        "plan: {id: p, title: P, organisation: O, period: {start: 9999-01-01, end: 9999-12-31}}\n",
        "PV101",
    ),
    "measurement in year 1": (
        HEADER + "kpis: [{id: k, name: K, unit: '%', measurements: [{date: 0001-01-01, value: 1}]}]\n",
        "PV101",
    ),
    "zone folder": (HEADER.replace("period:", "timezone: Europe, period:"), "PV306"),
    "zone too long": (HEADER.replace("period:", "timezone: Europe/" + "a" * 5000 + ", period:"), "PV306"),
    "invalid glob": (HEADER + "include: ['a**']\n", "PV011"),
    "name over 255 bytes": (HEADER + "include: ['" + "a" * 300 + "']\n", "PV011"),
    "thousands of components": (HEADER + "include: ['" + "a/" * 3000 + "b']\n", "PV011"),
    "reserved id con": (HEADER + "people: [{id: con, name: C}]\n", "PV102"),
    "reserved id com1 with a dot": (HEADER + "groups: [{id: com1.x, name: G}]\n", "PV102"),
    "reserved id nul": (HEADER + "events: [{id: nul, title: N, date: 2025-01-06, time: '10:00-11:00'}]\n", "PV102"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_plan_gets_a_code(tmp_path: Path, name: str) -> None:
    text, code = CASES[name]
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.code == 1, result.out + result.err
    assert f" {code} " in result.out, result.out[:2000]
    assert "Traceback" not in result.out + result.err


def test_include_matching_too_many_files(tmp_path: Path) -> None:
    from planverk.load.planfiles import MAX_INCLUDE_FILES

    (tmp_path / "plan.yaml").write_text(HEADER + "include: ['many/*.yaml']\n", encoding="utf-8")
    (tmp_path / "many").mkdir()
    for n in range(MAX_INCLUDE_FILES + 1):
        (tmp_path / "many" / f"{n}.yaml").write_text("people: []\n", encoding="utf-8")
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    assert result.code == 1
    assert "PV011" in result.out and f"more than {MAX_INCLUDE_FILES:,} files" in result.out


def test_findings_are_capped_per_code(tmp_path: Path) -> None:
    from planverk.validate import MAX_PER_CODE

    lines = "".join("  a: 1\n" for _ in range(MAX_PER_CODE + 50))
    (tmp_path / "plan.yaml").write_text(HEADER + "x:\n" + lines, encoding="utf-8")
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    assert result.code == 1
    assert result.out.count("error PV002") == MAX_PER_CODE + 1
    assert "and 49 more PV002 like this" in result.out


@pytest.mark.parametrize("target", ["a" * 300, "a/" * 3000])
def test_plan_path_too_long_for_the_file_system(target: str) -> None:
    result = run_cli("validate", target)
    assert result.code == 2
    assert "PV010" in result.out
    assert "Traceback" not in result.out + result.err


def test_a_file_too_large_to_read_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planverk.load import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 1_000)
    (tmp_path / "plan.yaml").write_text(HEADER + "people:\n" + "  - {id: a, name: A}\n" * 100, encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.code == 1 and "PV014" in result.out and "include:" in result.out


def test_every_date_of_the_model_is_a_bounded_day() -> None:
    """A new date field must be a ``Day`` (1900-2199), or calendars overflow on year 1 or 9999."""
    import typing
    from datetime import date

    from pydantic import BaseModel

    from planverk.model import Plan
    from planverk.model.base import _check_day

    def bare_dates(annotation, bounded: bool = False):
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            base, *metadata = typing.get_args(annotation)
            ok = bounded or any(getattr(m, "func", None) is _check_day for m in metadata)
            yield from bare_dates(base, ok)
        elif annotation is date:
            if not bounded:
                yield annotation
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return
        else:
            for arg in typing.get_args(annotation):
                yield from bare_dates(arg, bounded)

    seen: set[type] = set()
    found = []

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            annotation = field.rebuild_annotation()
            if list(bare_dates(annotation)):
                found.append(f"{model.__name__}.{name}")
            stack = [annotation]
            while stack:
                item = stack.pop()
                if isinstance(item, type) and issubclass(item, BaseModel):
                    walk(item)
                stack.extend(typing.get_args(item))

    walk(Plan)
    assert found == [], f"date fields that are not Day: {found}"


def test_a_bidirectional_override_is_refused_where_it_is_written(tmp_path: Path) -> None:
    text = HEADER.replace("plan:", "plan:", 1) + "people:\n- {id: kari, name: Kari, title: \"Leder \u202eevil\"}\n"
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode())
    result = run_cli("validate", "--lang", "nb", str(tmp_path))
    line = text[: text.index("Leder")].count("\n") + 1
    assert result.code == 1
    assert result.out.splitlines()[0].endswith(  # at the character itself, after 'Leder '
        f"plan.yaml:{line}:40: error PV016 tegnet U+202E, som styrer skriveretningen, ville vist teksten "
        "i en annen rekkefølge enn den har: fjern det"
    )



def test_each_control_character_is_reported_where_it_is_written(tmp_path: Path) -> None:
    text = (
        "plan:\n  id: p\n  title: \"Plan \\e[31m red\"\n  organisation: O\n"
        "  period: {start: 2024-01-01, end: 2027-12-31}\n"
        "  description: \"a \\u202e b \\x07 c \\\\e d\"\n"  # \\\\e is a backslash and an e
        "people:\n  - {id: kari, name: Kari \u202e Nordmann \u2066x}\n"
        "  - id: ola\n    name: |\n      Ola\n      Nord\u202dmann\n"
    )
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode())
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    assert result.code == 1
    found = [re.search(r"plan\.yaml:(\d+:\d+): error PV016 .*(U\+[0-9A-F]{4})", line).groups()
             for line in result.out.splitlines() if "PV016" in line]
    assert found == [("3:16", "U+001B"), ("6:19", "U+202E"), ("6:28", "U+0007"), ("8:27", "U+202E"),
                     ("8:38", "U+2066"), ("12:11", "U+202D")]
    assert "Traceback" not in result.err


def test_past_twenty_control_characters_the_rest_are_counted(tmp_path: Path) -> None:
    people = "".join(f"  - {{id: p{n}, name: \"P\\e{n}\"}}\n" for n in range(25))
    (tmp_path / "plan.yaml").write_text(HEADER + "people:\n" + people, encoding="utf-8")
    result = run_cli("validate", "--lang", "en", str(tmp_path))
    lines = [line for line in result.out.splitlines() if "PV016" in line]
    assert len(lines) == 21
    assert lines[-1].endswith(
        "plan.yaml:23:23: error PV016 and 5 more control characters in this file, not shown: remove the "
        "ones above, then validate again"
    )
