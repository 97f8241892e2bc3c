"""done and cancel: each edit's git diff is only the lines it meant to add or change."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASES, PLANS, GitRepo, run_cli, run_cli_en

SINGLE = CASES / "valid" / "single-file"


def plan_in(repo: GitRepo, source: Path) -> str:
    plan = repo.add_plan(source)
    repo.commit("start")
    return str(plan)


def test_done_adds_status_and_date_after_the_key_before_them(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "nordre-follo-2018")
    result = run_cli_en("done", "frist-revidert-arbeidsbok", "--date", "2018-10-11", "--plan", plan)
    assert result.code == 0, result.err
    assert result.out.startswith("deadline 'frist-revidert-arbeidsbok' marked done on 11 October 2018")
    assert repo.changed_files() == ["plans/nordre-follo-2018/deadlines.yaml"]
    assert repo.changed_lines() == ["+    status: done", "+    done_on: 2018-10-11"]
    # placed after deliver_to, before phase: the model's order; the comment above deliver_to stays
    text = (Path(plan) / "deadlines.yaml").read_text(encoding="utf-8")
    assert "corrected to her address used elsewhere\n    deliver_to: [rikke-baekkevold]\n    status: done\n" in text
    assert run_cli("validate", "--strict", plan).code == 0


def test_done_on_a_flow_mapping_changes_one_line(repo: GitRepo, tmp_path: Path) -> None:
    source = tmp_path / "flow"
    source.mkdir()
    text = (SINGLE / "plan.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: innspill")
    (source / "plan.yaml").write_text(
        text[:start] + "  - {id: innspill, date: 2019-09-20, task: Send innspill, responsible: [hr], status: open}\n",
        encoding="utf-8",
    )
    plan = plan_in(repo, source)
    assert run_cli_en("done", "innspill", "--date", "2019-09-19", "-p", plan).code == 0
    assert repo.changed_lines() == [
        "-  - {id: innspill, date: 2019-09-20, task: Send innspill, responsible: [hr], status: open}",
        "+  - {id: innspill, date: 2019-09-20, task: Send innspill, responsible: [hr], status: done, done_on: 2019-09-19}",
    ]


def test_done_twice_changes_nothing_the_second_time(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "nordre-follo-2018")
    run_cli_en("done", "frist-svar-oppgave-2b", "--date", "2018-09-06", "-p", plan)
    repo.commit()
    again = run_cli_en("done", "frist-svar-oppgave-2b", "--date", "2018-09-06", "-p", plan)
    assert again.code == 0
    assert again.out.startswith("nothing to do: deadline 'frist-svar-oppgave-2b' is already done on 6 September 2018")
    assert repo.changed_lines() == []


def test_cancel_an_event(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "lunner-lean-2012")
    result = run_cli_en("cancel", "pg-2012-05-02", "-p", plan)
    assert result.code == 0, result.err
    assert repo.changed_lines() == ["+    status: cancelled"]
    text = (Path(plan) / "events.yaml").read_text(encoding="utf-8")
    assert 'participants: [prosjektgruppe-kompetansestyring]\n    status: cancelled\n\n  - id: tpo-2012-05-15' in text


def test_cancel_an_occurrence_of_a_series_without_changes(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "lunner-lean-2012")
    result = run_cli_en("cancel", "sg-moter", "--occurrence", "2012-06-27", "-p", plan)
    assert result.code == 0, result.err
    assert result.out.startswith("occurrence 27 June 2012 of 'sg-moter' cancelled")
    assert repo.changed_lines() == [
        "+      changes:",
        "+        - occurrence: 2012-06-27",
        "+          status: cancelled",
    ]
    assert run_cli("validate", "--strict", plan).code == 0


def test_cancel_an_occurrence_appends_to_a_flow_list_of_changes(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    assert run_cli_en("cancel", "styringsgruppemote", "--occurrence", "2019-04-10", "-p", plan).code == 0
    assert repo.changed_lines() == ["+        - {occurrence: 2019-04-10, status: cancelled}"]


def test_cancel_a_moved_occurrence_marks_its_change(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    assert run_cli_en("cancel", "styringsgruppemote", "--occurrence", "2019-03-13", "-p", plan).code == 0
    assert repo.changed_lines() == [
        "-        - {occurrence: 2019-03-13, date: 2019-03-14, note: Kollisjon med kommunestyret}",
        "+        - {occurrence: 2019-03-13, date: 2019-03-14, status: cancelled, note: Kollisjon med kommunestyret}",
    ]


def test_an_edit_keeps_the_layout_of_the_rest_of_the_file(repo: GitRepo, tmp_path: Path) -> None:
    source = tmp_path / "odd"
    source.mkdir()
    text = (SINGLE / "plan.yaml").read_text(encoding="utf-8")
    text = text.replace("  title: Omstilling 2019", "  title:     Omstilling 2019   # spaced out")
    text = text.replace("people:\n  - {id: kari", "people:\n-   {id: kari").replace("\n  - {id: ola", "\n-   {id: ola")
    (source / "plan.yaml").write_text(text, encoding="utf-8")
    plan = plan_in(repo, source)
    result = run_cli_en("done", "innspill", "--date", "2019-09-19", "-p", plan)
    assert result.code == 0, result.err
    assert "not in planverk's layout" not in result.err
    assert repo.changed_lines() == ["+    status: done", "+    done_on: 2019-09-19"]


def test_unknown_ids_and_occurrences_are_usage_errors(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "lunner-lean-2012")
    unknown = run_cli_en("cancel", "sg-moetr", "-p", plan)
    assert unknown.code == 2 and "no event 'sg-moetr' in the plan: did you mean 'sg-moter'?" in unknown.err
    wrong_day = run_cli_en("cancel", "sg-moter", "--occurrence", "2012-06-28", "-p", plan)
    assert wrong_day.code == 2 and "did you mean 23 May 2012 or 27 June 2012?" in wrong_day.err
    single = run_cli_en("cancel", "pg-2012-05-02", "--occurrence", "2012-05-02", "-p", plan)
    assert single.code == 2 and "does not repeat" in single.err
    assert repo.changed_lines() == []


def test_a_plan_with_errors_is_refused_untouched(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    path = Path(plan) / "plan.yaml"
    broken = path.read_text(encoding="utf-8").replace("holders: [ola]", "holders: [olla]")
    path.write_text(broken, encoding="utf-8")
    result = run_cli_en("done", "innspill", "-p", plan)
    assert result.code == 1
    assert "PV201" in result.err and "has errors: fix them first; nothing was written" in result.err
    assert path.read_text(encoding="utf-8") == broken


def test_an_edit_whose_result_would_not_validate_is_refused_untouched(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planverk.edit import roundtrip

    plan = plan_in(repo, SINGLE)
    real = roundtrip.set_key
    monkeypatch.setattr(roundtrip, "set_key", lambda m, k, v, order: real(m, k, "someday", order))
    result = run_cli_en("done", "innspill", "--date", "2019-09-19", "-p", plan)
    assert result.code == 1
    assert "PV101" in result.err and "the edit would leave the plan with errors; nothing was written" in result.err
    assert repo.changed_lines() == []


def test_record_a_measurement_in_date_order(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "savings-2024")
    later = run_cli_en("record", "measurement", "sykefravaer", "8,5 %", "--date", "2026-12-31",
                    "--source", "Fraværsstatistikk 2026", "-p", plan)
    assert later.code == 0, later.err
    assert later.out.startswith("KPI 'sykefravaer': measurement 8,5 % on 31 December 2026 recorded")
    earlier = run_cli_en("record", "measurement", "sykefravaer", "8,6 %", "--date", "2026-03-31", "-p", plan)
    assert earlier.code == 0, earlier.err
    assert repo.changed_files() == ["plans/savings-2024/kpis.yaml"]
    assert repo.changed_lines() == [
        '+      - {date: 2026-03-31, value: "8,6 %"}',
        '+      - {date: 2026-12-31, value: "8,5 %", source: Fraværsstatistikk 2026}',
    ]
    text = (Path(plan) / "kpis.yaml").read_text(encoding="utf-8")
    assert (
        '      - {date: 2025-12-31, value: "8,8 %", source: Fraværsstatistikk 2025}\n'
        '      - {date: 2026-03-31, value: "8,6 %"}\n'
        '      - {date: 2026-06-30, value: "8,7 %", source: Fraværsstatistikk 1. halvår 2026}\n'
        '      - {date: 2026-12-31, value: "8,5 %", source: Fraværsstatistikk 2026}\n'
        "\n"
        "  - id: brukertilfredshet-hjemmetjenesten\n"
    ) in text
    assert run_cli("validate", "--strict", plan).code == 0


def test_the_first_measurement_of_a_kpi_starts_its_list(repo: GitRepo) -> None:
    plan = repo.add_plan(PLANS / "lunner-lean-2012")
    kpis = plan / "kpis.yaml"
    readings = (
        "    measurements:\n"
        '      - {date: 2012-11-15, value: "4,5"}\n'
        '      - {date: 2013-11-14, value: "4,6"}\n'
        '      - {date: 2014-11-13, value: "4,7"}\n'
    )
    text = kpis.read_text(encoding="utf-8")
    assert readings in text  # mu-laering-i-jobben's: taken out, so that the KPI has none
    kpis.write_text(text.replace(readings, "", 1), encoding="utf-8")
    repo.commit("start")
    result = run_cli_en("record", "measurement", "mu-laering-i-jobben", "4,6", "--date", "2013-02-01", "-p", str(plan))
    assert result.code == 0, result.err
    # the file's other KPIs write their readings '- {date: ..., value: ...}': so does this one
    assert repo.changed_lines() == [
        "+    measurements:",
        '+      - {date: 2013-02-01, value: "4,6"}',
    ]


def test_a_measurement_off_the_scale_is_refused_untouched(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "lunner-lean-2012")
    result = run_cli("record", "measurement", "mu-laering-i-jobben", "7", "--date", "2013-02-01", "-p", plan)
    assert result.code == 1
    assert "PV603" in result.err and "7 er utenfor skalaen 1-6" in result.err  # in the plan's bokmål
    assert "ingenting ble skrevet" in result.err  # the refusal too
    assert repo.changed_lines() == []


def test_measurements_that_clash_or_do_not_read_are_usage_errors(repo: GitRepo) -> None:
    plan = plan_in(repo, PLANS / "savings-2024")
    again = run_cli_en("record", "measurement", "sykefravaer", "9,1 %", "--date", "2024-06-30", "-p", plan)
    assert again.code == 0 and again.out.startswith("nothing to do")
    clash = run_cli_en("record", "measurement", "sykefravaer", "9,3 %", "--date", "2024-06-30", "-p", plan)
    assert clash.code == 2 and "already has a measurement on 30 June 2024 (9,1 %)" in clash.err
    unreadable = run_cli_en("record", "measurement", "sykefravaer", "mye", "--date", "2026-12-31", "-p", plan)
    assert unreadable.code == 2 and "'mye' is not a number" in unreadable.err
    assert repo.changed_lines() == []


def test_the_plan_comes_first_and_the_old_plan_option_still_works(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    new = run_cli_en("done", plan, "innspill", "--date", "2019-09-19")
    assert new.code == 0, new.err
    assert new.err == ""
    repo.git("checkout", "--", ".")
    old = run_cli_en("done", "innspill", "--date", "2019-09-19", "-p", plan)
    assert old.code == 0, old.err
    assert "deprecated" in old.err and f"planverk done {plan} innspill" in old.err
    assert repo.changed_lines() == ["+    status: done", "+    done_on: 2019-09-19"]


SAVINGS = PLANS / "savings-2024"


def test_every_record_command_on_the_example_plans(repo: GitRepo) -> None:
    savings = str(repo.add_plan(SAVINGS))
    scores = str(repo.add_plan(PLANS / "scorecard-2023"))
    gran = str(repo.add_plan(PLANS / "gran-2017"))
    repo.commit("start")
    runs = [
        ("record", "realised", savings, "innkjop", "3,1 mill. kr", "--year", "2026"),
        ("record", "decision", savings, "velferdsteknologi", "--status", "realised", "--date", "2026-06-30"),
        ("record", "assessment", savings, "slitasje-ansatte", "--probability", "high", "--consequence", "moderate",
         "--date", "2026-09-01", "--note", "Sykefraværet øker igjen"),
        ("record", "measurement", savings, "sykefravaer", "8,5 %", "--date", "2026-12-31"),
        ("record", "score", scores, "organisasjonsgjennomgang", "Oppvekst og kultur", "2022", "leiarskap", "l1", "15"),
    ]
    for args in runs:
        result = run_cli_en(*args)
        assert result.code == 0, (args, result.err)
        assert result.err == ""
    assert run_cli("validate", savings).code == 0
    assert run_cli("validate", scores).code == 0
    added = [line for line in repo.changed_lines() if line.startswith("+")]
    assert '+    realised: {2024: 2 mill. kr, 2025: "2,8 mill. kr", 2026: "3,1 mill. kr"}' not in added  # see below
    text = (Path(savings) / "savings.yaml").read_text(encoding="utf-8")
    assert 'realised: {2024: "1,6 mill. kr", 2025: "2,8 mill. kr", 2026: "3,1 mill. kr"}' in text
    assert "status: realised\n" in text  # decided_on kept: a realised measure was decided before
    moved = run_cli_en("move", gran, "styringsgruppe-2017-02-08", "--date", "2017-02-15")
    assert moved.code == 0, moved.err
    assert run_cli("validate", gran).code == 0


def test_move_keeps_the_case_and_language_of_the_written_weekday(repo: GitRepo, tmp_path: Path) -> None:
    source = tmp_path / "english"
    source.mkdir()
    text = (SINGLE / "plan.yaml").read_text(encoding="utf-8").replace("weekday: onsdag", "weekday: Wednesday")
    (source / "plan.yaml").write_text(text, encoding="utf-8")
    plan = plan_in(repo, source)
    assert run_cli_en("move", plan, "samling-1", "--date", "2019-09-13").code == 0
    assert "+    weekday: Friday" in repo.changed_lines()
    edit_text = (Path(plan) / "plan.yaml").read_text(encoding="utf-8").replace("weekday: Friday", "weekday: fri")
    (Path(plan) / "plan.yaml").write_text(edit_text, encoding="utf-8")
    assert run_cli_en("move", plan, "samling-1", "--date", "2019-09-17").code == 0
    assert "+    weekday: tue" in repo.changed_lines()
    nynorsk = (Path(plan) / "plan.yaml").read_text(encoding="utf-8").replace("weekday: tue", "weekday: Tysdag")
    (Path(plan) / "plan.yaml").write_text(nynorsk, encoding="utf-8")
    assert run_cli_en("move", plan, "samling-1", "--date", "2019-09-21").code == 0
    assert "+    weekday: Laurdag" in repo.changed_lines()


def test_move_a_meeting_rewrites_its_weekday(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    result = run_cli_en("move", plan, "samling-1", "--date", "2019-09-12")
    assert result.code == 0, result.err
    assert repo.changed_lines() == [
        "-    weekday: onsdag",
        "-    date: 2019-09-04",
        "-    end_date: 2019-09-05",
        "+    weekday: torsdag",
        "+    date: 2019-09-12",
        "+    end_date: 2019-09-13",
        "-      - {date: 2019-09-04, time: '09:00-10:00', topic: Innledning, responsible: [kari]}",
        "-      - {date: 2019-09-05, time: '13:00-15:00', topic: Oppsummering, responsible: [kari]}",
        "+      - {date: 2019-09-12, time: '09:00-10:00', topic: Innledning, responsible: [kari]}",
        "+      - {date: 2019-09-13, time: '13:00-15:00', topic: Oppsummering, responsible: [kari]}",
    ]


def test_move_refuses_a_series_and_moves_one_of_its_meetings(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    series = run_cli_en("move", plan, "styringsgruppemote", "--date", "2019-01-10")
    assert series.code == 2 and "--occurrence" in series.err
    wrong = run_cli_en("move", plan, "styringsgruppemote", "--occurrence", "2019-01-10", "--date", "2019-01-11")
    assert wrong.code == 2 and "did you mean 9 January 2019" in wrong.err
    moved = run_cli_en("move", plan, "styringsgruppemote", "--occurrence", "2019-03-13", "--date", "2019-03-15",
                    "--time", "09:00-11:00")
    assert moved.code == 0, moved.err
    assert repo.changed_lines() == [
        "-        - {occurrence: 2019-03-13, date: 2019-03-14, note: Kollisjon med kommunestyret}",
        "+        - {occurrence: 2019-03-13, date: 2019-03-15, time: '09:00-11:00', note: Kollisjon med kommunestyret}",
    ]


def test_record_commands_refuse_what_does_not_read(repo: GitRepo) -> None:
    savings = plan_in(repo, SAVINGS)
    assert run_cli_en("record", "realised", savings, "innkjop", "mye", "--year", "2026").code == 2
    area = run_cli_en("record", "score", savings, "x", "Oppvekst", "2022", "a", "q", "1")
    assert area.code == 2 and "no scorecard 'x'" in area.err
    same_day = run_cli_en("record", "assessment", savings, "lavere-effekt", "--probability", "2", "--date", "2025-06-03")
    assert same_day.code == 2 and "already has an assessment on 3 June 2025" in same_day.err
    proposed = run_cli_en("record", "realised", savings, "omsorgsboliger", "1 mill. kr", "--year", "2026")
    assert proposed.code == 1 and "PV606" in proposed.err
    assert repo.changed_lines() == []


def test_done_outside_the_plan_period_needs_force(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    slip = run_cli_en("done", "innspill", "--date", "2091-09-19", "-p", plan)
    assert slip.code == 1
    assert "19 September 2091 is outside the plan period (1 January 2019 to 31 December 2019)" in slip.err
    assert "--force" in slip.err
    assert repo.changed_lines() == []
    forced = run_cli_en("done", "innspill", "--date", "2091-09-19", "--force", "-p", plan)
    assert forced.code == 0, forced.err
    assert repo.changed_lines() == ["+    status: done", "+    done_on: 2091-09-19"]


def test_done_again_on_another_date_says_what_it_replaces_and_needs_force(repo: GitRepo) -> None:
    plan = plan_in(repo, SINGLE)
    assert run_cli_en("done", "innspill", "--date", "2019-09-19", "-p", plan).code == 0
    repo.commit()
    again = run_cli_en("done", "innspill", "--date", "2019-09-26", "-p", plan)
    assert again.code == 1
    assert "was already done on 19 September 2019: this would replace that date with 26 September 2019" in again.err
    assert repo.changed_lines() == []
    forced = run_cli_en("done", "innspill", "--date", "2019-09-26", "--force", "-p", plan)
    assert forced.code == 0, forced.err
    assert repo.changed_lines() == ["-    done_on: 2019-09-19", "+    done_on: 2019-09-26"]


SILENCED = """\
plan:
  id: stille
  title: Stille
  organisation: Test kommune
  owner: kari
  period: {start: 2025-01-01, end: 2025-12-31}
people:
  - {id: kari, name: Kari}
events:
  - id: a
    title: Saturday seminar
    date: 2025-03-01
    time: 09:00-10:00
    participants: [kari]
    silence:
      - {code: PV403, reason: The seminar is on a Saturday by design}
    # the next meeting
  - id: b
    title: Staff meeting
    date: 2025-03-04
    time: 09:30-11:00
    participants: [kari]
deadlines:
  - {id: d, date: 2025-04-17, task: Send the draft, responsible: kari, silence: [{code: PV500, reason: Kari sends it herself}]}
  - id: e
    date: 2025-04-21
    task: Send the budget
    responsible: kari
    silence: [{code: PV500, reason: Kari sends it herself}]
"""


@pytest.mark.parametrize(("command", "expected"), [
    (("cancel", "PLAN", "a"), "    participants: [kari]\n    status: cancelled\n    silence:\n"),
    (("done", "PLAN", "e", "--date", "2025-04-20"),
     "    responsible: kari\n    status: done\n    done_on: 2025-04-20\n    silence: [{code: PV500"),
    (("done", "PLAN", "d", "--date", "2025-04-16"),
     "responsible: kari, status: done, done_on: 2025-04-16, silence: [{code: PV500"),
])
def test_a_new_key_goes_above_the_items_closing_silence(
    repo: GitRepo, tmp_path: Path, command: tuple[str, ...], expected: str
) -> None:
    source = tmp_path / "silenced"
    source.mkdir()
    (source / "plan.yaml").write_text(SILENCED, encoding="utf-8")
    plan = plan_in(repo, source)
    result = run_cli_en(*(plan if a == "PLAN" else a for a in command))
    assert result.code == 0, result.err
    text = (Path(plan) / "plan.yaml").read_text(encoding="utf-8")
    assert expected in text
    assert "    # the next meeting\n  - id: b\n" in text  # the comment stays with what follows it
    # a cancelled event is not checked: its silence is not reported unused (PV900)
    assert run_cli("validate", "--strict", plan).code == 0


@pytest.mark.parametrize(
    ("words", "missing", "usage"),
    [
        (["done"], "ID", "planverk done PLAN ID"),
        (["cancel"], "EVENT", "planverk cancel PLAN EVENT"),
        (["move"], "EVENT", "planverk move PLAN EVENT"),
        (["record", "measurement", "!", "kpi-x"], "VALUE", "planverk record measurement PLAN KPI VALUE"),
    ],
)
def test_a_plan_named_first_with_an_argument_missing_is_told_the_argument(
    repo: GitRepo, words: list[str], missing: str, usage: str
) -> None:
    """`planverk done PLAN` (the ID forgotten) says ID is missing, in the plan's language; it is
    not read as the old `done ID` of the current folder with a note to write `done . PLAN`."""
    plan = plan_in(repo, SINGLE)
    args = [plan if word == "!" else word for word in words]
    if "!" not in words:
        args.append(plan)
    result = run_cli_en(*args)
    assert result.code == 2
    assert result.err == f"planverk: give {missing}: write {usage}\n"
    assert "deprecated" not in result.err
    nynorsk = run_cli(*args, "--lang", "nn")
    assert nynorsk.code == 2 and f"oppgje {missing}: skriv {usage}" in nynorsk.err
    assert repo.changed_lines() == []
