"""Writing output atomically: readers see the old file or folder or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import OutputError
from .i18n import Message, tr


def why(error: OSError, path: Path | None = None) -> Message:
    """What an operating-system error means for someone who wrote there, and what to do,
    in their language (the system's own text is English, or the machine's language)."""
    code = error.errno
    if code == errno.EISDIR or (path is not None and code in (errno.EEXIST, errno.EACCES) and path.is_dir()):
        return tr("it is a folder: give the name of a file to write")
    if code in (errno.EACCES, errno.EPERM):
        return tr("no permission to write there: choose another place, or ask for write access")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return tr("the disk is full: make room, then run it again")
    if code == errno.EROFS:
        return tr("the disk is read-only: choose another place")
    if code in (errno.ENOTDIR, errno.EEXIST):  # EEXIST: making a folder where a file is
        return tr("part of the path is a file, not a folder: check the path")
    if code == errno.ENAMETOOLONG:
        return tr("the name is too long: choose a shorter path")
    return tr("{reason}: check the path and try again", reason=str(error.strerror or error))


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file beside it: text as UTF-8 with
    ``\\n`` line ends, bytes as they are.

    The temporary file lives in the target folder (a rename across file systems is not
    atomic) and takes over the mode of the file it replaces, so git sees no mode change.
    Raises :class:`OutputError` when the file cannot be written or is read-only; what was
    there is kept.
    """
    _refuse_read_only(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(tr("cannot write {path}: {reason}", path=str(path), reason=why(error, path))) from error
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
            raise OutputError(tr("cannot write {path}: {reason}", path=str(path), reason=why(error, path))) from error
        raise


def _refuse_read_only(path: Path) -> None:
    """A file someone made read-only (``chmod 444``) is not replaced behind their back."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if path.is_file() and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise OutputError(tr("{path} is read-only: make it writable first if it should change; nothing was written",
                             path=str(path)))


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


# --- Replacing a whole folder ------------------------------------------------------------

_NEW, _OLD = ".new", ".old"
"""Suffixes of the hidden folders beside an output folder while it is replaced."""


def replace_folder(
    out: Path, fill: Callable[[Path], None], carry: bool = False, what: Message | None = None
) -> None:
    """Give ``out`` new contents as one: readers see the old folder or the new, never neither.

    ``fill(staging)`` writes the new contents into a hidden folder beside ``out``
    (``.NAME.XXXX.new``, same file system); every file is then flushed to disk and the
    folder takes ``out``'s place. With ``carry``, what ``out`` holds is copied in first, so
    files ``fill`` does not write are kept.

    The swap is one atomic exchange of the two folders where the system has one (Linux
    ``renameat2(RENAME_EXCHANGE)``, macOS ``renamex_np(RENAME_SWAP)``); elsewhere it is two
    renames, and a run killed between them leaves the old folder as ``.NAME.XXXX.old``,
    which the next run puts back before it does anything else. Every run removes what
    earlier killed runs left beside ``out``. Two runs writing one folder at the same moment
    are not supported. Raises :class:`OutputError` when anything cannot be written; ``out``
    is then as it was. ``what`` names the contents in that message (``tr("the feeds")``).
    """
    parent = out.absolute().parent
    staging: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _recover(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=_NEW, dir=parent))
        os.chmod(staging, out.stat().st_mode & 0o7777 if out.is_dir() else 0o777 & ~umask())
        if carry and out.is_dir():
            shutil.copytree(out, staging, dirs_exist_ok=True, symlinks=True)
        fill(staging)
        _flush(staging)
        _swap(staging, out)
        staging = None
    except OSError as error:
        reason = why(error)
        if what is None:
            message = tr("cannot write {folder}: {reason}; it was left as it was", folder=str(out), reason=reason)
        else:
            message = tr("cannot write {what} to {folder}: {reason}; it was left as it was",
                         what=what, folder=str(out), reason=reason)
        raise OutputError(message) from error
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _leftovers(out: Path, suffix: str) -> list[Path]:
    parent = out.absolute().parent
    prefix = f".{out.name}."
    return sorted(
        (p for p in parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(suffix)),
        key=lambda p: p.lstat().st_mtime,
    )


def _recover(out: Path) -> None:
    """Undo what killed runs left: put a stranded old folder back, remove the rest."""
    old = _leftovers(out, _OLD)
    if old and not os.path.lexists(out):
        os.rename(old.pop(), out)  # killed between the two renames: the newest is the last good one
    for path in [*old, *_leftovers(out, _NEW)]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _flush(folder: Path) -> None:
    """fsync every file below ``folder``, so that the swap never publishes unwritten data.

    The fsyncs run side by side: the file system then commits them together, and a folder
    of 250 feeds is flushed in a few hundredths of a second instead of a second (one by
    one, each waits for its own journal commit).
    """
    paths = [
        os.path.join(root, name)
        for root, _, names in os.walk(folder)
        for name in names
        if not os.path.islink(os.path.join(root, name))
    ]
    if len(paths) < 2:
        for path in paths:
            _fsync(path)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(16, len(paths))) as pool:
        for _ in pool.map(_fsync, paths):  # re-raises the first OSError
            pass


def _fsync(path: str) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _swap(staging: Path, out: Path) -> None:
    if not os.path.lexists(out):
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        _remove(staging)  # now the old folder
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=_OLD, dir=staging.parent))
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)
        raise
    _remove(old)


def _remove(path: Path) -> None:
    """Remove a file or a whole folder; a folder's files are unlinked side by side, since on
    a file system mounted with ``discard`` each unlink waits for the disk (a second for the
    250 files of a feed folder one by one, a tenth side by side)."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
        return
    files = [os.path.join(root, name) for root, _, names in os.walk(path) for name in names]
    if len(files) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(16, len(files))) as pool:
            list(pool.map(_unlink_quietly, files))
    shutil.rmtree(path, ignore_errors=True)  # the folders, and anything left


def _unlink_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # rmtree tries again and ignores what cannot go


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False when the system or file system cannot."""
    import ctypes
    import errno
    import sys

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    a, b = os.fsencode(first), os.fsencode(second)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2
        result = libc.renameat2(at_fdcwd, a, at_fdcwd, b, rename_exchange)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        rename_swap = 2
        result = libc.renamex_np(a, b, rename_swap)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # e.g. a file system without exchange: two renames instead
    raise OSError(code, os.strerror(code), str(second))
