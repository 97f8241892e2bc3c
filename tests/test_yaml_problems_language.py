"""YAML a person seldom writes by mistake (an escape in double quotes without its digits, a
value starting with '!', '? ' or '%', a list on its key's line, '|0') is refused at its
line in the plan's language with what to do, not in the YAML reader's English inside a
translated frame ('ugyldig YAML: did not find expected hexdecimal number')."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli
from test_written_as_users_write import windows_plan

LINE = "  location: Vinje rådhus"

WRITTEN = {  # the line as written instead, the line the finding names, what it says (nynorsk)
    '  location: "Vinje r\\xZZdhus"':
        (23, "ugyldig YAML: ein escape i doble hermeteikn ('\\x', '\\u' eller '\\U') manglar dei heksadesimale "
             "siffera han treng: skriv '\\\\' for ein omvend skråstrek, eller bruk enkle hermeteikn"),
    '  location: "Vinje \\uD80x"':
        (23, "ugyldig YAML: ein escape i doble hermeteikn ('\\x', '\\u' eller '\\U') manglar dei heksadesimale "
             "siffera han treng: skriv '\\\\' for ein omvend skråstrek, eller bruk enkle hermeteikn"),
    '  location: "Vinje\r\n---\r\n  rådhus"':
        (24, "ugyldig YAML: ei linje i ein verdi i hermeteikn byrjar med '---' eller '...', som avsluttar eit "
             "YAML-dokument: rykk inn linja"),
    "  location: - Vinje rådhus":
        (23, "ugyldig YAML: eit listeelement ('- ') på same linje som nøkkelen: byrj lista på neste linje, eller "
             "set ein verdi som byrjar med '- ', i hermeteikn"),
    "  location: ? Vinje rådhus":
        (23, "ugyldig YAML: ein verdi som byrjar med '? ', blir lesen som ein YAML-nøkkel: set verdien i "
             "hermeteikn"),
    "  location: |0\r\n    Vinje rådhus":
        (23, "ugyldig YAML: ei tekstblokk ('|' eller '>') med feil innrykk: rykk inn linjene med mellomrom, "
             "djupare enn nøkkelen, og skriv ikkje sifferet 0 etter '|' eller '>'"),
    "  location: !<Vinje rådhus":
        (23, "ugyldig YAML: ein verdi som byrjar med '!', blir lesen som ein YAML-tagg: set verdien i hermeteikn"),
    "  location: !x!y rådhus":
        (23, "ugyldig YAML: ein verdi som byrjar med '!', blir lesen som ein YAML-tagg: set verdien i hermeteikn"),
}


def _refused(tmp_path: Path, line: str, head: str = "") -> tuple[int, str, Path]:
    plan = windows_plan(tmp_path / "plan")
    file = plan / "plan.yaml"
    raw = file.read_bytes()
    assert LINE.encode() in raw
    file.write_bytes(b"\xef\xbb\xbf" + head.encode() + raw[3:].replace(LINE.encode(), line.encode(), 1))
    result = run_cli("validate", str(plan))
    return result.code, result.out, file


@pytest.mark.parametrize("line", list(WRITTEN), ids=[str(i) for i in range(len(WRITTEN))])
def test_rare_yaml_mistakes_are_told_in_the_plans_language(tmp_path: Path, line: str) -> None:
    code, out, file = _refused(tmp_path, line)

    number, said = WRITTEN[line]
    assert code == 1
    assert re.fullmatch(rf"{re.escape(str(file))}:{number}:\d+: error PV001 {re.escape(said)}\n"
                        r"1 feil, 0 åtvaringar i 1 fil\n", out), out


@pytest.mark.parametrize("head", ["%YAML 1.2\r\n%YAML 1.2\r\n---\r\n", "%TAG ! x\r\n%TAG ! y\r\n---\r\n",
                                  "%FOO\r\n", "%YAML 1.x\r\n---\r\n"])
def test_a_line_read_as_a_yaml_directive_is_told_in_the_plans_language(tmp_path: Path, head: str) -> None:
    code, out, file = _refused(tmp_path, LINE, head)

    assert code == 1
    assert re.fullmatch(rf"{re.escape(str(file))}:\d+:\d+: error PV001 ugyldig YAML: ei linje som byrjar med '%', "
                        r"blir lesen som eit YAML-direktiv: fjern linja, eller set ein verdi som byrjar med '%', "
                        r"i hermeteikn\n1 feil, 0 åtvaringar i 1 fil\n", out), out
