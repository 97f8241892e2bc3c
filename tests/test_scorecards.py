"""Scorecards that say what is missing: coverage with every total, comparisons on what both
sides assessed, the per-question view, silences on an assessment."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PLANS, run_cli
from planverk.model import Plan
from planverk.status.scorecards import scorecard_status

KOMPASS = str(PLANS / "kommunekompasset-2024")
AS_OF = ("--as-of", "2024-12-01")


def test_the_overview_shows_each_total_with_its_coverage() -> None:
    out = run_cli("status", KOMPASS, *AS_OF, "-f", "markdown").out
    assert "| **Kommunekompasset: Stavvik kommune 2024** | ca. 322,5 av 800 (31 av 45 spørsmål vurdert) |" in out
    assert "| **Kommunekompasset: Stavvik kommune 2020** | 395 av 800 (45 av 45 spørsmål vurdert) |" in out


def test_a_change_between_years_counts_only_questions_scored_both_years() -> None:
    out = run_cli("status", KOMPASS, "scorecard", *AS_OF, "-f", "markdown").out
    # 322,5 - 395 would be a fall of 72,5 that is only missing data
    assert "+39,5 (31 av 45 vurdert)" in out
    assert "-72,5" not in out
    assert "Endring 2020-2024 for Stavvik kommune regner bare med de 31 av 45 spørsmålene som er vurdert begge år." in out
    assert "| **Sum på felles spørsmål** | 505 | 252 | ca. 288,5 |  | 280 |" in out
    # no gap to the maximum on a partial total; the complete ones keep theirs
    assert "**ca. 322,5** (31 av 45 spørsmål vurdert)" in out
    assert "**395 (-405)**" in out


def test_questions_show_maxima_scores_reasons_and_each_areas_goals() -> None:
    result = run_cli("status", KOMPASS, "scorecard", "--questions", *AS_OF, "-f", "markdown")
    assert result.code == 0, result.err
    out = result.out
    assert "## Kommunekompasset: spørsmål for spørsmål" in out
    assert "| **Politisk styring og kontroll** (Mål: Tydelig politisk styring og god internkontroll) |" in out
    assert "| s5 Vedtak følges opp og rapporteres | ikke oppgitt | 6 | mangler (ikke vurdert i 2024) | – |" in out
    assert "| d2 Kommunestyremøtene strømmes og arkiveres | 20 | 11 | ca. 12 | 12 |" in out
    assert "mangler (området ble ikke evaluert i 2024)" in out


def test_questions_as_csv_are_one_row_per_question_and_assessment() -> None:
    out = run_cli("status", KOMPASS, "scorecard", "--questions", *AS_OF, "-f", "csv").out
    rows = out.splitlines()
    assert rows[0] == "scorecard,area,question,text,organisation,year,score,max,approximate,missing,as_a_whole"
    assert len(rows) == 1 + 45 * 3
    assert "kommunekompasset,tilgjengelighet,t2,Søknader kan sendes digitalt,Stavvik kommune,2024,,20,False,uleselig på lysbildet,False" in rows
    assert "kommunekompasset,lederskap,l1,Lederne har lederavtaler med mål,Stavvik kommune,2024,,20,False,,True" in rows


def test_questions_need_the_scorecard_section() -> None:
    result = run_cli("status", KOMPASS, "--questions", *AS_OF)
    assert result.code == 2
    assert "scorecard --questions" in result.err


def test_documents_show_coverage_and_every_question() -> None:
    result = run_cli("render", KOMPASS, "status-report", *AS_OF)
    assert result.code == 0, result.err
    text = result.out
    assert "**ca. 322,5** (31 av 45 spørsmål vurdert)" in text
    assert "Kommunekompasset: spørsmål for spørsmål" in text


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    plan = tmp_path / "kompass"
    shutil.copytree(PLANS / "kommunekompasset-2024", plan)
    path = plan / "scorecard.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return plan


def test_a_silence_on_an_assessment_silences_only_that_assessment(tmp_path: Path) -> None:
    # the 2024 assessment silences its unscored u6; leave one unscored in 2020 too
    plan = _copy(tmp_path, "u5: 5, u6: 6}", "u5: 5, u6: null}")
    result = run_cli("validate", "--lang", "en", str(plan))
    assert result.code == 0  # a warning
    warnings = [line for line in result.out.splitlines() if " PV611 " in line]
    assert len(warnings) == 1 and "Stavvik kommune 2020 leaves 1 question unscored: utvikling.u6" in warnings[0]


def test_an_assessments_silence_that_silences_nothing_is_reported(tmp_path: Path) -> None:
    plan = _copy(tmp_path, '"7,5", u6: null}', '"7,5", u6: 6}')
    result = run_cli("validate", "--strict", "--lang", "en", str(plan))
    assert result.code == 1
    assert "warning PV900 nothing to silence: PV611" in result.out


def _card(assessments: list[dict]) -> Plan:
    return Plan.model_validate(
        {
            "plan": {"id": "p", "title": "P", "organisation": "O", "period": {"start": "2024-01-01", "end": "2024-12-31"}},
            "scorecards": [
                {
                    "id": "s",
                    "title": "S",
                    "areas": [
                        {
                            "id": "a",
                            "name": "A",
                            "total": 30,
                            "questions": [{"id": f"q{n}", "text": "?", "max": 10} for n in range(3)],
                        },
                        {"id": "b", "name": "B", "total": 20, "questions": [{"id": "x", "text": "?"}, {"id": "y", "text": "?"}]},
                    ],
                    "assessments": assessments,
                }
            ],
        }
    )


def test_an_area_scored_as_a_whole_is_compared_as_a_whole_only_when_the_other_side_has_all_of_it() -> None:
    card = scorecard_status(
        _card(
            [
                {"organisation": "X", "year": 2022, "scores": {"a": {"q0": 5, "q1": 5, "q2": 5}, "b": {"x": 4}}},
                {"organisation": "X", "year": 2023, "scores": {"a": "ca. 21", "b": 12}},
            ]
        ),
        date(2024, 1, 1),
    )[0]
    change = card.changes[0]
    assert change.areas == [6, None]  # a: 21 - 15; b: 2022 assessed only x, so no fair change
    assert (change.compared, change.questions, change.compared_by_area) == (3, 5, [3, 0])
    assert [a.whole for a in card.areas] == [[False, True], [False, True]]
    assert card.approximate == [False, True]
    assert [c.coverage.scored for c in card.columns] == [4, 5]


def test_missing_scores_with_a_reason_count_as_missing_not_scored() -> None:
    card = scorecard_status(
        _card([{"organisation": "X", "year": 2023, "scores": {"a": {"q0": 5, "q1": {"missing": "uleselig"}}, "b": {"missing": "ikke vurdert"}}}]),
        date(2024, 1, 1),
    )[0]
    coverage = card.columns[0].coverage
    assert (coverage.scored, coverage.questions, coverage.missing) == (1, 5, 3)
    assert card.areas[1].missing == ["ikke vurdert"]
    assert card.gaps == [None] and card.totals == [5]


scores = st.one_of(st.none(), st.integers(0, 10))


@settings(max_examples=60, deadline=None)
@given(before=st.lists(scores, min_size=3, max_size=3), after=st.lists(scores, min_size=3, max_size=3))
def test_a_change_is_the_sum_of_the_changes_of_questions_scored_both_years(before, after) -> None:
    def assessment(year: int, values: list[int | None]) -> dict:
        return {"organisation": "X", "year": year, "scores": {"a": {f"q{n}": v for n, v in enumerate(values)}}}

    card = scorecard_status(_card([assessment(2022, before), assessment(2023, after)]), date(2024, 1, 1))[0]
    both = [(b, a) for b, a in zip(before, after) if b is not None and a is not None]
    change = card.changes[0]
    assert change.areas[0] == (sum(a - b for b, a in both) if both else None)
    assert change.compared_by_area[0] == len(both)


# A scorecard as a user writes it: Windows line ends and a byte-order mark, nynorsk, flow
# style, a comma in a quoted score, estimates, an area scored as a whole, hostile names.
USER_PLAN = """\ufeffplan:
  id: brukar-malekort
  title: Målekort for Fjordvik <script>alert(1)</script>
  organisation: Fjordvik kommune
  period: {start: 2024-01-01, end: 2024-12-31}
  language: nn
goals:
- id: open-kommune
  title: Ei open kommune <b>fet</b>
scorecards:
- id: kompass
  title: Kompass =HYPERLINK("http://evil.example","klikk")
  total: 200
  areas:
  - id: demokrati
    name: Demokrati raud
    total: 100
    goals: [open-kommune]
    questions:
    - {id: q1, text: Innsyn ../../etc/passwd, max: 40}
    - {id: q2, text: "=1+1 strøyming"}
    - {id: q3, text: "Høyring | pipe *stjerne*"}
  - id: leiing
    name: Leiing og ansvar
    total: 100
    questions:
    - {id: l1, text: Leiaravtalar, max: 50}
    - {id: l2, text: Delegering, max: 50}
  assessments:
  - organisation: Fjordvik kommune
    year: 2022
    scores:
      demokrati: {q1: 20, q2: 15, q3: 10}
      leiing: {l1: 25, l2: 20}
  - organisation: Fjordvik kommune
    year: 2024
    silence:
    - code: PV611
      reason: Spørsmål q3 var ikkje med på lysbileta.
    scores:
      demokrati: {q1: '7,5', q2: '≈9'}
      leiing: {l1: ca. 30, l2: {missing: uleseleg på lysbiletet}}
  - organisation: "@SUM(1+1) Nabo"
    year: 2024
    scores: {demokrati: 55, leiing: {l1: '~31', l2: 22}}
"""


def _user_plan(tmp_path: Path, language: str = "nn") -> Path:
    path = tmp_path / "plan.yaml"
    text = USER_PLAN.replace("language: nn", f"language: {language}")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_a_comparison_with_an_estimate_in_it_is_an_estimate_too(tmp_path: Path) -> None:
    plan = str(_user_plan(tmp_path))
    assert run_cli("validate", plan).code == 0
    out = run_cli("status", plan, "scorecard", *AS_OF, "-f", "markdown").out
    # q2 and l1 of 2024 are estimates: the changes and the common sum built on them are too
    assert "| ca. -18,5 (2 av 3 vurderte) |" in out
    assert "| ca. +5 (1 av 2 vurdert) |" in out
    assert "| ca. -13,5 (3 av 5 vurderte) |" in out
    assert "| **Sum på felles spørsmål** | 50 | 25 | ca. 30 |  | ca. 31 |" in out
    rows = run_cli("status", plan, "scorecard", *AS_OF, "-f", "csv").out.splitlines()
    assert "kompass,common,,Fjordvik kommune,2022,25,50,,False,1,5,," in rows
    assert "kompass,common,,Fjordvik kommune,2024,30,50,,True,1,5,," in rows
    change = json.loads(run_cli("status", plan, "scorecard", *AS_OF, "-f", "json").out)["data"][0]["changes"][0]
    assert (change["approximate"], change["approximate_total"]) == ([True, True], True)


def test_every_total_says_how_much_was_assessed_in_every_language(tmp_path: Path) -> None:
    expected = {
        "nn": ("**90 (-110)** (5 av 5 spørsmål vurderte)", "**ca. 46,5** (3 av 5 spørsmål vurderte)"),
        "nb": ("**90 (-110)** (5 av 5 spørsmål vurdert)", "**ca. 46,5** (3 av 5 spørsmål vurdert)"),
        "en": ("**90 (-110)** (5 of 5 questions assessed)", "**approx. 46.5** (3 of 5 questions assessed)"),
    }
    for language, (complete, partial) in expected.items():
        plan = str(_user_plan(tmp_path, language))
        for command in (("status", plan, "scorecard"), ("render", plan, "status-report")):
            out = run_cli(*command, *AS_OF, *(("-f", "markdown") if command[0] == "status" else ())).out
            total = next(line for line in out.splitlines() if line.startswith("| **" + ("Total" if language == "en" else "Totalt")))
            assert complete in total and partial in total, (language, command[0], total)


def test_the_scorecard_picture_says_which_scores_are_estimates(tmp_path: Path) -> None:
    run_cli("render", str(_user_plan(tmp_path)), "status-report", *AS_OF, "-o", str(tmp_path / "out"))
    out = (tmp_path / "out" / "status-report.md").read_text(encoding="utf-8")  # -o links the SVG
    alt = next(line for line in out.splitlines() if line.startswith("![Kompass"))
    assert "Fjordvik kommune 2024 ca. 16,5 (2 av 3 vurderte)" in alt
    assert "@SUM(1+1) Nabo 2024 ca. 53" in alt


def test_questions_in_a_workbook_are_a_sheet_of_their_own(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "status.xlsx"
    result = run_cli("status", str(_user_plan(tmp_path)), "scorecard", "--questions", *AS_OF, "-f", "xlsx", "-o", str(out))
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Målekort", "Målekort per spørsmål"]
    rows = list(book["Målekort per spørsmål"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Målekort", "Område", "Spørsmål-id", "Spørsmål")
    assert ("kompass", "leiing", "l2", "Delegering", "Fjordvik kommune", 2024, None, 50, False, "uleseleg på lysbiletet", False) in rows
    assert len(rows) == 1 + 5 * 3


def test_a_plan_with_only_a_scorecard_renders_every_document_and_a_site(tmp_path: Path) -> None:
    plan = str(_user_plan(tmp_path))  # no phases, events or groups: no timeline or org chart
    for fmt in ("md", "html"):
        result = run_cli("render", plan, "-o", str(tmp_path / fmt), "-f", fmt, *AS_OF)
        assert result.code == 0, result.err
    assert "(5 av 5 spørsmål vurderte)" in (tmp_path / "md" / "status-report.md").read_text(encoding="utf-8")
    result = run_cli("site", plan, "-o", str(tmp_path / "site"), *AS_OF)
    assert result.code == 0, result.err
    report = (tmp_path / "site" / "brukar-malekort" / "status-report.html").read_text(encoding="utf-8")
    assert "ca. 46,5" in report and "&lt;b&gt;fet&lt;/b&gt;" in report and "<b>fet</b>" not in report


def test_csv_and_xlsx_carry_the_changes_the_comparison_shows(tmp_path: Path) -> None:
    """The Markdown comparison's change columns (+10, '+3 (3 av 4 vurderte)') are rows of the
    CSV and the workbook too: compared_with the earlier year, score the change."""
    plan = str(PLANS / "scorecard-2023")
    rows = run_cli("status", plan, "scorecard", "--as-of", "2024-06-30", "-f", "csv").out.splitlines()
    assert rows[0].endswith(",missing,compared_with")
    assert "organisasjonsgjennomgang,leiarskap,Leiarskap,Oppvekst og kultur,2023,10,,,False,5,5,,2022" in rows
    assert "organisasjonsgjennomgang,bygg,Bygg og anlegg,Helse og velferd,2023,3,,,False,3,4,,2022" in rows
    assert "organisasjonsgjennomgang,total,,Helse og velferd,2023,56,,,False,32,33,,2022" in rows
    assert "organisasjonsgjennomgang,total,,Helse og velferd,2023,498,800,302,False,33,33,0," in rows
    from openpyxl import load_workbook

    out = tmp_path / "s.xlsx"
    assert run_cli("status", plan, "scorecard", "--as-of", "2024-06-30", "-f", "xlsx", "-o", str(out)).code == 0
    sheet = load_workbook(out)["Målekort"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][-1] == "Endring frå"
    assert ("organisasjonsgjennomgang", "Totalt", None, "Helse og velferd", 2023, 56, None, None, False, 32, 33,
            None, 2022) in values
