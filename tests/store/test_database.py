"""The database file: creation, schema versions, migrations and privacy."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from ssi_desktop.store import migrations
from ssi_desktop.store.db import DatabaseError, close_database, open_database
from ssi_desktop.store.migrations import V1_ACTIONS_AND_PROFILE, SchemaTooNewError


def make_v1_database(path: Path) -> None:
    """A file exactly as the first released schema wrote it, with some data."""
    with sqlite3.connect(path) as con:
        con.executescript(V1_ACTIONS_AND_PROFILE + ";")
        con.execute(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        con.execute("INSERT INTO schema_version (version) VALUES (1)")
        con.execute(
            "INSERT INTO action_entry (day, key, count, note, created_at) "
            "VALUES ('2026-11-01', 'dm_sent', 4, 'kept', '2026-11-01 09:00:00')"
        )
        con.execute(
            "INSERT INTO profile_change (item, day, done, created_at) "
            "VALUES ('photo', '2026-10-01', 1, '2026-10-01 09:00:00')"
        )
    con.close()


def test_a_new_database_gets_the_latest_schema_and_wal(db_path):
    db = open_database(db_path)
    try:
        assert migrations.schema_version(db) == migrations.LATEST_VERSION
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        close_database()


def test_a_database_made_by_the_first_schema_opens_and_keeps_its_data(tmp_path):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        from ssi_desktop.store import actions, profile

        [entry] = actions.entries()
        assert (entry.key, entry.count, entry.note) == ("dm_sent", 4, "kept")
        assert profile.history().done_on(entry.day)["photo"]
    finally:
        close_database()
    if migrations.LATEST_VERSION > 1:
        assert (tmp_path / "v1.sqlite3.schema1.bak").exists()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    make_v1_database(path)
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO schema_version (version) VALUES (999)")
    con.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_one_clear_error(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my meeting notes, not a database" * 100)
    with pytest.raises(DatabaseError, match="not a usable"):
        open_database(path)
    assert path.read_bytes().startswith(b"these are my meeting notes")


def test_the_database_file_is_private(db_path):
    open_database(db_path)
    close_database()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
