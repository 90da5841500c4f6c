"""The window's side of safety: backups from the File menu, restore, writes from outside."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from ssi_desktop.store import actions, backup, health
from ssi_desktop.ui.safety.backup_actions import BackupActions, RestoreDialog, confirmation_box
from ssi_desktop.ui.safety.outside_changes import OutsideChanges
from ssi_desktop.workers.background_job import running_jobs
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
NOON = dt.datetime(2026, 11, 24, 12, 0)
SSI = (sys.executable, "-m", "ssi_desktop.cli.main")


@pytest.fixture(autouse=True)
def _no_backup_left_running() -> Iterator[None]:
    yield
    assert running_jobs() == []


def quick_add(qtbot, window, key: str, times: int = 1) -> None:
    button = window.findChild(QPushButton, f"quickAdd_{key}")
    for _ in range(times):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown_entry_count(qtbot, window, expected: int) -> None:
    qtbot.waitUntil(
        lambda: window.snapshot is not None and window.snapshot.entry_count == expected,
        timeout=10000,
    )


def test_file_menu_offers_back_up_and_restore_above_quit(window):
    names = [a.objectName() for a in window.file_menu.actions() if a.objectName()]
    assert names.index("backUpNowAction") < names.index("restoreFromBackupAction")
    assert window.file_menu.actions()[-1] is window.quit_action


def test_back_up_now_copies_the_log_off_the_gui_thread(qtbot, window):
    quick_add(qtbot, window, "dm_sent", 3)
    controller = window.findChild(BackupActions)
    with qtbot.waitSignal(controller.back_up_action.triggered):
        controller.back_up_action.trigger()
    qtbot.waitUntil(lambda: controller.back_up_action.isEnabled(), timeout=10000)
    [made] = backup.backups(window.db_path)
    assert made.entry_count == 3
    assert "Backed up 3 entries to" in window.statusBar().currentMessage()


def test_restore_swaps_the_file_and_the_window_shows_the_backup(qtbot, window):
    quick_add(qtbot, window, "dm_sent", 2)
    saved = backup.back_up_now(window.db_path, NOON)
    quick_add(qtbot, window, "reaction", 3)
    shown_entry_count(qtbot, window, 5)
    window.select_tab("history")
    assert window.history.model.rowCount() == 5
    aside = window.findChild(BackupActions).restore(saved.path)
    shown_entry_count(qtbot, window, 2)
    assert aside is not None and health.entry_count(aside) == 5
    assert window.snapshot.count_today("reaction") == 0
    assert window.history.model.rowCount() == 2
    window.select_tab("insights")
    quick_add(qtbot, window, "reaction")  # the worker reads the restored file, too
    shown_entry_count(qtbot, window, 3)


def test_restore_dialog_lists_backups_and_hands_back_the_chosen_one(qtbot, db):
    actions.record(actions.NewEntry("dm_sent", TODAY), TODAY)
    older = backup.back_up_now(db, NOON)
    actions.record(actions.NewEntry("dm_sent", TODAY), TODAY)
    backup.back_up_now(db, NOON + dt.timedelta(hours=2))
    dialog = RestoreDialog(backup.backups(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.table.item(r, 1).text() for r in range(2)] == ["2", "1"]
    assert dialog.table.item(1, 0).text() == "Tuesday 24 November 2026 at 12:00"
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen == older.path


def test_an_empty_restore_dialog_says_how_backups_are_made(qtbot, db):
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()


def test_the_confirmation_names_the_backup_date_and_entry_count(qtbot, db):
    for _ in range(3):
        actions.record(actions.NewEntry("dm_sent", TODAY), TODAY)
    made = backup.back_up_now(db, NOON)
    box = confirmation_box(made, 1234, None)
    qtbot.addWidget(box)
    assert "Tuesday 24 November 2026 at 12:00" in box.text()
    assert "3 entries" in box.informativeText() and "1,234" in box.informativeText()
    assert "not deleted" in box.informativeText()


def test_a_cli_add_while_the_window_is_open_shows_up_without_a_restart(qtbot, window):
    quick_add(qtbot, window, "reaction")
    window.select_tab("history")
    assert window.history.model.rowCount() == 1
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [*SSI, "add", "dm_sent", "--count", "4", "--db", str(window.db_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with qtbot.waitSignal(window.findChild(OutsideChanges).noticed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.snapshot.count_today("dm_sent") == 4, timeout=10000)
    assert window.history.model.rowCount() == 2
    window.select_tab("insights")
    quick_add(qtbot, window, "reaction")  # and the window still writes after the CLI did
    shown_entry_count(qtbot, window, 3)


def test_restore_from_the_menu_lists_off_the_gui_thread_asks_and_restores(
    qtbot, window, monkeypatch
):
    """The whole menu path, with each modal exec() replaced by a click on its real button."""
    quick_add(qtbot, window, "dm_sent")
    backup.back_up_now(window.db_path, NOON)
    quick_add(qtbot, window, "dm_sent", 2)
    shown_entry_count(qtbot, window, 3)
    asked: list[str] = []

    def pick_the_newest(dialog: RestoreDialog) -> int:
        asked.append(dialog.table.item(0, 1).text())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def confirm(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        [restore] = [b for b in box.buttons() if b.text() == "Restore"]
        restore.click()
        return 0

    monkeypatch.setattr(RestoreDialog, "exec", pick_the_newest)
    monkeypatch.setattr(QMessageBox, "exec", confirm)
    controller = window.findChild(BackupActions)
    with qtbot.waitSignal(controller.reopened, timeout=10000):
        controller.restore_action.trigger()
    shown_entry_count(qtbot, window, 1)
    assert asked[0] == "1" and "It holds 1 entry; your log has 3 entries now" in asked[1]
    assert "Backup restored" in window.statusBar().currentMessage()
