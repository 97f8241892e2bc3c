"""The validators of the plan model, built from a core schema kept between runs.

pydantic makes a model's validator in two steps: from the model's Python annotations it
generates a *core schema* (plain dicts naming planverk's validator functions and model
classes), then pydantic-core compiles that into a validator. For the plan (about 45
models, 300 fields) the first step takes about 45 ms, a fifth of ``planverk validate``
on a small plan; the second well under one. So the core schema of the models that are
validated directly (the plan, and its period for the validation context) is kept in a
file of the user's cache folder (:mod:`planverk.cachedir`), and the next run compiles
its validators from that file. Everything else about the classes is pydantic's as usual;
any other use of their schema (JSON Schema, serialising) builds it the normal way.

**An entry is used only when it cannot be stale.** Its file name is a hash of planverk's
version and install folder, the Python, pydantic and pydantic-core versions and the
models' names; inside, it lists every planverk module that was loaded when it was
written (every module that can shape the schema is among them: the model imports them)
with a hash (BLAKE2b) of its source, and each is compared with the source on disk before
the entry is read. A module that changed, a source newer than the process that would
write the entry, a torn or corrupt file (its payload has a hash too), or anything in it
that pydantic-core refuses: the entry is ignored, pydantic builds the validators from
the annotations as always, and a fresh entry replaces it. Entries are written to a
temporary file and renamed over the old one (``os.replace``), so runs that share the
folder read a whole entry or none.

**Security.** The payload is a pickle, the one format that can name the Python
functions a core schema calls. It is read only from a folder and file that this user
owns and no one else can write (:func:`planverk.cachedir.private_folder`), and it is
unpickled with a loader that resolves names only in planverk's model modules (objects
defined there), pydantic's own validator functions, and a few builtin types: no other
module is imported or reached.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import io
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import planverk

from ..cachedir import cache_folder, read, write

FORMAT = b"planverk model cache 1\n"
"""The first line of an entry; a change in its layout changes the number."""

PACKAGE = Path(planverk.__file__).resolve().parent

status = "off"
"""What :func:`prepare` did in this process: ``hit`` (validators compiled from an
entry), ``written`` (built by pydantic, entry written), ``built`` (built by pydantic, no
entry written: the folder is not this user's alone or not writable, or a source is newer
than the process) or ``off`` (caching turned off: pydantic builds the validators when
they are first used)."""


def prepare(models: dict[str, Any]) -> None:
    """Give each model in ``models`` (name: pydantic model class, defined with
    ``defer_build``) its validator: from the cache entry when it is current, else built by
    pydantic, then written to the cache. Sets :data:`status`."""
    global status
    if cache_folder() is None:
        status = "off"
        return
    name = _entry_name(models)
    try:
        data = read(name)
        if data is not None and _install(data, models):
            status = "hit"
            return
    except Exception:  # noqa: BLE001  any fault of an entry, or a pydantic that reads it otherwise
        pass
    _build(models, force=True)
    status = "written" if _write(name, models) else "built"


def _entry_name(models: dict[str, Any]) -> str:
    import pydantic_core
    from pydantic.version import VERSION

    key = hashlib.blake2b(digest_size=16)
    parts = [FORMAT.decode(), planverk.__version__, str(PACKAGE), sys.version, sys.implementation.cache_tag,
             VERSION, pydantic_core.__version__,
             *(f"{name}={model.__module__}.{model.__qualname__}" for name, model in sorted(models.items()))]
    for part in parts:
        key.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return f"model-{key.hexdigest()}.bin"


def _digest(data: bytes | memoryview) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _install(data: bytes, models: dict[str, Any]) -> bool:
    """Compile the validators from the entry ``data`` and set them; False if it is stale."""
    from pydantic_core import SchemaValidator

    if not data.startswith(FORMAT):
        return False
    end = data.index(b"\n", len(FORMAT))
    header = json.loads(data[len(FORMAT):end])
    payload = memoryview(data)[end + 1:]
    if header.get("payload") != _digest(payload) or not _unchanged(header["sources"]):
        return False
    entry = _Unpickler(io.BytesIO(payload)).load()
    validators = {name: SchemaValidator(entry[name]["schema"], entry[name]["config"]) for name in models}
    for name, model in models.items():
        model.__pydantic_validator__ = validators[name]
    return all(model.__pydantic_validator__ is validators[name] for name, model in models.items())


def _unchanged(sources: dict[str, str]) -> bool:
    for relative, digest in sources.items():
        try:
            if _digest((PACKAGE / relative).read_bytes()) != digest:
                return False
        except OSError:
            return False
    return True


def _build(models: dict[str, Any], force: bool = False) -> None:
    """pydantic's own build of each model's validator (as if ``defer_build`` were off)."""
    for model_class in models.values():
        model_class.model_rebuild(force=force)


def _write(name: str, models: dict[str, Any]) -> bool:
    """Write the entry for the models as pydantic built them; False when none is written."""
    try:
        sources = _loaded_sources()
        entry = {}
        for key, model in models.items():
            schema = model.__pydantic_core_schema__
            entry[key] = {"schema": _without_metadata(schema), "config": _model_config(schema, model)}
        if sources is None or any(part["config"] is None for part in entry.values()):
            return False
        payload = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        _Unpickler(io.BytesIO(payload)).load()  # an entry the next run could not read is not written
    except Exception:  # noqa: BLE001  a pydantic that builds otherwise: no entry, as before the cache
        return False
    header = json.dumps({"payload": _digest(payload), "sources": sources}, sort_keys=True)
    return write(name, FORMAT + header.encode("ascii") + b"\n" + payload)


def _model_config(schema: Any, model: Any) -> dict[str, Any] | None:
    """The core config pydantic compiled ``model``'s validator with: its ``model`` schema's
    own (pydantic-core's ``ModelSchema``), found at the top or among the definitions; None
    when the schema is shaped otherwise."""
    candidates = [schema]
    if isinstance(schema, dict) and schema.get("type") == "definitions":
        candidates = [schema.get("schema"), *schema.get("definitions", ())]
    for candidate in candidates:
        if isinstance(candidate, dict) and candidate.get("type") == "model" and candidate.get("cls") is model:
            config = candidate.get("config")
            return dict(config) if isinstance(config, dict) else None
    return None


def _loaded_sources() -> dict[str, str] | None:
    """Each loaded planverk module's source file (relative to the package) and its hash;
    None when one of them changed after this process began to import planverk (what was
    imported may not be what is on disk now)."""
    limit = getattr(planverk, "IMPORTED_NS", 0) - 2_000_000_000  # file systems keep mtimes to 2 s
    sources: dict[str, str] = {}
    for name, module in list(sys.modules.items()):
        if name != "planverk" and not name.startswith("planverk."):
            continue
        file = getattr(module, "__file__", None)
        if not file:
            continue
        source = Path(file).resolve()
        with open(source, "rb") as opened:
            if os.fstat(opened.fileno()).st_mtime_ns >= limit:
                return None
            sources[source.relative_to(PACKAGE).as_posix()] = _digest(opened.read())
    return dict(sorted(sources.items()))


def _without_metadata(schema: Any) -> Any:
    """The core schema without its ``metadata`` (what JSON Schema generation reads; the
    validator does not), which holds closures and pydantic's JSON Schema classes."""
    if isinstance(schema, dict):
        return {key: _without_metadata(value) for key, value in schema.items()
                if not (key == "metadata" and "type" in schema)}
    if isinstance(schema, list):
        return [_without_metadata(value) for value in schema]
    if isinstance(schema, tuple):
        return tuple(_without_metadata(value) for value in schema)
    return schema


_BUILTINS = {("builtins", name): getattr(builtins, name) for name in
             ("dict", "list", "tuple", "set", "frozenset", "str", "int", "float", "bool", "bytes")}
_BUILTINS["functools", "partial"] = functools.partial
_MODULES = ("pydantic._internal._validators",)


def _member(owner: Any, name: str) -> Any:
    """``getattr`` as an entry may use it: a method of a class defined in a model module."""
    kind = owner if isinstance(owner, type) else type(owner)
    if not _model_module(getattr(kind, "__module__", "")) or name.startswith("__"):
        raise pickle.UnpicklingError(f"{name} of {kind!r} is not a method of planverk's model")
    if not any(name in vars(base) and callable(getattr(owner, name)) for base in kind.__mro__
               if _model_module(getattr(base, "__module__", ""))):
        raise pickle.UnpicklingError(f"{name} of {kind!r} is not a method of planverk's model")
    return getattr(owner, name)


def _model_module(module: str) -> bool:
    return module.startswith("planverk.model.")


class _Unpickler(pickle.Unpickler):
    """Resolves only objects defined in planverk's model modules or pydantic's validators
    (modules already imported), a few builtin types, and methods of the model's classes."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _member
        if (module, name) in _BUILTINS:
            return _BUILTINS[module, name]
        if (_model_module(module) or module in _MODULES) and module in sys.modules \
                and not any(part.startswith("__") for part in name.split(".")):
            found = super().find_class(module, name)
            if getattr(found, "__module__", None) == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of planverk's model")
