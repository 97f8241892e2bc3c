"""Shared fixtures: where the example plans and test cases live, and a CLI runner."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
CASES = Path(__file__).resolve().parent / "cases"
EXAMPLE_PLANS = sorted(p for p in PLANS.iterdir() if (p / "plan.yaml").is_file())


def pytest_configure(config: pytest.Config) -> None:
    """Give each run its own temporary root (unless --basetemp says otherwise): runs on one
    machine at the same time otherwise share /tmp/pytest-of-USER, and one run's clean-up
    of another's half-removed folder fails at exit under filterwarnings=error."""
    if config.option.basetemp is None and not hasattr(config, "workerinput"):
        config.option.basetemp = tempfile.mkdtemp(prefix="planverk-tests-")
        config._planverk_basetemp = config.option.basetemp  # type: ignore[attr-defined]
    # planverk's cache (planverk.cachedir) in a folder of this run, never the user's own;
    # commands the tests start inherit it.
    config._planverk_cache = tempfile.mkdtemp(prefix="planverk-cache-")  # type: ignore[attr-defined]
    os.environ["PLANVERK_CACHE_DIR"] = config._planverk_cache  # type: ignore[attr-defined]
    os.environ.pop("PLANVERK_NO_CACHE", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    basetemp = getattr(config, "_planverk_basetemp", None)
    if basetemp is not None:
        shutil.rmtree(basetemp, ignore_errors=True)
    cache = getattr(config, "_planverk_cache", None)
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)


VIK_HEADER = """\
plan:
  id: vik-2025
  title: TITLE
  organisation: Vik kommune
  period: {start: 2025-01-01, end: 2025-12-31}
  timezone: Europe/Oslo
  language: nn
people:
- id: kari
  name: Kari Nordmann
  email: kari@vik.kommune.no
"""
"""The head of a small nynorsk plan (Vik, 2025, Kari with an address), for tests that
write the rest: replace TITLE, add to ``people:`` with more ``- id:`` entries."""


def write_as_saved_on_windows(folder: Path, text: str) -> Path:
    """``text`` as ``folder/plan.yaml`` the way Notepad and Excel save it (a byte-order mark,
    CRLF line ends); returns ``folder``, made if need be."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    return folder


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


class GitRepo:
    """A throw-away git repository holding a copy of a plan, for tests of edits and diffs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "test@example.no")
        self.git("config", "user.name", "Test")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> str:
        import subprocess

        done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=True)
        return done.stdout

    def add_plan(self, source: Path, name: str | None = None) -> Path:
        import shutil

        target = self.root / "plans" / (name or source.name)
        shutil.copytree(source, target)
        return target

    def commit(self, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def changed_lines(self) -> list[str]:
        """The working tree's diff against HEAD: only the added and removed lines."""
        diff = self.git("diff", "-U0", "--no-color")
        return [
            line for line in diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]

    def changed_files(self) -> list[str]:
        return self.git("diff", "--name-only").split()


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """An empty git repository in a temporary folder."""
    (tmp_path / "repo").mkdir()
    return GitRepo(tmp_path / "repo")


def run_cli_en(*args: str) -> Run:
    """:func:`run_cli` with ``--lang en``: what a command says, in English whatever the plan's language."""
    return run_cli(*args, "--lang", "en")
