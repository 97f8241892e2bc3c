"""Each built-in template on each example plan, compared byte for byte with tests/golden/render/.

The golden files were read by eye before they were committed. When a template or an
example plan changes on purpose, regenerate them and read the diff:

    PLANVERK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py && git diff tests/golden/render/
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLANS, run_cli
from markdown_lint import basic_problems, lint
from planverk.render import list_templates

GOLDEN = Path(__file__).parent / "golden" / "render"
AS_OF = {
    "gran-2017": "2017-05-01",
    "nordre-follo-2018": "2018-10-01",
    "lunner-lean-2012": "2013-06-01",
    "savings-2024": "2025-10-01",
    "cost-reduction-2025": "2026-02-01",
    "scorecard-2023": "2023-12-01",
    "kommunekompasset-2024": "2024-12-01",
    "budsjettprosess-2025": "2025-10-01",
}
"""A date in the middle of each process, for templates that report status (one per example plan)."""
GROUPS = {
    "nordre-follo-2018": ["arbeidsgruppe"],
    "gran-2017": ["sektorgruppe-4"],
    "cost-reduction-2025": ["prosjektgruppen"],
}
"""Plans also rendered for one group."""

TEMPLATES = [t for t in list_templates() if t.origin == "built-in"]
BUILTINS = [t.name for t in TEMPLATES]
CASES = [
    (plan, template.name, group)
    for plan in EXAMPLE_PLANS
    for template in TEMPLATES
    for group in [None, *(GROUPS.get(plan.name, []) if "--group" in template.options else [])]
]


def _id(case: tuple[Path, str, str | None]) -> str:
    plan, template, group = case
    return f"{plan.name}-{template}" + (f"-{group}" if group else "")


@pytest.fixture(params=CASES, ids=[_id(c) for c in CASES])
def rendered(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """The document as ``-o DIR`` writes it (standard output names pictures instead of
    linking them, as no SVG is written there)."""
    plan, template, group = request.param
    assert plan.name in AS_OF, f"give the example plan {plan.name} an as-of date in AS_OF"
    args = ["render", str(plan), template, f"--as-of={AS_OF[plan.name]}", "-o", str(tmp_path)]
    result = run_cli(*args, *(["--group", group] if group else []))
    assert result.code == 0, result.err
    name = f"{template}{'-' + group if group else ''}.md"
    return GOLDEN / plan.name / name, (tmp_path / name).read_text(encoding="utf-8")


def test_rendering_matches_the_golden_file(rendered: tuple[Path, str]) -> None:
    golden, text = rendered
    if os.environ.get("PLANVERK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.is_file(), f"no golden file {golden}: regenerate with PLANVERK_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_rendering_passes_the_markdown_linter(rendered: tuple[Path, str]) -> None:
    assert lint(rendered[1]) == []


def test_every_golden_file_belongs_to_a_case() -> None:
    expected = {GOLDEN / plan.name / f"{t}{'-' + g if g else ''}.md" for plan, t, g in CASES}
    assert set(GOLDEN.rglob("*.md")) <= expected


def test_the_checker_catches_what_it_should() -> None:
    bad = "# A\n\n# B \n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n"
    problems = basic_problems(bad)
    assert "3: trailing whitespace" in problems
    assert "7: a table row with 3 cells where the header has 2" in problems
    assert "2 top-level headings, not one" in problems
    assert any("MD029" in p for p in lint("# A\n\n15. mars 2017 møtes vi.\n"))


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_group_of_every_example_gets_clean_documents(plan: Path) -> None:
    from datetime import date

    from planverk.render.context import build_context
    from planverk.render.engine import environment, render_template
    from planverk.render.labels import LABELS
    from planverk.render.templates import SUFFIX, TemplateFolders
    from planverk.validate import validate_plan

    model = validate_plan(plan).plan
    assert model is not None
    folders = TemplateFolders.find()
    env = environment(folders, model.plan.language)
    labels = LABELS[model.plan.language]
    for group in model.groups:
        context = build_context(model, labels, as_of=date(2020, 1, 1), group=group.id)
        for template in BUILTINS:
            text = render_template(env, folders, template + SUFFIX, context)
            assert basic_problems(text) == [], (group.id, template)
