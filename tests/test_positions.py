"""Positions are exact: every key and value of every file stands where ruamel's composer says.

The loader reads files without positions and reads a file again with them when one is first
asked for (:class:`planverk.load.yamlsource.SourceMap`); these tests hold those positions
against an independent reader, ruamel's pure-Python composer, for every path of a plan,
including plans whose lists are spread over several files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from planverk.load.planfiles import COLLECTIONS, read_plan
from planverk.validate import validate_plan

ROOT = Path(__file__).resolve().parent.parent
Paths = dict[tuple[Any, ...], tuple[int, int]]


def _composed(text: str, offsets: dict[str, int]) -> tuple[Paths, Paths]:
    """(values, keys): path -> (line, column) of one file, by ruamel's composer.

    A duplicate key's entry is left out (the loader keeps the first one and reports PV002).
    """
    values: Paths = {}
    keys: Paths = {}
    todo = [((), YAML(typ="safe", pure=True).compose(text))]
    while todo:
        path, node = todo.pop()
        values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.id == "mapping":
            seen = set()
            for key, value in node.value:
                if key.value in seen:
                    continue
                seen.add(key.value)
                keys[(*path, key.value)] = (key.start_mark.line + 1, key.start_mark.column + 1)
                todo.append(((*path, key.value), value))
        elif node.id == "sequence":
            start = offsets.get(path[0], 0) if len(path) == 1 else 0
            todo.extend(((*path, start + n), item) for n, item in enumerate(node.value))
    return values, keys


def _expected(folder: Path, files: list[str]) -> tuple[dict[tuple[Any, ...], tuple[str, int, int]], ...]:
    """Every path of the merged plan and where it stands, merged as the data is merged."""
    values: dict[tuple[Any, ...], tuple[str, int, int]] = {}
    keys: dict[tuple[Any, ...], tuple[str, int, int]] = {}
    lengths: dict[str, int] = {}
    for n, name in enumerate(files):
        text = (Path(name) if Path(name).is_absolute() else Path.cwd() / name).read_text(encoding="utf-8-sig")
        offsets = {key: lengths.get(key, 0) for key in COLLECTIONS} if n else {}
        file_values, file_keys = _composed(text, offsets)
        reader = YAML(typ="safe", pure=True)
        reader.allow_duplicate_keys = True
        data = reader.load(text)
        for table, found in ((values, file_values), (keys, file_keys)):
            for path, (line, column) in found.items():
                if len(path) <= 1 and path in table:
                    continue  # the root and top-level keys stay the first file's
                table[path] = (name, line, column)
        for key, value in data.items():
            if key in COLLECTIONS and isinstance(value, list):
                lengths[key] = lengths.get(key, 0) + len(value)
    return values, keys


def _plan(tmp_path: Path) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.yaml").write_bytes(
        "\ufeffplan:\r\n  id: p\r\n  title: Plan med æøå\r\n  organisation: O\r\n"
        "  period: {start: 2024-01-01, end: 2024-12-31}\r\n"
        "include: [a.yaml, b.yaml]\r\n"
        "people:\r\n- id: ola\r\n  name: Ola\r\n".encode("utf-8")
    )
    (folder / "a.yaml").write_text(
        "people:\n  - {id: kari, name: Kari}\n  - id: per\n    name: Per\n"
        "events:\n  - id: e1\n    title: Møte\n    date: 2024-03-04\n    time: 09:00-10:00\n"
        "    participants: [ola, kari]\n    agenda:\n      - {time: '09:00-09:30', topic: Start}\n",
        encoding="utf-8",
    )
    (folder / "b.yaml").write_text(
        "events:\n- id: e2\n  title: >-\n    Lang\n    tittel\n  date: 2024-03-05\n"
        "  participants:\n  - per\n",
        encoding="utf-8",
    )
    return folder


def _check(folder: Path) -> int:
    read = read_plan(folder)
    assert read.data is not None
    values, keys = _expected(folder, read.files)
    for table, expected in ((read.source.values, values), (read.source.keys, keys)):
        for path, where in expected.items():
            found = table.get(path)
            assert found is not None, path
            assert (found.file, found.line, found.column) == where, path
    return len(values) + len(keys)


def test_every_path_of_a_plan_in_three_files_stands_where_the_composer_says(tmp_path: Path) -> None:
    assert _check(_plan(tmp_path)) > 50


@pytest.mark.parametrize("name", ["gran-2017", "nordre-follo-2018", "savings-2024"])
def test_every_path_of_the_example_plans_stands_where_the_composer_says(name: str) -> None:
    assert _check(ROOT / "plans" / name) > 100


def test_a_finding_in_an_included_file_names_its_line_and_column(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    text = (folder / "b.yaml").read_text(encoding="utf-8")
    (folder / "b.yaml").write_text(text.replace("  - per\n", "  - nobody\n"), encoding="utf-8")
    found = [f for f in validate_plan(folder).findings if f.code == "PV201"]
    assert [(Path(f.position.file).name, f.position.line, f.position.column) for f in found if f.position] == [
        ("b.yaml", 8, 5)
    ]


def test_a_duplicate_key_names_both_places(tmp_path: Path) -> None:
    folder = _plan(tmp_path)
    text = (folder / "a.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(text.replace("    name: Per\n", "    name: Per\n    name: Pål\n"), encoding="utf-8")
    found = [f for f in validate_plan(folder).findings if f.code == "PV002"]
    assert [(f.position.line, f.position.column, [(r.line, r.column) for r in f.related]) for f in found
            if f.position] == [(5, 5, [(4, 5)])]
    assert _check(folder) > 50
