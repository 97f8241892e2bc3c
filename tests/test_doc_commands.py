"""Every shell block of README.md and docs/*.md runs as written, in order, in a fresh copy.

A block that is not meant to run (it installs, runs the test suite, or names a branch
the reader makes) carries ``<!-- not run: REASON -->`` on the line before its fence; see
CONTRIBUTING.md. Each document runs in its own copy of the repository, a git repository
whose branch is ``main``, where ``.venv/bin/planverk`` is the planverk under test (the
README's first command made it) and ``planverk`` alone is not on PATH; the planverk
commands of a block not run because it installs still run, in their place.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

SHELLS = {"sh", "bash", "shell"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<info>\S*)[^\n]*\n(?P<body>.*?)^(?P=indent)```", re.S | re.M)
NOT_RUN = re.compile(r"<!-- not run: (?P<reason>\S[^>]*?) -->\s*$")
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@dataclass(frozen=True)
class Block:
    """A fenced shell block of a document, with the line its fence opens on (1-based)."""

    document: Path
    line: int
    text: str
    skip_reason: str | None


def shell_blocks(document: Path) -> list[Block]:
    """The shell blocks of ``document``, in order, each with its ``not run`` reason if any."""
    text = document.read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        if match["info"] not in SHELLS:
            continue
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = NOT_RUN.search(before)
        line = text.count("\n", 0, match.start()) + 1
        body = textwrap.dedent(match["body"])
        blocks.append(Block(document, line, body, marker["reason"] if marker else None))
    return blocks


def test_markers_sit_right_before_a_shell_block() -> None:
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        marked = sum(1 for line in text.splitlines() if NOT_RUN.search(line))
        skipped = sum(1 for b in shell_blocks(document) if b.skip_reason)
        assert marked == skipped, f"{document.name}: a 'not run' marker that is not on the line before a shell fence"


def test_the_first_command_and_the_test_command_are_the_only_readme_blocks_not_run() -> None:
    blocks = shell_blocks(ROOT / "README.md")
    assert [b.skip_reason is not None for b in blocks[:2]] == [True, True]
    assert all(b.skip_reason is None for b in blocks[2:])


def _tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def fresh_clone(into: Path) -> Path:
    """A copy of the repository's files as a one-commit git repository on ``main``."""
    clone = into / "clone"
    for name in _tracked_files():
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "fresh clone"]):
        subprocess.run(command, cwd=clone, env=env, check=True, capture_output=True)
    # What the README's first command leaves behind: .venv/bin/planverk.
    venv_bin = clone / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "planverk").write_text(
        f"#!/bin/sh\nexec {sys.executable} -m planverk \"$@\"\n", encoding="utf-8"
    )
    (venv_bin / "planverk").chmod(0o755)
    return clone


def _path_without_planverk() -> str:
    """PATH minus every folder holding a ``planverk``: the reader has not activated a venv."""
    folders = os.environ.get("PATH", os.defpath).split(os.pathsep)
    return os.pathsep.join(f for f in folders if f and not (Path(f) / "planverk").exists())


def planverk_part(block: Block) -> str:
    """What a block not run because it installs leaves behind for the blocks after it: its
    planverk commands (the README's first command builds ``site``, which a reader has when
    pasting the README's later commands), without the install the test stands in for."""
    if "pip install" not in block.text:
        return ""
    parts = [part.strip() for part in block.text.split("&&")]
    return " && ".join(part for part in parts if part.startswith(".venv/bin/planverk "))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.name)
def test_shell_blocks_run_as_written(document: Path, tmp_path: Path) -> None:
    blocks = [b for b in shell_blocks(document) if b.skip_reason is None]
    if not blocks:
        assert not shell_blocks(document)
        return
    clone = fresh_clone(tmp_path)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PLANVERK", "GITHUB"))}
    env |= {"PATH": _path_without_planverk(), "COLUMNS": "100", "NO_COLOR": "1",
            "XDG_CACHE_HOME": str(tmp_path / "cache")}  # planverk's cache: the reader's, not ours
    for block in shell_blocks(document):
        text = block.text if block.skip_reason is None else planverk_part(block)
        if not text:
            continue
        result = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", text],
            cwd=clone, env=env, capture_output=True, text=True,
        )
        assert result.returncode == 0, (
            f"{document.name}:{block.line}: exit {result.returncode}\n{text}\n"
            f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}"
        )
