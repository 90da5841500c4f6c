"""Backups taken within the same second keep their order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ssi_desktop.store import actions, backup
from ssi_desktop.store.actions import NewEntry
from ssi_desktop.store.db import close_database, open_database
from tests.conftest import TODAY


def test_backups_of_the_same_second_list_the_newest_first(db_path: Path) -> None:
    open_database(db_path)
    now = dt.datetime(2026, 11, 24, 9, 30, 5)
    first = backup.back_up_now(db_path, now)
    actions.record(NewEntry("reaction", TODAY), TODAY)
    second = backup.back_up_now(db_path, now)
    close_database()
    assert second.path.name.endswith("-2.sqlite3")
    assert [b.path for b in backup.backups(db_path)] == [second.path, first.path]
    assert [b.entry_count for b in backup.backups(db_path)] == [1, 0]
