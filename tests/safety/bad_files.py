"""Databases in each kind of bad shape, made from a healthy one, for the recovery tests."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.health import Problem

DAY = dt.date(2026, 11, 24)


def healthy(path: Path, entries: int = 300) -> Path:
    """A closed database with ``entries`` log entries spread over many pages."""
    open_database(path)
    try:
        note = "a note long enough to spread the log over several pages " * 2
        actions.record_many([actions.NewEntry("dm_sent", DAY, 1, note)] * entries, DAY)
    finally:
        close_database()
    return path


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Date,Action\n2026-11-01,dm_sent\n" * 200)


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def corrupt(path: Path) -> None:
    """Scribble over the middle of the file, where the log's table pages are."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page_size // 2) * page_size
    data[middle : middle + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def too_new(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO schema_version (version) VALUES (999)")
    con.close()


def foreign(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.close()


def incomplete(path: Path) -> None:
    """A backup that lost tables (the review's: every later command failed on `contact`)."""
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA journal_mode=DELETE")  # as a backup file is
        con.execute("DROP TABLE outcome")
        con.execute("DROP TABLE conversation")
        con.execute("DROP TABLE contact")
    con.close()


def foreign_with_schema_version(path: Path) -> None:
    """Another program's database that happens to keep a ``schema_version`` table too."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        con.execute("INSERT INTO schema_version VALUES (1)")
        con.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
    con.close()


SPOILERS: dict[Problem, Callable[[Path], None]] = {
    Problem.NOT_SQLITE: not_sqlite,
    Problem.TRUNCATED: truncated,
    Problem.CORRUPT: corrupt,
    Problem.FOREIGN: foreign,
    Problem.TOO_NEW: too_new,
    Problem.INCOMPLETE: incomplete,
}


def spoiled(path: Path, problem: Problem) -> bytes:
    """Make a healthy database at ``path``, spoil it the ``problem`` way; returns its bytes."""
    healthy(path)
    SPOILERS[problem](path)
    return path.read_bytes()
