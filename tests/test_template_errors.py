"""A broken or hostile template gives one clear error and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASES, run_cli, run_cli_en

MARKS = CASES / "valid" / "render-marks"


def _render(tmp_path: Path, source: str, *extra: str):
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / "doc.md.j2").write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli_en(
        "render",
        str(MARKS),
        "doc",
        "--templates",
        str(folder),
        "-o",
        str(out),
        "--as-of=2025-01-01",
        *extra,
    )
    assert not out.exists(), "nothing is written when a template fails"
    assert "Traceback" not in result.err + result.out
    return result


def _one_error(result) -> str:
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    line = _one_error(_render(tmp_path, "# Plan\n\n{% for e in events %}\n{{ e.title }}\n"))
    assert line.startswith("planverk: ") and "doc.md.j2:4: " in line
    assert "for" in line  # Jinja's message about the unclosed 'for'


def test_unknown_field_names_file_line_item_and_the_fields_there_are(tmp_path: Path) -> None:
    line = _one_error(
        _render(tmp_path, "# Plan\n\n{% for e in events %}\n- {{ e.titel }}\n{% endfor %}\n")
    )
    assert "doc.md.j2:4: " in line
    assert "the event has no 'titel': did you mean 'title'? it has id, title, kind" in line
    assert "(while rendering event 'styringsgruppemote')" in line


def test_unknown_variable_lists_the_context(tmp_path: Path) -> None:
    line = _one_error(_render(tmp_path, "# {{ plann.title }}\n"))
    assert "doc.md.j2:1: 'plann' is not defined (did you mean 'plan'?)" in line
    assert "a template receives plan, language, labels" in line


def test_printing_an_empty_value_is_an_error(tmp_path: Path) -> None:
    line = _one_error(
        _render(tmp_path, "# Plan\n\n{% for e in events %}\n{{ e.room }}\n{% endfor %}\n")
    )
    assert "doc.md.j2:4: prints an empty value (None)" in line
    assert "event 'styringsgruppemote'" in line


def test_filter_given_the_wrong_thing(tmp_path: Path) -> None:
    line = _one_error(_render(tmp_path, "# {{ plan.title | date }}\n"))
    assert (
        "doc.md.j2:1: the 'date' filter takes a date, not a text: 'Omstilling 2025'" in line
    )


@pytest.mark.parametrize(
    "source",
    [
        "{{ plan.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ plan.title.__class__.__init__.__globals__ }}",
        "{{ events[0].__init__ }}",
        "{{ labels.__class__ }}",
        "{{ events.append(1) }}",
        "{{ labels.update({'x': 1}) }}",
        "{{ cycler.__init__.__globals__.os }}",
    ],
)
def test_the_sandbox_keeps_python_internals_out_of_reach(tmp_path: Path, source: str) -> None:
    line = _one_error(_render(tmp_path, source + "\n"))
    assert (
        "doc.md.j2:1: the sandbox refused it" in line
        or "is not defined" in line
        or "has no" in line
    )


@pytest.mark.parametrize("path", ["/etc/passwd", "../../../../etc/passwd", "../mine/doc.md.j2"])
def test_templates_cannot_read_files(tmp_path: Path, path: str) -> None:
    line = _one_error(_render(tmp_path, f'{{% include "{path}" %}}\n'))
    assert f"doc.md.j2:1: no template '{path}' in the template folders" in line
    assert "root:" not in line


def test_no_open_or_import_in_templates(tmp_path: Path) -> None:
    for source in [
        "{{ open('/etc/passwd').read() }}",
        "{% import 'os' as os %}",
        "{{ __import__('os') }}",
    ]:
        line = _one_error(_render(tmp_path, source + "\n"))
        assert "doc.md.j2:1:" in line


def test_bad_header_is_reported(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "doc.md.j2").write_text(
        "{#- planverk\nneeds: events\n-#}\n# X\n", encoding="utf-8"
    )
    result = run_cli_en("render", "--list", "--templates", str(tmp_path / "mine"))
    assert result.code == 2
    assert "doc.md.j2: 'needs' in the planverk header is a list" in result.err


def test_labels_are_read_by_key_and_a_wrong_key_says_the_nearest(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "doc.md.j2").write_text(
        "# {{ labels.time }} {{ labels['place'] }} {{ labels.get('activity') }} {{ labels.keys() | length > 3 }}\n",
        encoding="utf-8",
    )
    result = run_cli_en("render", str(MARKS), "doc", "--templates", str(folder), "--as-of=2025-01-01")
    assert result.code == 0, result.err
    assert result.out == "# Time Place Activity True\n"
    line = _one_error(_render(tmp_path, "# {{ labels.tiem }}\n"))
    assert "doc.md.j2:1: no key 'tiem' (did you mean 'time'?)" in line


@pytest.mark.parametrize(("lang", "builtin"), [("nb", "innebygd"), ("nn", "innebygd"), ("en", "built-in")])
def test_the_template_folders_a_missing_template_was_sought_in_are_named_in_the_readers_language(
    tmp_path: Path, lang: str, builtin: str
) -> None:
    # The list of folders said 'plan' and 'built-in' in English inside a Norwegian message.
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "doc.md.j2").write_text('{% include "nowhere.md.j2" %}\n', encoding="utf-8")
    result = run_cli("render", str(MARKS), "doc", "--templates", str(folder), "--lang", lang, "--as-of=2025-01-01")
    assert result.code == 2
    assert result.err.rstrip().endswith(f"(--templates {folder}, {builtin})")
