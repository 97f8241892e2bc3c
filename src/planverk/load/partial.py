"""The model of a plan whose items do not all pass the schema: every item that does.

A schema error in one event must not hide a double booking between two others, nor a
wrong reference in a deadline: like ruff and mypy, validate reports every independent
finding in one run. An item of a top-level list (a person, an event, a KPI ...) that
fails the schema is left out, the rest of the plan is validated again without it, and
the semantic checks run on what remains. A key the schema does not know outside those
items (in ``plan:``, or at the top of ``plan.yaml``) is left out likewise. Paths of the remaining plan are mapped back to
the plan as written (:meth:`PartialPlan.written`), so findings stand at the right line.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..diagnostics import Finding
from ..model import Plan
from ..model.dating import validation_context
from .planfiles import COLLECTIONS
from .schema_errors import convert
from .yamlsource import SourceMap

Loc = tuple[str | int, ...]


class PartialPlan:
    """A plan model of the items that passed the schema, and the schema's findings."""

    def __init__(self, plan: Plan | None, findings: list[Finding] | None = None) -> None:
        self.plan = plan
        """None when the plan as a whole fails (its header, ``include``, a list that is no list)."""
        self.findings: list[Finding] = [] if findings is None else findings
        self.kept: dict[str, list[int]] = {}
        """For each list with items left out: the index as written of each item kept."""
        self.absent: dict[str, str] = {}
        """Ids of the items left out, with their list."""

    def written(self, path: Loc) -> Loc:
        """``path`` into :attr:`plan` as a path into the plan as written."""
        if len(path) >= 2 and isinstance(path[1], int) and path[0] in self.kept:
            return (path[0], self.kept[str(path[0])][path[1]], *path[2:])
        return path


def partial_model(data: dict[str, Any], source: SourceMap) -> PartialPlan:
    """Validate ``data``; on schema errors, the model of every item without one."""
    try:
        return PartialPlan(Plan.model_validate(data, context=validation_context(data)))
    except ValidationError as error:
        findings = convert(error, Plan, source, data)
        failed: dict[str, set[int]] = {}
        unknown: list[Loc] = []
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            if len(loc) >= 2 and loc[0] in COLLECTIONS and isinstance(loc[1], int):
                failed.setdefault(str(loc[0]), set()).add(loc[1])
            elif item["type"] == "extra_forbidden":
                unknown.append(loc)  # plan.owner misspelt hides nothing: the key is left out
            else:
                return PartialPlan(None, findings)
    result = PartialPlan(None, findings)
    trimmed = _without(data, unknown)
    for key, indices in failed.items():
        items = data[key]
        result.kept[key] = [i for i in range(len(items)) if i not in indices]
        trimmed[key] = [items[i] for i in result.kept[key]]
        for i in indices:
            ref = items[i].get("id") if isinstance(items[i], dict) else None
            if isinstance(ref, str):
                result.absent.setdefault(ref, key)
    try:
        result.plan = Plan.model_validate(trimmed, context=validation_context(trimmed))
    except ValidationError:  # an error that only shows with the others gone: check nothing
        result.plan = None
    return result


def _without(data: dict[str, Any], paths: list[Loc]) -> dict[str, Any]:
    """A shallow copy of ``data`` without the keys at ``paths`` (mappings on the way copied)."""
    trimmed = dict(data)
    for path in paths:
        container: Any = trimmed
        for step in path[:-1]:
            inner = container[step] if isinstance(container, (dict, list)) else None
            if isinstance(inner, dict):
                inner = dict(inner)
            elif isinstance(inner, list):
                inner = list(inner)
            else:
                break
            container[step] = inner
            container = inner
        else:
            if isinstance(container, dict):
                container.pop(path[-1], None)
    return trimmed
