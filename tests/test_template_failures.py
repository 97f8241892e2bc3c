"""A user's template that fails while it runs (a division by zero, a number added to a text, a
refused attribute, an empty list's first item) or cannot be read (a filter that does not
exist, a block named with '-') is told at its file:line in the plan's language, with what
to do: never Python's or Jinja's English, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from test_written_as_users_write import windows_plan

NN = {  # the plan is in nynorsk, CR LF with a byte-order mark; the template in its templates/
    "{% for e in events %}\r\n{{ e.title }}: {{ 10 / (events|length - 1) }}\r\n{% endfor %}\r\n":
        (2, "ei deling på null: test talet du deler på først, t.d. {% if count %}...{% endif %} "
            "(under skriving av hending 'sg-mote')"),
    "# {{ plan.title }}\n\n{{ plan.title - 1 }}\n":
        (3, "'-' kan ikkje setje saman ein tekst og eit tal: gjer om den eine først, t.d. med |int, |float "
            "eller |string, eller test han med 'is number'"),
    "{{ 1 < 'a' }}\n":
        (1, "ein verdi av eit slag denne linja ikkje kan bruke (eit tal med ein tekst, ein tekst samanlikna med "
            "eit tal, eit filter eller ein makro som får noko han ikkje tek): gjer han om først med |int, |float "
            "eller |string, eller test han med 'is number' eller 'is string'"),
    "{{ plan.title.__class__ }}\n":
        (1, "sandkassen avviste det: '__class__' til ein tekst er utanfor det ein mal når: ein mal les felta i "
            "planen og formaterer dei med filter; han kan ikkje nå det indre i Python eller kalle metodar som "
            "endrar ein verdi"),
    "{{ ([]|first).title }}\n":
        (1, "ein verdi som ikkje finst (det første elementet i ei tom liste, eit argument til ein makro som ikkje "
            "er gjeve): test han først, t.d. {% if events %}...{% endif %}, eller gje ein standardverdi med `or`"),
    "{% macro row(item, note) %}{{ note }}{% endmacro %}\n{{ row(1) }}\n":
        (1, "'note' har ingen verdi her (eit argument til ein makro som ikkje er gjeve?): gje det, eller ein "
            "standardverdi, t.d. {% macro row(item, note='') %}"),
    "{% macro r(n) %}{{ r(n) }}{% endmacro %}\n{{ r(1) }}\n":
        (1, "malen kallar seg sjølv utan ende: ein makro som kallar seg sjølv, eller ein mal som tek med seg "
            "sjølv, treng eit tilfelle der han stoppar"),
    "{{ range(1, 5, 0)|list }}\n":
        (1, "ein verdi denne linja ikkje kan bruke (eit steg på 0 i range(), ein tekst som ikkje er eit tal): "
            "sjekk verdiane denne linja arbeider med"),
    "{{ labels|dictsort(by='verdi') }}\n":
        (1, "eit filter får argument det ikkje tek: sjå filteret i docs/templates.md eller i lista over filter "
            "hos Jinja"),
    "{{ plan.title|date }}\n":
        (1, "filteret 'date' tek ein dato, ikkje ein tekst: 'Omstilling 2026'"),
    "{{ as_of|date('lang') }}\n":
        (1, "filteret 'date' har ingen stil 'lang': skriv full, long, medium, short eller month"),
    "\n{{ plan.title|dato }}\n":
        (2, "det finst ikkje noko filter 'dato': filtera ein mal kan bruke, står i docs/templates.md"),
    "{% block hoved-tekst %}{% endblock %}\n":
        (1, "namnet på ei blokk kan ikkje ha '-': skriv '_' i staden, t.d. '{% block main_text %}'"),
    "{% for loop in events %}{% endfor %}\n":
        (1, "'loop' er Jinja sitt eige namn inne i ei for-løkke: kall elementet i løkka noko anna"),
    "{{ 1 2 }}\n":
        (1, "'eit tal' der det skulle ha stått '}}': sjekk det som står mellom klammene i taggen (manglar ein "
            "operator, eit komma eller '|'?)"),
    "{% raw %}\n{{ uferdig":
        (1, "ein '{% raw %}' er ikkje lukka: avslutt han med '{% endraw %}'"),
}


def _render(tmp_path: Path, source: str, *extra: str) -> tuple[int, str, str, Path]:
    plan = windows_plan(tmp_path / "plan")
    (plan / "templates").mkdir()
    template = plan / "templates" / "doc.md.j2"
    template.write_bytes(source.encode("utf-8"))
    out = tmp_path / "out.md"
    result = run_cli("render", str(plan), "doc", "-o", str(out), *extra)
    assert not out.exists(), "nothing is written when a template fails"
    return result.code, result.out, result.err, template


@pytest.mark.parametrize("source", list(NN), ids=[said[:40] for _, said in NN.values()])
def test_a_failing_template_is_told_at_its_line_in_the_plans_language(tmp_path: Path, source: str) -> None:
    code, out, err, template = _render(tmp_path, source)

    line, said = NN[source]
    assert code == 2
    assert out == ""
    assert err == f"planverk: {template}:{line}: {said}\n"


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "en deling på null: test tallet du deler på først, f.eks. {% if count %}...{% endif %}"),
    ("en", "a division by zero: test the number you divide by first, e.g. {% if count %}...{% endif %}"),
])
def test_a_failing_template_speaks_the_language_asked(tmp_path: Path, lang: str, said: str) -> None:
    code, _, err, template = _render(tmp_path, "{% set n = 0 %}\n{{ 7 // n }}\n", "--lang", lang)

    assert code == 2
    assert err == f"planverk: {template}:2: {said}\n"


@pytest.mark.parametrize("source", [
    "{{ '\x1b[2J\u202e'|date }}\n",
    "{{ plan.title['\x1b]0;x\x07'].x }}\n",
    "{{ '\x1b[31m' - 1 }}\n",
])
def test_text_in_a_failing_template_reaches_the_terminal_escaped(tmp_path: Path, source: str) -> None:
    code, _, err, _ = _render(tmp_path, source)

    assert code == 2
    assert err.count("\n") == 1, err
    assert not any(character in err for character in "\x1b\x07\u202e"), err
