"""Templates from users run in a sandbox that holds: bounded work, bounded values and output,
no randomness, no links out of their folder, and a header read with the plan's bounds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PLANS, run_cli, run_cli_en

GRAN = PLANS / "gran-2017"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(GRAN, target)
    (target / "templates").mkdir()
    return target


def _render(plan: Path, source: str) -> tuple[int, str]:
    (plan / "templates" / "hostile.md.j2").write_text(source, encoding="utf-8")
    result = run_cli_en("render", str(plan), "hostile", "--as-of", "2017-06-01")
    assert "Traceback" not in result.err
    return result.code, result.out + result.err


RUNAWAY = {
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "center a billion": "{{ 'x'|center(3*10**9) }}",
    "indent a billion": "{{ 'a\\nb'|indent(10**9) }}",
    "repeat a string": "{{ 'x' * 10**9 }}",
    "repeat a list": "{{ ([1] * 10**9)|length }}",
    "method width": "{{ 'x'.ljust(10**9) }}",
    "format width": "{{ '{:>999999999}'.format(1) }}",
    "printf width": "{{ '%999999999d' % 1 }}",
    "format filter": "{{ '%999999999s'|format('x') }}",
    "replace blows up": "{{ ('x' * 900000)|replace('x', 'xxxxxxxxxx') }}",
    "namespace doubling": "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
    "macro doubling": "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s }}{% endmacro %}{{ d('xx', 40) }}",
    "huge power": "{{ 2 ** 100000000 }}",
    "long document": "{% for i in range(40) %}{{ 'x' * 900000 }}{% endfor %}",
    "endless recursion": "{% macro d(n) %}{{ d(n + 1) }}{% endmacro %}{{ d(1) }}",
}


@pytest.mark.parametrize("name", list(RUNAWAY))
def test_a_runaway_template_stops_with_its_name_and_line(plan: Path, name: str) -> None:
    code, output = _render(plan, "# Heading\n\n" + RUNAWAY[name] + "\n")
    assert code == 2, output[:500]
    assert "hostile.md.j2" in output
    if name not in ("long document", "endless recursion"):
        assert "hostile.md.j2:3:" in output and "bounded" in output


@pytest.mark.parametrize("source", ["{{ lipsum(1) }}", "{{ [1, 2, 3]|random }}"])
def test_no_randomness_in_templates(plan: Path, source: str) -> None:
    code, output = _render(plan, source + "\n")
    assert code == 2 and ("lipsum" in output or "random" in output)


def test_a_link_out_of_the_template_folder_is_refused(plan: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret\n", encoding="utf-8")
    (plan / "templates" / "_leak.md.j2").symlink_to(secret)
    code, output = _render(plan, '{% include "_leak.md.j2" %}\n')
    assert code == 2 and "outside the template folder" in output
    assert "top secret" not in output


def test_a_linked_document_template_is_refused_in_the_list(plan: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md.j2"
    outside.write_text("x\n", encoding="utf-8")
    (plan / "templates" / "linked.md.j2").symlink_to(outside)
    result = run_cli_en("render", str(plan), "--list")
    assert result.code == 2 and "outside the template folder" in result.err


@pytest.mark.parametrize(
    "header, says",
    [
        ("description: [a, b]\n", "'description'"),
        ("description: {de: Vorlage}\n", "'description'"),
        ("description: {nb: [a]}\n", "'description'"),
        ("description: {}\n", "'description'"),
        ("needs: [[events]]\n", "'needs'"),
        ("options: {a: 1}\n", "'options'"),
        ("description: &a [*a]\n", "unknown alias"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"b{i}: &b{i} [{', '.join(['*a' if i == 1 else f'*b{i - 1}'] * 9)}]\n" for i in range(1, 8)),
         "aliases expand"),
        ("description: \"\\e[31m\"\n", "control character"),
    ],
)
def test_template_headers_are_checked_and_bounded(plan: Path, header: str, says: str) -> None:
    (plan / "templates" / "hdr.md.j2").write_text("{#- planverk\n" + header + "-#}\nhi\n", encoding="utf-8")
    result = run_cli_en("render", str(plan), "--list")
    assert result.code == 2, result.out
    assert says in result.err and "hdr.md.j2" in result.err


def test_a_template_that_is_not_utf8_is_a_message_in_the_list(plan: Path) -> None:
    (plan / "templates" / "latin.md.j2").write_bytes(b"{#- planverk\ndescription: \xe6\xf8\xe5\n-#}\n")
    result = run_cli_en("render", str(plan), "--list")
    assert result.code == 2 and "UTF-8" in result.err and "latin.md.j2" in result.err
