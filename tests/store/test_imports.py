"""Archive imports in the store: one batch per import, written whole or not at all, undone whole."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from ssi_desktop.importers import backfill
from ssi_desktop.importers.linkedin import ImportCancelled
from ssi_desktop.store import actions, imports, profile
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.models import ActionEntry, ImportBatch, ProfileChange
from tests.conftest import TODAY
from tests.importers import archive_factory as factory
from tests.store.test_database import make_v1_database

ARCHIVE = "Complete_LinkedInDataExport_03-01-2024.zip"


def archive(folder: Path, data: factory.Dataset | None = None, name: str = ARCHIVE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return factory.write_zip(folder / name, factory.render(data or factory.dataset(), "2026"))


def test_a_v1_database_upgrades_to_import_batches_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    open_database(path)
    try:
        [entry] = actions.entries()
        assert (entry.key, entry.count, entry.note, entry.batch_id) == ("dm_sent", 4, "kept", None)
        [change] = ProfileChange.select()
        assert (change.item, change.done, change.batch_id) == ("photo", True, None)
        assert ImportBatch.select().count() == 0
    finally:
        close_database()
    with sqlite3.connect(path) as con:
        columns = {row[1] for row in con.execute("PRAGMA table_info(profile_change)")}
        versions = {row[0] for row in con.execute("SELECT version FROM schema_version")}
    con.close()
    assert "batch_id" in columns
    assert {1, 5} <= versions


def test_an_import_is_one_batch_and_a_reimport_adds_nothing(db: Path, tmp_path: Path) -> None:
    path = archive(tmp_path / "a")
    plan = backfill.plan_import(path, TODAY)
    assert plan.already_known == 0 and plan.new_entries == len(plan.entries) > 0

    first = backfill.commit(plan, TODAY)
    assert first.batch is not None and first.added == len(plan.entries)
    assert set(first.profile_items) == {"headline", "skills", "experience"}
    assert ActionEntry.select().where(ActionEntry.batch_id == first.batch).count() == first.added
    assert {e.source for e in actions.entries()} == {"linkedin"}
    [batch] = imports.batches()
    assert (batch.entries, batch.profile_items, batch.file_name) == (first.added, 3, ARCHIVE)
    assert batch.counts["sources"] == factory.EXPECTED_SOURCES

    again = backfill.plan_import(path, TODAY)
    assert (again.new_entries, again.already_known) == (0, len(plan.entries))
    second = backfill.commit(again, TODAY)
    assert second == backfill.ImportOutcome(None, 0, len(plan.entries))
    assert actions.entry_count() == first.added
    assert len(imports.batches()) == 1  # nothing new: no empty batch left behind


def test_a_newer_archive_adds_only_its_new_rows(db: Path, tmp_path: Path) -> None:
    older = backfill.commit(backfill.plan_import(archive(tmp_path / "a"), TODAY), TODAY)
    newer_path = archive(tmp_path / "b", factory.newer(factory.dataset()))
    newer = backfill.commit(backfill.plan_import(newer_path, TODAY), TODAY)
    # One more connection, share, comment and sent message; the profile items are already done.
    assert (newer.added, newer.profile_items) == (4, ())
    assert newer.already_known == older.added
    assert actions.entry_count() == older.added + 4


def test_undo_removes_exactly_one_import(db: Path, tmp_path: Path) -> None:
    actions.record(actions.NewEntry("dm_sent", TODAY, 2, "by hand"), TODAY)
    first = backfill.commit(backfill.plan_import(archive(tmp_path / "a"), TODAY), TODAY)
    newer_path = archive(tmp_path / "b", factory.newer(factory.dataset()))
    second = backfill.commit(backfill.plan_import(newer_path, TODAY), TODAY)

    undone = imports.undo()  # the latest by default
    assert undone.id == second.batch and undone.undone
    assert actions.entry_count() == 1 + first.added
    assert imports.latest_active() is not None
    assert imports.latest_active().id == first.batch  # type: ignore[union-attr]

    imports.undo(first.batch)
    assert [e.note for e in actions.entries()] == ["by hand"]
    assert not any(profile.state_on(TODAY).values())
    assert [b.undone for b in imports.batches()] == [True, True]
    with pytest.raises(imports.UndoImportError, match="no import to undo"):
        imports.undo()
    with pytest.raises(imports.UndoImportError, match="already undone"):
        imports.undo(first.batch)
    with pytest.raises(imports.UndoImportError, match="no import #99"):
        imports.undo(99)

    # Undone rows may come back with a new import.
    again = backfill.commit(backfill.plan_import(newer_path, TODAY), TODAY)
    assert again.added == first.added + second.added


def test_a_cancel_between_chunks_leaves_nothing(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backfill, "CHUNK", 5)
    plan = backfill.plan_import(archive(tmp_path / "a"), TODAY)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    with pytest.raises(ImportCancelled):
        backfill.commit(plan, TODAY, cancelled=lambda: len(seen) >= 3, progress=progress)
    assert seen[-1] == (10, len(plan.entries))  # two chunks were written, then rolled back
    assert actions.entry_count() == 0
    assert ProfileChange.select().count() == 0
    assert imports.batches() == []


def test_profile_items_already_done_are_not_added_again(db: Path, tmp_path: Path) -> None:
    profile.set_item("headline", True, dt.date(2023, 1, 1), TODAY)
    outcome = backfill.commit(backfill.plan_import(archive(tmp_path / "a"), TODAY), TODAY)
    assert sorted(outcome.profile_items) == ["experience", "skills"]
    assert ProfileChange.select().where(ProfileChange.batch_id == outcome.batch).count() == 2


def test_rows_dated_after_today_are_skipped_not_fatal(db: Path, tmp_path: Path) -> None:
    early_today = dt.date(2024, 2, 18)  # some rows of the archive are later than this
    plan = backfill.plan_import(archive(tmp_path / "a"), early_today)
    later = sum(1 for a in plan.report.actions if a.day > early_today)
    assert later > 0
    assert plan.skipped[backfill.SKIP_FUTURE] == later
    assert all(e.day <= early_today for e in plan.entries)
    outcome = backfill.commit(plan, early_today)
    assert outcome.added == len(plan.entries)
    assert ProfileChange.select().where(ProfileChange.day > early_today).count() == 0


def test_the_batch_keeps_the_summary_as_json(db: Path, tmp_path: Path) -> None:
    outcome = backfill.commit(backfill.plan_import(archive(tmp_path / "a"), TODAY), TODAY)
    stored = json.loads(ImportBatch.get_by_id(outcome.batch).counts)
    assert stored["added"] == outcome.added
    assert stored["sources"] == factory.EXPECTED_SOURCES
