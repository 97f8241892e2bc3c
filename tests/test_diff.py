"""planverk diff: a reviewer's summary of what changed between two versions of a plan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES, PLANS, GitRepo, run_cli, run_cli_en

SINGLE = CASES / "valid" / "single-file"


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def single(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The single-file case written in English: an English plan's diff stays English."""
    plan = repo.add_plan(SINGLE)
    edit(plan / "plan.yaml", ("  organisation: Eksempel kommune\n", "  organisation: Eksempel kommune\n  language: en\n"))
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
    assert result.out == (
        "### Endringer i Prosess 2017 \\#Omstilling (`gran-2017`)\n\nSammenlignet: HEAD → arbeidskopien\n\n"
        "#### Møter og samlinger\n\n"
        "- **Styringsgruppemøte SFI** er flyttet: onsdag 8. februar 2017 kl. 08.30-10.30 → "
        "torsdag 9. februar 2017 kl. 08.30-10.30 (`styringsgruppe-2017-02-08`)\n"
    )  # the date and weekday are the move, not more


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

- **Styringsgruppemøte** cancelled: Wednesday, 13 February 2019 08:30-10:00 (`styringsgruppemote`, occurrence of 13 February 2019)
- **Styringsgruppemøte**: occurrence Wednesday, 12 June 2019 08:30-10:00 removed (`styringsgruppemote`)
- **Samling 1** moved: 4-5 September 2019 09:00-15:00 → 11-12 September 2019 09:00-15:00 (`samling-1`)

#### Membership

- **Kari Nordmann** in Styringsgruppen: leader → deputy
- **Ola Nordmann** left Styringsgruppen
- **Per Hansen** joined Styringsgruppen

#### Deadlines and milestones

- **Send innspill til arbeidsboken** moved: Friday, 20 September 2019 12:00 → Friday, 27 September 2019 12:00 (`innspill`)

#### Other changes

- Person **Per Hansen** (`per`) added
- Role **HR** (`hr`) changed: holders: +`per`, −`ola`
- Event **Samling 1** (`samling-1`) changed: agenda, `Innledning`, date: 4 September 2019 → 11 September 2019; \
agenda, `Oppsummering`, date: 5 September 2019 → 12 September 2019
"""


def test_added_removed_and_cancelled_events_and_a_done_deadline(single: Path) -> None:
    edit(
        single / "plan.yaml",
        ("  - id: samling-1\n    title: Samling 1", "  - id: samling-2\n    title: Samling 2"),
        ("    repeat:\n      every: month", "    status: cancelled\n    repeat:\n      every: month"),
        ("    deliver_to: [kari]", "    deliver_to: [kari]\n    status: done\n    done_on: 2019-09-19"),
    )
    out = run_cli("diff", "--git", "HEAD", str(single)).out
    assert "- **Styringsgruppemøte** cancelled: Wednesday, 9 January 2019 08:30-10:00 (`styringsgruppemote`, all occurrences)" in out
    assert "- **Samling 1** removed: 4-5 September 2019 09:00-15:00, Kulturhuset (`samling-1`)" in out
    assert "- **Samling 2** added: 4-5 September 2019 09:00-15:00, Kulturhuset (`samling-2`)" in out
    assert "- **Send innspill til arbeidsboken** done on Thursday, 19 September 2019 (due Friday, 20 September 2019 12:00) (`innspill`)" in out
    assert "Other changes" not in out


def test_a_series_moved_whole_lists_a_few_occurrences_then_counts(single: Path) -> None:
    edit(single / "plan.yaml", ("    time: 08:30-10:00\n    location: Rådhuset", "    time: 09:00-10:30\n    location: Rådhuset"))
    out = run_cli("diff", "--git", "HEAD", str(single)).out
    moved = [line for line in out.splitlines() if "moved:" in line]
    assert len(moved) == 5
    assert moved[0] == (
        "- **Styringsgruppemøte** moved: Wednesday, 9 January 2019 08:30-10:00 → Wednesday, 9 January 2019 09:00-10:30 "
        "(`styringsgruppemote`, occurrence of 9 January 2019)"
    )
    assert "- … and 1 more occurrences of **Styringsgruppemøte** (moved)" in out
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "--format", "json").out)
    assert len([c for c in document["events"] if c["change"] == "moved"]) == 6  # the cancelled one moved too


def test_json_is_versioned_and_complete(single: Path) -> None:
    edit(single / "plan.yaml", ("{id: ola, name: Ola Nordmann, title: HR-rådgiver}", "{id: ola, name: Ola Nordmann, title: HR-sjef}"))
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "-f", "json").out)
    assert document == {
        "version": 1,
        "plan": {"id": "single-file", "title": "Omstilling 2019", "language": "en"},
        "old": "HEAD",
        "new": "working tree",
        "changed": True,
        "new_plan": False,
        "events": [],
        "members": [],
        "deadlines": [],
        "measurements": [],
        "risks": [],
        "measures": [],
        "savings": [],
        "scores": [],
        "kpi_targets": [],
        "phases": [],
        "errors": [],
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
    shutil.copytree(single, old)
    edit(old / "plan.yaml", ("    location: Kommunehuset", "    location: Rådhuset"))
    folders = run_cli("diff", str(old), str(single))
    assert folders.code == 0, folders.err
    assert "Rådhuset, Møterom 1 → Wednesday, 9 January 2019 08:30-10:00, Kommunehuset, Møterom 1" in folders.out
    repo.commit("move the meetings")
    revisions = run_cli("diff", "--git", "HEAD~1..HEAD", str(single))
    assert revisions.code == 0, revisions.err
    assert "Compared: HEAD~1 → HEAD" in revisions.out
    assert revisions.out.replace("HEAD~1 → HEAD", "") == folders.out.replace(f"{old} → {single}", "")


def test_a_plan_not_in_the_old_revision_is_new(repo: GitRepo, single: Path) -> None:
    plan = repo.add_plan(PLANS / "nordre-follo-2018")
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "Planen er ny: den finnes ikke i HEAD." in out
    assert "- **Sende gruppens svar på oppgave 2b og oppgi gruppens kommunalsjef/stabsleder** er lagt til" in out


def test_a_new_version_with_errors_shows_its_changes_then_its_errors(repo: GitRepo, single: Path) -> None:
    edit(single / "plan.yaml", ("    holders: [ola]", "    holders: [olla]"))
    result = run_cli("diff", "--git", "HEAD", str(single))
    assert result.code == 0, result.err
    changes, errors = result.out.split("#### Errors in the new version\n\n")
    assert changes.endswith("#### Other changes\n\n- Role **HR** (`hr`) changed: holders: +`olla`, −`ola`\n\n")
    assert errors.startswith("The new version has errors to fix before it can be used:\n\n```\n"
                             "plans/single-file/plan.yaml:23:15: error PV201 ")
    assert errors.endswith("\n```\n")
    document = json.loads(run_cli("diff", "--git", "HEAD", str(single), "-f", "json").out)
    assert [(e["code"], e["line"]) for e in document["errors"]] == [("PV201", 23)]
    repo.commit("broken")  # an old version with errors is compared too: it is what a fix starts from
    edit(single / "plan.yaml", ("    holders: [olla]", "    holders: [ola]"))
    fixed = run_cli("diff", "--git", "HEAD", str(single))
    assert fixed.code == 0 and "holders: +`ola`, −`olla`" in fixed.out and "Errors" not in fixed.out


def test_a_new_version_that_does_not_read_says_so(repo: GitRepo, single: Path) -> None:
    (single / "plan.yaml").write_text("plan: [\n", encoding="utf-8")
    result = run_cli("diff", "--git", "HEAD", str(single))
    assert result.code == 0, result.err
    assert result.out.startswith("The new version does not read as a plan, so its changes cannot be shown.\n")
    assert "error PV001" in result.out


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
    result = run_cli_en("diff", *args)
    assert result.code == 2
    assert message in result.err


def test_outside_git_the_git_mode_says_so(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SINGLE, plan)
    result = run_cli_en("diff", "--git", "HEAD", str(plan))
    assert result.code == 2 and "is not in a git repository" in result.err


def test_measurements_added_and_risks_rescored(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = repo.add_plan(PLANS / "savings-2024")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    assert run_cli("record", "measurement", str(plan), "sykefravaer", "8,5 %", "--date", "2026-12-31",
                   "--source", "Fraværsstatistikk 2026").code == 0
    edit(
        plan / "risks.yaml",
        ("      - {date: 2025-01-07, probability: 2, consequence: 5, note: Sammenslåingen er vedtatt i handlingsprogrammet}",
         "      - {date: 2025-01-07, probability: 2, consequence: 5, note: Sammenslåingen er vedtatt i handlingsprogrammet}\n"
         "      - {date: 2026-03-01, probability: 1, consequence: 5, note: Sammenslåingen er gjennomført}"),
    )
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "#### Målinger\n\n- **Sykefravær** (`sykefravaer`): 8,5 % per 31. desember 2026 (Fraværsstatistikk 2026)\n" in out
    assert ("#### Risikoer\n\n- **Politisk omkamp om skolestrukturen** (`omkamp-skolestruktur`): "
            "risiko 10 (sannsynlighet 2 × konsekvens 5) → risiko 5 (sannsynlighet 1 × konsekvens 5)\n") in out
    assert "Andre endringer" not in out
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
    assert run_cli("cancel", str(plan), "sg-moter", "--occurrence", "2012-06-27").code == 0
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert out.startswith("### Endringer i Prosjektplan Lea\\`n i Lunner 2012–2015 (`lunner-lean-2012`)\n")


def test_the_words_of_the_diff_are_the_same_keys_in_every_language() -> None:
    from planverk.review.words import WORDS

    assert set(WORDS) == {"nb", "nn", "en"}
    assert set(WORDS["nn"]) == set(WORDS["nb"]) == set(WORDS["en"])


def test_every_list_of_a_plan_has_a_word_in_the_diff() -> None:
    """An added report or goal choice is named as one, not as 'Elementet'."""
    from planverk.load.planfiles import COLLECTIONS
    from planverk.review.words import WORDS

    assert {f"kind.{kind}" for kind in COLLECTIONS} <= set(WORDS["nb"])


def test_money_scores_kpi_targets_and_phases_in_the_plans_language(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    savings = repo.add_plan(PLANS / "savings-2024")
    scores = repo.add_plan(PLANS / "scorecard-2023")
    repo.commit("start")
    monkeypatch.chdir(repo.root)
    for args in [
        ("record", "decision", str(savings), "barnehagestruktur", "--status", "dropped", "--date", "2026-03-10"),
        ("record", "decision", str(savings), "omsorgsboliger", "--status", "decided", "--date", "2026-03-10"),
        ("record", "realised", str(savings), "innkjop", "3,1 mill. kr", "--year", "2026"),
        ("record", "score", str(scores), "organisasjonsgjennomgang", "Oppvekst og kultur", "2022", "leiarskap", "l1", "5"),
    ]:
        assert run_cli(*args).code == 0, args
    edit(savings / "savings.yaml", ("    total: 40 mill. kr", "    total: 42 mill. kr"), ("      2027: 40 mill. kr", "      2027: 42 mill. kr"))
    edit(savings / "kpis.yaml", ('target: {value: "7,5 %", due: 2026-12-31}', 'target: {value: "7 %", due: 2027-12-31}'))
    out = run_cli("diff", "--git", "HEAD", str(savings)).out
    assert "#### Økonomi\n\n" in out
    target = "**Redusere netto driftsutgifter med 40 mill. kr innen 2027** (`innsparing-2024-2027`)"
    for line in [
        "- Tiltaket **Felles innkjøpsavtaler og færre leverandører** (`innkjop`), realisert: 3,1 mill. kr i 2026",
        "- Tiltaket **Gjøre om 8 sykehjemsplasser til omsorgsboliger med bemanning** (`omsorgsboliger`) er vedtatt 10. mars 2026",
        "- Tiltaket **Samle to små barnehager i ett nytt bygg** (`barnehagestruktur`) er lagt bort: "
        "identifisert innsparing faller med 2,5 mill. kr i 2027",
        f"- Innsparingsmålet {target} er endret: totalt: 40 mill. kr → 42 mill. kr; 2027: 40 mill. kr → 42 mill. kr",
        f"- Identifisert innsparing mot {target}: 2027: 39,4 mill. kr → 36,9 mill. kr",
        "- **Sykefravær** (`sykefravaer`): målet er endret fra 7,5 % innen 31. desember 2026 til 7 % innen 31. desember 2027",
    ]:
        assert line + "\n" in out, line
    assert "Andre endringer" not in out
    document = json.loads(run_cli("diff", "--git", "HEAD", str(savings), "-f", "json").out)
    assert document["savings"][-1]["years"] == [[2027, 39_400_000.0, 36_900_000.0]]
    assert document["savings"][-1]["total"] is None
    goal = next(c for c in document["savings"] if c["change"] == "target")
    # the total has its own key; version 1's readers still find it as year 0 of 'years'
    assert goal["total"] == [40_000_000.0, 42_000_000.0]
    assert goal["years"] == [[0, 40_000_000.0, 42_000_000.0], [2027, 40_000_000.0, 42_000_000.0]]
    assert document["version"] == 1
    nynorsk = run_cli("diff", "--git", "HEAD", str(scores)).out
    assert "### Endringar i Organisasjonsgjennomgang 2023 (`scorecard-2023`)\n" in nynorsk
    assert "#### Poeng\n\n- **Organisasjonsgjennomgang**, Oppvekst og kultur 2022, Leiarskap:" in nynorsk


def test_people_and_phases_moved_in_nynorsk(repo: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source = tmp_path / "nynorsk"
    shutil.copytree(SINGLE, source)
    edit(source / "plan.yaml", ("  organisation: Eksempel kommune\n", "  organisation: Eksempel kommune\n  language: nn\n"))
    plan = repo.add_plan(source)
    repo.commit("start")
    edit(plan / "plan.yaml", ("      - ola\n", ""), ("    period: {start: 2019-01-01, end: 2019-06-30}", "    period: {start: 2019-01-01, end: 2019-08-31}"))
    out = run_cli("diff", "--git", "HEAD", str(plan)).out
    assert "#### Medlemer\n\n- **Ola Nordmann** er ikkje lenger med i Styringsgruppen\n" in out
    assert "#### Fasar\n\n- Fasen **Kartlegging** (`fase-1`) er flytta: 1. januar-30. juni 2019 → 1. januar-31. august 2019\n" in out


def test_a_line_break_in_plan_text_starts_no_heading_in_the_diff(tmp_path: Path) -> None:
    """Plan text stands inline in the diff's sentences: a title holding a line break and
    '# ' stays on its line, escaped, so it can neither start a heading nor add markup."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(PLANS / "gran-2017", old)
    shutil.copytree(PLANS / "gran-2017", new)
    schedule = new / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    renamed = '    title: "SG-møte <b>ny</b>\\n# hei"'
    schedule.write_text(text.replace("    title: Styringsgruppemøte SFI", renamed, 1), encoding="utf-8")

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert "SG-møte \\<b\\>ny\\</b\\> \\# hei" in run.out
    assert not any(line.lstrip().startswith("# hei") for line in run.out.splitlines())


@pytest.mark.parametrize(
    ("language", "added", "renamed"),
    [
        ("nb", "Den rolige perioden **Høstferie** (`2019-09-30/2019-10-04`) er lagt til",
         "Den rolige perioden **Vinterferie 2019** (`2019-02-18/2019-02-22`) er endret: "),
        ("nn", "Den rolege perioden **Høstferie** (`2019-09-30/2019-10-04`)",
         "Den rolege perioden **Vinterferie 2019** (`2019-02-18/2019-02-22`) er endra"),
        ("en", "Quiet period **Høstferie** (`2019-09-30/2019-10-04`)",
         "Quiet period **Vinterferie 2019** (`2019-02-18/2019-02-22`)"),
    ],
)
def test_a_plan_with_quiet_periods_diffs_them_by_their_days(tmp_path: Path, language: str, added: str, renamed: str) -> None:
    """Quiet periods have no id: they are matched by their days, and told like other items
    (diff of any plan with quiet_periods used to stop with a traceback)."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SINGLE, old)
    quiet = "quiet_periods:\n  - {name: Vinterferie, start: 2019-02-18, end: 2019-02-22}\nevents:\n"
    edit(old / "plan.yaml", ("  owner: kari\n", f"  owner: kari\n  language: {language}\n"), ("events:\n", quiet))
    shutil.copytree(old, new)
    edit(
        new / "plan.yaml",
        ("{name: Vinterferie,", "{name: Vinterferie 2019,"),
        ("events:\n", "  - {name: Høstferie, start: 2019-09-30, end: 2019-10-04}\nevents:\n"),
    )

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert added in run.out and renamed in run.out
    assert "Traceback" not in run.err
    document = json.loads(run_cli("diff", str(old), str(new), "-f", "json").out)
    assert {(c["kind"], c["change"], c["id"]) for c in document["other"]} == {
        ("quiet_periods", "added", "2019-09-30/2019-10-04"),
        ("quiet_periods", "changed", "2019-02-18/2019-02-22"),
    }
