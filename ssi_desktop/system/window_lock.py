"""Where the lock of the window open on a database lives, and who holds it, without Qt.

The window takes the lock with QLockFile (see single_instance.py), which writes its process id
in the file and, on POSIX systems, holds an flock() on it while the window runs. The command
line reads it to refuse swapping the file under an open window (its writes would go to the
file moved aside).

That lock is found by the database's path and the data folder, which another HOME or
XDG_DATA_HOME, or a hard link to the file, would miss. So the window also holds an flock() on
the database file itself (hold_database_file): it follows the file's inode whatever names or
environment reach it. SQLite locks with fcntl(), which Linux keeps apart from flock().
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ssi_desktop.system.paths import data_dir

try:
    import fcntl
except ImportError:  # Windows: no flock; the process id in the file is all there is
    fcntl = None  # type: ignore[assignment]


def lock_key(db_path: Path) -> str:
    return hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:20]


def lock_path(db_path: Path) -> Path:
    return data_dir() / "locks" / f"{lock_key(db_path)}.lock"


_held_fd: int | None = None


def hold_database_file(db_path: Path) -> bool:
    """The window's flock on the database file (again after a restore swapped the file).

    Returns whether it is held; where flock is missing or the file cannot be opened, the lock
    by path is all there is.
    """
    global _held_fd
    release_database_file()
    if fcntl is None:
        return False
    try:
        fd = os.open(db_path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    _held_fd = fd
    return True


def release_database_file() -> None:
    global _held_fd
    if _held_fd is not None:
        os.close(_held_fd)  # closing the only descriptor lets go of the flock
        _held_fd = None


def _file_held_by_a_window(db_path: Path) -> bool:
    if fcntl is None:
        return False
    try:
        fd = os.open(db_path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if _held_fd is not None and _same_file(fd, _held_fd):
            return False  # this very process holds it (the window's own restore)
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        return False
    finally:
        os.close(fd)


def _same_file(one: int, other: int) -> bool:
    first, second = os.fstat(one), os.fstat(other)
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def window_holding(db_path: Path) -> int | None:
    """The process id of the window that has ``db_path`` open, 0 when unknown, or None."""
    by_path = _holder_by_path(db_path)
    if by_path is not None:
        return by_path
    return 0 if _file_held_by_a_window(db_path) else None


def _holder_by_path(db_path: Path) -> int | None:
    path = lock_path(db_path)
    try:
        with path.open("rb") as handle:
            first_line = handle.readline().strip()
            if fcntl is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except OSError:
                    pass  # held: a window is running
                else:
                    fcntl.flock(handle, fcntl.LOCK_UN)
                    return None  # a lock file left behind by a window that ended
    except OSError:
        return None
    return int(first_line) if first_line.isdigit() else 0
