"""A value given on record's command line that is no rating or no score is the command's
usage error (exit 2) naming its option or argument, in the plan's language, before the plan
is read: not a finding at a line of the file the edit would have written, among the plan's
other findings, with exit 1."""

from __future__ import annotations

from conftest import PLANS, GitRepo, run_cli, run_cli_en


def test_a_rating_that_is_no_rating_names_its_option(repo: GitRepo) -> None:
    plan = str(repo.add_plan(PLANS / "savings-2024"))
    repo.commit("start")
    typo = run_cli("record", "assessment", plan, "lavere-effekt", "--probability", "høgg", "--date", "2024-09-01")
    assert typo.code == 2 and typo.out == ""
    assert typo.err.startswith("planverk: --probability: 'høgg' er ikke en vurdering: skriv 1-5")
    off = run_cli_en("record", "assessment", plan, "lavere-effekt", "--probability", "4", "--consequence", "9",
                     "--date", "2024-09-01")
    assert off.code == 2 and off.err == "planverk: --consequence: 9 is outside the rating scale 1-5\n"
    assert repo.changed_lines() == []
    words = run_cli("record", "assessment", plan, "lavere-effekt", "--probability", "høy", "--consequence", "lav",
                    "--date", "2024-09-01")
    assert words.code == 0, words.err


def test_a_score_that_is_no_score_names_value(repo: GitRepo) -> None:
    plan = str(repo.add_plan(PLANS / "scorecard-2023"))
    repo.commit("start")
    typo = run_cli("record", "score", plan, "organisasjonsgjennomgang", "Oppvekst og kultur", "2022", "leiarskap",
                   "l1", "mykje")
    assert typo.code == 2 and typo.out == ""
    assert typo.err.startswith("planverk: VALUE: 'mykje' er ikkje ein score")  # the plan's nynorsk
    assert repo.changed_lines() == []
    estimate = run_cli("record", "score", plan, "organisasjonsgjennomgang", "Oppvekst og kultur", "2022",
                       "leiarskap", "l1", "ca. 12")
    assert estimate.code == 0, estimate.err


def test_a_value_below_zero_is_told_to_go_after_two_dashes(repo: GitRepo) -> None:
    """'-2,1 %' on the command line is read as the options -2, -, ... by the parser: the error
    says so, quoting the value, and how to give it; with -- before it the value is recorded."""
    plan = str(repo.add_plan(PLANS / "savings-2024"))
    repo.commit("start")
    kpi = ["record", "measurement", plan, "netto-driftsresultat"]
    below = run_cli(*kpi, "-0,4 %", "--date", "2024-06-30")
    assert below.code == 2 and below.out == ""
    assert below.err.startswith("planverk: '-0,4 %' begynner med '-', så det ble lest som et valg: skriv -- foran "
                                "verdiene som begynner med '-' (-- '-0,4 %')")
    realised = run_cli_en("record", "realised", plan, "innkjop", "-1 mill. kr", "--year", "2025")
    assert realised.code == 2 and "'-1 mill. kr' starts with '-', so it was read as an option" in realised.err
    assert repo.changed_lines() == []
    dashed = run_cli(*kpi, "--date", "2024-06-30", "--", "-0,4 %")
    assert dashed.code == 0, dashed.err
    typo = run_cli_en("validate", "--strct", plan)
    assert typo.code == 2 and "there is no option --strct: did you mean --strict?" in typo.err
