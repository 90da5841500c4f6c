"""Bad database files are recognised without being touched; backups are made and restored."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from ssi_desktop.store import actions, backup, health
from ssi_desktop.store.db import close_database, database, open_database
from ssi_desktop.store.health import BadDatabaseError, Problem, SchemaTooNewError
from ssi_desktop.store.migrations import LATEST_VERSION
from ssi_desktop.system.paths import private_folder
from tests.conftest import TODAY
from tests.safety.bad_files import healthy, spoiled

NOON = dt.datetime(2026, 11, 24, 12, 0, 0)


@pytest.mark.parametrize("problem", list(Problem))
def test_each_kind_of_bad_file_is_named_and_left_untouched(tmp_path, problem):
    path = tmp_path / "ssi.sqlite3"
    before = spoiled(path, problem)
    assert health.diagnose(path, LATEST_VERSION).problem is problem
    expected = SchemaTooNewError if problem is Problem.TOO_NEW else BadDatabaseError
    with pytest.raises(expected, match=problem.reason) as raised:
        open_database(path)
    assert raised.value.problem is problem
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith("-shm")) in (
        ["ssi.sqlite3"],
        ["ssi.sqlite3", "ssi.sqlite3-wal"],
    )


def test_a_healthy_database_and_an_empty_file_are_fine(tmp_path):
    assert health.diagnose(healthy(tmp_path / "good.sqlite3"), LATEST_VERSION) is None
    (tmp_path / "empty.sqlite3").touch()
    assert health.diagnose(tmp_path / "empty.sqlite3", LATEST_VERSION) is None
    problem = health.diagnose(tmp_path / "empty.sqlite3", LATEST_VERSION, allow_empty=False)
    assert problem is not None and problem.problem is Problem.TRUNCATED


def test_move_aside_keeps_the_file_and_its_companions_and_never_overwrites(tmp_path):
    path = tmp_path / "ssi.sqlite3"
    path.write_bytes(b"first")
    path.with_name("ssi.sqlite3-wal").write_bytes(b"wal")
    first = health.move_aside(path, "bad", NOON)
    assert first.name == "ssi.sqlite3.bad-20261124-120000"
    assert first.read_bytes() == b"first"
    assert first.with_name(first.name + "-wal").read_bytes() == b"wal"
    path.write_bytes(b"second")
    second = health.move_aside(path, "bad", NOON)
    assert second != first and second.read_bytes() == b"second"
    assert first.read_bytes() == b"first" and not path.exists()


def test_a_backup_is_a_private_consistent_copy_taken_while_the_database_is_open(db):
    actions.record(actions.NewEntry("dm_sent", TODAY, 3), TODAY)
    made = backup.back_up_now(db, NOON)
    actions.record(actions.NewEntry("dm_sent", TODAY, 1), TODAY)  # after: not in the backup
    assert made.path.parent == db.parent / "backups"
    assert made.entry_count == 1 and made.taken_at == NOON
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert not made.path.with_name(made.path.name + "-wal").exists()  # one self-contained file
    assert health.diagnose(made.path, LATEST_VERSION, allow_empty=False) is None


def test_one_automatic_backup_a_day_and_only_the_newest_fourteen_are_kept(db):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    for day in range(20):
        morning = NOON + dt.timedelta(days=day)
        assert backup.daily_backup(db, morning) is not None
        assert backup.daily_backup(db, morning + dt.timedelta(hours=5)) is None
    kept = backup.backups(db)
    assert len(kept) == backup.KEEP
    assert [b.taken_at for b in kept] == [
        NOON + dt.timedelta(days=day) for day in range(19, 19 - backup.KEEP, -1)
    ]


def test_a_backup_whose_name_holds_no_real_time_is_dated_by_its_file(db):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    made = backup.back_up_now(db, NOON)
    odd = made.path.with_name(made.path.name.replace("20261124-120000", "20261399-250000"))
    made.path.rename(odd)
    os.utime(odd, (NOON.timestamp() - 3600, NOON.timestamp() - 3600))
    [listed] = backup.backups(db)
    assert listed.path == odd and listed.taken_at == NOON - dt.timedelta(hours=1)


def test_listing_skips_damaged_backups_and_finds_the_newest_good_one(db):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    older = backup.back_up_now(db, NOON)
    newer = backup.back_up_now(db, NOON + dt.timedelta(hours=1))
    newer.path.write_bytes(newer.path.read_bytes()[:5000])
    assert [b.path for b in backup.backups(db)] == [older.path]
    found = backup.newest_good_backup(db)
    assert found is not None and found.path == older.path


def test_restore_moves_the_current_file_aside_and_brings_the_backup_back(db):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    saved = backup.back_up_now(db, NOON)
    actions.record(actions.NewEntry("dm_sent", TODAY), TODAY)
    close_database()
    aside = backup.restore(saved.path, db, NOON + dt.timedelta(hours=1))
    assert aside is not None and aside.name == "ssi.sqlite3.before-restore-20261124-130000"
    assert health.entry_count(aside) == 2 and health.entry_count(db) == 1
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert saved.path.exists()  # the backup itself stays for next time
    open_database(db)
    assert [e.key for e in actions.entries()] == ["reaction"]


@pytest.mark.parametrize("problem", list(Problem))
def test_restore_refuses_a_bad_backup_and_changes_nothing(db, tmp_path, problem):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    close_database()
    before = db.read_bytes()
    bad = tmp_path / "bad-backup.sqlite3"
    spoiled(bad, problem)
    with pytest.raises(BadDatabaseError):
        backup.restore(bad, db, NOON)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ssi")) in (
        ["ssi.sqlite3"],
        ["ssi.sqlite3", "ssi.sqlite3-shm", "ssi.sqlite3-wal"],
    )


def test_write_backup_never_overwrites_a_file(db, tmp_path):
    target = tmp_path / "mine.txt"
    target.write_text("keep me")
    with pytest.raises(Exception, match="already exists"):
        backup.write_backup(db, target)
    assert target.read_text() == "keep me"
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_private_folder_creates_missing_folders_for_the_user_alone(tmp_path):
    folder = private_folder(tmp_path / "a" / "b")
    assert folder.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_sqlite_side_files_are_private_too(db):
    actions.record(actions.NewEntry("reaction", TODAY), TODAY)
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db}{suffix}")
        assert stat.S_IMODE(side.stat().st_mode) == 0o600
