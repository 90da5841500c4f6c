"""The network in the store: dated records, their checks, the archive import, the upgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import peewee
import pytest

from ssi_desktop.application import estimate
from ssi_desktop.importers import backfill
from ssi_desktop.scoring.network import NetworkRecord
from ssi_desktop.store import actions, imports, network
from ssi_desktop.store.actions import InvalidEntryError, NewEntry
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.migrations import MIGRATIONS
from tests.conftest import TODAY

DAY = dt.date(2026, 11, 1)


def test_a_record_is_kept_and_a_second_one_of_the_day_replaces_it(db: Path) -> None:
    assert network.record(NetworkRecord(DAY, 500, 600), TODAY) is None
    replaced = network.record(NetworkRecord(DAY, 510, None, 60), TODAY)
    assert replaced == NetworkRecord(DAY, 500, 600, None)
    assert network.all_records() == [NetworkRecord(DAY, 510, None, 60)]
    assert network.history().on(TODAY).followers == 510  # unknown followers: the connections


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (NetworkRecord(DAY, -1), "negative"),
        (NetworkRecord(DAY, 500, -3), "negative"),
        (NetworkRecord(DAY, 40_000), "more than 30,000"),
        (NetworkRecord(DAY, 500, None, 600), "outnumber"),
        (NetworkRecord(TODAY + dt.timedelta(days=1), 500), "future"),
    ],
)
def test_an_impossible_record_is_refused_and_nothing_is_written(
    db: Path, record: NetworkRecord, reason: str
) -> None:
    with pytest.raises(InvalidEntryError, match=reason):
        network.record(record, TODAY)
    assert network.all_records() == []


def test_the_past_is_scored_with_the_network_of_that_day(db: Path) -> None:
    network.record(NetworkRecord(DAY, 100, 100, 10), TODAY)
    network.record(NetworkRecord(TODAY, 3000, 3000, 400), TODAY)
    before, after = (
        estimate.series(d, d).on(d).total for d in (TODAY - dt.timedelta(days=1), TODAY)
    )
    assert after > before + 5


CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,,,Acme,Chief Executive Officer,03 Mar 2024\n"
    "Bo,Ray,,,Acme,Account Executive,03 Mar 2024\n"
    "Cy,Fox,,,Initech,Directrice commerciale,10 Apr 2024\n"
    "Di,Oak,,,Initech,Assistant to the VP,10 Apr 2024\n"
    "Ed,Ash,,,Globex,Geschäftsführer,02 May 2025\n"
)


def import_connections(folder: Path) -> backfill.ImportOutcome:
    folder.mkdir(exist_ok=True)
    (folder / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    return backfill.commit(backfill.plan_import(folder, TODAY), TODAY)


def test_the_archive_gives_the_network_on_every_day_a_connection_was_made(
    db: Path, tmp_path: Path
) -> None:
    outcome = import_connections(tmp_path / "archive")

    assert network.all_records() == [
        NetworkRecord(dt.date(2024, 3, 3), 2, None, 1),
        NetworkRecord(dt.date(2024, 4, 10), 4, None, 2),  # an assistant is not one
        NetworkRecord(dt.date(2025, 5, 2), 5, None, 3),
    ]
    senior = [e for e in actions.entries() if e.key == "decision_maker_connected"]
    assert len(senior) == 3
    again = backfill.plan_import(tmp_path / "archive", TODAY)
    assert not again.adds_anything  # a re-import adds nothing twice
    assert imports.undo(outcome.batch).undone_at is not None
    assert network.all_records() == []


def test_a_record_typed_in_by_hand_wins_over_the_archive(db: Path, tmp_path: Path) -> None:
    network.record(NetworkRecord(dt.date(2024, 4, 10), 900, 1200, 90), TODAY)
    import_connections(tmp_path / "archive")
    assert NetworkRecord(dt.date(2024, 4, 10), 900, 1200, 90) in network.all_records()
    assert len(network.all_records()) == 3


def make_v6_database(path: Path) -> None:
    """A database as version 6 left it: an entry, and a fit cached by the old model."""
    old = peewee.SqliteDatabase(str(path))
    with old.atomic():
        old.execute_sql(
            "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, "
            "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)"
        )
        for step in MIGRATIONS:
            if step.version <= 6:
                step.apply(old)
                old.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (step.version,))
        old.execute_sql(
            "INSERT INTO action_entry (day, key, count, note, created_at) "
            "VALUES ('2026-11-01', 'meeting_booked', 2, 'kept', '2026-11-01 09:00:00')"
        )
        old.execute_sql("INSERT INTO setting (key, value) VALUES ('calibration_fit', '{}')")
    old.close()


def test_version_6_upgrades_keeping_every_entry_and_forgetting_the_old_fit(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite3"
    make_v6_database(path)
    open_database(path)
    try:
        [entry] = actions.entries()
        assert (entry.key, entry.count, entry.note) == ("meeting_booked", 2, "kept")
        assert network.all_records() == []
        actions.record(NewEntry("dm_sent", TODAY), TODAY)
    finally:
        close_database()
    with sqlite3.connect(path) as con:
        versions = {row[0] for row in con.execute("SELECT version FROM schema_version")}
        cached = con.execute("SELECT COUNT(*) FROM setting WHERE key = 'calibration_fit'")
        assert cached.fetchone()[0] == 0
    con.close()
    assert 7 in versions
