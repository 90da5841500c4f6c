"""File ▸ Back Up Now and File ▸ Restore from Backup…, and reopening the window's database.

Backing up runs on its own thread (it reads the whole file). Restoring is the seller's explicit,
confirmed choice, so it runs at once: the score worker is stopped so that no connection to the
old file is left open, the file is swapped (the current one is moved aside, never deleted), and
the window reopens the database and shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.store import actions, backup
from ssi_desktop.store.backup import Backup
from ssi_desktop.store.db import DatabaseError, close_database, open_database
from ssi_desktop.system import window_lock
from ssi_desktop.ui.safety.recovery import taken_on
from ssi_desktop.workers.background_job import BackgroundJob

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow

WHEN, ENTRIES, SIZE = range(3)


class RestoreDialog(QDialog):
    """The backups, newest first; Restore takes the selected one, Other File… any file."""

    def __init__(self, found: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from Backup")
        self.setMinimumSize(520, 360)
        self.backups = found
        self.chosen: Path | None = None

        intro = QLabel(
            "Pick the backup to bring back. Your current data is not deleted: it is moved "
            "aside into a file in the same folder, so you can always go back."
            if found
            else "There are no backups yet. SSI Desktop makes one on the first start of each "
            "day; File ▸ Back Up Now makes one at once. You can still restore a file you saved "
            "elsewhere."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(found), 3)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(["Taken", "Entries", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHEN, QHeaderView.ResizeMode.Stretch)
        for column in (ENTRIES, SIZE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(found):
            self._set(row, WHEN, taken_on(item))
            self._set(row, ENTRIES, f"{item.entry_count:,}")
            self._set(row, SIZE, f"{item.path.stat().st_size / 1_000_000:.1f} MB")
        self.table.doubleClicked.connect(self.accept_selected)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.setObjectName("restoreSelectedButton")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.accept_selected)
        other = QPushButton("Other File…")
        other.setObjectName("restoreOtherFileButton")
        other.clicked.connect(self.choose_file)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if found:
            self.table.selectRow(0)
        self._update_button()

    def _set(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        if column != WHEN:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, item)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def accept_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self.backups[rows[0].row()].path
            self.accept()

    @Slot()
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Restore from a File", "", "SSI Desktop backups (*.sqlite3 *.db);;All files (*)"
        )
        if name:
            self.chosen = Path(name)
            self.accept()


def confirmation_box(item: Backup, current_entries: int, parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("restoreConfirmation")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Restore from Backup")
    box.setText(f"Restore the backup of {taken_on(item)}?")
    box.setInformativeText(
        f"It holds {item.entries}; your log has {backup.entries(current_entries)} now. "
        "Your current database is not deleted: it is kept in the same folder with "
        "“before-restore” and the time in its name."
    )
    box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    return box


class BackupActions(QObject):
    """The two File menu items and what they do to the window's database."""

    reopened = Signal()  # the window's database was closed and opened again

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.back_up_action = QAction("&Back Up Now", window)
        self.back_up_action.setObjectName("backUpNowAction")
        self.back_up_action.setToolTip("Copy your data into the backups folder beside it")
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction("&Restore from Backup…", window)
        self.restore_action.setObjectName("restoreFromBackupAction")
        self.restore_action.triggered.connect(self.open_restore_dialog)
        group = QAction(window)
        group.setSeparator(True)
        window.add_file_action(group)
        window.add_file_action(self.back_up_action)
        window.add_file_action(self.restore_action)
        self._jobs: set[BackgroundJob] = set()
        window.closing.connect(self.shutdown)

    def _run(
        self, action: QAction, work: Callable[[], object], on_success: Callable[[Any], None]
    ) -> BackgroundJob:
        """Run file work off the GUI thread; ``action`` is disabled until it ends."""
        job = BackgroundJob(lambda _cancelled, _progress: work(), (), self)
        job.succeeded.connect(on_success)
        job.failed.connect(lambda message: self._failed(action, message))
        for ended in (job.succeeded, job.failed):
            ended.connect(lambda *_: self._ended(job, action))
        action.setEnabled(False)
        self._jobs.add(job)
        job.start()
        return job

    def _ended(self, job: BackgroundJob, action: QAction) -> None:
        job.stop()  # the thread is ending: wait the last moment so none is left running
        job.deleteLater()
        self._jobs.discard(job)
        action.setEnabled(True)

    def _failed(self, action: QAction, message: str) -> None:
        title = action.text().replace("&", "").rstrip("…")
        QMessageBox.warning(self.window, title, f"That did not work: {message}")

    def shutdown(self) -> None:
        """Wait for a backup still being written (they take a fraction of a second)."""
        for job in list(self._jobs):
            job.stop()

    @Slot()
    def back_up_now(self) -> BackgroundJob:
        path = self.window.db_path
        return self._run(
            self.back_up_action,
            lambda: backup.back_up_now(path, dt.datetime.now()),
            self._backed_up,
        )

    @Slot(object)
    def _backed_up(self, made: Backup) -> None:
        pruned = f" Removed {len(made.pruned)} older backups." if made.pruned else ""
        self.window.statusBar().showMessage(
            f"Backed up {made.entries} to {made.path.name} (in {made.path.parent}).{pruned}",
            10000,
        )

    @Slot()
    def open_restore_dialog(self) -> BackgroundJob:
        """List the backups off the GUI thread (each is checked and counted), then ask."""
        path = self.window.db_path
        return self._run(self.restore_action, lambda: backup.backups(path), self.ask_which_backup)

    @Slot(object)
    def ask_which_backup(self, found: list[Backup]) -> None:
        dialog = RestoreDialog(found, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen
        dialog.deleteLater()
        if not accepted or chosen is None:
            return
        try:
            item = backup.describe(chosen)
        except DatabaseError as error:
            QMessageBox.warning(self.window, "Restore from Backup", f"Nothing was changed: {error}")
            return
        box = confirmation_box(item, actions.entry_count(), self.window)
        box.exec()
        confirmed = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole
        box.deleteLater()
        if confirmed:
            self.restore(item.path)

    def restore(self, source: Path) -> Path | None:
        """Swap the database for ``source`` and show it; returns where the old file went."""
        window = self.window
        failure = aside = None
        with window.recomputer.paused():
            close_database()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                aside = backup.restore(source, window.db_path, dt.datetime.now())
            except DatabaseError as error:
                failure = str(error)
            finally:
                open_database(window.db_path)
                window_lock.hold_database_file(window.db_path)  # the file is a new one now
                QApplication.restoreOverrideCursor()
        self.reopened.emit()
        if failure is not None:
            QMessageBox.warning(window, "Restore from Backup", f"Nothing was changed: {failure}")
        elif aside is not None:
            window.statusBar().showMessage(
                f"Backup restored. The data it replaced is kept as {aside.name}.", 15000
            )
        window.data_changed.emit()
        return aside
