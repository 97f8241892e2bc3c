"""Items dated by a period ('uke 15', 'mars 2025', '2025-W15', 'week: 15') under move,
cancel and diff: a single event moves to the period of the same kind that holds the new
day, written the way the plan writes it; a yearly series dated by a period is refused one
year at a time, with what to do, in the plan's language; diff says the period as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GitRepo, run_cli

PLAN = """\
plan:
  id: perioder
  title: Perioder
  organisation: Test kommune
  owner: kari
  period: {start: 2025-01-01, end: 2025-12-31}
  language: LANG
people:
  - {id: kari, name: Kari}
groups:
  - {id: leiing, name: Leiing, kind: management-team, members: [kari]}
events:
  - id: samling
    title: Samling
    period: uke 15
    participants: [leiing]
  - id: seminar
    title: Seminar
    period: Mars 2025
    participants: [leiing]
  - id: iso
    title: Iso
    period: 2025-W20
    participants: [leiing]
  - id: nummer
    title: Nummer
    week: 30
    participants: [leiing]
  - id: ultimo
    title: Ultimo
    period: ultimo september
    participants: [leiing]
  - id: spenn
    title: Spenn
    period: ultimo september / primo oktober
    participants: [leiing]
  - id: tildeling
    title: Tildelingsbrev
    period: januar
    participants: [leiing]
    repeat: {every: year, until: 2025-12-31}
deadlines:
  - id: innspill
    task: Innspill levert
    period: uke 37
    responsible: [leiing]
"""


@pytest.fixture
def plan(repo: GitRepo, tmp_path: Path):
    def make(language: str = "nb") -> Path:
        source = tmp_path / "source"
        source.mkdir(exist_ok=True)
        (source / "plan.yaml").write_text(PLAN.replace("LANG", language), encoding="utf-8")
        folder = repo.add_plan(source, "perioder")
        repo.commit("start")
        return folder
    return make


@pytest.mark.parametrize(("event", "day", "before", "after"), [
    ("samling", "2025-04-22", "    period: uke 15", "    period: uke 17"),
    ("seminar", "2025-04-01", "    period: Mars 2025", "    period: April 2025"),
    ("iso", "2025-05-28", "    period: 2025-W20", "    period: 2025-W22"),
    ("nummer", "2025-07-30", "    week: 30", "    week: 31"),
    ("ultimo", "2025-10-25", "    period: ultimo september", "    period: ultimo oktober"),
])
def test_move_writes_the_period_that_holds_the_day(
    plan, repo: GitRepo, event: str, day: str, before: str, after: str
) -> None:
    folder = plan()
    result = run_cli("move", str(folder), event, "--date", day)
    assert result.code == 0, result.err
    assert result.out.startswith(f"hendelsen '{event}' flyttet fra ")
    assert repo.changed_lines() == [f"-{before}", f"+{after}"]
    assert run_cli("validate", "--strict", str(folder)).code == 0


def test_move_within_its_period_changes_nothing(plan, repo: GitRepo) -> None:
    result = run_cli("move", str(plan()), "samling", "--date", "2025-04-09")
    assert result.code == 0 and "allerede i uke 15" in result.out
    assert repo.changed_lines() == []


@pytest.mark.parametrize(("event", "day"), [("ultimo", "2025-10-05"), ("spenn", "2025-10-25")])
def test_move_refuses_what_it_cannot_write(plan, repo: GitRepo, event: str, day: str) -> None:
    result = run_cli("move", str(plan()), event, "--date", day)
    assert result.code == 1
    assert "som planverk ikke kan flytte til" in result.err and "ingenting ble skrevet" in result.err
    assert repo.changed_lines() == []


@pytest.mark.parametrize(("language", "said"), [
    ("nb", "'tildeling' er datert med perioden 'januar' og gjentas hvert år: ett enkelt år kan ikke flyttes"),
    ("nn", "'tildeling' er datert med perioden 'januar' og blir gjenteken kvart år: eitt enkelt år kan ikkje flyttast"),
    ("en", "'tildeling' is dated by the period 'januar' and repeats every year: one year of it cannot be moved"),
])
def test_one_year_of_a_series_dated_by_a_period_is_refused_in_the_plans_language(
    plan, repo: GitRepo, language: str, said: str
) -> None:
    folder = plan(language)
    for extra in ((), ("--occurrence", "2025-01-01")):
        result = run_cli("move", str(folder), "tildeling", "--date", "2025-02-03", *extra)
        assert result.code == 1 and said in result.err, result.err
    cancelled = run_cli("cancel", str(folder), "tildeling", "--occurrence", "2025-01-01")
    assert cancelled.code == 1 and "'repeat.except'" in cancelled.err
    assert repo.changed_lines() == []


def test_a_period_has_no_time_to_move(plan) -> None:
    result = run_cli("move", str(plan()), "samling", "--date", "2025-04-22", "--time", "10:00-12:00")
    assert result.code == 2 and "som ikke har noe klokkeslett" in result.err


def test_repeat_changes_on_a_series_dated_by_a_period_says_what_to_do(plan) -> None:
    folder = plan()
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    (folder / "plan.yaml").write_text(text.replace(
        "    repeat: {every: year, until: 2025-12-31}",
        "    repeat: {every: year, until: 2025-12-31, changes: [{occurrence: 2025-01-01, date: 2025-02-03}]}",
    ), encoding="utf-8")
    result = run_cli("validate", str(folder))
    assert "har ingen 'repeat.changes': ett enkelt år kan ikke flyttes eller avlyses" in result.out


def test_diff_says_a_moved_period_as_written(plan, repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = plan()
    for event, day in (("samling", "2025-04-22"), ("iso", "2025-05-28")):
        assert run_cli("move", str(folder), event, "--date", day).code == 0
    text = (folder / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("    period: uke 37\n", "    period: uke 38\n").replace("    period: januar\n", "    period: februar\n")
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(repo.root)
    out = run_cli("diff", "--git", "HEAD", "plans/perioder").out
    assert "**Samling** er flyttet: uke 15 → uke 17 (`samling`)" in out
    assert "**Iso** er flyttet: uke 20 2025 → uke 22 2025 (`iso`)" in out  # an ISO week in words
    assert "**Innspill levert** er flyttet: uke 37 → uke 38 (`innspill`)" in out
    # a yearly series dated by a period: the year's occurrence moved, not removed and added
    assert "**Tildelingsbrev** er flyttet: januar 2025 → februar 2025 (`tildeling`)" in out
    assert "fjernet" not in out and "Andre endringer" not in out  # the period is not told twice
    document = json.loads(run_cli("diff", "--git", "HEAD", "plans/perioder", "-f", "json").out)
    moved = {c["id"]: c for c in document["events"]}
    assert (moved["samling"]["old"]["period"], moved["samling"]["new"]["period"]) == ("uke 15", "uke 17")
    deadline = document["deadlines"][0]
    assert (deadline["old_period"], deadline["new_period"]) == ("uke 37", "uke 38")
