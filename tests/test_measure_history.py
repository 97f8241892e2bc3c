"""A measure's dated status history: recorded by `planverk record decision` in the file's
own style and words, and the edits' values in the plan's own wording."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CASES, GitRepo, run_cli

NOTEPAD = CASES / "edit-styles" / "notepad"


def _notepad_in(repo: GitRepo, replace: dict[str, str]) -> Path:
    """The Notepad style case (CR LF, BOM, lists flush with their key) with ``replace`` done."""
    plan = repo.root / "plan"
    shutil.copytree(NOTEPAD, plan, ignore=shutil.ignore_patterns("*.diff"))
    text = (plan / "plan.yaml").read_bytes().decode("utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    (plan / "plan.yaml").write_bytes(text.encode("utf-8"))
    repo.commit("start")
    return plan


HISTORY = {
    "  status: decided\r\n": "  status: vedtatt\r\n  decided_on: 2019-01-30\r\n  status_history:\r\n"
    "  - date: 2019-01-30\r\n    status: vedtatt\r\n    note: Kommunestyret sak 4/19\r\n",
}


def test_record_decision_appends_to_the_history_in_the_files_style_and_words(repo: GitRepo) -> None:
    plan = _notepad_in(repo, HISTORY)
    result = run_cli("record", "decision", str(plan), "innkjop", "--status", "in-progress", "--date", "2019-02-06")
    assert result.code == 0, result.out + result.err
    assert repo.changed_lines() == [
        "-  status: vedtatt",
        "+  status: under arbeid",
        "+  - date: 2019-02-06",
        "+    status: under arbeid",
    ]
    written = (plan / "plan.yaml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and not written.endswith(b"\n")
    assert written.count(b"\n") == written.count(b"\r\n")
    assert run_cli("validate", str(plan)).code == 0
    again = run_cli("record", "decision", str(plan), "innkjop", "--status", "in-progress", "--date", "2019-02-06")
    assert again.code == 0 and "ingenting å gjøre" in again.out


def test_a_decision_dated_before_the_history_ends_is_refused(repo: GitRepo) -> None:
    plan = _notepad_in(repo, HISTORY)
    result = run_cli("record", "decision", str(plan), "innkjop", "--status", "dropped", "--date", "2019-01-01")
    assert result.code != 0
    assert "har en senere statusendring (30. januar 2019: " in result.err
    assert repo.changed_lines() == []


def test_record_decision_starts_a_history_with_the_decision(repo: GitRepo) -> None:
    plan = _notepad_in(repo, {"  status: decided\r\n": "  status: decided\r\n  decided_on: 2019-01-30\r\n"})
    result = run_cli("record", "decision", str(plan), "innkjop", "--status", "in-progress", "--date", "2019-02-06")
    assert result.code == 0, result.out + result.err
    assert repo.changed_lines() == [
        "-  status: decided",
        "+  status: in-progress",
        "+  status_history:",
        "+  - {date: 2019-01-30, status: decided}",
        "+  - {date: 2019-02-06, status: in-progress}",
    ]


def test_the_history_is_checked_against_the_status_when_recorded(repo: GitRepo) -> None:
    """A realised status needs a realised figure, in the history as in the status."""
    plan = _notepad_in(repo, HISTORY)
    result = run_cli("record", "decision", str(plan), "innkjop", "--status", "realised", "--date", "2019-12-31")
    assert result.code == 1
    assert "PV633" in result.err
    assert repo.changed_lines() == []


def test_edits_write_values_in_the_plans_own_words(repo: GitRepo) -> None:
    """A plan that writes its word-list values in Norwegian gets Norwegian ones from edits:
    'utført' for done, 'avlyst' for cancelled; nynorsk forms where the plan is nynorsk."""
    plan = _notepad_in(repo, {"  status: decided\r\n": "  status: vedtatt\r\n  decided_on: 2019-01-30\r\n",
                              "- id: innspill\r\n": "- id: innspill\r\n  kind: frist\r\n"})
    assert run_cli("done", str(plan), "innspill", "--date", "2019-09-19").code == 0
    assert run_cli("cancel", str(plan), "samling").code == 0
    assert run_cli("cancel", str(plan), "styringsgruppemote", "--occurrence", "2019-03-13").code == 0
    added = [line for line in repo.changed_lines() if line.startswith("+")]
    assert "+  status: utført" in added
    assert "+  status: avlyst" in added
    assert "+    - occurrence: 2019-03-13" in added and "+      status: avlyst" in added
    assert not any(line.endswith(("status: done", "status: cancelled")) for line in added)
    assert run_cli("validate", str(plan)).code == 0
    repo.git("checkout", "--", ".")
    nynorsk = (plan / "plan.yaml").read_bytes().decode("utf-8").replace(
        "  organisation: Eksempel kommune\r\n", "  organisation: Eksempel kommune\r\n  language: nn\r\n")
    (plan / "plan.yaml").write_bytes(nynorsk.encode("utf-8"))
    repo.commit("nynorsk")
    # a new decision date replaces the one the measure has: --force (without it, refused)
    assert run_cli("record", "decision", str(plan), "innkjop", "--status", "decided", "--date", "2019-02-01",
                   "--force").code == 0
    assert "+  status: vedteke" in repo.changed_lines()


def test_edits_keep_english_values_in_a_plan_that_writes_english(repo: GitRepo) -> None:
    plan = _notepad_in(repo, {})
    assert run_cli("done", str(plan), "innspill", "--date", "2019-09-19").code == 0
    assert "+  status: done" in repo.changed_lines()


OUTSIDE = """plan:
  id: sparing
  title: Sparing
  organisation: Test kommune
  language: en
  period: {start: 2024-01-01, end: 2027-12-31}
savings_targets:
  - id: mal
    title: Savings
    total: 10 mill. kr
    period: {start: 2024-01-01, end: 2027-12-31}
measures:
  - id: a
    title: Shared purchasing
    status: decided
    decided_on: 2024-03-01
    savings_target: mal
    effect: {2024: 1 mill. kr, 2029: ca. 3 mill. kr}
    realised: {2023: 250 000 kr}
    silence:
      - {code: PV632, reason: The effect comes after the period}
      - {code: PV631, reason: Begun before the formal decision}
"""


def test_a_figure_outside_the_targets_years_is_shown_not_dropped(tmp_path: Path) -> None:
    """The sums leave it out, as PV632 says; status and the status report name it."""
    folder = tmp_path / "sparing"
    folder.mkdir()
    (folder / "plan.yaml").write_text(OUTSIDE, encoding="utf-8")
    shown = run_cli("status", str(folder), "measures", "--as-of", "2025-01-01", "-f", "markdown")
    assert shown.code == 0, shown.out + shown.err
    note = ("Not counted above, as the year lies outside the target's years (2024-2027): "
            "Shared purchasing, estimated approx. NOK 3M in 2029; Shared purchasing, realised NOK 250,000 in 2023.")
    assert note in shown.out
    document = run_cli("render", str(folder), "status-report", "--as-of", "2025-01-01")
    assert document.code == 0, document.out + document.err
    assert note in document.out
    data = run_cli("status", str(folder), "measures", "--as-of", "2025-01-01", "-f", "json")
    assert '"kind": "effect"' in data.out and '"year": 2029' in data.out
