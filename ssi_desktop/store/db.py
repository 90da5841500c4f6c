"""One database object for the whole app, bound to a real SQLite file at start-up."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

import peewee

from ssi_desktop.paths import private_folder

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()
"""Models bind to this proxy; open_database() points it at a file (tests use temp files)."""

PRAGMAS = {
    "journal_mode": "wal",  # readers (the score worker) never block the writer (the UI)
    "foreign_keys": 1,
    "synchronous": "full",  # an acknowledged add survives a power cut, not just a crash
    "busy_timeout": 5000,  # the CLI and the window may write to one file at once
}


class DatabaseError(Exception):
    """The database file cannot be used; the message says why in one sentence."""


def _private_file(path: Path) -> None:
    """Create the file readable by the user alone where the OS has such modes."""
    private_folder(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def open_database(path: Path) -> peewee.SqliteDatabase:
    """Open (creating if needed) and migrate the database at ``path``, and bind the models."""
    from ssi_desktop.store.health import raise_if_bad
    from ssi_desktop.store.migrations import LATEST_VERSION, migrate

    if path.exists():
        # Before any pragma: switching to WAL would already rewrite a file we must refuse.
        raise_if_bad(path, LATEST_VERSION)
    _private_file(path)
    db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=5)
    try:
        db.connect()
        migrate(db, path)
    except (sqlite3.DatabaseError, peewee.DatabaseError, UnicodeDecodeError) as error:
        db.close()
        raise DatabaseError(f"{path} is not a usable SSI Desktop database ({error})") from error
    except Exception:
        db.close()
        raise
    database.initialize(db)
    return db


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
