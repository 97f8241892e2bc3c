"""planverk diff when a version is missing, or its output cannot be written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CASES, GitRepo, run_cli

SINGLE = CASES / "valid" / "single-file"


@pytest.mark.parametrize("missing", ["nowhere", "empty"])
def test_a_missing_new_version_is_the_same_usage_error_as_a_missing_old_one(tmp_path: Path, missing: str) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SINGLE, plan)
    absent = tmp_path / missing
    if missing == "empty":
        absent.mkdir()
    old_missing = run_cli("diff", str(absent), str(plan))
    new_missing = run_cli("diff", str(plan), str(absent))
    assert old_missing.code == new_missing.code == 2
    assert new_missing.out == ""
    assert new_missing.err == old_missing.err
    assert new_missing.err.startswith(f"{absent}: error PV010 {absent} ")
    assert new_missing.err.endswith(f"planverk: {absent} kan ikke leses som en plan: rett den for å sammenligne\n")


def test_a_plan_folder_without_its_plan_in_the_working_tree_is_a_usage_error(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = repo.add_plan(SINGLE)
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    (plan / "plan.yaml").unlink()
    result = run_cli("diff", "--git", "HEAD", "plans/single-file")
    assert result.code == 2 and result.out == ""
    assert "plans/single-file: error PV010 plans/single-file har ingen plan.yaml" in result.err


def test_an_error_without_a_place_in_a_file_names_the_plan_as_validate_does() -> None:
    from planverk.diagnostics import Finding, Severity
    from planverk.i18n import tr
    from planverk.review.diffreport import finding_line

    found = Finding("PV012", Severity.ERROR, tr("cannot read {file}: {reason}", file="plan.yaml", reason="I/O"))
    assert finding_line(found, "nb", "plans/gran").startswith("plans/gran: error PV012 kan ikke lese plan.yaml")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("nb", "kan ikke skrive {out}: det er en mappe: oppgi navnet på en fil å skrive til"),
        ("nn", "kan ikkje skrive {out}: det er ei mappe: gje namnet på ei fil å skrive til"),
        ("en", "cannot write {out}: it is a folder: give the name of a file to write"),
    ],
)
def test_output_to_a_folder_says_what_to_do_in_the_plans_language(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, language: str, said: str
) -> None:
    plan = repo.add_plan(SINGLE)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(text.replace("  organisation: Eksempel kommune\n",
                                                 f"  organisation: Eksempel kommune\n  language: {language}\n"),
                                    encoding="utf-8")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    out = repo.root / "reports"
    out.mkdir()
    for args in (("status", "plans/single-file", "-f", "markdown"), ("diff", "--git", "HEAD", "plans/single-file")):
        result = run_cli(*args, "-o", "reports")
        assert result.code == 2, args
        assert result.err == f"planverk: {said.format(out='reports')}\n", args
        assert list(out.iterdir()) == []


def test_a_new_plan_that_does_not_read_is_told_in_bokmaal_as_validate_tells_it(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.commit("empty")
    folder = repo.root / "plans" / "ny"
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text("plan: [\n", encoding="utf-8")
    monkeypatch.chdir(repo.root)
    result = run_cli("diff", "--git", "HEAD", "plans/ny")
    assert result.code == 0, result.err
    assert result.out.startswith("Den nye versjonen kan ikke leses som en plan")
    assert "plans/ny/plan.yaml:2:1: error PV001 " in result.out


def test_a_missing_new_version_is_told_in_the_old_versions_language(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(CASES / "valid" / "savings-tree", plan)  # nynorsk
    result = run_cli("diff", str(plan), str(tmp_path / "nowhere"))
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'nowhere'}: error PV010 {tmp_path / 'nowhere'} finst ikkje")
    assert lines[-1].startswith(f"planverk: {tmp_path / 'nowhere'} kan ikkje lesast som ein plan")
