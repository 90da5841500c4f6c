"""Is this file a usable SSI Desktop database? Checked without writing a byte to it.

A bad file is one of a few cases, each with its own remedy: not SQLite at all, cut short
(truncated), damaged inside (corrupt), another program's database, or written by a newer
SSI Desktop. A bad file is never repaired in place: move_aside() renames it (with its -wal and
-shm companions) so a backup can be restored or a fresh database started next to it.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ssi_desktop.store.db import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
COMPANIONS = ("-wal", "-shm", "-journal")
"""SQLite's side files: they belong to the main file and move with it."""


class Problem(StrEnum):
    NOT_SQLITE = "not-sqlite"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    FOREIGN = "foreign"
    TOO_NEW = "too-new"
    INCOMPLETE = "incomplete"

    @property
    def reason(self) -> str:
        return _REASONS[self]


_REASONS = {
    Problem.NOT_SQLITE: "it is not an SQLite database",
    Problem.TRUNCATED: "it is truncated",
    Problem.CORRUPT: "it is corrupt",
    Problem.FOREIGN: "it belongs to another program",
    Problem.TOO_NEW: "it was written by a newer SSI Desktop",
    Problem.INCOMPLETE: "it lacks parts of SSI Desktop's schema",
}


@dataclass(frozen=True)
class Diagnosis:
    problem: Problem
    detail: str


class BadDatabaseError(DatabaseError):
    """The file is one of the known kinds of bad; ``problem`` says which."""

    def __init__(self, path: Path, diagnosis: Diagnosis) -> None:
        self.path = path
        self.problem = diagnosis.problem
        self.detail = " ".join(diagnosis.detail.split())  # SQLite's reports span lines
        super().__init__(
            f"{path} is not a usable SSI Desktop database: "
            f"{diagnosis.problem.reason} ({self.detail})"
        )


class SchemaTooNewError(BadDatabaseError):
    """The file was written by a newer SSI Desktop."""


def _header_problem(path: Path) -> Diagnosis | None:
    """What the first 100 bytes and the size say, before SQLite even opens the file."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        if SQLITE_MAGIC.startswith(header[: len(SQLITE_MAGIC)]):
            if _being_written(path):
                return None  # a new database's first page, written as we read
            return Diagnosis(Problem.TRUNCATED, f"only {size} bytes, less than a header")
        return Diagnosis(Problem.NOT_SQLITE, "the file does not start with an SQLite header")
    if not header.startswith(SQLITE_MAGIC):
        return Diagnosis(Problem.NOT_SQLITE, "the file does not start with an SQLite header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Diagnosis(Problem.CORRUPT, f"the header names an impossible page size {page_size}")
    if _being_written(path):
        # Another connection is checkpointing or committing: the file grows a page at a time
        # behind its header, so its size says nothing yet. SQLite's own check follows.
        return None
    change_counter, valid_for = header[24:28], header[92:96]
    pages = int.from_bytes(header[28:32], "big")
    if change_counter == valid_for and size < pages * page_size:
        return Diagnosis(
            Problem.TRUNCATED, f"{size:,} bytes where the header promises {pages * page_size:,}"
        )
    if size % page_size:
        return Diagnosis(Problem.TRUNCATED, f"{size:,} bytes is not a whole number of pages")
    return None


def _being_written(path: Path) -> bool:
    """A write-ahead log or a rollback journal beside the file: a connection may be writing."""
    return any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal"))


def _read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)


def writable_here(path: Path) -> bool:
    """Whether SQLite can write beside ``path`` (its -wal and -shm files live there)."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return False
    try:
        return not os.statvfs(folder).f_flag & os.ST_RDONLY
    except OSError:
        return True


def diagnose(path: Path, latest_version: int, *, allow_empty: bool = True) -> Diagnosis | None:
    """None when ``path`` is a usable database of schema ``latest_version`` or older.

    ``allow_empty`` accepts a file with no tables yet (a database about to be created);
    a backup to restore must hold the schema.
    """
    if path.stat().st_size == 0:
        return None if allow_empty else Diagnosis(Problem.TRUNCATED, "the file is empty")
    found = _header_problem(path)
    if found is not None:
        return found
    try:
        con = _read_only(path)
        try:
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        except sqlite3.OperationalError as error:
            con.close()
            if not any(words in str(error) for words in ("unable to open", "disk I/O error")):
                raise
            # A WAL file whose -shm cannot be made (a read-only folder, a full disk): no damage
            # of the file itself. It is checked without the shared memory instead.
            con = _read_only(path, immutable=True)
        try:
            return _schema_problem(con, latest_version, allow_empty=allow_empty)
        finally:
            con.close()
    except UnicodeDecodeError as error:  # the schema's own text is damaged
        return Diagnosis(Problem.CORRUPT, f"unreadable text in the schema ({error.reason})")
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error) or "file is encrypted" in str(error):
            return Diagnosis(Problem.NOT_SQLITE, str(error))
        if "locked" in str(error) or "busy" in str(error):
            return None  # in use by another process, not damaged: opening it waits its turn
        return Diagnosis(Problem.CORRUPT, str(error))


def _schema_problem(
    con: sqlite3.Connection, latest_version: int, *, allow_empty: bool
) -> Diagnosis | None:
    """Check an open file's integrity, version and every table, column, index and trigger.

    A file is ours only when it holds all of what its schema version promises: another
    program's database with a ``schema_version`` table of its own, or a backup missing tables,
    would otherwise be migrated (modified) or restored and fail on the next command.
    """
    from ssi_desktop.store.migrations import missing_from, read_schema

    # Reading the schema's SQL too: damaged text there breaks every later statement.
    tables = {row[0] for row in con.execute("SELECT name, sql FROM sqlite_master")}
    problems = [row[0] for row in con.execute("PRAGMA quick_check(3)")]
    if problems != ["ok"]:
        return Diagnosis(Problem.CORRUPT, "; ".join(problems))
    if "schema_version" not in tables:
        if tables or not allow_empty:
            return Diagnosis(Problem.FOREIGN, "it has no SSI Desktop tables")
        return None
    schema = read_schema(con)
    if "version" not in schema.tables.get("schema_version", frozenset()):
        return Diagnosis(Problem.FOREIGN, "its schema_version table is not SSI Desktop's")
    row = con.execute("SELECT MAX(version) FROM schema_version").fetchone()
    version = row[0] if row else None
    if not isinstance(version, int) or version < 1:
        return Diagnosis(Problem.FOREIGN, "its schema_version table names no SSI Desktop version")
    if version > latest_version:
        return Diagnosis(
            Problem.TOO_NEW, f"schema {version}; this version knows up to {latest_version}"
        )
    missing = missing_from(schema, version)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        problem = Problem.FOREIGN if "table action_entry" in missing else Problem.INCOMPLETE
        return Diagnosis(problem, f"schema {version} without {shown}")
    return None


def raise_if_bad(path: Path, latest_version: int, *, allow_empty: bool = True) -> None:
    """Raise BadDatabaseError (SchemaTooNewError for a newer schema) unless usable."""
    found = diagnose(path, latest_version, allow_empty=allow_empty)
    if found is None:
        return
    error = SchemaTooNewError if found.problem is Problem.TOO_NEW else BadDatabaseError
    raise error(path, found)


def entry_count(path: Path) -> int:
    """How many log entries a healthy database file holds (read-only)."""
    con = _read_only(path, immutable=not writable_here(path))
    try:
        return int(con.execute("SELECT COUNT(*) FROM action_entry").fetchone()[0])
    finally:
        con.close()


def stamp(moment: dt.datetime) -> str:
    """A timestamp for file names that sorts by time: 20261124-093015."""
    return moment.strftime("%Y%m%d-%H%M%S")


def _free_name(wanted: Path) -> Path:
    """``wanted``, or ``wanted-2``, ``-3``... so that nothing is ever overwritten."""
    candidate, number = wanted, 1
    while any(candidate.with_name(candidate.name + s).exists() for s in ("", *COMPANIONS)):
        number += 1
        candidate = wanted.with_name(f"{wanted.name}-{number}")
    return candidate


def move_aside(path: Path, label: str, moment: dt.datetime) -> Path:
    """Rename ``path`` (and its -wal/-shm files) to ``<name>.<label>-<time>``; returns it.

    Every connection to the file must be closed first. The companions keep their suffixes,
    so the moved file still opens with everything that was committed to it.
    """
    target = _free_name(path.with_name(f"{path.name}.{label}-{stamp(moment)}"))
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    path.replace(target)
    return target
