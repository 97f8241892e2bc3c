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


FORGED = "Europe/Oslo\nplan.yaml:1:1: error PV999 fake\u202e\u2028"


@pytest.mark.parametrize("fmt", ["human", "github", "json"])
def test_plan_text_cannot_forge_output(tmp_path: Path, fmt: str) -> None:
    text = HEADER.replace("  period:", f"  timezone: {json.dumps(FORGED)}\n  period:")
    _write(tmp_path, text)
    result = run_cli("validate", "--format", fmt, str(tmp_path))
    assert result.code == 1, result.out
    assert "\x1b" not in result.out and "\u202e" not in result.out
    if fmt == "json":
        (finding,) = json.loads(result.out)["plans"][0]["findings"]
        assert "\n" not in finding["message"] and "\u202e" not in finding["message"]
        assert "\\n" in finding["message"] and "\\u2028" in finding["message"]
    else:
        lines = result.out.splitlines()
        assert len(lines) == 2, lines  # the finding and the summary, nothing forged
        assert "\\nplan.yaml:1:1: error PV999" in lines[0] and "\\u202e" in lines[0]


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
