"""The recording commands on a plan written the way people write them: Notepad's CR LF and
byte-order mark, lists flush with their key, nynorsk words, flow and block style mixed,
comments everywhere. Each test is a fault a user met, told through the command line."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, run_cli_en

PLAN = """\
# Omstillingsplan for Fjellvik, skriven for hand i Notepad
plan:
  id: fjellvik-2026
  title: Omstilling i Fjellvik
  organisation: Fjellvik kommune
  owner: siri
  language: nn
  period: {start: 2026-01-01, end: 2027-12-31}

people:
# leiinga
- {id: siri, name: Siri Hauge}
- id: per
  name: Per Aas

savings_targets:
- id: innsparing
  title: Spare ca. 35 mill kroner
  total: 35 mill. kr
  period: {start: 2026-01-01, end: 2027-12-31}

measures:
- id: vikar   # færre vikarar
  title: Færre vikarar
  owner: per
  status: vedteke
  decided_on: 2025-12-10
  savings_target: innsparing
  effect:
    2026: 1 mill. kr

risks:
- {id: r1, title: Tiltaka gir mindre enn venta, probability: 3, consequence: 4, owner: per}
- id: r2
  title: Lågare skatteinngang
  probability: 2
  consequence: 3
  # vurdert på nytt i januar
  assessments: [{date: 2026-01-15, probability: 3, consequence: 3}]
- id: r3
  title: Svikt i IT
  probability: 2
  consequence: 2

scorecards:
- id: kompass
  title: Kommunekompasset
  areas:
  - id: demokrati
    name: Demokrati
    questions:
    - {id: d1, text: Innbyggjardialog, max: 20}
    - {id: d2, text: Lokaldemokrati, max: 20}
  - id: leiing
    name: Leiing
    questions:
    - {id: l1, text: Leiarutvikling, max: 20}
  assessments:
  - organisation: Fjellvik kommune
    year: 2026
    scores:
      demokrati: {d1: 14, d2: 12}
      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust
"""


def _plan(tmp_path: Path, text: str = PLAN) -> Path:
    """The plan as Notepad saves it: a byte-order mark and CR LF line ends."""
    (tmp_path / "plan.yaml").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    return tmp_path


def _text(plan: Path) -> str:
    raw = (plan / "plan.yaml").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")) and raw.count(b"\r\n") == raw.count(b"\n")
    return raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")


def _changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines only ``before`` has, and the lines only ``after`` has."""
    import difflib

    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


# --- record score: a score that is missing ----------------------------------------------


def test_a_score_for_an_area_not_assessed_yet_replaces_its_missing_mark(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "leiing", "l1", "11")
    assert result.code == 0, result.err
    assert "leiing.l1 = 11 (var {missing: ikkje vurdert i 2026})" in result.out
    # the area's neighbour writes { }: so does the area now; its comment stays on its line
    assert _changed(PLAN, _text(plan)) == (
        ["      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust"],
        ["      leiing: {l1: 11}                         # kjem i haust"],
    )
    assert run_cli("validate", str(plan)).code == 0


def test_a_score_for_an_area_written_empty_is_added_in_the_files_style(tmp_path: Path) -> None:
    # a comment on the line keeps its column
    for empty, written in [("      leiing:", "      leiing: {l1: 9}"), ("      leiing: ~", "      leiing: {l1: 9}"),
                           ("      leiing: null    # kjem", "      leiing: {l1: 9} # kjem")]:
        text = PLAN.replace("      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust", empty)
        plan = _plan(tmp_path, text)
        result = run_cli_en("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "leiing", "l1", "9")
        assert result.code == 0, result.err
        assert "leiing.l1 = 9" in result.out
        assert _changed(text, _text(plan)) == ([empty], [written]), empty


def test_a_score_in_block_style_stays_block_and_a_missing_question_gets_its_score(tmp_path: Path) -> None:
    text = PLAN.replace("      demokrati: {d1: 14, d2: 12}\n", "      demokrati:\n        d1: 14\n")
    plan = _plan(tmp_path, text)
    assert run_cli("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "demokrati", "d2",
                   "10").code == 0
    assert run_cli("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "leiing", "l1",
                   "8").code == 0
    assert _changed(text, _text(plan)) == (
        ["      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust"],
        ["        d2: 10", "      leiing:                                  # kjem i haust", "        l1: 8"],
    )


def test_a_missing_mark_written_as_a_block_keeps_its_comment(tmp_path: Path) -> None:
    text = PLAN.replace("      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust",
                        "      leiing:\n        missing: ikkje vurdert  # kjem i haust")
    plan = _plan(tmp_path, text)
    result = run_cli("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "leiing", "l1", "8")
    assert result.code == 0, result.err
    assert _changed(text, _text(plan)) == (
        ["        missing: ikkje vurdert  # kjem i haust"], ["        l1: 8                   # kjem i haust"]
    )


def test_an_area_scored_as_a_whole_is_refused_where_it_stands(tmp_path: Path) -> None:
    text = PLAN.replace("      leiing: {missing: ikkje vurdert i 2026}  # kjem i haust", "      leiing: ca. 12")
    plan = _plan(tmp_path, text)
    result = run_cli("record", "score", str(plan), "kompass", "Fjellvik kommune", "2026", "leiing", "l1", "8")
    assert result.code == 2
    assert f"{plan / 'plan.yaml'}:63:7: Fjellvik kommune 2026 har éin samla poengsum for området 'leiing'" in result.err
    assert _text(plan) == text


# --- record decision: the same status twice ---------------------------------------------


def test_the_same_status_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    first = run_cli("record", "decision", str(plan), "vikar", "--status", "under arbeid", "--date", "2026-03-01")
    assert first.code == 0, first.err
    written = (plan / "plan.yaml").read_bytes()
    for day in ("2026-03-01", "2026-04-01"):  # the same day again, or another day
        again = run_cli("record", "decision", str(plan), "vikar", "--status", "under arbeid", "--date", day)
        assert again.code == 0, again.err
        assert again.out == "ingenting å gjere: tiltaket 'vikar' er alt under arbeid, sidan 1. mars 2026\n"
        assert (plan / "plan.yaml").read_bytes() == written
    today = run_cli_en("record", "decision", str(plan), "vikar", "--status", "in-progress")
    assert (today.code, (plan / "plan.yaml").read_bytes()) == (0, written)
    assert "nothing to do" in today.out
    assert _text(plan).count("status: under arbeid}") == 1


def test_a_status_given_twice_without_a_history_changes_nothing(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    run_cli("record", "decision", str(plan), "vikar", "--status", "lagt bort", "--date", "2026-03-01")
    written = (plan / "plan.yaml").read_bytes()
    again = run_cli_en("record", "decision", str(plan), "vikar", "--status", "dropped", "--date", "2026-05-01")
    assert (again.code, again.out) == (0, "nothing to do: measure 'vikar' is already dropped, since 1 March 2026\n")
    assert (plan / "plan.yaml").read_bytes() == written


def test_an_assessment_given_twice_changes_nothing_as_a_measurement_given_twice(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    before = (plan / "plan.yaml").read_bytes()
    # 'høg' is step 4, as the plan's 3 and 3 are steps 3 and 3
    same = run_cli("record", "assessment", str(plan), "r2", "--probability", "moderat", "--consequence", "3",
                   "--date", "2026-01-15")
    assert (same.code, same.out) == (0, "ingenting å gjere: risikoen 'r2' har alt denne vurderinga 15. januar 2026\n")
    assert (plan / "plan.yaml").read_bytes() == before


# --- refusals name the place to change, in the file as it is -----------------------------


def test_a_refused_assessment_names_the_one_to_change_where_it_stands(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    before = (plan / "plan.yaml").read_bytes()
    result = run_cli("record", "assessment", str(plan), "r2", "--probability", "4", "--date", "2026-01-15")
    assert result.code == 2
    assert result.err == (f"planverk: {plan / 'plan.yaml'}:39:17: risikoen 'r2' har alt ei vurdering "
                          "15. januar 2026: endra henne i fila\n")
    assert (plan / "plan.yaml").read_bytes() == before


def test_findings_of_a_refused_edit_name_lines_of_the_file_as_it_is(tmp_path: Path) -> None:
    # A warning further down (a question without a score) and the refused new value: the
    # block the edit would add above the warning shifted its line by four, and the new
    # value was named at a line the file does not have.
    text = PLAN.replace("      demokrati: {d1: 14, d2: 12}\n", "      demokrati: {d1: 14}\n")
    plan = _plan(tmp_path, text)
    before = (plan / "plan.yaml").read_bytes()
    warned = run_cli_en("validate", str(plan))
    assert warned.code == 0 and f"{plan / 'plan.yaml'}:62:7: warning PV611" in warned.out
    # (a rating off the scale is refused before the plan is read, test_record_values.py: a
    # realised figure in a year no target runs is a refusal of the plan with the edit)
    result = run_cli_en("record", "realised", str(plan), "vikar", "2 mill. kr", "--year", "2029")
    assert result.code == 1
    assert f"{plan / 'plan.yaml'}:62:7: warning PV611" in result.err  # where validate names it
    # the refused value is named at the measure it was given for, a line the file has
    assert f"{plan / 'plan.yaml'}:23:3: error PV632 the realised effect for 2029" in result.err
    assert (plan / "plan.yaml").read_bytes() == before


# --- a new list follows the style of its neighbours ---------------------------------------


def test_a_new_assessments_list_is_written_as_the_neighbouring_risk_writes_its_own(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    result = run_cli("record", "assessment", str(plan), "r3", "--probability", "høg", "--date", "2026-02-01",
                     "--note", "Sjå <script>alert(1)</script>")
    assert result.code == 0, result.err
    assert _changed(PLAN, _text(plan)) == (
        [], ["  assessments: [{date: 2026-02-01, probability: høg, note: Sjå <script>alert(1)</script>}]"]
    )
    assert run_cli("validate", str(plan)).code == 0


def test_a_new_list_copies_block_neighbours_and_their_entries(tmp_path: Path) -> None:
    text = PLAN.replace(
        "  assessments: [{date: 2026-01-15, probability: 3, consequence: 3}]\n",
        "  assessments:\n  - date: 2026-01-15\n    probability: 3\n",
    ).replace(
        "  decided_on: 2025-12-10\n",
        "  decided_on: 2025-12-10\n  status_history:\n  - date: 2025-12-10\n    status: vedteke\n"
        "- id: innkjop\n  title: Innkjøp\n  owner: per\n  status: vedteke\n  decided_on: 2025-11-10\n",
        1,
    )
    plan = _plan(tmp_path, text)
    assert run_cli("record", "assessment", str(plan), "r3", "--probability", "3", "--date", "2026-02-01").code == 0
    assert run_cli("record", "decision", str(plan), "innkjop", "--status", "lagt bort", "--date", "2026-02-01").code == 0
    written = _text(plan)
    assert written.replace("  assessments:\n  - date: 2026-02-01\n    probability: 3\n", "", 1).replace(
        "  status: lagt bort\n  decided_on: 2025-11-10\n  status_history:\n  - date: 2025-11-10\n    status: vedteke\n"
        "  - date: 2026-02-01\n    status: lagt bort\n", "  status: vedteke\n  decided_on: 2025-11-10\n", 1) == text


def test_a_block_item_among_one_line_items_gets_one_line_entries(tmp_path: Path) -> None:
    text = PLAN.replace(
        "- id: r2\n  title: Lågare skatteinngang\n  probability: 2\n  consequence: 3\n  # vurdert på nytt i januar\n"
        "  assessments: [{date: 2026-01-15, probability: 3, consequence: 3}]\n",
        "- {id: r2, title: Lågare skatteinngang, probability: 2, consequence: 3}\n",
    )
    plan = _plan(tmp_path, text)
    assert run_cli("record", "assessment", str(plan), "r3", "--probability", "3", "--date", "2026-02-01").code == 0
    assert _changed(text, _text(plan)) == ([], ["  assessments:", "  - {date: 2026-02-01, probability: 3}"])
