"""Feeds from a shallow clone, and SOURCE_DATE_EPOCH: said plainly, in the plan's language."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import CASES, GitRepo, run_cli

SINGLE = CASES / "valid" / "single-file"
NOTE = "merk: {plan} ligger i en grunn git-klon"


@pytest.fixture
def history(repo: GitRepo) -> Path:
    """A plan whose meeting moved twice, in three commits."""
    plan = repo.add_plan(SINGLE)
    repo.commit("start")
    for room in ("Møterom 2", "Møterom 3"):
        path = plan / "plan.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("room: Møterom 1", f"room: {room}", 1),
                        encoding="utf-8")
        path.write_text(path.read_text(encoding="utf-8").replace("room: Møterom 2", f"room: {room}", 1),
                        encoding="utf-8")
        repo.commit(f"to {room}")
    return plan


def _sequence(feed: str) -> str:
    block = feed.split("UID:styringsgruppemote", 1)[1]
    return block.split("SEQUENCE:", 1)[1].split("\r\n", 1)[0]


def test_a_shallow_clone_gets_a_note_that_says_what_to_do(
    history: Path, repo: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = run_cli("ical", str(history), "-o", "-")
    assert full.code == 0, full.err
    assert "grunn" not in full.err
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.root.as_uri(), str(clone)], check=True)
    monkeypatch.chdir(clone)
    shallow = run_cli("ical", "plans/single-file", "-o", "-")
    assert shallow.code == 0, shallow.err
    assert NOTE.format(plan="plans/single-file") in shallow.err
    assert "git fetch --unshallow" in shallow.err and "fetch-depth: 0" in shallow.err
    assert int(_sequence(shallow.out)) < int(_sequence(full.out))  # what the note warns of
    for args in (("site", "plans/single-file", "-o", "site"), ("invitations", "plans/single-file", "-o", "out")):
        assert NOTE.format(plan="plans/single-file") in run_cli(*args).err, args


@pytest.mark.parametrize(
    ("epoch", "said"),
    [
        ("-1", "SOURCE_DATE_EPOCH=-1 er før 1970: "),
        ("99999999999999999999", "SOURCE_DATE_EPOCH=99999999999999999999 er etter år 9999: "),
        ("9" * 5000, f"SOURCE_DATE_EPOCH={'9' * 39}… er etter år 9999: "),
        ("1.5", "SOURCE_DATE_EPOCH=1.5 er ikke et helt antall sekunder siden 1970: "),
        ("i går", "SOURCE_DATE_EPOCH=i går er ikke et helt antall sekunder siden 1970: "),
    ],
)
def test_a_source_date_epoch_that_names_no_calendar_time_is_refused_plainly(
    history: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, said: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run_cli("ical", str(history), "-o", "-")
    assert result.code == 2 and result.out == ""
    assert result.err == f"planverk: {said}sett den til tiden for planens siste commit " \
                         "(git log -1 --format=%ct), eller fjern den\n"


def test_a_source_date_epoch_is_the_dtstamp(history: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1700000000\n")
    result = run_cli("ical", str(history), "-o", "-")
    assert result.code == 0, result.err
    assert "DTSTAMP:20231114T221320Z\r\n" in result.out
