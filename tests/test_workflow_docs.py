"""The workflow docs and hooks are real: snippets parse, hook entries run."""

from __future__ import annotations

import re
import shlex

import pytest
from ruamel.yaml import YAML

from conftest import PLANS, ROOT, run_cli

DOCS = [ROOT / "docs" / "ci.md", ROOT / "docs" / "workflow.md"]
SNIPPETS = [
    pytest.param(block, id=f"{doc.name}-{n}")
    for doc in DOCS
    for n, block in enumerate(re.findall(r"^```yaml\n(.*?)^```", doc.read_text(encoding="utf-8"), re.S | re.M))
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_yaml_snippets_parse(snippet: str) -> None:
    assert YAML(typ="safe").load(snippet) is not None


def hooks() -> list[dict[str, object]]:
    return YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hooks_are_the_two_the_docs_name() -> None:
    assert [h["id"] for h in hooks()] == ["planverk-validate", "planverk-fmt"]
    assert all(h["language"] == "python" and h["require_serial"] for h in hooks())


@pytest.mark.parametrize("hook", hooks(), ids=lambda h: str(h["id"]))
def test_each_hook_runs_clean_on_the_example_plans_files(hook: dict[str, object]) -> None:
    command = shlex.split(str(hook["entry"]))
    assert command[0] == "planverk"
    files = [str(p) for p in sorted(PLANS.glob("*/*.yaml"))]
    result = run_cli(*command[1:], *map(str, hook.get("args", [])), *files)
    assert result.code == 0, result.out + result.err
    assert re.search(str(hook["files"]), "plans/gran-2017/plan.yaml")
