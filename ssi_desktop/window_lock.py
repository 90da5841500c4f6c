"""Where the lock of the window open on a database lives, and who holds it, without Qt.

The window takes the lock with QLockFile (see single_instance.py), which writes its process id
in the file and, on POSIX systems, holds an flock() on it while the window runs. The command
line reads it to refuse swapping the file under an open window (its writes would go to the
file moved aside).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ssi_desktop.paths import data_dir

try:
    import fcntl
except ImportError:  # Windows: no flock; the process id in the file is all there is
    fcntl = None  # type: ignore[assignment]


def lock_key(db_path: Path) -> str:
    return hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:20]


def lock_path(db_path: Path) -> Path:
    return data_dir() / "locks" / f"{lock_key(db_path)}.lock"


def window_holding(db_path: Path) -> int | None:
    """The process id of the window that has ``db_path`` open, or None."""
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
