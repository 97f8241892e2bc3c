"""Findings for the code-scanning views of CI services: SARIF 2.1.0 (GitHub code scanning)
and the GitLab Code Quality report.

Both take the same results as the other reporters (:mod:`planverk.reporters`). What they
share lives here: a fingerprint that stays the same while a finding stays the same, and
the path of a finding's file as the repository names it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from pathlib import PurePath

from ..diagnostics import Finding, printable
from ..load.planfiles import display_path
from ..validate import Validation


def fingerprint(finding: Finding, path: str, seen: dict[str, int]) -> str:
    """A SHA-256 hex digest of the code, the file and the English message.

    The line is left out, so a finding keeps its fingerprint when lines are added above
    it, and the language is left out (the English text is hashed), so ``--lang`` does not
    make old findings look new. Identical findings in one file are told apart by their
    order (``seen`` counts them).
    """
    key = "\0".join((finding.code, path, str(finding.message)))
    seen[key] = seen.get(key, 0) + 1
    return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()


def repository_path(path: str) -> str:
    """A file's path with forward slashes, without a leading ``./``: ``plans/a/plan.yaml``;
    relative to the working folder (the repository) even when the file lies outside it, as
    GitLab and GitHub place findings by a path in the repository, never an absolute one."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows: keep it as it is
            pass
    text = PurePath(path).as_posix()
    while text.startswith("./"):
        text = text[2:]
    return printable(text)


def findings(results: Sequence[Validation]) -> Iterator[tuple[Validation, Finding, str]]:
    """Each finding with its result and the path it is reported on: its own file, or the
    plan it concerns when it concerns no file (a plan that could not be found)."""
    for result in results:
        for item in result.findings:
            where = item.position.file if item.position else display_path(result.target)
            yield result, item, repository_path(where)
