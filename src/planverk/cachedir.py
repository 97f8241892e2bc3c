"""The user's cache folder: what planverk may rebuild at any time, kept outside every plan.

Nothing in it is ever needed: deleting the folder costs the next run the time to rebuild
what it held. It is private to the user (created ``0700`` on POSIX), and planverk reads
nothing from a folder or file another user could have written.
"""

import os
import stat
import sys
from pathlib import Path

FOLDER_VARIABLE = "PLANVERK_CACHE_DIR"
"""Names the cache folder instead of the platform's default."""

OFF_VARIABLE = "PLANVERK_NO_CACHE"
"""Any value but the empty one turns every cache off: nothing is read or written."""


def cache_folder() -> Path | None:
    """The folder planverk's caches live in, or None when caching is off.

    ``$PLANVERK_CACHE_DIR`` when set; else ``%LOCALAPPDATA%\\planverk\\Cache`` on Windows,
    ``~/Library/Caches/planverk`` on macOS, ``$XDG_CACHE_HOME/planverk`` (when that is an
    absolute path, as the XDG Base Directory Specification requires) or
    ``~/.cache/planverk`` elsewhere. None when ``$PLANVERK_NO_CACHE`` is set to anything
    but the empty string, or no home folder is known. The folder may not exist yet.
    """
    if os.environ.get(OFF_VARIABLE):
        return None
    named = os.environ.get(FOLDER_VARIABLE)
    if named:
        return Path(named)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "planverk" / "Cache" if local else None
    home = os.path.expanduser("~")
    if home == "~":
        return None
    if sys.platform == "darwin":
        return Path(home) / "Library" / "Caches" / "planverk"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path(home) / ".cache"
    return base / "planverk"


def private_folder(folder: Path) -> bool:
    """Create ``folder`` if need be; whether only this user can write to it (and so to what
    it holds). On POSIX: owned by this user, not writable by its group or others; on
    Windows, the per-user ``%LOCALAPPDATA%`` (or a folder the user named) is trusted."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.stat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(found.st_mode):
        return False
    return owned_by_user(found)


def owned_by_user(found: os.stat_result) -> bool:
    """Whether a file or folder (its ``os.stat``) is this user's and no one else can write it."""
    if not hasattr(os, "geteuid"):  # Windows: the user's own profile folder
        return True
    return found.st_uid == os.geteuid() and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(name: str) -> bytes | None:
    """The entry ``name`` of the cache folder, or None: caching is off, the folder or the
    file is not this user's alone (:func:`private_folder`), or there is no such entry."""
    folder = cache_folder()
    if folder is None or not private_folder(folder):
        return None
    try:
        with open(folder / name, "rb") as file:
            if not owned_by_user(os.fstat(file.fileno())):
                return None
            return file.read()
    except OSError:
        return None


def write(name: str, data: bytes) -> bool:
    """Make ``data`` the entry ``name``, whole or not at all: written to a temporary file in
    the folder and renamed over the entry (``os.replace``), so that runs sharing the folder
    read the old entry or the new one, never a part. False when nothing was written."""
    import tempfile

    folder = cache_folder()
    if folder is None or not private_folder(folder):
        return False
    temporary = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, folder / name)
        return True
    except OSError:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        return False
