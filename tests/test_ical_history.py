"""SEQUENCE and LAST-MODIFIED follow the git history of each item's content, and nothing else."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import CASES, run_cli
from icalcheck import masters, parse

SHAPES = CASES / "valid" / "calendar-shapes"


def _git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.no",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.no"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _edit(plan: Path, old: str, new: str) -> None:
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    assert old in text
    (plan / "plan.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")


def _stamps(plan: Path) -> dict[str, tuple[int, datetime]]:
    result = run_cli("ical", str(plan), "-o", "-")
    assert result.code == 0, result.err
    return {
        uid.split("@")[0]: (int(e["SEQUENCE"]), e["LAST-MODIFIED"].dt)
        for uid, e in masters(parse(result.out.encode())).items()
    }


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    shutil.copytree(SHAPES, tmp_path / "plan")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "first", when=1_700_000_000)
    return tmp_path / "plan"


def test_sequence_counts_the_commits_that_changed_an_item(repo: Path) -> None:
    first = _stamps(repo)
    assert all(stamp == (0, _at(1_700_000_000)) for stamp in first.values())

    _edit(repo, "location: Hotellet", "location: Hotellet Sør")  # to-dager
    _git(repo.parent, "commit", "-qam", "move the seminar", when=1_700_100_000)
    _edit(repo, "    links:", "    room: Salen\n    links:")  # heldags-samling, a line added
    _git(repo.parent, "commit", "-qam", "describe", when=1_700_200_000)
    _edit(repo, "    time: \"17:00\"\n", "")  # start-uten-slutt: a line deleted (all day now)
    _git(repo.parent, "commit", "-qam", "all day", when=1_700_300_000)
    later = _stamps(repo)
    assert later["to-dager"] == (1, _at(1_700_100_000))
    assert later["heldags-samling"] == (1, _at(1_700_200_000))
    assert later["start-uten-slutt"] == (1, _at(1_700_300_000))
    assert later["ukemote"] == (0, _at(1_700_000_000))
    assert b"DTSTAMP:20231118T093320Z" in run_cli("ical", str(repo), "-o", "-").out.encode()


def test_a_renamed_group_changes_the_events_that_show_its_name(repo: Path) -> None:
    _edit(repo, "name: Alle ansatte", "name: Alle medarbeidere")
    _git(repo.parent, "commit", "-qam", "rename", when=1_700_100_000)
    stamps = _stamps(repo)
    assert stamps["annenhver-fredag"] == (1, _at(1_700_100_000))  # participants: [alle]
    assert stamps["avlyst-mote"] == (0, _at(1_700_000_000))  # participants: [kari]


def test_uncommitted_edits_count_once_more_and_stay_deterministic(repo: Path) -> None:
    _edit(repo, "title: Ukemøte", "title: Ukemøte i ledergruppen")
    stamps = _stamps(repo)
    assert stamps["ukemote"] == (1, _at(1_700_000_000))  # LAST-MODIFIED never after DTSTAMP
    assert _stamps(repo) == stamps


def test_a_new_untracked_file_starts_at_sequence_zero(repo: Path) -> None:
    _edit(repo, "deadlines:\n", "include: [more.yaml]\ndeadlines:\n")
    (repo / "more.yaml").write_text(
        "deadlines:\n  - {id: ny-frist, date: 2025-08-01, task: Ny frist}\n", encoding="utf-8"
    )
    stamps = _stamps(repo)
    assert stamps["ny-frist"] == (0, _at(1_700_000_000))


def test_a_changed_address_changes_the_events_that_invite_it(repo: Path) -> None:
    # With --attendees the address is in ORGANIZER/ATTENDEE: calendars must see a new version.
    _edit(repo, "email: alle@example.no", "email: alle-ansatte@example.no")
    _git(repo.parent, "commit", "-qam", "new list address", when=1_700_100_000)
    stamps = _stamps(repo)
    assert stamps["annenhver-fredag"] == (1, _at(1_700_100_000))  # participants: [alle]
    assert stamps["avlyst-mote"] == (0, _at(1_700_000_000))  # participants: [kari]
