"""What a new-user trial found speaking the wrong language or reading a setting its own way,
tried through the command line on plans written as users write them (CR LF, byte-order
mark, nynorsk, flow style)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from test_written_as_users_write import windows_plan

REFUSED_EPOCH = ("sett den til tiden for planens siste commit (git log -1 --format=%ct), eller fjern den",
                 "set han til tida for den siste commiten til planen (git log -1 --format=%ct), eller fjern han")


@pytest.mark.parametrize(("epoch", "said"), [("-1", "er før 1970"), ("1.5", "er ikkje eit heilt tal sekund sidan 1970")])
def test_word_documents_read_source_date_epoch_as_calendars_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str, said: str
) -> None:
    """A negative SOURCE_DATE_EPOCH was silently ignored by Word output while calendars refuse it."""
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)

    for args in (("render", str(plan), "-f", "docx", "-o", str(tmp_path / "word")),
                 ("ical", str(plan), "-o", "-")):
        refused = run_cli(*args)

        assert refused.code == 2, args
        assert refused.err == f"planverk: SOURCE_DATE_EPOCH={epoch} {said}: {REFUSED_EPOCH[1]}\n", args
    assert not (tmp_path / "word").exists()


def test_word_documents_take_their_file_times_from_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = windows_plan(tmp_path / "plan")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1700000000\n")  # as $(git log -1 --format=%ct) may carry it

    written = run_cli("render", str(plan), "workbook", "-f", "docx", "-o", str(tmp_path / "word"))

    assert written.code == 0, written.err
    with zipfile.ZipFile(tmp_path / "word" / "workbook.docx") as document:
        assert document.getinfo("word/document.xml").date_time[:3] == (2023, 11, 14)


SERIES = """\
plan:
  id: serie-{language}
  title: Omstilling 2026
  organisation: Vinje kommune
  language: {language}
  period: {start: 2026-01-01, end: 2026-12-31}
people:
- {id: gunnhild, name: Gunnhild Haugen}
events:
- id: sg-mote
  title: Styringsgruppemøte
  date: 2026-01-07
  time: {time}
  participants: [gunnhild]
  repeat:
    every: week
    until: 2026-03-25
    except: [2026-02-19]
    changes:
    - {occurrence: 2026-02-20, status: cancelled}
"""


def series_plan(folder: Path, language: str) -> Path:
    folder.mkdir(parents=True)
    time = "09:00-11:00" if language == "nn" else "13:00-15:00"  # two plans meet at different times
    text = SERIES.replace("{language}", language).replace("{time}", time)
    (folder / "plan.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return folder


@pytest.mark.parametrize(("language", "pv309", "pv307"), [
    ("nn", "torsdag 19. februar 2026 under 'except' er ikkje ein dato i serien, så det er ingenting å ta ut: "
           "fjern datoen, eller skriv datoen som skal takast ut (nærmaste dato i serien er onsdag 18. februar 2026)",
     "fredag 20. februar 2026 under 'changes' er ikkje ein dato i serien, så det er ingenting å endre: "
     "skriv datoen som skal endrast (nærmaste dato i serien er onsdag 18. februar 2026)"),
    ("nb", "torsdag 19. februar 2026 under 'except' er ikke en dato i serien, så det er ingenting å ta ut: "
           "fjern datoen, eller skriv datoen som skal tas ut (nærmeste dato i serien er onsdag 18. februar 2026)",
     "fredag 20. februar 2026 under 'changes' er ikke en dato i serien, så det er ingenting å endre: "
     "skriv datoen som skal endres (nærmeste dato i serien er onsdag 18. februar 2026)"),
])
def test_a_date_that_misses_the_series_says_what_to_write_in_the_plans_language(
    tmp_path: Path, language: str, pv309: str, pv307: str
) -> None:
    """PV309 said 'unntaket ... er ikke en forekomst i serien uansett' (English 'anyway'), and
    neither it nor PV307 said what to do."""
    plan = series_plan(tmp_path / "plan", language)

    checked = run_cli("validate", str(plan))

    lines = checked.out.splitlines()
    assert f"{plan / 'plan.yaml'}:18:14: warning PV309 {pv309}" in lines
    assert f"{plan / 'plan.yaml'}:20:20: error PV307 {pv307}" in lines


def test_plans_in_two_languages_each_have_their_summary_and_the_total_is_bokmal(tmp_path: Path) -> None:
    """One summary line in the first plan's language told the nynorsk plan's count in bokmål."""
    nynorsk, bokmal = series_plan(tmp_path / "nn", "nn"), series_plan(tmp_path / "nb", "nb")

    for fmt in ("human", "github"):
        checked = run_cli("validate", "-f", fmt, str(nynorsk), str(bokmal))

        assert checked.code == 1
        assert checked.out.splitlines()[-3:] == [
            "serie-nn: 1 feil, 1 åtvaring i 1 fil",
            "serie-nb: 1 feil, 1 advarsel i 1 fil",
            "til sammen: 2 feil, 2 advarsler i 2 filer",
        ], fmt
    assert "ikkje ein dato i serien" in checked.out and "ikke en dato i serien" in checked.out

    same = run_cli("validate", str(nynorsk), str(nynorsk))
    chosen = run_cli("validate", "--lang", "en", str(nynorsk), str(bokmal))

    assert re.fullmatch(r"2 feil, \d+ åtvaringar i 2 filer", same.out.splitlines()[-1])  # and PV405 with itself
    assert "serie-nn:" not in same.out and "til sammen" not in same.out
    assert chosen.out.splitlines()[-1] == "2 errors, 2 warnings in 2 files"


def test_fmt_of_plans_in_two_languages_counts_in_bokmal(tmp_path: Path) -> None:
    nynorsk, bokmal = series_plan(tmp_path / "nn", "nn"), series_plan(tmp_path / "nb", "nb")

    mixed = run_cli("fmt", "--check", str(nynorsk), str(bokmal))
    alone = run_cli("fmt", "--check", str(nynorsk))

    assert mixed.code == alone.code == 1
    assert mixed.out.splitlines()[-1] == "2 filer er ikke i planverks oppsett: kjør planverk fmt"
    assert alone.out.splitlines()[-1] == "1 fil er ikkje i oppsettet til planverk: køyr planverk fmt"


def _paste_colour(path: Path, after: bytes) -> None:
    """A colour code pasted from a terminal (ESC [ 3 1 m) typed into the file after ``after``."""
    path.write_bytes(path.read_bytes().replace(after, after + b"\x1b[31m", 1))


@pytest.mark.parametrize("where", ["plan.yaml", "people.yaml"])
def test_a_control_character_typed_in_a_file_is_refused_where_it_is_in_the_plans_language(
    tmp_path: Path, where: str
) -> None:
    """It was PV001 at 1:1 with the YAML reader's English ('unacceptable character #x001b:
    control characters are not allowed\\n in "<unicode string>", position 183')."""
    plan = windows_plan(tmp_path / "plan")
    people = (plan / "plan.yaml").read_bytes().split(b"people:\r\n")
    (plan / "plan.yaml").write_bytes(people[0] + b"include: [people.yaml]\r\n")
    (plan / "people.yaml").write_bytes(b"\xef\xbb\xbfpeople:\r\n" + people[1])
    _paste_colour(plan / where, b"Olav Bakken" if where == "people.yaml" else b"title: Omstilling")

    checked = run_cli("validate", str(plan))
    shown = run_cli("status", str(plan))

    column = 31 if where == "people.yaml" else 20  # right after 'Olav Bakken', after 'Omstilling'
    assert checked.code == shown.code == 1
    assert checked.out.splitlines()[0] == (
        f"{plan / where}:3:{column}: error PV016 kontrollteiknet U+001B står i fila (limt inn frå ein "
        "terminal eller eit anna program?): fjern det"
    )
    assert checked.out.splitlines()[-1].startswith("1 feil, 0 åtvaringar i ")
    assert shown.err.splitlines()[-2:] == [checked.out.splitlines()[-1],
                                           f"planverk: {plan} har feil: rett dei først; ingen status vart vist"]


def test_one_file_of_a_nynorsk_plan_checked_alone_speaks_nynorsk(tmp_path: Path) -> None:
    """An editor (or a person) checks the file they have open: its plan's language is in plan.yaml."""
    plan = windows_plan(tmp_path / "plan")
    (plan / "more.yaml").write_bytes(b"\xef\xbb\xbfpeople:\r\n- {id: siri, name: Siri\x1b[31m Dahl}\r\n")

    checked = run_cli("validate", str(plan / "more.yaml"))

    assert checked.code == 1
    assert "kontrollteiknet U+001B står i fila" in checked.out
    assert checked.out.splitlines()[-1] == "1 feil, 0 åtvaringar i 1 fil"


def test_many_control_characters_typed_in_a_file_are_counted_past_twenty(tmp_path: Path) -> None:
    plan = windows_plan(tmp_path / "plan")
    text = (plan / "plan.yaml").read_bytes()
    (plan / "plan.yaml").write_bytes(text.replace(b"Omstilling 2026", b"Omstilling\x07" * 25, 1))

    checked = run_cli("validate", str(plan))

    lines = checked.out.splitlines()
    assert sum("kontrollteiknet U+0007 står i fila" in line for line in lines) == 20
    assert lines[-2].endswith("error PV016 og 5 kontrollteikn til i denne fila, ikkje viste: fjern dei over, og valider på nytt")
    assert lines[-1] == "21 feil, 0 åtvaringar i 1 fil"


TEMPLATE_FAULTS = {
    "{% for e in events %}\n- {{ e.title }\n{% endfor %}\n":
        ("4", "'}' der det ikkje høyrer heime: sjekk at kvar '{{' blir lukka med '}}', kvar '{%' med '%}', "
              "og kvar parentes"),
    "{% for e in events %}\n- {{ e.title }}\n":
        ("4", "malen sluttar før '{% for %}' er lukka: legg til '{% endfor %}' der blokka sluttar"),
    "{% if %}\n":
        ("3", "det manglar ein verdi framfor '%}': t.d. '{% if event.room %}', '{{ plan.title }}'"),
    "{% for e in events %}{% endif %}\n":
        ("3", "'{% endif %}' der '{% endfor %}' først skulle ha lukka den opne '{% for %}': lukk blokkene i "
              "den rekkjefølgja dei vart opna, og sjekk skrivemåten"),
    "{% macro m(a=1, b) %}{% endmacro %}\n":
        ("3", "eit argument til ein makro utan standardverdi kjem etter eit med standardverdi: set argumenta "
              "med standardverdi sist"),
    "{{ 'x' * 2000000 }}\n":
        ("3", "sandkassen avviste det: ein verdi på 2 000 000 teikn eller element; det meste er 1 000 000: "
              "malar har grenser (sjå «Limits» i docs/templates.md)"),
    "{% for i in range(3000) %}{% for j in range(3000) %}{% endfor %}{% endfor %}\n":
        ("3", "sandkassen avviste det: malen gjorde meir enn 5 000 000 steg (løkker i løkker?): malar har "
              "grenser (sjå «Limits» i docs/templates.md)"),
    "{{ plan.title | center(5000000) }}\n":
        ("3", "sandkassen avviste det: 'center' med 5 000 000; ei breidd eller eit tal kan vere høgst "
              "1 000 000: malar har grenser (sjå «Limits» i docs/templates.md)"),
}


@pytest.mark.parametrize("source", list(TEMPLATE_FAULTS))
def test_a_users_template_that_fails_is_told_in_the_plans_language_at_its_file_and_line(
    tmp_path: Path, source: str
) -> None:
    """Jinja's syntax errors and the sandbox's limits were English in a nynorsk plan."""
    plan = windows_plan(tmp_path / "plan")
    (plan / "templates").mkdir()
    (plan / "templates" / "vedlegg.md.j2").write_text("# {{ plan.title }}\n\n" + source, encoding="utf-8")

    rendered = run_cli("render", str(plan), "vedlegg", "-o", str(tmp_path / "ut"))

    line, said = TEMPLATE_FAULTS[source]
    assert rendered.code == 2
    assert rendered.err == f"planverk: {plan / 'templates' / 'vedlegg.md.j2'}:{line}: {said}\n"
    assert not (tmp_path / "ut").exists()


USAGE_FAULTS = {
    ("status", "{plan}", "--format", "xyz"):
        "--format kan ikkje vere 'xyz': skriv auto, rich, markdown, csv, json eller xlsx (sjå 'planverk status -h')",
    ("status", "{plan}", "--as-of", "30.01.2026"):
        "--as-of: '30.01.2026' er ikkje ein dato skriven YYYY-MM-DD: skriv t.d. 2026-01-30 (sjå 'planverk status -h')",
    ("status", "{plan}", "--as-of", "2026-02-30"):
        "--as-of: '2026-02-30' er ingen dag i kalenderen: februar 2026 har 28 dagar; gje ein dato som finst, "
        "t.d. 2026-02-28 (sjå 'planverk status -h')",
    ("status", "{plan}", "--as-of"):
        "--as-of treng ein verdi etter seg: skriv --as-of YYYY-MM-DD (sjå 'planverk status -h')",
    ("status", "{plan}", "--days", "-1"):
        "--days tek eit tal som er minst 0 (sjå 'planverk status -h')",
    ("status", "{plan}", "--frmat", "json"):
        "det finst ikkje noko val --frmat: meinte du --format? (sjå 'planverk status -h')",
    ("validate", "--strict=ja", "{plan}"):
        "--strict tek ingen verdi: skriv --strict åleine (sjå 'planverk validate -h')",
    ("record", "score", "{plan}", "kort", "skule", "i fjor", "a", "q", "3"):
        "YEAR tek eit heilt tal, skrive med siffer (sjå 'planverk record score -h')",
    ("move", "{plan}", "sg-mote", "2026-02-11"):
        "'2026-02-11' er meir enn kommandoen tek imot: verdien til eit val står rett etter namnet "
        "(--date 2026-03-01), og ein tekst med mellomrom står i hermeteikn (sjå 'planverk move -h')",
    ("statsu", "{plan}"):
        "'statsu' er ingen kommando: meinte du 'status'? (sjå 'planverk -h')",
    ("record", "{plan}"):
        "'{plan}' er ingen kommando: oppgje ein av assessment, decision, measurement, realised eller score "
        "(sjå 'planverk record -h')",
    ("render", "{plan}", "-f", "pdf", "--lang", "en"):
        "--format cannot be 'pdf': write md, docx or html (see 'planverk render -h')",
    ("status",):
        "oppgi PLAN: skriv planverk status PLAN [SECTION] (se 'planverk status -h')",
    ("site", "{plan}", "-o"):  # a value missing at the end of the line was a traceback once
        "-o treng ein verdi etter seg: skriv -o {metavar} (sjå 'planverk site -h')",
    ("ical", "{plan}", "--only", "plan"):
        "oppgje --output: skriv --output {metavar} (sjå 'planverk ical -h')",
}


@pytest.mark.parametrize("args", list(USAGE_FAULTS), ids=" ".join)
def test_a_usage_error_is_said_in_the_plans_language_with_what_to_do(tmp_path: Path, args: tuple[str, ...]) -> None:
    """They were click's English with pydantic's 'Value error,' ('Invalid value for '--format' /
    '-f': Value error, 'xyz' is not one of ...'), whatever the plan's language."""
    plan = str(windows_plan(tmp_path / "plan"))

    refused = run_cli(*(word.replace("{plan}", plan) for word in args))

    assert refused.code == 2
    assert refused.out == ""
    said = re.escape(f"planverk: {USAGE_FAULTS[args].replace('{plan}', plan)}\n")
    assert re.fullmatch(said.replace(re.escape("{metavar}"), r"\S+"), refused.err), refused.err  # as -h shows it


def test_a_command_that_reads_no_plan_speaks_the_language_of_a_plan_yaml_it_cannot_parse(tmp_path: Path) -> None:
    """'render --list' read the language from a parsed plan.yaml only: bokmål ('trenger') for this one."""
    plan = windows_plan(tmp_path / "plan")
    _paste_colour(plan / "plan.yaml", b"title: Omstilling")

    listed = run_cli("render", str(plan), "--list")

    assert listed.code == 0
    assert "    treng: events" in listed.out.splitlines()
