"""Writing output files atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it: text as UTF-8 with
    ``\\n`` line ends, bytes as they are.

    The temporary file lives in the target folder (a rename across file systems is not
    atomic) and takes over the mode of the file it replaces, so git sees no mode change.
    Raises :class:`OutputError` when the file cannot be written; what was there is kept.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        os.chmod(temporary, _mode(path))
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
        raise


def _mode(path: Path) -> int:
    """The existing file's permissions, else what ``open`` would give (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~umask()


def umask() -> int:
    """The process's umask: the permissions new files and folders do not get."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
