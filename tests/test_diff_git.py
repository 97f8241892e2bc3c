"""planverk diff --git: the plan is found in each revision as a whole folder, by its id."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLANS, GitRepo, run_cli


@pytest.fixture
def lunner(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan of many files (plan.yaml includes the rest), committed."""
    plan = repo.add_plan(PLANS / "lunner-lean-2012")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    return plan


@pytest.mark.parametrize("target", ["plans/lunner-lean-2012/plan.yaml", "plans/lunner-lean-2012"])
def test_a_plan_of_many_files_is_read_whole_from_git(lunner: Path, target: str) -> None:
    result = run_cli("diff", "--git", "HEAD", target)
    assert result.code == 0, result.err
    assert result.out.endswith(": ingen endringer (HEAD → arbeidskopien).\n")
    assert result.err == ""


def test_a_change_in_an_included_file_is_shown(lunner: Path, repo: GitRepo) -> None:
    events = lunner / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("time: 09:00-11:00", "time: 10:00-12:00", 1),
                      encoding="utf-8")
    repo.commit("new place")
    result = run_cli("diff", "--git", "HEAD~1..HEAD", "plans/lunner-lean-2012/plan.yaml")
    assert result.code == 0, result.err
    assert "**Møte i administrativ styringsgruppe** er flyttet: onsdag 23. mai 2012 kl. 09.00-11.00 → " \
        "onsdag 23. mai 2012 kl. 10.00-12.00" in result.out


def test_findings_about_an_old_version_name_the_repository_not_a_temporary_copy(lunner: Path, repo: GitRepo) -> None:
    (lunner / "risks.yaml").unlink()
    repo.commit("lost a file")
    result = run_cli("diff", "--git", "HEAD", "plans/lunner-lean-2012")
    assert result.code != 0
    assert "HEAD:plans/lunner-lean-2012/plan.yaml:" in result.err
    assert "'risks.yaml'" in result.err and "(HEAD:plans/lunner-lean-2012)" in result.err
    assert "planverk-diff-" not in result.err and "/tmp" not in result.err


def test_a_renamed_plan_folder_is_the_same_plan(lunner: Path, repo: GitRepo) -> None:
    repo.git("mv", "plans/lunner-lean-2012", "plans/lunner-lean")
    moved = run_cli("diff", "--git", "HEAD", "plans/lunner-lean")
    assert moved.code == 0, moved.err
    assert "ingen endringer (HEAD → arbeidskopien)" in moved.out and "Planen er ny" not in moved.out
    repo.commit("rename the folder")
    committed = run_cli("diff", "--git", "HEAD~1..HEAD", "plans/lunner-lean")
    assert committed.code == 0, committed.err
    assert "ingen endringer (HEAD~1 → HEAD)" in committed.out
    repo.git("mv", "plans/lunner-lean", "plans/lunner")  # renamed again, not committed: REV2 has it elsewhere
    again = run_cli("diff", "--git", "HEAD~1..HEAD", "plans/lunner")
    assert again.code == 0, again.err
    assert "ingen endringer (HEAD~1 → HEAD)" in again.out


def test_another_plan_in_the_old_folder_is_not_this_plan(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.add_plan(PLANS / "gran-2017", "plan")
    repo.commit("gran")
    repo.git("rm", "-rq", "plans/plan")
    repo.add_plan(PLANS / "nordre-follo-2018", "plan")
    monkeypatch.chdir(repo.root)
    result = run_cli("diff", "--git", "HEAD", "plans/plan")
    assert result.code == 0, result.err
    assert "Planen er ny: den finnes ikke i HEAD." in result.out


def test_diff_to_a_file_says_what_it_wrote(lunner: Path, tmp_path: Path) -> None:
    # 'diff -o FILE' printed nothing: as render -o and status -o, one line says what was written
    target = tmp_path / "endringar.md"
    result = run_cli("diff", "--git", "HEAD", "plans/lunner-lean-2012", "-o", str(target))
    assert (result.code, result.out, result.err) == (0, f"skrev {target}\n", "")
    assert target.read_text(encoding="utf-8").endswith(": ingen endringer (HEAD → arbeidskopien).\n")
