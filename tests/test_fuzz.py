"""Fuzz harness: mutate the valid test plans byte by byte and line by line, and feed the
results to every reader of a plan. Nothing may raise: each input gets exit 0, 1 or 2.

Each case takes a valid plan from tests/cases/valid/, applies a few mutations (drop,
repeat or swap lines, insert hostile tokens, flip bytes, change indentation) and runs
``validate``; when the mutant still validates it also runs ``fmt --check``, ``status``,
``render`` and ``ical -o -``, and whatever the plan says, ``fmt --check`` must answer.

CI runs PLANVERK_FUZZ_EXAMPLES cases (default 200). For a release, run a longer session
(see docs/robustness.md)::

    PLANVERK_FUZZ_EXAMPLES=20000 .venv/bin/pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import CASES, run_cli

EXAMPLES = int(os.environ.get("PLANVERK_FUZZ_EXAMPLES", "200"))
SEEDS = sorted(p for p in (CASES / "valid").glob("*/plan.yaml"))
TOKENS = [
    "&a ", "*a", "<<: *a", "!!binary ", "!!python/object ", "%YAML 1.1\n", "---\n", "...\n", "? ", "- ",
    "{", "}", "[", "]", ": ", "#", "'", '"', "|\n", ">-\n", "\t", "\\x1b", '"\\e"', '"\\0"', ".nan", "-.inf",
    "1e999", "9" * 80, "0001-01-01", "9999-12-31", "2017-02-30", "24:00", "25:61", "con", "nul", "Europe",
    "a**", "../../etc/passwd", "=HYPERLINK(1)", "<script>", "\u2028", "\ufeff", "\x85", "æøå", " " * 40,
]


@st.composite
def mutants(draw: st.DrawFn) -> tuple[str, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    lines = seed.read_bytes().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "repeat", "swap", "token", "flip", "indent", "truncate"]))
        if kind == "drop":
            del lines[at]
        elif kind == "repeat":
            lines[at:at] = [lines[at]] * draw(st.integers(1, 3))
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "token":
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.sampled_from(TOKENS)).encode("utf-8") + line[cut:]
        elif kind == "flip":
            line = bytearray(lines[at])
            if line:
                line[draw(st.integers(0, len(line) - 1))] = draw(st.integers(0, 255))
            lines[at] = bytes(line)
        elif kind == "indent":
            lines[at] = b" " * draw(st.integers(0, 6)) + lines[at].lstrip(b" ")
        else:
            lines = lines[:at]
    return seed.parent.name, b"".join(lines)


def _answers(result, *codes: int) -> None:
    assert "Traceback" not in result.err, result.err[-3000:]
    assert result.code in codes, (result.code, result.out[-1000:], result.err[-1000:])


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(case=mutants())
def test_mutated_plans_never_crash(tmp_path_factory, case: tuple[str, bytes]) -> None:
    name, raw = case
    folder: Path = tmp_path_factory.mktemp(name)
    (folder / "plan.yaml").write_bytes(raw)
    result = run_cli("validate", str(folder))
    _answers(result, 0, 1, 2)
    _answers(run_cli("fmt", "--check", str(folder)), 0, 1, 2)
    if result.code != 0:
        return
    _answers(run_cli("status", str(folder), "-f", "markdown", "--as-of", "2020-01-01"), 0)
    _answers(run_cli("render", str(folder), "schedule", "--as-of", "2020-01-01"), 0)
    _answers(run_cli("ical", str(folder), "-o", "-"), 0)
