"""Cases as files: every folder under tests/cases is a plan; invalid ones carry expected.txt.

``expected.txt`` lists the findings as ``file:line:col: severity CODE``, one per line, in
the order validate reports them (messages may be reworded without touching the cases).
A line ``exit: N`` sets the expected exit code (default 1 for invalid, 0 for valid).
Adding a case adds no code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASES, run_cli

VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())


def _target(case: Path) -> str:
    return "." if (case / "plan.yaml").exists() else next(
        (p.name for p in sorted(case.iterdir()) if p.suffix in (".yaml", ".yml")), "."
    )


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_case_is_clean(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    result = run_cli("validate", "--strict", "--lang", "en", _target(case))
    assert result.code == 0, result.out + result.err
    assert "no problems found" in result.out


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_reports_expected_findings(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected_lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    expected_exit = 1
    expected = []
    for line in expected_lines:
        if line.startswith("exit:"):
            expected_exit = int(line.split(":", 1)[1])
        elif line.strip() and not line.startswith("#"):
            expected.append(line.strip())
    monkeypatch.chdir(case)
    result = run_cli("validate", _target(case))
    reported = [
        " ".join(line.split(" ")[:3])
        for line in result.out.splitlines()
        if " error PV" in line or " warning PV" in line
    ]
    assert reported == expected, result.out
    assert result.code == expected_exit, result.out
    assert "Traceback" not in result.out + result.err
