"""The built-in templates compiled once and kept in the user's cache folder.

Jinja compiles a template's source to Python code on every run that loads it: about
40 ms for the workbook and the partials it imports, the same work each time. The
built-in templates' compiled code (Jinja's "bytecode") is kept in planverk's cache folder
(:mod:`planverk.cachedir`, docs/cache.md) and used only when it cannot be stale: Jinja
stores a hash of the source beside the code and drops the entry when the source read now
hashes otherwise, and the entry's name is a hash of the template's file, the Jinja and
Python versions and the options it was compiled with. The file itself carries a hash of
what follows it, so a torn or damaged entry is compiled again, never run.

Only :class:`~planverk.render.engine.BuiltinEnvironment` uses it: a user's templates are
compiled afresh every run.
"""

from __future__ import annotations

import hashlib
import sys
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from .. import cachedir

_DIGEST = 32
"""Bytes of the BLAKE2b hash that heads every entry."""


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache over planverk's cache folder.

    ``options``: what the environment compiles with (its class, ``trim_blocks`` and the
    like), part of every entry's name.
    """

    def __init__(self, options: dict[str, Any]) -> None:
        described = sorted((key, getattr(value, "__qualname__", repr(value))) for key, value in options.items())
        self.salt = repr((jinja2.__version__, sys.version, sys.implementation.cache_tag, described))

    def entry(self, bucket: Bucket) -> str:
        """The cache file's name for ``bucket`` (a template of one file)."""
        name = hashlib.blake2b(f"{self.salt}|{bucket.key}".encode(), digest_size=16).hexdigest()
        return f"template-{name}.bin"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = cachedir.read(self.entry(bucket))
        if data is None or len(data) <= _DIGEST or _hash(data[_DIGEST:]) != data[:_DIGEST]:
            return
        try:
            bucket.bytecode_from_string(data[_DIGEST:])  # dropped unless the source's hash matches
        except Exception:  # noqa: BLE001 - an entry Jinja or marshal cannot read is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        payload = bucket.bytecode_to_string()
        cachedir.write(self.entry(bucket), _hash(payload) + payload)
