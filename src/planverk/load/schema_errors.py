"""Turn Pydantic validation errors into findings at the right file, line and column."""

from __future__ import annotations

import types
import typing
from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Finding, Position, finding
from ..i18n import Either, Message, MessageError, tr
from .planfiles import ITEM_WORDS
from .yamlsource import SourceMap

Loc = tuple[str | int, ...]


def locate(source: SourceMap, path: Loc) -> Position | None:
    """The position of ``path``, or of its nearest ancestor the file records."""
    for end in range(len(path), -1, -1):
        position = source.values.get(tuple(path[:end]))
        if position is not None:
            return position
    return None


def leftover_hint(source: SourceMap, path: Loc, root: type[BaseModel] | None = None) -> Message | None:
    """What to do when the value at ``path`` (or a mapping it is in) is a key a comma split
    off inside ``{ }`` (:class:`~planverk.load.yamlsource.Leftover`); None when it is not.

    ``root`` (the plan's model by default) tells whether the entry the comma cut takes a
    list, which is written in ``[ ]`` rather than quoted.
    """
    if not source.leftovers:
        return None
    for end in range(len(path), 0, -1):
        leftover = source.leftovers.get(tuple(path[:end]))
        if leftover is None:
            continue
        if leftover.field is not None and leftover.value is not None:
            if _takes_list(root, path[: end - 1], leftover.field):
                return tr("inside {{ }} a comma separates entries, so '{key}' was read as a key "
                          "without a value: write the list in brackets ({field}: [{value}]) or in "
                          "block style, one item per line", key=leftover.key, field=leftover.field,
                          value=leftover.value)
            quoted = "'" + leftover.value.replace("'", "''") + "'"
            return tr("inside {{ }} a comma separates entries, so '{key}' was read as a key without "
                      "a value: quote the value ({field}: {value}) or write the mapping in block "
                      "style, one key per line", key=leftover.key, field=leftover.field, value=quoted)
        return tr("inside {{ }} a comma separates entries, so '{key}' was read as a key without a "
                  "value: write '{key}: value', quote a value that holds a comma, or write the "
                  "mapping in block style, one key per line", key=leftover.key)
    return None


def _takes_list(root: type[BaseModel] | None, mapping: Loc, key: str) -> bool:
    """Whether ``key`` of the mapping at ``mapping`` holds a list."""
    if root is None:
        from ..model import Plan

        root = Plan
    model = model_at(root, mapping)
    fields = model.model_fields if model is not None else {}
    field = fields.get(key) or next((f for f in fields.values() if f.alias == key), None)
    return field is not None and any(typing.get_origin(t) is list for t in _unwrap(field.annotation))


def with_hint(message: Message, source: SourceMap, path: Loc, root: type[BaseModel] | None = None) -> Message:
    """``message``, followed by the leftover hint when ``path`` is a leftover."""
    hint = leftover_hint(source, path, root)
    return message if hint is None else tr("{problem}; {hint}", problem=message, hint=hint)


def _unwrap(annotation: Any) -> list[Any]:
    """The candidate types inside Annotated/Optional/Union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def model_at(model: type[BaseModel], path: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping found at ``path`` below ``model``."""
    current: Any = model
    for step in path:
        candidates = _unwrap(current)
        if isinstance(step, int):
            items = [typing.get_args(c)[0] for c in candidates if typing.get_origin(c) is list]
            if not items:
                return None
            current = items[0]
            continue
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not models:
            return None
        fields = models[0].model_fields
        field = fields.get(step) or next(
            (f for f in fields.values() if f.alias == step), None
        )
        if field is None:
            return None
        current = field.annotation
    models = [c for c in _unwrap(current) if isinstance(c, type) and issubclass(c, BaseModel)]
    return models[0] if models else None


def key_names(model: type[BaseModel]) -> list[str]:
    """The YAML keys a model accepts."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _describe(value: Any) -> str:
    """A value as the plan's YAML writes it ('text', null, true, [a, b], {a: 1}), never as
    Python would (None, True, ['a', 'b']); cut to 40 characters."""
    text = f"'{value}'" if isinstance(value, str) else _as_yaml(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _as_yaml(value: Any) -> str:
    """``value`` in YAML's flow style, strings plain."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_as_yaml(k)}: {_as_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_as_yaml(v) for v in value) + "]"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _norwegian_key(key: str, known: list[str]) -> list[str]:
    """The one key of ``known`` whose bokmål or nynorsk name ``key`` is (``slutt`` for
    ``end``, ``stad`` for ``location``: a key written in the plan's language), else none; a
    name two keys share (``frist``) names neither."""
    from ..review.fieldwords import FIELD_NAMES  # only for a finding: a table of words

    def said(text: str) -> str:
        return " ".join(text.casefold().replace("_", " ").replace("-", " ").split())

    meant = {name for name in known for language in ("nb", "nn")
             if said(FIELD_NAMES[language].get(name, name)) == said(key) and said(name) != said(key)}
    return sorted(meant) if len(meant) == 1 else []


def _allowed(root: type[BaseModel], loc: Loc) -> tuple[str, ...]:
    """The values the field at ``loc`` below ``root`` takes when it is a ``Literal`` (``nb``,
    ``nn``, ``en`` for plan.language), as the model declares them; empty for any other field."""
    model = model_at(root, loc[:-1]) if loc and isinstance(loc[-1], str) else None
    if model is None:
        return ()
    fields = model.model_fields
    field = fields.get(str(loc[-1])) or next((f for f in fields.values() if f.alias == loc[-1]), None)
    if field is None:
        return ()
    return tuple(str(value) for candidate in _unwrap(field.annotation)
                 if typing.get_origin(candidate) is typing.Literal for value in typing.get_args(candidate))


def _expected(item: Any, allowed: tuple[str, ...] = ()) -> Message:
    """What a value of the wrong type should have been, in planverk's words; ``allowed``: the
    values a ``Literal`` field takes (see :func:`_allowed`), said as 'nb, nn or en' in the
    plan's language rather than pydantic's English list.

    Pydantic's own English is used only for error types planverk does not name here.
    """
    kind, ctx = item["type"], item.get("ctx") or {}
    if kind == "literal_error" and allowed:
        return tr("expected one of {choices}", choices=Either(allowed))
    if kind in ("string_type", "string_sub_type"):
        return tr("expected text")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return tr("expected a whole number")
    if kind in ("float_type", "float_parsing", "decimal_type", "decimal_parsing"):
        return tr("expected a number")
    if kind in ("bool_type", "bool_parsing"):
        return tr("expected true or false")
    if kind in ("list_type", "tuple_type", "set_type"):
        return tr("expected a list (items start with '- ')")
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return tr("expected a mapping of keys and values")
    if kind in ("literal_error", "enum"):
        return tr("expected one of {choices}", choices=str(ctx.get("expected", "")))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(str(ctx[k]) for k in ("gt", "ge", "lt", "le") if k in ctx)
        sign = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<", "less_than_equal": "<="}[kind]
        return tr("expected a number {sign} {bound}", sign=sign, bound=bound)
    if kind in ("string_too_short", "too_short"):
        return tr("expected at least {min} (got fewer)", min=str(ctx.get("min_length", 1)))
    if kind in ("too_long", "string_too_long"):
        return tr("expected at most {max} (got more)", max=str(ctx.get("max_length", "")))
    return Message("{problem}", (("problem", str(item["msg"])),))  # pydantic's words, untranslated


def _path_text(loc: Loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def field_name(loc: Loc, data: Any = None) -> str | Message:
    """What a message calls the value at ``loc``: ``time of event 'mote'``.

    An item of a top-level list is named by its id, never by its index in the merged
    plan (``events[9]`` may be the file's fifth event); its position names the file.
    """
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[0] in ITEM_WORDS:
        items = data.get(loc[0]) if isinstance(data, dict) else None
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ref = item.get("id") if isinstance(item, dict) else None
        kind = ITEM_WORDS[str(loc[0])]
        rest = _path_text(loc[2:])
        if isinstance(ref, str):
            if rest:
                return tr("{field} of {kind} '{id}'", field=rest, kind=kind, id=ref)
            return tr("{kind} '{id}'", kind=kind, id=ref)
        if rest:
            return tr("{field} of a {kind} without an id", field=rest, kind=kind)
        return tr("a {kind} without an id", kind=kind)
    return _path_text(loc) or "plan"


def convert(
    error: ValidationError, root: type[BaseModel], source: SourceMap, data: Any = None
) -> list[Finding]:
    """One finding per Pydantic error, with positions and hints; ``data`` names items by id."""
    findings = []
    errors = error.errors(include_url=False)
    missing: dict[Loc, list[str]] = {}
    for item in errors:
        if item["type"] == "missing":
            missing.setdefault(tuple(item["loc"])[:-1], []).append(str(item["loc"][-1]))
    errored = {tuple(item["loc"]) for item in errors}
    for item in errors:
        loc: Loc = tuple(item["loc"])
        kind = item["type"]
        if loc[-1:] == ("[key]",) and loc[:-1] in source.leftovers and loc[:-1] in errored:
            continue  # {2027: 3,5 mill.}: the part after the comma is told once, at its value, with the hint
        if kind == "extra_forbidden":
            key = str(loc[-1])
            model = model_at(root, loc[:-1])
            known = key_names(model) if model else []
            match = _norwegian_key(key, known) or get_close_matches(key, known, n=1, cutoff=0.6)
            hint = leftover_hint(source, loc, root)
            lacking = missing.get(loc[:-1], [])
            if hint is not None and len(lacking) == 1 and loc in source.leftovers:
                # {start: 2025-01-01, 2025-12-31}: the value of the one key that is missing
                message = tr("unknown key '{key}'; inside {{ }} a comma separates entries, so '{key}' was "
                             "read as a key without a value: did you mean '{field}: {key}'? ('{field}' is "
                             "missing)", key=key, field=lacking[0])
            elif hint is not None:
                message = tr("unknown key '{key}'; {hint}", key=key, hint=hint)
            elif match:
                message = tr("unknown key '{key}': did you mean '{near}'?", key=key, near=match[0])
            elif known:
                message = tr("unknown key '{key}' (known keys: {keys})", key=key, keys=", ".join(known))
            else:
                message = tr("unknown key '{key}'", key=key)
            where = source.keys.get(loc) or locate(source, loc)
            findings.append(finding("PV100", message, where))
            continue
        where = locate(source, loc)
        field = field_name(loc, data)
        hint = leftover_hint(source, loc, root) if loc in source.leftovers and kind != "missing" else None
        if hint is not None:
            # {2025: 3,5 mill. kr}: the comma cut the value, and the key it left ('5 mill. kr') is
            # no field: the finding names the mapping ('effect') and the hint quotes the value
            findings.append(finding("PV101", tr("{field}: {problem}", field=field_name(loc[:-1], data),
                                                problem=hint), where))
            continue
        if kind == "missing":
            findings.append(finding("PV101", with_hint(tr("'{key}' is missing (required)", key=str(loc[-1])),
                                                       source, loc, root), locate(source, loc[:-1])))
            continue
        raised = (item.get("ctx") or {}).get("error")
        own = raised.message if isinstance(raised, MessageError) else None
        if own is not None and own.template.startswith(("an id uses", "an id names")):
            message = tr("{value}: {problem}", value=_describe(item["input"]), problem=own)
            findings.append(finding("PV102", with_hint(message, source, loc, root), where))
            continue
        if kind.startswith("date_"):
            message = tr("{value} is not a valid date: write YYYY-MM-DD, a day the calendar has",
                          value=_describe(item["input"]))
        elif kind.startswith("datetime_"):
            message = tr("{value} is not a valid date-time: write YYYY-MM-DDTHH:MM, a day the calendar has",
                          value=_describe(item["input"]))
        elif own is not None:
            message = tr("{field}: {problem}", field=field, problem=own)
        elif "input" in item and kind not in ("value_error", "assertion_error"):
            message = tr("{field}: {problem}, got {value}", field=field,
                          problem=_expected(item, _allowed(root, loc)),
                          value=_describe(item["input"]))
        else:
            message = tr("{field}: {problem}", field=field, problem=_expected(item))
        if loc in source.leading_zero:
            message = tr("{problem}; it was read as a number and lost its leading zero: quote it, "
                          "e.g. '0301'", problem=message)
        findings.append(finding("PV101", with_hint(message, source, loc, root), where))
    return findings
