"""Turn Pydantic validation errors into findings at the right file, line and column."""

from __future__ import annotations

import types
import typing
from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Finding, Position, finding
from .planfiles import ITEM_NAMES
from .yamlsource import SourceMap

Loc = tuple[str | int, ...]


def locate(source: SourceMap, path: Loc) -> Position | None:
    """The position of ``path``, or of its nearest ancestor the file records."""
    for end in range(len(path), -1, -1):
        position = source.values.get(tuple(path[:end]))
        if position is not None:
            return position
    return None


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


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _describe(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "..."


def _path_text(loc: Loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def field_name(loc: Loc, data: Any = None) -> str:
    """What a message calls the value at ``loc``: ``time of event 'mote'``.

    An item of a top-level list is named by its id, never by its index in the merged
    plan (``events[9]`` may be the file's fifth event); its position names the file.
    """
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[0] in ITEM_NAMES:
        items = data.get(loc[0]) if isinstance(data, dict) else None
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ref = item.get("id") if isinstance(item, dict) else None
        name = ITEM_NAMES[str(loc[0])]
        owner = f"{name} '{ref}'" if isinstance(ref, str) else f"this {name}"
        rest = _path_text(loc[2:])
        return f"{rest} of {owner}" if rest else owner
    return _path_text(loc) or "plan"


def convert(
    error: ValidationError, root: type[BaseModel], source: SourceMap, data: Any = None
) -> list[Finding]:
    """One finding per Pydantic error, with positions and hints; ``data`` names items by id."""
    findings = []
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            model = model_at(root, loc[:-1])
            known = key_names(model) if model else []
            match = get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f": did you mean '{match[0]}'?" if match else (
                f" (known keys: {', '.join(known)})" if known else ""
            )
            if key[:1].isdigit():
                hint = (": if it is the decimal part of a number such as 4,5, quote the number "
                        "(value: '4,5'): inside { } a comma separates entries")
            where = source.keys.get(loc) or locate(source, loc)
            findings.append(finding("PV100", f"unknown key '{key}'{hint}", where))
            continue
        where = locate(source, loc)
        field = field_name(loc, data)
        if kind == "missing":
            findings.append(finding("PV101", f"'{loc[-1]}' is missing (required)", locate(source, loc[:-1])))
            continue
        message = _clean(item["msg"])
        if message.startswith(("an id uses", "an id names")):
            findings.append(finding("PV102", f"{_describe(item['input'])}: {message}", where))
            continue
        if kind.startswith(("date_", "datetime_")):
            message = f"{_describe(item['input'])} is not a valid {'date' if kind.startswith('date_') else 'date-time'}: {message.lower()}"
            if kind.startswith("datetime_"):
                message += " (write YYYY-MM-DDTHH:MM)"
        elif "input" in item and kind not in ("value_error", "assertion_error"):
            message = f"{field}: {message}, got {_describe(item['input'])}"
        else:
            message = f"{field}: {message}"
        if loc in source.leading_zero:
            message += "; it was read as a number and lost its leading zero: quote it, e.g. '0301'"
        findings.append(finding("PV101", message, where))
    return findings
