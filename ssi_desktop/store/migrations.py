"""Explicit schema versions: ordered steps, each run once inside a transaction.

Each step is frozen SQL (or playhouse.migrate) for the schema as it was then, never the current
models, so an old database always upgrades the same way. The file is copied before migrating.
"""

from __future__ import annotations

import functools
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from ssi_desktop.store.health import Diagnosis, Problem, SchemaTooNewError

__all__ = ["LATEST_VERSION", "MIGRATIONS", "SchemaTooNewError", "migrate", "schema_version"]


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[peewee.SqliteDatabase], None]


def _run_script(sql: str) -> Callable[[peewee.SqliteDatabase], None]:
    def apply(db: peewee.SqliteDatabase) -> None:
        for statement in filter(str.strip, sql.split(";")):
            db.execute_sql(statement)

    return apply


V1_ACTIONS_AND_PROFILE = """
CREATE TABLE action_entry (
    id INTEGER NOT NULL PRIMARY KEY,
    day DATE NOT NULL,
    key VARCHAR(64) NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    note TEXT NOT NULL DEFAULT '',
    at_target INTEGER NOT NULL DEFAULT 0,
    source VARCHAR(32) NOT NULL DEFAULT 'manual',
    external_id VARCHAR(255) UNIQUE,
    batch_id INTEGER,
    created_at DATETIME NOT NULL
);
CREATE INDEX action_entry_day ON action_entry (day, key);
CREATE INDEX action_entry_batch ON action_entry (batch_id);
CREATE TABLE profile_change (
    id INTEGER NOT NULL PRIMARY KEY,
    item VARCHAR(64) NOT NULL,
    day DATE NOT NULL,
    done INTEGER NOT NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX profile_change_item_day ON profile_change (item, day)
"""

V2_READINGS_AND_SETTINGS = """
CREATE TABLE official_reading (
    id INTEGER NOT NULL PRIMARY KEY,
    day DATE NOT NULL UNIQUE,
    total REAL NOT NULL CHECK (total BETWEEN 0 AND 100),
    brand REAL NOT NULL CHECK (brand BETWEEN 0 AND 25),
    people REAL NOT NULL CHECK (people BETWEEN 0 AND 25),
    insights REAL NOT NULL CHECK (insights BETWEEN 0 AND 25),
    relationships REAL NOT NULL CHECK (relationships BETWEEN 0 AND 25),
    industry_rank REAL CHECK (industry_rank BETWEEN 0 AND 100),
    network_rank REAL CHECK (network_rank BETWEEN 0 AND 100),
    industry_avg REAL CHECK (industry_avg BETWEEN 0 AND 100),
    network_avg REAL CHECK (network_avg BETWEEN 0 AND 100),
    created_at DATETIME NOT NULL
);
CREATE TABLE setting (
    key VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
)
"""

V3_TARGETS_AND_REST_DAYS = """
CREATE TABLE habit_target (
    key VARCHAR(64) NOT NULL PRIMARY KEY,
    count INTEGER NOT NULL CHECK (count > 0),
    per VARCHAR(8) NOT NULL CHECK (per IN ('day', 'week')),
    updated_at DATETIME NOT NULL
);
CREATE TABLE rest_day (
    day DATE NOT NULL PRIMARY KEY,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
)
"""

V4_ACCOUNTS_CONVERSATIONS_POSTS_OUTCOMES = """
CREATE TABLE account (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    is_target INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE UNIQUE INDEX account_name ON account (name COLLATE NOCASE);
CREATE TABLE contact (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    account_id INTEGER NOT NULL REFERENCES account (id),
    role VARCHAR(200) NOT NULL DEFAULT '',
    is_decision_maker INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX contact_account ON contact (account_id);
ALTER TABLE action_entry ADD COLUMN contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL;
CREATE INDEX action_entry_contact ON action_entry (contact_id);
CREATE TABLE post (
    id INTEGER NOT NULL PRIMARY KEY,
    day DATE NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    views INTEGER NOT NULL CHECK (views >= 1),
    engagers INTEGER NOT NULL CHECK (engagers >= 0 AND engagers <= views),
    comments INTEGER NOT NULL DEFAULT 0 CHECK (comments >= 0),
    created_at DATETIME NOT NULL
);
CREATE INDEX post_day ON post (day);
CREATE TABLE conversation (
    id INTEGER NOT NULL PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id),
    started_on DATE NOT NULL,
    started_by VARCHAR(8) NOT NULL CHECK (started_by IN ('me', 'them')),
    answered_on DATE CHECK (answered_on IS NULL OR answered_on >= started_on),
    created_at DATETIME NOT NULL
);
CREATE INDEX conversation_started_on ON conversation (started_on);
CREATE TABLE outcome (
    id INTEGER NOT NULL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('meeting', 'opportunity', 'deal_won')),
    day DATE NOT NULL,
    value REAL CHECK (value IS NULL OR value >= 0),
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at DATETIME NOT NULL
);
CREATE INDEX outcome_day ON outcome (day)
"""

V5_IMPORT_BATCHES = """
CREATE TABLE import_batch (
    id INTEGER NOT NULL PRIMARY KEY,
    source VARCHAR(32) NOT NULL,
    file_name TEXT NOT NULL,
    imported_at DATETIME NOT NULL,
    counts TEXT NOT NULL DEFAULT '{}',
    entries INTEGER NOT NULL DEFAULT 0,
    profile_items INTEGER NOT NULL DEFAULT 0,
    undone_at DATETIME
);
ALTER TABLE profile_change ADD COLUMN batch_id INTEGER;
CREATE INDEX profile_change_batch ON profile_change (batch_id)
"""

_CONTACTS = "'0000-00-00'"  # the revision "day" of contacts and accounts: before any real day
_BUMP = (
    "INSERT INTO log_day_revision (day, revision) VALUES ({day}, 1)"
    " ON CONFLICT (day) DO UPDATE SET revision = revision + 1;"
)
V6_LOG_DAY_REVISIONS = (
    # One row per day with entries: its revision goes up with every change to that day's
    # entries, and the day _CONTACTS with every change to contacts or accounts
    # (they weigh entries). A sum of revisions up to a day therefore changes exactly when
    # something scored up to that day changed: an indexed read of a few thousand rows, where
    # summarising the entries themselves meant scanning them all (store/actions.py).
    """CREATE TABLE log_day_revision (
        day DATE NOT NULL PRIMARY KEY,
        revision INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """INSERT INTO log_day_revision (day, revision)
        SELECT day, 1 FROM action_entry GROUP BY day""",
    f"INSERT INTO log_day_revision (day, revision) VALUES ({_CONTACTS}, 1)",
    *(
        f"""CREATE TRIGGER {name} AFTER {event} ON {table}
        BEGIN
            {" ".join(_BUMP.format(day=day) for day in days)}
        END"""
        for name, event, table, days in (
            ("entry_added", "INSERT", "action_entry", ("NEW.day",)),
            ("entry_deleted", "DELETE", "action_entry", ("OLD.day",)),
            ("entry_changed", "UPDATE", "action_entry", ("OLD.day", "NEW.day")),
            ("contact_added", "INSERT", "contact", (_CONTACTS,)),
            ("contact_changed", "UPDATE", "contact", (_CONTACTS,)),
            ("contact_deleted", "DELETE", "contact", (_CONTACTS,)),
            ("account_changed", "UPDATE", "account", (_CONTACTS,)),
            ("account_deleted", "DELETE", "account", (_CONTACTS,)),
        )
    ),
)


def _run_statements(statements: tuple[str, ...]) -> Callable[[peewee.SqliteDatabase], None]:
    """Like _run_script, for statements that hold semicolons of their own (trigger bodies)."""

    def apply(db: peewee.SqliteDatabase) -> None:
        for statement in statements:
            db.execute_sql(statement)

    return apply


V7_NETWORK = """
CREATE TABLE network_record (
    id INTEGER NOT NULL PRIMARY KEY,
    day DATE NOT NULL UNIQUE,
    connections INTEGER NOT NULL CHECK (connections >= 0),
    followers INTEGER CHECK (followers >= 0),
    decision_makers INTEGER CHECK (decision_makers >= 0),
    source VARCHAR(32) NOT NULL DEFAULT 'manual',
    batch_id INTEGER,
    created_at DATETIME NOT NULL
);
CREATE INDEX network_record_batch ON network_record (batch_id);
DELETE FROM setting WHERE key = 'calibration_fit'
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "action log and profile checklist", _run_script(V1_ACTIONS_AND_PROFILE)),
    Migration(2, "official SSI readings and settings", _run_script(V2_READINGS_AND_SETTINGS)),
    Migration(3, "habit targets and rest days", _run_script(V3_TARGETS_AND_REST_DAYS)),
    Migration(
        4,
        "target accounts and contacts, conversations, posts and outcomes",
        _run_script(V4_ACCOUNTS_CONVERSATIONS_POSTS_OUTCOMES),
    ),
    Migration(
        5, "import batches (undo an archive import as a whole)", _run_script(V5_IMPORT_BATCHES)
    ),
    Migration(6, "a revision per day of the log", _run_statements(V6_LOG_DAY_REVISIONS)),
    Migration(7, "the network, dated (the score's standing part)", _run_script(V7_NETWORK)),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(db: peewee.SqliteDatabase) -> int:
    if "schema_version" not in db.get_tables():
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


@dataclass(frozen=True)
class Schema:
    """What a database of one version holds: tables with their columns, indexes and triggers."""

    tables: dict[str, frozenset[str]]
    others: frozenset[tuple[str, str]]  # (type, name) of indexes and triggers


def read_schema(con: sqlite3.Connection) -> Schema:
    """The schema of an open database (read-only: sqlite_master and table_info)."""
    tables: dict[str, frozenset[str]] = {}
    others: set[tuple[str, str]] = set()
    for kind, name in con.execute("SELECT type, name FROM sqlite_master"):
        if kind == "table":
            quoted = '"' + name.replace('"', '""') + '"'
            columns = con.execute(f"PRAGMA table_info({quoted})").fetchall()
            tables[name] = frozenset(column[1] for column in columns)
        elif kind in {"index", "trigger"}:
            others.add((kind, name))
    return Schema(tables, frozenset(others))


@functools.cache
def expected_schema(version: int) -> Schema:
    """The schema that migrations 1..``version`` build, made once in memory and kept."""
    db = peewee.SqliteDatabase(":memory:")
    try:
        db.connect()
        for step in MIGRATIONS:
            if step.version <= version:
                step.apply(db)
        db.execute_sql(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        return read_schema(db.connection())
    finally:
        db.close()


def missing_from(found: Schema, version: int) -> list[str]:
    """What ``found`` lacks of schema ``version``, in words (empty when it has everything)."""
    expected = expected_schema(version)
    missing: list[str] = []
    for table, columns in sorted(expected.tables.items()):
        if table not in found.tables:
            missing.append(f"table {table}")
        else:
            missing.extend(f"column {table}.{c}" for c in sorted(columns - found.tables[table]))
    missing.extend(f"{kind} {name}" for kind, name in sorted(expected.others - found.others))
    return missing


def _too_new(found: int, path: Path) -> SchemaTooNewError:
    detail = f"schema {found}; this version knows up to {LATEST_VERSION}"
    return SchemaTooNewError(path, Diagnosis(Problem.TOO_NEW, detail))


def migrate(db: peewee.SqliteDatabase, path: Path | None = None) -> int:
    """Bring the database to LATEST_VERSION; returns the version it had."""
    found = schema_version(db)
    if found > LATEST_VERSION:
        raise _too_new(found, path or Path(db.database))
    if found == LATEST_VERSION:
        return found
    if found and path is not None:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, path.with_name(f"{path.name}.schema{found}.bak"))
    # IMMEDIATE: the write lock is taken before the version is read again, so of several
    # processes opening a brand-new file at once, one creates the schema and the others,
    # waiting on the lock, then find it made (a deferred transaction raced: "table exists").
    with db.atomic(lock_type="IMMEDIATE"):
        found = schema_version(db)
        if found >= LATEST_VERSION:
            return found
        db.execute_sql(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER NOT NULL PRIMARY KEY, applied_at DATETIME NOT NULL "
            "DEFAULT CURRENT_TIMESTAMP)"
        )
        for step in MIGRATIONS:
            if step.version > found:
                step.apply(db)
                db.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (step.version,))
    return found
