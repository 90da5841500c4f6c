"""Backups of the database: SQLite's online backup API, kept in ``backups/`` beside the file.

A backup is a consistent copy even while the window writes (the backup API reads one snapshot),
written to a temporary name, checked, and only then renamed into place: a half-made backup
never looks like a good one. One is made automatically on the first start of each day; the 14
newest are kept. Restoring never deletes anything: the current file is moved aside first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ssi_desktop.store import health
from ssi_desktop.store.db import DatabaseError
from ssi_desktop.store.migrations import LATEST_VERSION
from ssi_desktop.system.paths import private_folder

try:
    import fcntl
except ImportError:  # Windows: no flock, so leftovers are only replaced by name
    fcntl = None  # type: ignore[assignment]

FOLDER_NAME = "backups"
KEEP = 14
_NAME = re.compile(r"-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3$")
_CLOCK_SLACK = dt.timedelta(minutes=5)
_STAMP = re.compile(r"(\d{4})(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)")  # health.stamp()


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was taken and how many log entries it holds."""

    path: Path
    taken_at: dt.datetime
    entry_count: int
    pruned: tuple[Path, ...] = ()
    """Older backups removed to make room for this one (only set by back_up_now)."""

    @property
    def entries(self) -> str:
        """``1 entry``, ``1,335 entries``: how messages name what a backup holds."""
        return entries(self.entry_count)

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "entries": self.entry_count,
            "bytes": self.path.stat().st_size,
        }


def entries(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER_NAME


@contextlib.contextmanager
def _private_temp(folder: Path, name: str) -> Iterator[Path]:
    """A new 0600 temporary file, locked (flock) while the copy into it runs.

    The lock tells remove_leftovers() a live copy from one whose process was killed.
    """
    temp = folder / f".{name}.tmp"
    temp.unlink(missing_ok=True)  # left over by a copy that was killed half-way
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield temp
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary copies that no running process holds (a backup killed half-way)."""
    removed: list[Path] = []
    if fcntl is None or not folder.is_dir():
        return removed
    for temp in folder.glob(".*.sqlite3.tmp"):
        try:
            fd = os.open(temp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a backup in another process is writing it
        else:
            temp.unlink(missing_ok=True)
            removed.append(temp)
        finally:
            os.close(fd)
    return removed


def _copy_database(source: Path, target: Path, mode: str) -> None:
    """A consistent copy of ``source`` into ``target`` (a single file, no -wal needed).

    ``mode`` "rw" for the live database (closing the last connection tidies its -wal and
    -shm files away), "ro" for a file that must not be touched at all.
    """
    if not source.is_file():
        raise DatabaseError(f"{source} does not exist")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode={mode}", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"could not copy {source} ({error})") from error
    finally:
        dst.close()
        src.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def write_backup(db_path: Path, target: Path) -> Backup:
    """Copy the database to ``target`` (never overwriting a file there); returns the Backup."""
    if os.path.lexists(target):  # a dangling symbolic link is something there too
        raise DatabaseError(f"{target} already exists; choose a new file name")
    with _private_temp(target.parent, target.name) as temp:
        try:
            _copy_database(db_path, temp, "rw")
            health.raise_if_bad(temp, LATEST_VERSION, allow_empty=False)
            temp.replace(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    return Backup(target, _taken_at(target), health.entry_count(target))


def back_up_now(db_path: Path, now: dt.datetime) -> Backup:
    """A new backup in the backups folder; older ones beyond the newest KEEP are removed.

    ``pruned`` of the result names them; the backup just taken is never among them.
    """
    folder = private_folder(backup_folder(db_path))
    remove_leftovers(folder)
    name = f"{db_path.stem}-{health.stamp(now)}.sqlite3"
    target, number = folder / name, 1
    while target.exists():
        number += 1
        target = folder / name.replace(".sqlite3", f"-{number}.sqlite3")
    made = write_backup(db_path, target)
    return replace(made, pruned=tuple(prune(db_path, now=now, spare=made.path)))


def daily_backup(db_path: Path, now: dt.datetime) -> Backup | None:
    """Back up unless a backup was already taken today; None when none was needed."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    if any(taken.date() == now.date() for _, taken in _backup_files(db_path)):
        return None
    return back_up_now(db_path, now)


def _taken_at(path: Path) -> dt.datetime:
    match = _NAME.search(path.name)
    parts = _STAMP.fullmatch(match.group(1)) if match else None
    if parts:
        # Not strptime: its first call costs start-up's backup thread 10 ms of locale set-up.
        with contextlib.suppress(ValueError):  # digits that are no time: use the file's own
            year, month, day, hour, minute, second = (int(part) for part in parts.groups())
            return dt.datetime(year, month, day, hour, minute, second)
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _backup_files(db_path: Path) -> list[tuple[Path, dt.datetime]]:
    """This database's backup files, newest first (by the time in their names)."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [
        (path, _taken_at(path))
        for path in folder.glob(f"{db_path.stem}-*.sqlite3")
        if _NAME.search(path.name)
    ]
    return sorted(found, key=lambda item: (item[1], _number(item[0])), reverse=True)


def _number(path: Path) -> int:
    """1 for the first backup of a second, 2, 3... for the next ones (``-2`` in the name)."""
    match = _NAME.search(path.name)
    return int(match.group(2)) if match and match.group(2) else 1


def prune(
    db_path: Path, keep: int = KEEP, *, now: dt.datetime | None = None, spare: Path | None = None
) -> list[Path]:
    """Remove all but the ``keep`` newest backups; returns the removed files.

    ``spare`` (the backup just taken) is always kept. A backup named with a time after ``now``
    was taken while the clock was wrong: it counts as the oldest, so a run of such names can
    never push out every new backup.
    """
    latest = (now or dt.datetime.now()) + _CLOCK_SLACK

    def age(item: tuple[Path, dt.datetime]) -> tuple[bool, dt.datetime, int]:
        path, taken = item
        return (path == spare, taken if taken <= latest else dt.datetime.min, _number(path))

    ordered = sorted(_backup_files(db_path), key=age, reverse=True)
    old = [path for path, _ in ordered[max(keep, 1) :]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def backups(db_path: Path) -> list[Backup]:
    """The good backups of this database, newest first (damaged ones are left out)."""
    good = []
    for path, taken in _backup_files(db_path):
        if health.diagnose(path, LATEST_VERSION, allow_empty=False) is None:
            good.append(Backup(path, taken, health.entry_count(path)))
    return good


def newest_good_backup(db_path: Path) -> Backup | None:
    for path, taken in _backup_files(db_path):
        if health.diagnose(path, LATEST_VERSION, allow_empty=False) is None:
            return Backup(path, taken, health.entry_count(path))
    return None


def describe(source: Path) -> Backup:
    """A file to restore from, checked: raises BadDatabaseError unless it is a good backup."""
    health.raise_if_bad(source, LATEST_VERSION, allow_empty=False)
    return Backup(source, _taken_at(source), health.entry_count(source))


def restore(source: Path, db_path: Path, now: dt.datetime) -> Path | None:
    """Replace the database with the backup ``source``; returns where the old file went.

    Every connection to ``db_path`` must be closed first. The backup is checked and copied
    next to the database before the current file is touched, so a failure leaves it in place.
    """
    describe(source)
    folder = db_path.parent
    private_folder(folder)
    with _private_temp(folder, db_path.name) as temp:
        try:
            _copy_database(source, temp, "ro")
            aside = None
            if db_path.exists():
                bad = health.diagnose(db_path, LATEST_VERSION) is not None
                aside = health.move_aside(db_path, "bad" if bad else "before-restore", now)
            temp.replace(db_path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    return aside
