"""Shared fixtures: where the example plans and test cases live, and a CLI runner."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
CASES = Path(__file__).resolve().parent / "cases"
EXAMPLE_PLANS = sorted(p for p in PLANS.iterdir() if (p / "plan.yaml").is_file())


@dataclass
class Run:
    """What a planverk command printed and returned."""

    code: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """Run planverk's console entry point in-process, as a user would from the shell."""
    from planverk.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():
    """The planverk command line, in-process."""
    return run_cli


@pytest.fixture(autouse=True)
def _no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setattr(sys, "argv", ["planverk"])
