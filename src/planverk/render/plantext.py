"""Plan text stays plan text in whatever a template builds from it.

Templates print plan text (:class:`planverk.model.base.PlanText`) escaped as Markdown.
Text a template builds from it is plan text too, and so escaped where it is printed,
however it was built: joined with ``~`` or ``+``, formatted (``%``, ``format``,
``str.format``), sliced or indexed, iterated character by character, changed by one of
Jinja's filters (``upper``, ``replace``, ``truncate``, ``safe`` ...) or by a method of the
text (``.strip()``, ``.split()``). Literal text joined to it is escaped with it: write
Markdown in the template around ``{{ }}``, not inside the expression.
"""

from __future__ import annotations

from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame

from ..model.base import PlanText


def holds_plan_text(value: Any, depth: int = 2) -> bool:
    """Whether ``value`` is plan text, or a list, tuple or dict (values) holding some,
    two levels down."""
    if isinstance(value, PlanText):
        return True
    if depth and isinstance(value, (list, tuple)):
        return any(holds_plan_text(item, depth - 1) for item in value)
    if depth and isinstance(value, dict):
        return any(holds_plan_text(item, depth - 1) for item in value.values())
    return False


def as_plan_text(value: Any) -> Any:
    """A text as :class:`PlanText`, a list or tuple of texts as one of plan texts; any
    other value as it is."""
    if isinstance(value, str):
        return value if isinstance(value, PlanText) else PlanText(value)
    if isinstance(value, (list, tuple)) and any(isinstance(item, str) for item in value):
        return type(value)(as_plan_text(item) for item in value)
    return value


def kept(result: Any, *sources: Any) -> Any:
    """``result`` as plan text when it is a text (or a list or tuple of texts) and any of
    ``sources`` (what built it) holds plan text; any other result at once, unread."""
    if isinstance(result, PlanText):
        return result
    if isinstance(result, str) or (
        isinstance(result, (list, tuple)) and result and type(result[0]) is str
    ):
        return as_plan_text(result) if any(holds_plan_text(s) for s in sources) else result
    return result


def concat(values: tuple[Any, ...]) -> str:
    """``a ~ b ~ c``: Jinja's joining of the values' texts, plan text if any value is."""
    return kept("".join(map(str, values)), values)


def characters(value: Any) -> Any:
    """What ``{% for c in value %}`` walks: plan text's characters as plan text."""
    return [PlanText(c) for c in value] if isinstance(value, PlanText) else value


class _Sliced:
    """Plan text whose slices (``title[:40]``) are plan text."""

    __slots__ = ("text",)

    def __init__(self, text: PlanText) -> None:
        self.text = text

    def __getitem__(self, key: slice) -> PlanText:
        return PlanText(self.text[key])


def sliceable(value: Any) -> Any:
    """What ``value[a:b]`` slices (Jinja slices without the environment's getitem)."""
    return _Sliced(value) if isinstance(value, PlanText) else value


class PlanTextCodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``~``, ``for`` and slices keeping plan text plan text:
    they call the environment's ``plan_concat``, ``plan_characters`` and ``plan_sliceable``."""

    def visit_Getitem(self, node: nodes.Getitem, frame: Frame) -> None:
        if not isinstance(node.arg, nodes.Slice):
            super().visit_Getitem(node, frame)
            return
        self.write("environment.plan_sliceable(")
        self.visit(node.node, frame)
        self.write(")[")
        self.visit(node.arg, frame)
        self.write("]")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.plan_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        walked = nodes.Call(nodes.EnvironmentAttribute("plan_characters"), [node.iter], [], None, None)
        node.iter = walked.set_lineno(node.iter.lineno)
        super().visit_For(node, frame)
