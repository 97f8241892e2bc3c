"""The built-in templates run outside the sandbox only when nothing of a user's can reach them,
and print exactly what they print in the sandbox."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES, EXAMPLE_PLANS, run_cli_en
from planverk.model.base import PlanText
from planverk.render.context import build_context
from planverk.render.engine import environment, render_template
from planverk.render.labels import LABELS
from planverk.render.templates import SUFFIX, TemplateFolders, builtin_root
from planverk.validate import validate_plan

BUILTINS = sorted(node.name[: -len(SUFFIX)] for node in builtin_root().iterdir()
                  if node.name.endswith(SUFFIX) and not node.name.startswith("_"))
MARKS = CASES / "valid" / "render-marks"


def _sandboxed_copy(tmp_path: Path) -> TemplateFolders:
    """Folders whose first holds an exact copy of one built-in partial: the built-ins then
    run in the sandbox (a user's file of a built-in's name), from the same sources."""
    mine = tmp_path / "same"
    mine.mkdir(exist_ok=True)
    shutil.copyfile(Path(str(builtin_root() / "_macros.md.j2")), mine / "_macros.md.j2")
    return TemplateFolders([("--templates", mine), ("built-in", builtin_root())])


def _both(context, language: str, folders: TemplateFolders, sandboxed: TemplateFolders, name: str) -> tuple[str, str]:
    own = render_template(environment(folders, language), folders, name + SUFFIX, context)
    boxed = render_template(environment(sandboxed, language), sandboxed, name + SUFFIX, context)
    return own, boxed


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_builtin_prints_the_same_outside_the_sandbox_as_in_it(plan: Path, tmp_path: Path) -> None:
    model = validate_plan(plan).plan
    assert model is not None
    folders, sandboxed = TemplateFolders.find(), _sandboxed_copy(tmp_path)
    assert all(folders.builtin_alone(name + SUFFIX) for name in BUILTINS)
    assert not any(sandboxed.builtin_alone(name + SUFFIX) for name in BUILTINS)
    language = model.plan.language
    for group in [None, *(g.id for g in model.groups[:2])]:
        context = build_context(model, LABELS[language], as_of=date(2025, 6, 1), group=group)
        for name in BUILTINS:
            own, boxed = _both(context, language, folders, sandboxed, name)
            assert own == boxed, (plan.name, group, name)


_HOSTILE = st.lists(
    st.sampled_from([*"ab |*_`[]<>#$&;~\\-+=.1\n\t\u202e", "\x1b[31m", "=HYPERLINK(", "<script>", "../", "15. "]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_HOSTILE, place=_HOSTILE, name=_HOSTILE, description=_HOSTILE)
def test_plan_text_is_escaped_the_same_outside_the_sandbox(
    tmp_path: Path, title: str, place: str, name: str, description: str
) -> None:
    model = validate_plan(MARKS).plan
    assert model is not None
    language = model.plan.language
    context = build_context(model, LABELS[language], as_of=date(2025, 1, 1))
    for event in context.events:
        event.title, event.description = PlanText(title), PlanText(description)
        event.occurrences = [replace(o, place=PlanText(place)) for o in event.occurrences]
    for person in context.people:
        person.name = PlanText(name)
    folders, sandboxed = TemplateFolders.find(), _sandboxed_copy(tmp_path)
    for template in ("schedule", "workbook"):
        own, boxed = _both(context, language, folders, sandboxed, template)
        assert own == boxed


def test_a_users_partial_of_a_builtins_name_runs_sandboxed_and_bounded(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "_schedule_rows.md.j2").write_text(
        "{% for i in range(90000) %}{% for j in range(90000) %}x{% endfor %}{% endfor %}\n", encoding="utf-8"
    )
    result = run_cli_en("render", str(MARKS), "schedule", "--templates", str(mine), "--as-of=2025-01-01")
    assert result.code == 2
    assert "_schedule_rows.md.j2:1: the sandbox refused it" in result.err
    assert "steps" in result.err


def test_a_users_template_of_a_builtins_name_stays_in_the_sandbox(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "schedule.md.j2").write_text('{% extends "builtin/schedule.md.j2" %}{% block months %}{{ plan.__class__ }}{% endblock %}\n',
                                         encoding="utf-8")
    result = run_cli_en("render", str(MARKS), "schedule", "--templates", str(mine), "--as-of=2025-01-01")
    assert result.code == 2
    assert "the sandbox refused it" in result.err or "has no '__class__'" in result.err


def test_only_a_builtin_whose_files_are_all_planverks_is_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "mine.md.j2").write_text("# x\n", encoding="utf-8")
    folders = TemplateFolders([("--templates", mine), ("built-in", builtin_root())])
    assert folders.builtin_alone("schedule.md.j2")
    assert not folders.builtin_alone("mine.md.j2")
    assert not folders.builtin_alone("builtin/schedule.md.j2")
    (mine / "_macros.md.j2").mkdir()  # even a folder of that name: the sandbox for every built-in
    assert not folders.builtin_alone("schedule.md.j2")
    assert not TemplateFolders([("x", builtin_root())]).builtin_alone("schedule.md.j2")


@pytest.mark.parametrize("alone", [True, False])
def test_a_builtin_document_past_the_bound_is_refused_on_either_path(
    alone: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import planverk.render.engine as engine
    from planverk.errors import TemplateError

    model = validate_plan(MARKS).plan
    assert model is not None
    context = build_context(model, LABELS[model.plan.language], as_of=date(2025, 1, 1))
    folders = TemplateFolders.find() if alone else _sandboxed_copy(tmp_path)
    monkeypatch.setattr(engine, "MAX_OUTPUT", 200)
    with pytest.raises(TemplateError) as refused:
        render_template(environment(folders, model.plan.language), folders, "schedule" + SUFFIX, context)
    assert "schedule.md.j2: the document grows past" in str(refused.value)


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_the_validations_occurrences_make_the_same_documents(plan: Path) -> None:
    """``render`` reuses the occurrences validation computed: the same documents as computing them anew."""
    kept = validate_plan(plan, keep_occurrences=True)
    assert kept.plan is not None and kept.occurrences is not None
    assert sorted(kept.occurrences) == list(range(len(kept.plan.events)))
    assert validate_plan(plan).occurrences is None  # kept only when asked for
    folders = TemplateFolders.find()
    language = kept.plan.plan.language
    env = environment(folders, language)
    for group in [None, *(g.id for g in kept.plan.groups[:2])]:
        reused = build_context(kept.plan, LABELS[language], as_of=date(2025, 6, 1), group=group,
                               occurrences=kept.occurrences)
        anew = build_context(kept.plan, LABELS[language], as_of=date(2025, 6, 1), group=group)
        for name in BUILTINS:
            assert render_template(env, folders, name + SUFFIX, reused) == render_template(env, folders, name + SUFFIX, anew)
