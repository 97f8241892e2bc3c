"""Plans written the way process leaders write them, found in a trial as a new user: a
file saved on Windows (CR LF, byte-order mark), lists flush with their key, flow style,
nynorsk, and times and amounts as Norwegian documents write them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

PLAN = """\
plan:
  id: vinje-2026
  title: Omstilling 2026
  organisation: Vinje kommune
  language: nn
  period: {start: 2026-01-01, end: 2026-12-31}
people:
- {id: gunnhild, name: Gunnhild Haugen, title: Prosessleiar}
- {id: olav, name: Olav Bakken, title: Kommunedirektør}
groups:
- id: styringsgruppa
  name: Styringsgruppa
  kind: styringsgruppe
  members:
  - {person: gunnhild, role: leiar}
  - olav
events:
- id: sg-mote
  title: Styringsgruppemøte
  weekday: onsdag
  date: 2026-01-14
  time: {time}
  location: Vinje rådhus
  participants: [styringsgruppa]
savings_targets:
- id: heile
  title: Redusere driftsutgiftene
  total: {total}
  period: {start: 2026-01-01, end: 2026-12-31}
measures:
- id: innkjop
  title: Felles innkjøp
  owner: olav
  status: vedteke
  decided_on: 2026-01-14
  savings_target: heile
  effect: {2026: {effect}}
"""


def windows_plan(folder: Path, time: str = "09:00-11:00", total: str = "3,5 mill. kr",
                 effect: str = "'2 mill. kr'") -> Path:
    """The plan as Notepad on Windows saves it: a byte-order mark and CR LF line ends."""
    text = PLAN.replace("{time}", time).replace("{total}", total).replace("{effect}", effect)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return folder


@pytest.mark.parametrize("written", ["kl. 09.00-11.00", "kl. 09.00-kl. 11.00", "Kl 9.00-11.00", "klokka 09:00-11:00"])
def test_a_time_written_after_kl_is_the_time(tmp_path: Path, written: str) -> None:
    """Schedules write 'kl. 09.00-11.00'; the plan takes it as written (it was PV101)."""
    plan = windows_plan(tmp_path / "plan", time=written)

    checked = run_cli("validate", str(plan))
    schedule = run_cli("render", str(plan), "schedule")

    assert checked.code == 0, checked.out
    assert schedule.code == 0, schedule.err
    assert "kl. 09.00-11.00" in schedule.out


def test_move_takes_a_time_written_after_kl(tmp_path: Path) -> None:
    plan = windows_plan(tmp_path / "plan")
    before = (plan / "plan.yaml").read_bytes()

    moved = run_cli("move", str(plan), "sg-mote", "--date", "2026-01-15", "--time", "kl. 12.00-13.00")

    assert moved.code == 0, moved.err
    after = (plan / "plan.yaml").read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and b"\r\n" in after and b"\n" not in after.replace(b"\r\n", b"")
    changed = [line for line in after.split(b"\r\n") if line not in before.split(b"\r\n")]
    assert changed == [b"  weekday: torsdag", b"  date: 2026-01-15", b"  time: kl. 12.00-13.00"]  # as the user wrote it


@pytest.mark.parametrize(("total", "kroner"), [
    ("kr 3,5 mill.", 3_500_000), ("'kr 350 000'", 350_000), ("NOK 3 mill.", 3_000_000), ("ca. kr 3,5 mill.", 3_500_000),
])
def test_an_amount_with_the_currency_first_is_kroner(tmp_path: Path, total: str, kroner: int) -> None:
    """Tables and invoices write 'kr 3,5 mill.' as often as '3,5 mill. kr' (it was PV101)."""
    plan = windows_plan(tmp_path / "plan", total=total)

    checked = run_cli("validate", str(plan))
    status = run_cli("status", str(plan), "measures", "--format", "json", "--as-of", "2026-06-01")

    assert checked.code == 0, checked.out
    assert status.code == 0, status.err
    assert f'"target": {kroner}' in status.out.replace(".0,", ",").replace(".0\n", "\n")


def test_an_amount_with_the_currency_first_is_refused_when_it_is_no_amount(tmp_path: Path) -> None:
    plan = windows_plan(tmp_path / "plan", total="kr 12 %")

    checked = run_cli("validate", "--lang", "en", str(plan))

    assert checked.code == 1
    assert "plan.yaml:28:10: error PV101" in checked.out and "'kr 12 %' is not a number" in checked.out


def test_record_realised_takes_the_currency_first(tmp_path: Path) -> None:
    plan = windows_plan(tmp_path / "plan")

    recorded = run_cli("record", "realised", str(plan), "innkjop", "kr 1,3 mill.", "--year", "2026")

    assert recorded.code == 0, recorded.err
    assert b"  realised: {2026: 'kr 1,3 mill.'}\r\n" in (plan / "plan.yaml").read_bytes()
    status = json.loads(run_cli("status", str(plan), "measures", "--format", "json", "--as-of", "2026-06-01").out)
    assert "1300000" in json.dumps(status)


@pytest.mark.parametrize(("word", "written"), [("vedteke", "vedteke"), ("decided", "vedteke"), ("Lagt bort", "lagt bort")])
def test_record_decision_takes_the_status_in_the_plans_words(tmp_path: Path, word: str, written: str) -> None:
    """The plan takes 'vedteke'; so does the command that writes it (it refused it in English)."""
    plan = windows_plan(tmp_path / "plan")
    text = (plan / "plan.yaml").read_bytes().replace(b"  status: vedteke\r\n  decided_on: 2026-01-14\r\n", b"")
    (plan / "plan.yaml").write_bytes(text)

    recorded = run_cli("record", "decision", str(plan), "innkjop", "--status", word, "--date", "2026-02-11")

    assert recorded.code == 0, recorded.err
    assert f"  status: {written}\r\n".encode() in (plan / "plan.yaml").read_bytes()


def test_record_decision_refuses_an_unknown_status_in_the_plans_language(tmp_path: Path) -> None:
    plan = windows_plan(tmp_path / "plan")

    refused = run_cli("record", "decision", str(plan), "innkjop", "--status", "avgjort", "--date", "2026-02-11")

    assert refused.code == 2
    assert refused.err == (
        "planverk: 'avgjort' er ikkje gyldig som tiltaksstatus: skriv føreslått, vedteke, under arbeid, "
        "gjennomført eller lagt bort (proposed, decided, in-progress, realised, dropped)\n"
    )


SCORECARD = """\
plan:
  id: kompass-2026
  title: Kommunekompasset
  organisation: Vinje kommune
  language: nn
  period: {start: 2026-01-01, end: 2026-12-31}
scorecards:
- id: kompass
  title: Kommunekompasset
  areas:
  - id: leiing
    name: Leiing
    total: 100
    questions:
    - {id: q1, text: Klare mål, max: 50}
    - {id: q2, text: Oppfølging}
  - id: okonomi
    name: Økonomi
    total: 100
    questions:
    - {id: q1, text: Budsjettet held}
  assessments:
  - organisation: Vinje kommune
    year: 2026
    scores:
      leiing: {q1: ca. 35, q2: {missing: ulesleg på lysbiletet}}
      okonomi: 62
"""


def scorecard_plan(folder: Path, text: str = SCORECARD) -> Path:
    """The scorecard plan as Notepad on Windows saves it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return folder


def test_record_score_says_what_the_file_had_not_a_python_object(tmp_path: Path) -> None:
    """A missing score replaced was told as Python's "Missing(reason='...')"."""
    plan = scorecard_plan(tmp_path / "plan")

    recorded = run_cli("record", "score", str(plan), "kompass", "Vinje kommune", "2026", "leiing", "q2", "41")

    assert recorded.code == 0, recorded.err
    assert recorded.out == (
        "scorekortet 'kompass': Vinje kommune 2026, leiing.q2 = 41 (var {missing: ulesleg på lysbiletet}) "
        f"({plan / 'plan.yaml'})\n"
    )


def test_record_score_refuses_an_area_scored_as_a_whole_in_the_plans_language(tmp_path: Path) -> None:
    plan = scorecard_plan(tmp_path / "plan")
    before = (plan / "plan.yaml").read_bytes()

    refused = run_cli("record", "score", str(plan), "kompass", "Vinje kommune", "2026", "okonomi", "q1", "41")

    assert refused.code == 2
    # named where it stands, to be changed by hand
    assert refused.err.startswith(f"planverk: {plan / 'plan.yaml'}:27:7: Vinje kommune 2026 har éin samla poengsum "
                                  "for området 'okonomi'")
    assert (plan / "plan.yaml").read_bytes() == before


@pytest.mark.parametrize(("language", "line"), [
    ("nn", "- **Kommunekompasset**, Vinje kommune 2026, Leiing: ca. 35 → ca. 76 poeng\n"),
    ("en", "- **Kommunekompasset**, Vinje kommune 2026, Leiing: approx. 35 → approx. 76 points\n"),
])
def test_diff_keeps_an_estimated_score_an_estimate(tmp_path: Path, language: str, line: str) -> None:
    """A score read as 'ca. 35' stayed 'ca.' in status and documents but not in the diff."""
    old = scorecard_plan(tmp_path / "old")
    new = scorecard_plan(tmp_path / "new", SCORECARD.replace("q2: {missing: ulesleg på lysbiletet}", "q2: '≈41'"))

    run = run_cli("diff", str(old), str(new), "--lang", language)

    assert run.code == 0, run.err
    assert line in run.out
    scores = json.loads(run_cli("diff", str(old), str(new), "-f", "json").out)["scores"]
    assert [(s["old"], s["old_approximate"], s["new"], s["new_approximate"]) for s in scores] == [(35, True, 76, True)]


def test_a_decimal_comma_in_a_flow_mapping_of_years_is_one_finding(tmp_path: Path) -> None:
    """'{2027: 3,5 mill. kr}' splits at the comma; the part after it was told twice at one place."""
    plan = windows_plan(tmp_path / "plan", effect="3,5 mill. kr")

    checked = run_cli("validate", "--lang", "en", str(plan))

    assert checked.code == 1
    findings = [line for line in checked.out.splitlines() if ": error " in line]
    assert len(findings) == 1, checked.out
    assert "plan.yaml:37:20: error PV101 effect of measure 'innkjop': inside { } a comma separates entries" in findings[0]
    assert "quote the value (2026: '3,5 mill. kr')" in findings[0]


def test_the_timeline_of_a_nynorsk_workbook_is_a_tidsline(tmp_path: Path) -> None:
    """Its heading said 'Tidsline' and its picture's description the bokmål 'Tidslinje'."""
    plan = windows_plan(tmp_path / "plan")
    with (plan / "plan.yaml").open("ab") as file:
        file.write(b"phases:\r\n- {id: fase, name: Kartlegging, period: {start: 2026-01-05, end: 2026-06-30}}\r\n")

    workbook = run_cli("render", str(plan), "workbook", "-f", "html", "-o", str(tmp_path / "out"))

    assert workbook.code == 0, workbook.err
    page = (tmp_path / "out" / "workbook.html").read_text(encoding="utf-8")
    assert 'aria-label="Tidsline for Omstilling 2026' in page
    assert "Tidslinje" not in page


def test_diff_names_an_added_report_as_a_report(tmp_path: Path) -> None:
    """A report added was told as 'Elementet ... er lagt til'."""
    old = windows_plan(tmp_path / "old")
    new = windows_plan(tmp_path / "new")
    with (new / "plan.yaml").open("ab") as file:
        file.write(b"reports:\r\n- id: tertial\r\n  title: Tertialrapport\r\n  owner: olav\r\n"
                   b"  reporting: {every: tertialvis, due: 2 veker}\r\n")

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert "- Rapporten **Tertialrapport** (`tertial`) er lagd til\n" in run.out


def benefit_plans(folder: Path, steps: bytes, change: tuple[bytes, bytes]) -> tuple[Path, Path]:
    """An old plan with a benefit whose realisation has ``steps``, and a new one where
    ``change`` replaced one text with another."""
    old = windows_plan(folder / "old")
    with (old / "plan.yaml").open("ab") as file:
        file.write(b"benefits:\r\n- id: gevinst\r\n  title: Lagare kostnader\r\n  type: pengar\r\n"
                   b"  measures: [innkjop]\r\n  realisation:\r\n" + steps)
    new = folder / "new"
    new.mkdir()
    (new / "plan.yaml").write_bytes((old / "plan.yaml").read_bytes().replace(*change))
    return old, new


def test_diff_says_which_realisation_step_changed_and_how(tmp_path: Path) -> None:
    """A step marked done was told as 'endra: realisering' and no more."""
    old, new = benefit_plans(
        tmp_path,
        b"  - {id: avtale, date: 2026-05-01, step: Avtale signert, status: open}\r\n"
        b"  - {date: 2026-06-01, step: Fyrste rekning, status: open}\r\n",
        (b"Fyrste rekning, status: open}", b"Fyrste rekning, status: open, responsible: [olav]}"),
    )
    assert run_cli("done", str(new), "avtale", "--date", "2026-05-02").code == 0

    run = run_cli("diff", str(old), str(new))

    assert run.code == 0, run.err
    assert ("- Gevinsten **Lagare kostnader** (`gevinst`) er endra: realisering, `avtale`, status: open → utført; "
            "realisering, `avtale`, utført: (ingen) → 2. mai 2026; realisering, `Fyrste rekning`, ansvarleg: +`olav`\n"
            ) in run.out


def test_diff_of_a_step_added_first_names_that_step_only(tmp_path: Path) -> None:
    """Steps without an id pair by what they say, not by their place: one added first is
    one addition, not every step changed."""
    old, new = benefit_plans(
        tmp_path,
        b"  - {date: 2026-05-01, step: Avtale signert}\r\n  - {date: 2026-06-01, step: Fyrste rekning}\r\n",
        (b"  realisation:\r\n", b"  realisation:\r\n  - {date: 2026-04-01, step: '`<b>` Kartlegging'}\r\n"),
    )

    run = run_cli("diff", str(old), str(new), "--lang", "en")

    assert run.code == 0, run.err
    assert "- Benefit **Lagare kostnader** (`gevinst`) changed: realisation: +`` `<b>` Kartlegging ``\n" in run.out


def test_render_list_describes_the_templates_in_the_plans_language(tmp_path: Path) -> None:
    """`render --list` described every template in English whatever the plan's language; a
    template of the plan's own may give its description per language too."""
    plan = windows_plan(tmp_path / "plan")
    (plan / "templates").mkdir()
    (plan / "templates" / "styresak.md.j2").write_bytes(
        b"{#- planverk\r\ndescription:\r\n  nb: Saksframlegg til styret.\r\n  nn: Saksframlegg til styret, p\xc3\xa5 nynorsk.\r\n"
        b"  en: A paper for the board.\r\n-#}\r\n# {{ plan.title }}\r\n"
    )

    nynorsk = run_cli("render", "--list", str(plan))
    english = run_cli("render", "--list", str(plan), "--lang", "en")

    assert nynorsk.code == 0, nynorsk.err
    assert "    Møteplanen som éin tabell per månad (tid, stad, aktivitet, deltakarar)" in nynorsk.out
    assert "    Arbeidsboka deltakarane har med seg på samlingane" in nynorsk.out
    assert "    Saksframlegg til styret, på nynorsk.\n" in nynorsk.out
    assert "The process schedule" not in nynorsk.out
    assert "    The process schedule as one table per month" in english.out
    assert "    A paper for the board.\n" in english.out


def test_ical_only_writes_the_file_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ical --only person:olav -o olav.ics` made a folder olav.ics/ with people/olav.ics in it."""
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.chdir(tmp_path)

    one = run_cli("ical", str(plan), "--only", "person:olav", "-o", "olav.ics")
    into = run_cli("ical", str(plan), "--only", "person:olav", "-o", "kalender")
    every = run_cli("ical", str(plan), "-o", "alle.ics")

    assert one.code == 0, one.err
    assert one.out == "skreiv olav.ics (1 hending)\n"
    assert (tmp_path / "olav.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert into.code == 0 and (tmp_path / "kalender" / "people" / "olav.ics").is_file()
    assert every.code == 2 and not (tmp_path / "alle.ics").exists()
    assert every.err.startswith("planverk: alle.ics er éi fil, men planen gir mange kalenderstraumar: skriv éin med --only")


@pytest.mark.parametrize(("output", "form"), [("Møteplan.md", "md"), ("møteplan.docx", "docx"), ("plan.HTML", "html")])
def test_render_writes_one_document_to_the_file_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     output: str, form: str) -> None:
    """`render PLAN schedule -o møteplan.docx` made a folder møteplan.docx/ with schedule.docx in it."""
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.chdir(tmp_path)

    one = run_cli("render", str(plan), "schedule", "-f", form, "-o", output)
    every = run_cli("render", str(plan), "-f", form, "-o", f"alle.{form}")

    assert one.code == 0, one.err
    assert one.out == f"skreiv {output}\n"
    assert (tmp_path / output).is_file()
    assert every.code == 2 and not (tmp_path / f"alle.{form}").exists()
    assert every.err == (f"planverk: alle.{form} er éi fil, men det blir 3 dokument: nemn éin mal, "
                         "eller oppgje ei mappe for alle med -o DIR\n")
