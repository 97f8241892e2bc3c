"""Plans as people write them by hand: Windows line ends, a BOM, flow style, nynorsk.

Each test writes the file's bytes itself (git and editors may change line ends of checked-in
files) and runs ``planverk validate`` on it, as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

HEADER = (
    "plan:\n  id: hand\n  title: Omstilling 2025\n  organisation: Eksempel kommune\n"
    "  period: {start: 2025-01-01, end: 2025-12-31}\n"
)


def _write(folder: Path, text: str, crlf: bool = False, bom: bool = False) -> Path:
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    (folder / "plan.yaml").write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)
    return folder


def _findings(folder: Path) -> list[dict[str, object]]:
    result = run_cli("validate", "--format", "json", "--lang", "en", str(folder))
    assert "Traceback" not in result.out + result.err
    return json.loads(result.out)["plans"][0]["findings"]


@pytest.mark.parametrize(("crlf", "bom"), [(False, False), (True, False), (False, True), (True, True)])
def test_flow_style_time_with_colon_validates(tmp_path: Path, crlf: bool, bom: bool) -> None:
    text = HEADER + "events:\n  - {id: mote, title: Møte, date: 2025-03-12, time: 09:00-10:00}\n"
    _write(tmp_path, text, crlf, bom)
    result = run_cli("validate", str(tmp_path))
    assert result.code == 0, result.out


@pytest.mark.parametrize(("crlf", "bom"), [(False, False), (True, False), (False, True), (True, True)])
def test_flow_style_file_keeps_exact_positions(tmp_path: Path, crlf: bool, bom: bool) -> None:
    line = "  - {id: mote, title: Møte, date: 2025-03-12, time: 09:00-10:00, weekday: fredag}\n"
    _write(tmp_path, HEADER + "events:\n" + line, crlf, bom)
    found = _findings(tmp_path)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("PV303", 7, line.index("fredag") + 1)
    ]


def test_flow_style_file_reports_later_syntax_errors_at_their_place(tmp_path: Path) -> None:
    text = HEADER + "events:\n  - {id: mote, time: 09:00-10:00}\n  - [unclosed\n"
    _write(tmp_path, text)
    found = _findings(tmp_path)
    assert [(f["code"], f["line"]) for f in found] == [("PV001", 9)]


FORGED = "Europe/Oslo\nplan.yaml:1:1: error PV999 fake\u200f\u2028"


@pytest.mark.parametrize("fmt", ["human", "github", "json"])
def test_plan_text_cannot_forge_output(tmp_path: Path, fmt: str) -> None:
    text = HEADER.replace("  period:", f"  timezone: {json.dumps(FORGED)}\n  period:")
    _write(tmp_path, text)
    result = run_cli("validate", "--format", fmt, str(tmp_path))
    assert result.code == 1, result.out
    assert "\x1b" not in result.out and "\u200f" not in result.out
    if fmt == "json":
        (finding,) = json.loads(result.out)["plans"][0]["findings"]
        assert "\n" not in finding["message"] and "\u200f" not in finding["message"]
        assert "\\n" in finding["message"] and "\\u2028" in finding["message"]
    else:
        lines = result.out.splitlines()
        assert len(lines) == 2, lines  # the finding and the summary, nothing forged
        assert "\\nplan.yaml:1:1: error PV999" in lines[0] and "\\u200f" in lines[0]


def test_findings_name_items_by_id_and_point_at_their_cause_across_files(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        HEADER + "include: [events.yaml]\npeople:\n  - {id: kari, name: Kari}\nevents:\n"
        "  - {id: a, title: A, date: 2025-03-11, time: 09:00-10:00, participants: [kari]}\n"
        "  - {id: b, title: B, date: 2025-03-12}\n",
        encoding="utf-8",
    )
    (tmp_path / "events.yaml").write_text(
        "events:\n  - id: mote\n    title: Møte\n    date: 2025-03-11\n    time: 09:30-10:30\n"
        "    participants: [kari]\n  - id: feil\n    title: Feil\n    date: 2025-03-13\n    time: 25:00\n",
        encoding="utf-8",
    )
    found = {f["code"]: f for f in _findings(tmp_path)}
    booked = found["PV400"]
    assert (booked["file"].endswith("events.yaml"), booked["line"], booked["column"]) == (True, 5, 11)
    assert [(r["file"].endswith("plan.yaml"), r["line"], r["column"]) for r in booked["related"]] == [(True, 10, 47)]
    schema = found["PV101"]
    assert "event 'feil'" in schema["message"] and "events[" not in schema["message"]
    assert (schema["file"].endswith("events.yaml"), schema["line"]) == (True, 10)


@pytest.mark.parametrize(
    ("line", "key", "advice"),
    [
        # a text: 'kort versjon' belongs to the title
        ("people:\n  - {id: kari, name: Kari Nordmann, title: leiar, kort versjon}\n",
         "kort versjon", "title: 'leiar, kort versjon'"),
        # a score written with a decimal comma: '0' is no question
        ("scorecards:\n  - id: kort\n    title: Kort\n    areas: [{id: a, name: A, questions: [{id: q1, text: Er det kjent?, max: 5}]}]\n"
         "    assessments: [{organisation: Gran, year: 2025, scores: {a: {q1: 3, 0}}}]\n",
         "0", "q1: '3,0'"),
        # a list without brackets: 'ola' is no key of a group
        ("people: [{id: kari, name: Kari}, {id: ola, name: Ola}]\n"
         "groups:\n  - {id: sg, name: Styringsgruppa, members: kari, ola}\n",
         "ola", "members: [kari, ola]"),
        # a number: the KPI's baseline 4,5
        ("kpis:\n  - id: k\n    name: K\n    scale: {min: 1, max: 6}\n    baseline: {value: 4,5, date: 2025-02-01}\n",
         "5", "value: '4,5'"),
        # nothing before it to join: write key: value
        ("people:\n  - {id: kari, name: [Kari], epost}\n", "epost", "'epost: value'"),
    ],
)
def test_a_comma_inside_braces_says_to_quote_or_use_block_style(
    tmp_path: Path, line: str, key: str, advice: str
) -> None:
    _write(tmp_path, HEADER + line, crlf=True, bom=True)
    found = _findings(tmp_path)
    (split,) = [f for f in found if f"'{key}' was read as a key without a value" in str(f["message"])]
    assert advice in str(split["message"]), split["message"]
    written = (HEADER + line).splitlines()[int(split["line"]) - 1]  # type: ignore[call-overload]
    assert written[int(split["column"]) - 1:].startswith(key)  # type: ignore[call-overload]


def test_the_comma_advice_reads_in_the_plans_language(tmp_path: Path) -> None:
    text = HEADER.replace("  period:", "  language: nn\n  period:")
    _write(tmp_path, text + "people:\n  - {id: kari, name: Kari Nordmann, title: leiar, kort versjon}\n")
    result = run_cli("validate", str(tmp_path))
    assert "title: 'leiar, kort versjon'" in result.out and "ukjend nøkkel" in result.out
    assert "inside" not in result.out, result.out


def test_a_question_mark_in_a_flow_value_is_text(tmp_path: Path) -> None:
    """YAML 1.2 allows '?' inside a plain scalar in { }; libyaml does not, the retry does."""
    line = "        questions: [{id: q1, text: Er måla kjende?, max: 5}]\n"
    text = HEADER + "scorecards:\n  - id: kort\n    title: Kort\n    areas:\n      - id: a\n        name: A\n" + line
    _write(tmp_path, text, crlf=True, bom=True)
    result = run_cli("validate", "--strict", str(tmp_path))
    assert result.code == 0, result.out


def test_a_comma_before_a_missing_keys_value_says_which_key(tmp_path: Path) -> None:
    text = HEADER.replace("{start: 2025-01-01, end: 2025-12-31}", "{start: 2025-01-01, 2025-12-31}")
    _write(tmp_path, text, crlf=True, bom=True)
    found = _findings(tmp_path)
    (split,) = [f for f in found if f["code"] == "PV100"]
    assert "did you mean 'end: 2025-12-31'?" in str(split["message"])


@pytest.mark.parametrize(
    "body, line, column, words",
    [
        ('people:\n  - {id: a, name: "A ""B"""}\n', 8, 23, "her skulle det stått '}' eller ','"),
        ("people:\n  - id: a\n   name: A\n", 9, 4, "her skulle det stått et listepunkt"),
        ("people: [a, b\n", 8, 1, "her skulle det stått ']' eller ','"),
        ('people:\n  - id: a\n    name: "A\n', 10, 1, "filen slutter før"),
        ('people:\n  - id: a\n    name: "A\\q"\n', 9, 13, "ukjent escape-sekvens"),
        ("people:\n  - id: a\n    name: A: B\n", 9, 12, "': ' inne i en verdi"),
        ("people:\n  - id: a\n    name: `A\n", 9, 11, "kan ikke begynne med dette tegnet"),
        ("people:\n  - id: a\n name: A\n", 9, 2, "her skulle det stått en nøkkel"),
    ],
)
def test_yaml_syntax_errors_are_said_in_the_plans_language(
    tmp_path: Path, body: str, line: int, column: int, words: str
) -> None:
    _write(tmp_path, HEADER + "  language: nb\n" + body, crlf=True, bom=True)
    result = run_cli("validate", str(tmp_path))
    first = result.out.splitlines()[0]
    assert result.code == 1 and "Traceback" not in result.out + result.err
    assert f"plan.yaml:{line}:{column}: error PV001 ugyldig YAML: " in first and words in first, first
    assert not any(word in first for word in ("did not find", "expected", "while parsing", "found")), first
