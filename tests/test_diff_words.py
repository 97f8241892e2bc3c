"""planverk diff speaks the plan's language in every line: field names, values, change words."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest

from conftest import CASES, run_cli
from test_diff import edit

from planverk.model import Plan
from planverk.model.words import LANGUAGES

SAVINGS = CASES / "valid" / "savings-tree"


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("nn", ["ikkje fordelt: 3 mill. kr → 4 mill. kr", "effekttype: eingongs → varig",
                "område: (ingen) → `Helse og omsorg`"]),
        ("nb", ["ikke fordelt: 3 mill. kr → 4 mill. kr", "effekttype: engangs → varig",
                "område: (ingen) → `Helse og omsorg`"]),
        ("en", ["unallocated: NOK 3M → NOK 4M", "effect kind: one-off → lasting",
                "area: (none) → `Helse og omsorg`"]),
    ],
)
def test_other_changes_name_fields_and_write_values_in_the_plans_language(
    tmp_path: Path, language: str, lines: list[str]
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SAVINGS, old)
    edit(old / "plan.yaml", ("  language: nn", f"  language: {language}"))
    shutil.copytree(old, new)
    edit(new / "plan.yaml",
         ("    unallocated: 3 mill. kr", "    unallocated: 4 mill. kr"),
         ("    effect_kind: eingongs", "    effect_kind: varig"),
         ("    decided_on: 2024-12-12\n", "    decided_on: 2024-12-12\n    area: Helse og omsorg\n"))
    result = run_cli("diff", str(old), str(new))
    assert result.code == 0, result.err
    other = result.out.partition("#### ")[2]  # the changes; the new version's errors follow
    for line in lines:
        assert line in other
    if language != "en":
        for raw in ("unallocated", "effect_kind", "3000000.0", "one-off", "null", "`area"):
            assert raw not in other.partition("\n#### Feil")[0]


def _sample(shape: typing.Any, second: bool) -> typing.Any:
    """A JSON value of ``shape`` as model_dump(mode='json') writes it; two differ."""
    kind = shape.kind
    if kind == "word" and shape.vocabulary is not None:
        values = list(shape.vocabulary.values)
        return values[1 if second and len(values) > 1 else 0]
    samples = {
        "money": (3_000_000.0, 4_500_000.0), "number": (2.5, 3.0), "percent": (50.0, 12.5),
        "date": ("2025-03-01", "2025-04-02"), "datetime": ("2025-03-01T09:00:00", "2025-03-01T10:30:00"),
        "time": ("08:30-10:30", "09:00-11:00"), "bool": (False, True), "language": ("nb", "nn"),
        "text": ("Rådhuset", "Kulturhuset"), "other": ({"a": 1}, {"a": 2}),
    }
    if kind == "model" and shape.model is not None:
        from planverk.review.fieldwords import shape_of_fields

        return {key: _sample(inner, second) for key, inner in shape_of_fields(shape.model).items()}
    if kind == "list" and shape.item is not None:
        return [_sample(shape.item, second)]
    return samples[kind][second]


def _sections() -> list[str]:
    from planverk.review.fieldwords import section_model

    return [name for name in Plan.model_fields if section_model(name) is not None]


def test_every_field_of_every_section_has_a_name_in_every_language() -> None:
    from planverk.review.fieldwords import FIELD_NAMES, section_model, shape_of_fields

    missing = set()
    seen: set[type] = set()

    def walk(model: type) -> None:
        if model in seen:
            return
        seen.add(model)
        for key, shape in shape_of_fields(model).items():
            for language in LANGUAGES:
                if key not in FIELD_NAMES[language]:
                    missing.add((language, key))
            for inner in (shape, shape.item):
                if inner is not None and inner.model is not None:
                    walk(inner.model)

    for section in _sections():
        walk(section_model(section))
    assert not missing
    assert len(_sections()) >= 15


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_no_field_of_the_model_reaches_a_norwegian_diff_as_english_or_raw(language: str) -> None:
    from planverk.review.fieldwords import FIELD_NAMES, FieldWriter, section_model, shape_of_fields

    writer = FieldWriter(language, lambda text: f"`{text}`")
    checked = 0
    for section in _sections():
        for key, shape in shape_of_fields(section_model(section)).items():
            for old, new in ((None, _sample(shape, False)), (_sample(shape, False), _sample(shape, True))):
                for line in writer.changes(section, key, old, new):
                    checked += 1
                    head = line.split(":", 1)[0]
                    assert "_" not in head and head.split(", ")[0] == FIELD_NAMES[language][key], line
                    outside = "".join(part for n, part in enumerate(line.split("`")) if n % 2 == 0)
                    for raw in ("None", "null", "True", "False", "true", "false", "3000000", ".0 ", "one-off",
                                "lasting", "in-progress", "steering-group", "(none)", "T09:00"):
                        assert raw not in outside, (section, key, line)
                    if shape.kind == "word" and shape.vocabulary is not None:
                        english = [v for v in shape.vocabulary.values
                                   if shape.vocabulary.shown(v, language) != v]
                        assert not any(f" {v}" in outside.split(":", 1)[1] for v in english), line
    assert checked > 300


SINGLE = CASES / "valid" / "single-file"
CANCELLED = "".join(f"        - {{occurrence: 2019-{day}, status: cancelled}}\n"
                    for day in ("06-12", "07-10", "08-14", "09-11", "10-09", "11-13", "12-11"))


@pytest.mark.parametrize(
    ("language", "moved", "cancelled"),
    [
        ("nb", "- … og 7 møter til i **Styringsgruppemøte** (flyttet)",
         "- … og 2 møter til i **Styringsgruppemøte** (avlyst)"),
        ("nn", "- … og 7 møte til i **Styringsgruppemøte** (flytta)",
         "- … og 2 møte til i **Styringsgruppemøte** (avlyst)"),
        ("en", "- … and 7 more occurrences of **Styringsgruppemøte** (moved)",
         "- … and 2 more occurrences of **Styringsgruppemøte** (cancelled)"),
    ],
)
def test_the_count_of_a_long_series_says_its_change_in_the_plans_language(
    tmp_path: Path, language: str, moved: str, cancelled: str
) -> None:
    old = tmp_path / "old"
    shutil.copytree(SINGLE, old)
    edit(old / "plan.yaml", ("  organisation: Eksempel kommune\n", f"  organisation: Eksempel kommune\n  language: {language}\n"),
         ("      until: 2019-06-30", "      until: 2019-12-31"))
    later, cancelling = tmp_path / "later", tmp_path / "cancelling"
    shutil.copytree(old, later)
    edit(later / "plan.yaml", ("    time: 08:30-10:00\n    location: Rådhuset", "    time: 09:00-10:30\n    location: Rådhuset"))
    shutil.copytree(old, cancelling)
    edit(cancelling / "plan.yaml", ("        - {occurrence: 2019-05-08, status: cancelled}\n",
                                    "        - {occurrence: 2019-05-08, status: cancelled}\n" + CANCELLED))
    assert moved in run_cli("diff", str(old), str(later)).out
    assert cancelled in run_cli("diff", str(old), str(cancelling)).out
