"""Cases as files: every folder under tests/cases is a plan; invalid ones carry expected.txt.

``expected.txt`` lists the findings as ``file:line:col: severity CODE``, one per line, in
the order validate reports them (messages may be reworded without touching the cases).
A line ``exit: N`` sets the expected exit code (default 1 for invalid, 0 for valid).
Under ``across/`` each case is a folder of plan folders validated together, as
``planverk validate plans/*/`` does; it has an ``expected.txt`` too (empty when clean).
Adding a case adds no code.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES, run_cli

VALID = sorted(p for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())
ACROSS = sorted(p for p in (CASES / "across").iterdir() if p.is_dir())


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


def _expected(case: Path, default_exit: int) -> tuple[list[str], int]:
    expected_exit = default_exit
    expected: list[str] = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("exit:"):
            expected_exit = int(line.split(":", 1)[1])
        elif line.strip() and not line.startswith("#"):
            expected.append(line.strip())
    return expected, expected_exit


def _reported(out: str) -> list[str]:
    return [
        " ".join(line.split(" ")[:3])
        for line in out.splitlines()
        if " error PV" in line or " warning PV" in line
    ]


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_reports_expected_findings(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected, expected_exit = _expected(case, 1)
    monkeypatch.chdir(case)
    result = run_cli("validate", _target(case))
    assert _reported(result.out) == expected, result.out
    assert result.code == expected_exit, result.out
    assert "Traceback" not in result.out + result.err


@pytest.mark.parametrize("case", ACROSS, ids=lambda p: p.name)
def test_plans_validated_together(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected, expected_exit = _expected(case, 0)
    monkeypatch.chdir(case)
    plans = sorted(p.name + "/" for p in case.iterdir() if p.is_dir())
    result = run_cli("validate", *plans)
    assert _reported(result.out) == expected, result.out
    assert result.code == expected_exit, result.out
    alone = [run_cli("validate", "--strict", plan) for plan in plans]
    assert all(r.code == 0 for r in alone), "each plan alone must be clean"


NYNORSK = [
    case for case in INVALID + VALID
    if (case / "plan.yaml").exists()
    and b"\n  language: nn\n" in (case / "plan.yaml").read_bytes()
]


@pytest.mark.parametrize("case", NYNORSK, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_nynorsk_plan_gets_the_same_checks(case: Path, language: str, tmp_path: Path) -> None:
    """The same plan in another language: the same findings at the same places."""
    shutil.copytree(case, tmp_path / "case")
    plan = tmp_path / "case" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\n  language: nn\n", f"\n  language: {language}\n"), encoding="utf-8")
    nynorsk = run_cli("validate", "--format", "json", str(case))
    other = run_cli("validate", "--format", "json", str(plan.parent))

    def found(out: str) -> list[tuple[str, int, int, str]]:
        plans = json.loads(out)["plans"]
        return [
            (Path(f["file"]).name, f["line"], f["column"], f["code"])
            for p in plans for f in p["findings"]
        ]

    assert found(nynorsk.out) == found(other.out)
    assert nynorsk.code == other.code
    if case.parent.name == "invalid":
        assert found(nynorsk.out), "an invalid case has findings"


def test_every_code_is_given_once() -> None:
    """CODES is built by a comprehension, which would keep only the last of two entries
    with one code: two checks sharing a code must fail here, not vanish from the docs."""
    import re

    import planverk.diagnostics as diagnostics

    source = Path(diagnostics.__file__).read_text(encoding="utf-8")
    codes = re.findall(r'Code\("(PV\d{3})"', source)
    assert len(codes) == len(diagnostics.CODES)
    assert sorted({c for c in codes if codes.count(c) > 1}) == []
