"""planverk render through the command line: documents, options, overrides and refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CASES, PLANS, run_cli

MARKS = CASES / "valid" / "render-marks"
AS_OF = "--as-of=2025-01-01"


def test_one_document_goes_to_stdout() -> None:
    result = run_cli("render", str(MARKS), "schedule", AS_OF)
    assert result.code == 0, result.err
    assert result.out.startswith("# Møteplan: Omstilling 2025\n")
    assert result.err == ""


def test_schedule_marks_tentative_cancelled_moved_and_multi_day() -> None:
    out = run_cli("render", str(MARKS), "schedule", AS_OF).out
    assert (
        "| Torsdag 13. februar 2025, kl. 17.00 (foreløpig) | Rådhuset | Orientering i kommunestyret |"
        in out
    )
    assert (
        "| Onsdag 22. januar 2025, kl. 08.30-10.00 | Rådhuset | ~~Styringsgruppemøte~~ **(avlyst)** |"
        in out
    )
    assert "| ~~Seminar~~ **(avlyst)** |" in out
    assert "Styringsgruppemøte (flyttet fra 15. januar 2025)" in out
    assert "| 12.-13. mars 2025, kl. 09.00-15.00 (se egen tidsplan) | Hotellet, Store sal |" in out
    assert "| Tirsdag 6. mai 2025, kl. 18.00-onsdag 7. mai 2025, kl. 15.00 |" in out
    assert [line for line in out.splitlines() if line.startswith("## ")] == [
        "## Januar 2025",
        "## Februar 2025",
        "## Mars 2025",
        "## April 2025",
        "## Mai 2025",
        "## Tidsplan",
    ]


def test_group_keeps_its_events_and_its_slots() -> None:
    out = run_cli("render", str(MARKS), "schedule", AS_OF, "--group", "sektorgruppe-1").out
    assert "Samling for sektorgruppene" in out  # through 'sektorgrupper', which includes it
    assert "Sektorgruppe 1 arbeider" in out and "Felles start" in out
    assert "Sektorgruppe 2 arbeider" not in out
    assert "Styringsgruppemøte" not in out and "Orientering i kommunestyret" not in out


def test_gran_kultur_sees_its_own_review_slot_only() -> None:
    out = run_cli("render", str(PLANS / "gran-2017"), "schedule", AS_OF, "-g", "kultur").out
    assert "KOSTRA-gjennomgang for kultur" in out
    assert "KOSTRA-gjennomgang for barnehagetjenestene" not in out
    assert "Styringsgruppemøte SFI" not in out


def test_groups_sharing_a_subgroup_see_each_others_slots() -> None:
    # PP-tjenesten belongs to both grunnskole and barnehage, so it attends both reviews
    out = run_cli("render", str(PLANS / "gran-2017"), "schedule", AS_OF, "-g", "grunnskole").out
    assert "KOSTRA-gjennomgang for grunnskoletjenestene" in out
    assert "KOSTRA-gjennomgang for barnehagetjenestene" in out
    assert "KOSTRA-gjennomgang for kultur" not in out


def test_output_folder_gets_one_file_per_template(tmp_path: Path) -> None:
    result = run_cli("render", str(MARKS), "-o", str(tmp_path), AS_OF, "--group", "styringsgruppe")
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "schedule-styringsgruppe.md",
        "status-report-styringsgruppe.md",
        "workbook-styringsgruppe.md",
    ]
    assert result.out.count("skrev ") == 3  # the plan's bokmål
    # the same bytes as on stdout, and the same again on a second run
    again = run_cli("render", str(MARKS), "workbook", AS_OF, "--group", "styringsgruppe").out
    assert (tmp_path / "workbook-styringsgruppe.md").read_text(encoding="utf-8") == again


def test_several_documents_need_an_output_folder() -> None:
    result = run_cli("render", str(MARKS), AS_OF, "--lang", "en")
    assert result.code == 2
    assert "give a folder to write them to with -o DIR" in result.err


def test_unknown_template_and_group_are_usage_errors() -> None:
    result = run_cli("render", str(MARKS), "shedule", AS_OF, "--lang", "en")
    assert result.code == 2
    assert "no template 'shedule': did you mean 'schedule'?" in result.err
    result = run_cli("render", str(MARKS), "schedule", AS_OF, "--group", "styringsgrupe", "--lang", "en")
    assert result.code == 2
    assert "did you mean 'styringsgruppe'?" in result.err


def test_a_plan_with_errors_is_not_rendered(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        "plan: {id: x, title: X, organisation: X, period: {start: 2025-01-01, end: 2025-12-31}}\n"
        "events:\n  - {id: m, title: Møte, date: 2025-02-30}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("render", str(tmp_path), "-o", str(out), AS_OF)
    assert result.code == 1
    assert "PV101" in result.err and "ingenting ble laget" in result.err  # the plan's bokmål
    assert result.out == "" and not out.exists()


def test_missing_plan_exits_2(tmp_path: Path) -> None:
    assert run_cli("render", str(tmp_path / "nowhere"), "schedule", AS_OF).code == 2


def test_list_shows_builtins_and_what_they_need() -> None:
    norwegian = run_cli("render", "--list")  # no plan named: bokmål, as validate falls back to
    assert norwegian.code == 0 and "schedule (innebygd: " in norwegian.out and "    trenger: phases" in norwegian.out
    result = run_cli("render", "--list", "--lang", "en")
    assert result.code == 0
    assert re.search(r"^schedule \(built-in: .*schedule\.md\.j2\)$", result.out, re.MULTILINE)
    assert re.search(r"^workbook \(built-in: .*workbook\.md\.j2\)$", result.out, re.MULTILINE)
    assert (
        "    needs: phases, events, roles, deadlines, goals, goal_choices, forms, references, groups"
        in result.out
    )
    assert re.search(
        r"^status-report \(built-in: .*status-report\.md\.j2\)$", result.out, re.MULTILINE
    )
    assert "_macros" not in result.out


def _plan_copy(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "plan.yaml").write_bytes((MARKS / "plan.yaml").read_bytes())
    return plan


def test_plan_templates_override_builtins_and_add_new_ones(tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    (plan / "templates").mkdir()
    (plan / "templates" / "schedule.md.j2").write_text(
        "# Egen plan for {{ plan.organisation }}\n", encoding="utf-8"
    )
    (plan / "templates" / "oversikt.md.j2").write_text(
        "{#- planverk\ndescription: En oversikt.\n-#}\n# {{ events | length }} hendelser\n",
        encoding="utf-8",
    )
    assert (
        run_cli("render", str(plan), "schedule", AS_OF).out == "# Egen plan for Eksempel kommune\n"
    )
    assert run_cli("render", str(plan), "oversikt", AS_OF).out == "# 5 hendelser\n"
    listing = run_cli("render", "--list", str(plan), "--lang", "en").out
    assert "schedule (the plan's templates/, overrides built-in:" in listing
    assert "oversikt (the plan's templates/: " in listing and "    En oversikt." in listing


def test_templates_option_overrides_the_plans_own(tmp_path: Path) -> None:
    plan = _plan_copy(tmp_path)
    (plan / "templates").mkdir()
    (plan / "templates" / "schedule.md.j2").write_text("# Planens\n", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "schedule.md.j2").write_text("# Mine\n", encoding="utf-8")
    assert (
        run_cli("render", str(plan), "schedule", "--templates", str(mine), AS_OF).out == "# Mine\n"
    )


def test_a_template_can_extend_a_builtin_and_replace_a_block(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "workbook.md.j2").write_text(
        '{% extends "builtin/workbook.md.j2" %}\n{% block references %}## Kilder\n\nIngen.\n{% endblock %}\n',
        encoding="utf-8",
    )
    out = run_cli(
        "render", str(PLANS / "nordre-follo-2018"), "workbook", "--templates", str(mine), AS_OF
    ).out
    assert "## Kilder\n\nIngen.\n" in out
    assert "Vil du vite mer?" not in out
    assert "## Roller og oppgaver" in out


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nn",
            [
                "# Møteplan: Omstilling 2025",
                "| Onsdag 8. januar 2025, kl. 08.30-10.00 |",
                "(førebels)",
                "**(avlyst)**",
            ],
        ),
        (
            "en",
            [
                "# Schedule: Omstilling 2025",
                "| Wednesday, 8 January 2025, 08:30-10:00 |",
                "(tentative)",
                "**(cancelled)**",
                "## January 2025",
            ],
        ),
    ],
)
def test_documents_speak_the_plans_language(
    tmp_path: Path, language: str, expected: list[str]
) -> None:
    plan = _plan_copy(tmp_path)
    text = (plan / "plan.yaml").read_text(encoding="utf-8")
    (plan / "plan.yaml").write_text(
        text.replace(
            "  organisation: Eksempel kommune\n",
            f"  organisation: Eksempel kommune\n  language: {language}\n",
        ),
        encoding="utf-8",
    )
    out = run_cli("render", str(plan), "schedule", AS_OF).out
    for piece in expected:
        assert piece in out


def test_gran_schedule_has_the_sources_rows_by_month() -> None:
    out = run_cli("render", str(PLANS / "gran-2017"), "schedule", AS_OF).out
    months = [line[3:] for line in out.splitlines() if line.startswith("## ")]
    assert months == [
        "Februar 2017",
        "Mars 2017",
        "April 2017",
        "Mai 2017",
        "Juni 2017",
        "September 2017",
        "Tidsplan",
    ]
    table = out.split("## Tidsplan")[0]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")][:3]
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith(("| ---", "| Tid |"))
    ]
    assert (
        len(rows) == 21
    )  # every row of the source's table (10 on its first page, 11 on its second)
    assert [
        "Onsdag 8. februar 2017, kl. 08.30-10.30",
        "Gran rådhus",
        "Styringsgruppemøte SFI",
    ] in rows
    assert [
        "Torsdag 16. mars 2017, kl. 11.00 (foreløpig)",
        "Gran rådhus",
        "Orientering i formannskapet",
    ] in rows
    assert [
        "3.-4. mai 2017 (se egen tidsplan)",
        "Gran rådhus",
        "Prosessdager: gjennomgang av KOSTRA-analysen, møte 4 i hver sektorgruppe",
    ] in rows
    assert [
        "30.-31. mai 2017",
        "",
        (
            "Rådmannens strategisamling: sammenstilling av sektorgruppenes arbeid, "
            "status og veien videre"
        ),
    ] in rows
    assert [
        "20.-21. juni 2017, kl. 08.00-16.00",
        "Hadeland hotell",
        "Budsjettseminar for ledere og politikere",
    ] in rows


@pytest.mark.parametrize("section", ["deadlines", "kpis", "measures", "benefits", "risks"])
def test_status_report_shows_what_planverk_status_computes(section: str) -> None:
    plan = str(PLANS / "savings-2024")
    status = run_cli("status", plan, section, "--as-of=2025-10-01", "--format", "markdown").out
    report = run_cli("render", plan, "status-report", "--as-of=2025-10-01").out
    rows = [
        line
        for line in status.splitlines()
        if line.startswith("| ") and not line.startswith("|---")
    ]
    assert rows
    for row in rows:  # the same cells, formatted by the same rules
        assert row.replace("|  |", "| |") in report


def test_status_report_leaves_out_sections_without_data_and_follows_as_of() -> None:
    report = run_cli("render", str(PLANS / "gran-2017"), "status-report", "--as-of=2017-05-01").out
    assert [line for line in report.splitlines() if line.startswith("## ")] == ["## Frister"]
    later = run_cli("render", str(PLANS / "gran-2017"), "status-report", "--as-of=2017-12-01").out
    assert "per 1. desember 2017" in later and "Forfalt (5)" in later


def test_workbook_prints_a_groups_goal_choices_or_room_to_write_them(tmp_path: Path) -> None:
    plan = tmp_path / "nf"
    plan.mkdir()
    for source in (PLANS / "nordre-follo-2018").iterdir():
        (plan / source.name).write_bytes(source.read_bytes())
    goals = (plan / "goals.yaml").read_text(encoding="utf-8")
    goals = goals.replace(
        "  - {group: arbeidsgruppe, theme: tema-trygg-oppvekst}\n",
        "  - group: arbeidsgruppe\n    theme: tema-trygg-oppvekst\n"
        "    goals: [trygghet-og-mestring, barn-medvirker]\n"
        "    justification: Tjenestene våre møter barna hver dag.\n",
    )
    (plan / "goals.yaml").write_text(goals, encoding="utf-8")
    out = run_cli("render", str(plan), "workbook", AS_OF, "--group", "arbeidsgruppe").out
    chosen = out.split("#### Trygg oppvekst")[1].split("####")[0]
    assert (
        "**Valgte mål:**\n\n- Barn og unge i Nordre Follo kommune opplever trygghet og mestring.\n"
        in chosen
    )
    assert "**Begrunnelse:** Tjenestene våre møter barna hver dag." in chosen
    assert (
        "| Hva målene betyr for området, og hvordan de kan settes ut i livet |" in chosen
    )  # still blank
    blank = out.split("#### Aktiv hele livet")[1].split("####")[0]
    assert "| Valgte mål |\n| --- |\n| &nbsp; |" in blank and "| Begrunnelse |" in blank
    assert "**Arbeidsgruppene:**" not in out  # the document is the group's own
    whole = run_cli("render", str(plan), "workbook", AS_OF).out
    assert "**Arbeidsgruppene:**" in whole


def test_an_unwritable_output_folder_is_one_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run_cli("render", str(MARKS), "schedule", AS_OF, "-o", str(blocker / "docs"))
    assert result.code == 2
    assert result.err.startswith("planverk: kan ikke skrive ") and "Traceback" not in result.err
    assert "en del av stien er en fil, ikke en mappe" in result.err
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_workbook_of_a_plan_without_phases_or_groups_has_no_timeline_or_chart(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: {id: p, title: Plan, organisation: Kommunen, period: {start: 2025-01-01, end: 2025-12-31}}\n"
        "events:\n  - {id: e, title: Møte, date: 2025-02-04, time: '09:00-10:00'}\n",
        encoding="utf-8",
    )
    result = run_cli("render", str(plan), "workbook", AS_OF)
    assert result.code == 0, result.err
    assert result.out.startswith("# Plan\n")
    assert "Møte" in result.out
