"""Writing files atomically: a reader (or a crash) never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends to ``path`` via a temp file and a rename.

    The temp file lives in the target folder (a rename across file systems is not atomic)
    and takes over the mode of the file it replaces, so git sees no mode change.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~umask()
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def umask() -> int:
    """The process's umask: the permissions new files and folders do not get."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
