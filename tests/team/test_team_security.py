"""Security on the server: a member's own connection tries what it must not, and is refused.

Also what travels: the published columns, and that nothing of the log itself leaves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from ssi_desktop.store import actions, team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.team_rows import PUBLISHED_COLUMNS
from ssi_desktop.store.team_server import TeamDatabase
from ssi_desktop.team import server
from tests.conftest import TODAY
from tests.team.conftest import TeamServer

SECRET_NOTE = "call Dana about the Northwind renewal"


@pytest.fixture
def members(team_server: TeamServer, tmp_path: Path) -> Iterator[dict[str, str]]:
    """dana and lee, each having published from their own log; their URLs by name."""
    team_schema.init_team(team_server.admin_url)
    urls = {name: team_schema.invite(team_server.admin_url, name) for name in ("dana", "lee")}
    for name, url in urls.items():
        db = tmp_path / f"{name}.sqlite3"
        open_database(db)
        actions.record(actions.NewEntry("dm_sent", TODAY, 3, note=SECRET_NOTE), TODAY)
        server.join(db, url, TODAY)
        server.publish(db)
        close_database()
    team_server.superuser_sql(
        "CREATE SCHEMA crm",
        "CREATE TABLE crm.deals (client text, value numeric)",
        "INSERT INTO crm.deals VALUES ('Northwind', 24000)",
        "CREATE TABLE public.salaries (who text, amount numeric)",
    )
    yield urls


@pytest.fixture
def dana(members: dict[str, str]) -> Iterator[psycopg2.extensions.cursor]:
    """dana's own connection, with her own URL."""
    connection = psycopg2.connect(members["dana"])
    connection.autocommit = True
    with connection.cursor() as cursor:
        yield cursor
    connection.close()


def lee_total(team_server: TeamServer) -> float:
    connection = psycopg2.connect(team_server.superuser_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sum(total) FROM ssi_team.day_score WHERE member = 'lee'")
            return float(cursor.fetchone()[0])
    finally:
        connection.close()


def test_a_member_cannot_change_or_delete_another_members_rows(dana, team_server):
    before = lee_total(team_server)
    dana.execute("UPDATE ssi_team.day_score SET total = 99 WHERE member = 'lee'")
    assert dana.rowcount == 0  # lee's rows are invisible to a change by dana
    dana.execute("DELETE FROM ssi_team.day_score WHERE member = 'lee'")
    assert dana.rowcount == 0
    dana.execute("DELETE FROM ssi_team.week_actions WHERE member = 'lee'")
    assert dana.rowcount == 0
    assert lee_total(team_server) == before
    dana.execute("SELECT count(*) FROM ssi_team.day_score WHERE member = 'lee'")
    assert dana.fetchone()[0] >= 1  # ...though she reads them: that is the board


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO ssi_team.day_score (member, day, total, brand, people, insights,"
        " relationships) VALUES ('lee', '2026-01-05', 99, 25, 25, 25, 24)",
        "UPDATE ssi_team.day_score SET member = 'lee' WHERE member = 'dana'",
        "INSERT INTO ssi_team.reading (member, day, total, brand, people, insights,"
        " relationships) VALUES ('lee', '2026-01-05', 99, 25, 25, 25, 24)",
    ],
)
def test_a_member_cannot_write_rows_in_another_members_name(dana, statement):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
        dana.execute(statement)


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT * FROM crm.deals",
        "SELECT * FROM public.salaries",
        "INSERT INTO ssi_team.member (name, manager) VALUES ('mallory', true)",
        "UPDATE ssi_team.member SET manager = true WHERE name = 'dana'",
        "DELETE FROM ssi_team.member WHERE name = 'lee'",
        "SELECT ssi_team.remove_member('lee')",
        "ALTER TABLE ssi_team.day_score DISABLE ROW LEVEL SECURITY",
        "DROP POLICY own_rows_changed ON ssi_team.day_score",
        "TRUNCATE ssi_team.day_score",
        "CREATE TABLE public.mine (x int)",
        "CREATE TABLE ssi_team.mine (x int)",
        "CREATE SCHEMA mine",
        "CREATE ROLE mallory LOGIN PASSWORD 'x'",
        "ALTER ROLE lee PASSWORD 'taken-over'",
    ],
)
def test_a_members_url_reaches_nothing_else_on_the_server(dana, statement):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        dana.execute(statement)


def test_a_manager_may_remove_but_not_rewrite_rows(team_server, members):
    boss = team_schema.invite(team_server.admin_url, "boss", manager=True)
    connection = psycopg2.connect(boss)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE ssi_team.day_score SET total = 1 WHERE member = 'lee'")
            assert cursor.rowcount == 0
            cursor.execute("SELECT ssi_team.remove_member('lee')")
            assert cursor.fetchone()[0] is True
    finally:
        connection.close()


def test_the_server_tables_hold_only_the_published_columns(team_server, members):
    connection = psycopg2.connect(team_server.superuser_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = 'ssi_team' ORDER BY table_name, ordinal_position"
            )
            columns: dict[str, list[str]] = {}
            for table, column in cursor.fetchall():
                columns.setdefault(table, []).append(column)
    finally:
        connection.close()
    assert columns == {
        "member": ["name", "manager", "invited_at"],
        "day_score": ["member", "day", "total", "brand", "people", "insights", "relationships"],
        "reading": ["member", "day", "total", "brand", "people", "insights", "relationships"],
        "week_actions": ["member", "week", "pillar", "actions"],
    }
    assert {table: ["member", *cols] for table, cols in PUBLISHED_COLUMNS.items()} == {
        table: cols for table, cols in columns.items() if table != "member"
    }


def test_a_publish_sends_only_aggregates(members, tmp_path, monkeypatch):
    """Every statement a publish runs, and every value it sends, is checked."""
    sent: list[tuple[str, object]] = []
    real_execute = TeamDatabase.execute_sql

    def recording(self, sql, params=None, *args, **kwargs):
        sent.append((sql, params))
        return real_execute(self, sql, params, *args, **kwargs)

    monkeypatch.setattr(TeamDatabase, "execute_sql", recording)
    db = tmp_path / "dana.sqlite3"
    open_database(db)
    try:
        for key in ("comment_thoughtful", "connection_request_personalized", "post_published"):
            actions.record(actions.NewEntry(key, TODAY, 2, note=SECRET_NOTE), TODAY)
        report = server.publish(db)
    finally:
        close_database()
    assert report.days >= 1 and report.weeks >= 1
    writes = [(sql, params) for sql, params in sent if not sql.lstrip().startswith("SELECT")]
    assert writes
    for sql, params in writes:
        match = re.match(r"\s*(INSERT INTO|DELETE FROM) ssi_team\.(\w+)(?: \(([^)]*)\))?", sql)
        assert match, sql
        table = match.group(2)
        assert table in PUBLISHED_COLUMNS
        if match.group(1) == "INSERT INTO":
            assert tuple(c.strip() for c in match.group(3).split(",")) == PUBLISHED_COLUMNS[table]
        for value in params or ():
            assert isinstance(value, (int, float, str, dt.date, list)), value
            assert SECRET_NOTE not in str(value)
            if isinstance(value, str):
                assert value in {"brand", "people", "insights", "relationships"}
