"""One database object for the whole app, bound to a real SQLite file at start-up."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import peewee

from ssi_desktop.system.file_kinds import kind_of
from ssi_desktop.system.paths import private_folder

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()
"""Models bind to this proxy; open_database() points it at a file (tests use temp files)."""

PRAGMAS = {
    "journal_mode": "wal",  # readers (the score worker) never block the writer (the UI)
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged add survives a power cut, not just a crash
    "busy_timeout": 5000,  # the CLI and the window may write to one file at once
    # 512 KB of pages per connection, not SQLite's 2 MB: a connection's cache is dropped
    # whenever another one commits (every quick-add), so the window's, the two workers' and a
    # job's caches held up to 8 MB for little use; this saves 2-3 MB of peak memory at the same
    # recompute times (`bench core`, docs/BENCHMARKS.md).
    "cache_size": -512,
}


class DatabaseError(Exception):
    """The database file cannot be used; the message says why in one sentence."""


FAILURES_IN_USE: tuple[type[Exception], ...] = (
    sqlite3.DatabaseError,
    peewee.DatabaseError,
    DatabaseError,
)
"""What the database can raise while a command uses it: callers above the store catch these
without knowing that peewee and SQLite are underneath."""


def _private_file(path: Path) -> None:
    """Create the file readable by the user alone where the OS has such modes."""
    private_folder(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def open_database(path: Path) -> peewee.SqliteDatabase:
    """Open (creating if needed) and migrate the database at ``path``, and bind the models."""
    from ssi_desktop.store.health import raise_if_bad, writable_here
    from ssi_desktop.store.migrations import LATEST_VERSION, migrate

    refuse_special_file(path)
    if path.exists():
        # Before any pragma: switching to WAL would already rewrite a file we must refuse.
        raise_if_bad(path, LATEST_VERSION)
    if path.exists() and not writable_here(path):
        db = _read_only_database(path)
    else:
        _private_file(path)
        db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=5)
    try:
        db.connect()
        migrate(db, path)
    except (sqlite3.DatabaseError, peewee.DatabaseError, UnicodeDecodeError) as error:
        db.close()
        cause = "the disk holding it is full" if _disk_full(path) else write_failure(error)
        if cause is not None:
            raise DatabaseError(f"cannot open {path}: {cause}") from error
        raise DatabaseError(f"{path} is not a usable SSI Desktop database ({error})") from error
    except Exception:
        db.close()
        raise
    database.initialize(db)
    return db


def refuse_special_file(path: Path) -> None:
    """Only a regular file is a database: a pipe would hang, a device be written over."""
    try:
        kind = stat.S_IFMT(path.stat().st_mode)
    except FileNotFoundError:
        return
    if kind != stat.S_IFREG:
        raise DatabaseError(f"{path} is {kind_of(kind)}, not a database file; nothing was changed")


def _disk_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def _read_only_database(path: Path) -> peewee.SqliteDatabase:
    """The file in a folder nothing can write to: readable, and every write fails at once.

    ``immutable`` lets SQLite read a WAL file without the -shm it cannot create there; no
    other process can write there either, so nothing changes under the reader.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return peewee.SqliteDatabase(uri, uri=True, pragmas={"foreign_keys": 1}, timeout=5)


_WRITE_FAILURES = (
    ("readonly", "the database is read-only here (the file, its folder or its disk)"),
    ("disk is full", "the disk is full"),
    ("disk i/o error", "the disk failed to read or write it (a disk or file system error)"),
)


def write_failure(error: BaseException) -> str | None:
    """The real cause when a database write failed for a reason outside the file, else None.

    Follows the chain of errors: after a failed write SQLite ends the transaction itself, and
    the rollback that follows fails with "no transaction is active", hiding the first error.
    """
    seen: BaseException | None = error
    while seen is not None:
        text = str(seen).casefold()
        for words, cause in _WRITE_FAILURES:
            if words in text:
                return cause
        seen = seen.__cause__ or seen.__context__
    return None


def close_database() -> None:
    """Close this thread's connection, if the proxy is bound."""
    if database.obj is not None and not database.is_closed():
        database.close()


def data_version() -> int | None:
    """SQLite's counter of commits by other connections to the file (None if unreadable).

    It stays the same for this connection's own writes, and reading it costs microseconds.
    """
    try:
        return int(database.execute_sql("PRAGMA data_version").fetchone()[0])
    except (peewee.DatabaseError, peewee.InterfaceError):
        log.warning("could not read the database's data version", exc_info=True)
        return None
