"""planverk diff: a reviewer's summary of what changed between two versions of a plan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES, PLANS, GitRepo, run_cli

SINGLE = CASES / "valid" / "single-file"


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def single(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> Path:
    plan = repo.add_plan(SINGLE)
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    return plan


def test_an_unchanged_plan_says_so(single: Path) -> None:
    result = run_cli("diff", "--git", "HEAD", str(single))
    assert result.code == 0, result.err
    assert result.out == "**Omstilling 2019 (`single-file`)**: no changes (HEAD → working tree).\n"
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "-f", "json").out)
    assert document["changed"] is False and document["events"] == [] and document["other"] == []


def test_the_steering_group_meeting_moved_from_8_to_9_february(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = repo.add_plan(PLANS / "gran-2017")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    edit(plan / "schedule.yaml", ("    weekday: onsdag\n    date: 2017-02-08", "    weekday: torsdag\n    date: 2017-02-09"))
    result = run_cli("diff", "--git", "HEAD", "plans/gran-2017")
    assert result.code == 0, result.err
    assert "- **Styringsgruppemøte SFI** moved: Wed 8 Feb 2017 08:30-10:30 → Thu 9 Feb 2017 08:30-10:30 (`styringsgruppe-2017-02-08`)" in result.out
    assert "Other changes" not in result.out  # the date and weekday are the move, not more


def test_a_summary_of_many_kinds_of_change(single: Path) -> None:
    edit(
        single / "plan.yaml",
        ("  - {id: ola, name: Ola Nordmann, title: HR-rådgiver}",
         "  - {id: ola, name: Ola Nordmann, title: HR-rådgiver}\n  - {id: per, name: Per Hansen}"),
        ("      - {person: kari, role: leader}\n      - ola", "      - {person: kari, role: deputy}\n      - per"),
        ("    holders: [ola]", "    holders: [per]"),
        ("    time: 08:30-10:00\n    location: Rådhuset", "    time: 08:30-10:00\n    location: Rådhuset"),
        ("        - {occurrence: 2019-05-08, status: cancelled}",
         "        - {occurrence: 2019-05-08, status: cancelled}\n        - {occurrence: 2019-02-13, status: cancelled}\n      except: [2019-06-12]"),
        ("    date: 2019-09-04\n    end_date: 2019-09-05", "    date: 2019-09-11\n    end_date: 2019-09-12"),
        ("      - {date: 2019-09-04, time: '09:00-10:00'", "      - {date: 2019-09-11, time: '09:00-10:00'"),
        ("      - {date: 2019-09-05, time: '13:00-15:00'", "      - {date: 2019-09-12, time: '13:00-15:00'"),
        ("    date: 2019-09-20\n    time: \"12:00\"", "    date: 2019-09-27\n    time: \"12:00\""),
    )
    result = run_cli("diff", "--git", "HEAD", str(single))
    assert result.code == 0, result.err
    assert result.out == """\
### Changes to Omstilling 2019 (`single-file`)

Compared: HEAD → working tree

#### Events

- **Styringsgruppemøte** cancelled: Wed 13 Feb 2019 08:30-10:00 (`styringsgruppemote`, occurrence of 2019-02-13)
- **Styringsgruppemøte**: occurrence removed, Wed 12 Jun 2019 08:30-10:00 (`styringsgruppemote`, occurrence of 2019-06-12)
- **Samling 1** moved: Wed 4 Sep 2019 – Thu 5 Sep 2019, 09:00-15:00 → Wed 11 Sep 2019 – Thu 12 Sep 2019, 09:00-15:00 (`samling-1`)

#### Membership

- **Kari Nordmann** in Styringsgruppen: leader → deputy
- **Ola Nordmann** left Styringsgruppen
- **Per Hansen** joined Styringsgruppen

#### Deadlines and milestones

- **Send innspill til arbeidsboken** moved: Fri 20 Sep 2019 12:00 → Fri 27 Sep 2019 12:00 (`innspill`)

#### Other changes

- person **Per Hansen** (`per`) added
- role **HR** (`hr`) changed: holders +`per`, −`ola`
- event **Samling 1** (`samling-1`) changed: agenda
"""


def test_added_removed_and_cancelled_events_and_a_done_deadline(single: Path) -> None:
    edit(
        single / "plan.yaml",
        ("  - id: samling-1\n    title: Samling 1", "  - id: samling-2\n    title: Samling 2"),
        ("    repeat:\n      every: month", "    status: cancelled\n    repeat:\n      every: month"),
        ("    deliver_to: [kari]", "    deliver_to: [kari]\n    status: done\n    done_on: 2019-09-19"),
    )
    out = run_cli("diff", "--git", "HEAD", str(single)).out
    assert "- **Styringsgruppemøte** cancelled (all occurrences): Wed 9 Jan 2019 08:30-10:00 (`styringsgruppemote`)" in out
    assert "- **Samling 1** removed: Wed 4 Sep 2019 – Thu 5 Sep 2019, 09:00-15:00, Kulturhuset (`samling-1`)" in out
    assert "- **Samling 2** added: Wed 4 Sep 2019 – Thu 5 Sep 2019, 09:00-15:00, Kulturhuset (`samling-2`)" in out
    assert "- **Send innspill til arbeidsboken** done on Thu 19 Sep 2019 (due Fri 20 Sep 2019 12:00) (`innspill`)" in out
    assert "Other changes" not in out


def test_a_series_moved_whole_lists_a_few_occurrences_then_counts(single: Path) -> None:
    edit(single / "plan.yaml", ("    time: 08:30-10:00\n    location: Rådhuset", "    time: 09:00-10:30\n    location: Rådhuset"))
    out = run_cli("diff", "--git", "HEAD", str(single)).out
    moved = [line for line in out.splitlines() if "moved:" in line]
    assert len(moved) == 5
    assert moved[0] == (
        "- **Styringsgruppemøte** moved: Wed 9 Jan 2019 08:30-10:00 → Wed 9 Jan 2019 09:00-10:30 "
        "(`styringsgruppemote`, occurrence of 2019-01-09)"
    )
    assert "- … and 1 more occurrences of `styringsgruppemote` moved" in out
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "--format", "json").out)
    assert len([c for c in document["events"] if c["change"] == "moved"]) == 6  # the cancelled one moved too


def test_json_is_versioned_and_complete(single: Path) -> None:
    edit(single / "plan.yaml", ("{id: ola, name: Ola Nordmann, title: HR-rådgiver}", "{id: ola, name: Ola Nordmann, title: HR-sjef}"))
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "-f", "json").out)
    assert document == {
        "version": 1,
        "plan": {"id": "single-file", "title": "Omstilling 2019"},
        "old": "HEAD",
        "new": "working tree",
        "changed": True,
        "new_plan": False,
        "events": [],
        "members": [],
        "deadlines": [],
        "measurements": [],
        "risks": [],
        "other": [
            {
                "kind": "people",
                "change": "changed",
                "id": "ola",
                "name": "Ola Nordmann",
                "fields": [{"field": "title", "old": "HR-rådgiver", "new": "HR-sjef"}],
            }
        ],
    }


def test_two_folders_and_two_revisions(single: Path, repo: GitRepo, tmp_path: Path) -> None:
    edit(single / "plan.yaml", ("    time: 08:30-10:00\n    location: Rådhuset", "    time: 08:30-10:00\n    location: Kommunehuset"))
    old = tmp_path / "old"
    shutil.copytree(SINGLE, old)
    folders = run_cli("diff", str(old), str(single))
    assert folders.code == 0, folders.err
    assert "Rådhuset, Møterom 1 → Wed 9 Jan 2019 08:30-10:00, Kommunehuset, Møterom 1" in folders.out
    repo.commit("move the meetings")
    revisions = run_cli("diff", "--git", "HEAD~1..HEAD", str(single))
    assert revisions.code == 0, revisions.err
    assert "Compared: HEAD~1 → HEAD" in revisions.out
    assert revisions.out.replace("HEAD~1 → HEAD", "") == folders.out.replace(f"{old} → {single}", "")


def test_a_plan_not_in_the_old_revision_is_new(repo: GitRepo, single: Path) -> None:
    plan = repo.add_plan(PLANS / "nordre-follo-2018")
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "The plan is new: it is not in HEAD." in out
    assert "- **Sende gruppens svar på oppgave 2b og oppgi gruppens kommunalsjef/stabsleder** added" in out


def test_an_old_version_with_errors_is_refused_with_findings_in_the_revision(repo: GitRepo, single: Path) -> None:
    edit(single / "plan.yaml", ("    holders: [ola]", "    holders: [olla]"))
    repo.commit("broken")
    edit(single / "plan.yaml", ("    holders: [olla]", "    holders: [ola]"))
    result = run_cli("diff", "--git", "HEAD", str(single))
    assert result.code == 1
    assert "HEAD:plans/single-file/plan.yaml:22:15: error PV201" in result.err
    assert "the plan in HEAD has errors" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--git", "no-such-branch"), "'no-such-branch' is not a revision"),
        (("--git", "HEAD.."), "give a revision"),
        ((), "give two plan folders"),
        (("--git", "HEAD", "a", "b"), "at most one plan"),
    ],
)
def test_usage_errors(single: Path, args: tuple[str, ...], message: str) -> None:
    result = run_cli("diff", *args)
    assert result.code == 2
    assert message in result.err


def test_outside_git_the_git_mode_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SINGLE, plan)
    result = run_cli("diff", "--git", "HEAD", str(plan))
    assert result.code == 2 and "is not in a git repository" in result.err


def test_measurements_added_and_risks_rescored(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = repo.add_plan(PLANS / "savings-2024")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    assert run_cli("record", "measurement", "sykefravaer", "8,5 %", "--date", "2026-12-31",
                   "--source", "Fraværsstatistikk 2026", "-p", str(plan)).code == 0
    edit(
        plan / "risks.yaml",
        ("      - {date: 2025-01-07, probability: 2, consequence: 5, note: Sammenslåingen er vedtatt i handlingsprogrammet}",
         "      - {date: 2025-01-07, probability: 2, consequence: 5, note: Sammenslåingen er vedtatt i handlingsprogrammet}\n"
         "      - {date: 2026-03-01, probability: 1, consequence: 5, note: Sammenslåingen er gjennomført}"),
    )
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "#### KPI measurements\n\n- **Sykefravær** (`sykefravaer`): 8,5 % on Thu 31 Dec 2026 (Fraværsstatistikk 2026)\n" in out
    assert ("#### Risks\n\n- **Politisk omkamp om skolestrukturen** (`omkamp-skolestruktur`): "
            "score 10 (probability 2 × consequence 5) → score 5 (probability 1 × consequence 5)\n") in out
    assert "Other changes" not in out
    document = json.loads(run_cli("diff", "--git", "HEAD", str(plan), "-f", "json").out)
    assert document["measurements"] == [{
        "change": "added", "kpi": "sykefravaer", "kpi_name": "Sykefravær", "date": "2026-12-31",
        "old": None, "new": "8,5 %", "source": "Fraværsstatistikk 2026",
    }]
    assert document["risks"][0]["old_score"] == 10 and document["risks"][0]["new_score"] == 5


def test_plan_text_cannot_break_the_markdown(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = repo.add_plan(PLANS / "lunner-lean-2012")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    assert run_cli("cancel", "sg-moter", "--occurrence", "2012-06-27", "-p", str(plan)).code == 0
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert out.startswith("### Changes to Prosjektplan Lea\\`n i Lunner 2012–2015 (`lunner-lean-2012`)\n")
