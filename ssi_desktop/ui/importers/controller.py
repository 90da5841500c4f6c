"""File > Import LinkedIn Archive… and File > Undo Last Import…, start to finish.

1. pick a ZIP (or any CSV inside an unpacked archive folder: its folder is imported);
2. read it in a background job (progress, Cancel) and show the preview;
3. on Import, write it in a background job: one transaction, checked for Cancel between chunks,
   so a cancelled import leaves nothing behind;
4. emit ``window.data_changed`` so the estimate and the history catch up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from ssi_desktop.store import imports
from ssi_desktop.system import clock
from ssi_desktop.workers.background_job import BackgroundJob, Work

if TYPE_CHECKING:
    from ssi_desktop.importers import backfill
    from ssi_desktop.ui.importers.preview import PreviewDialog
    from ssi_desktop.ui.main_window import MainWindow

ARCHIVE_FILTER = "LinkedIn data archive (*.zip);;A file of an unpacked archive (*.csv)"


class ImportController(QObject):
    """Owns the import dialogs and the one background job that may be running."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: BackgroundJob | None = None
        self.progress: QProgressDialog | None = None  # the dialog while a job runs
        self._dialog: QProgressDialog | None = None
        self.preview: PreviewDialog | None = None
        self.import_action = QAction("&Import LinkedIn Archive…", window)
        self.import_action.setObjectName("importLinkedInAction")
        self.import_action.setToolTip(
            "Backfill your log from the ZIP of LinkedIn's 'Get a copy of your data'"
        )
        self.import_action.triggered.connect(self.choose_archive)
        self.undo_action = QAction("U&ndo Last Import…", window)
        self.undo_action.setObjectName("undoImportAction")
        self.undo_action.setToolTip("Remove everything the newest archive import added")
        self.undo_action.triggered.connect(self.undo_last_import)
        window.closing.connect(self.shutdown)

    # -- steps ----------------------------------------------------------------------------------

    @Slot()
    def choose_archive(self) -> None:
        # LinkedIn's e-mail links to a download, so the ZIP is most likely there.
        downloads = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DownloadLocation
        )
        name, _filter = QFileDialog.getOpenFileName(
            self.window, "Import LinkedIn Archive", downloads or str(Path.home()), ARCHIVE_FILTER
        )
        if name:
            self.read_archive(Path(name))

    def read_archive(self, path: Path) -> None:
        """Read ``path`` (a ZIP, a folder, or a CSV inside one) and show the preview."""
        if path.suffix.lower() == ".csv":
            path = path.parent
        today = clock.today()

        from ssi_desktop.importers import backfill  # the reader loads on first use, not at start

        def work(cancelled: backfill.Cancelled, progress: backfill.Progress) -> object:
            return backfill.plan_import(path, today, cancelled=cancelled, progress=progress)

        self._run(work, f"Reading {path.name}…", self._show_preview)

    @Slot(object)
    def _show_preview(self, plan: backfill.ImportPlan) -> None:
        from ssi_desktop.ui.importers.preview import PreviewDialog

        self.preview = PreviewDialog(plan, self.window)
        self.preview.finished.connect(self._preview_closed)
        self.preview.open()

    @Slot(int)
    def _preview_closed(self, result: int) -> None:
        preview, self.preview = self.preview, None
        if preview is None:
            return
        preview.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.write(preview.plan)

    def write(self, plan: backfill.ImportPlan) -> None:
        today = clock.today()

        from ssi_desktop.importers import backfill

        def work(cancelled: backfill.Cancelled, progress: backfill.Progress) -> object:
            return backfill.commit(plan, today, cancelled=cancelled, progress=progress)

        self._run(work, f"Importing {plan.archive_name}…", self._imported)

    @Slot(object)
    def _imported(self, outcome: backfill.ImportOutcome) -> None:
        if outcome.batch is None:
            message = "Nothing new: everything in this archive is already in your log."
        else:
            message = (
                f"Imported {outcome.added:,} entries as import #{outcome.batch}. "
                "File > Undo Last Import takes it back."
            )
        self.window.statusBar().showMessage(message, 10000)
        if outcome.first_day is not None:
            self._show_in_history(outcome.first_day)
        self.window.data_changed.emit()

    def _show_in_history(self, first_day: dt.date) -> None:
        self.window.history.show_from(first_day)

    @Slot()
    def undo_last_import(self) -> None:
        latest = imports.latest_active()
        if latest is None:
            QMessageBox.information(
                self.window, "Undo Last Import", "There is no archive import to undo."
            )
            return
        items = f" and {latest.profile_items} profile items" if latest.profile_items else ""
        answer = QMessageBox.question(
            self.window,
            "Undo Last Import",
            f"Remove import {latest.title}?\n\n"
            f"Its {latest.entries:,} entries{items} leave your log; everything else stays.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(cancelled: backfill.Cancelled, progress: backfill.Progress) -> object:
            return imports.undo(latest.id)

        self._run(work, f"Removing import #{latest.id}…", self._undone, cancellable=False)

    @Slot(object)
    def _undone(self, undone: imports.BatchInfo) -> None:
        self.window.statusBar().showMessage(
            f"Removed import {undone.title} ({undone.entries:,} entries).", 10000
        )
        self.window.data_changed.emit()

    # -- the background job and its progress dialog ---------------------------------------------

    def _run(
        self,
        work: Work,
        label: str,
        on_success: Callable[[Any], None],
        *,
        cancellable: bool = True,
    ) -> None:
        if self.job is not None:
            return  # one import at a time; the modal progress dialog prevents a second anyway
        from ssi_desktop.importers.linkedin import ImportCancelled

        self.job = BackgroundJob(work, (ImportCancelled,), self)
        progress = self._progress_dialog()
        progress.setLabelText(label)
        progress.setRange(0, 0)
        if cancellable:
            progress.setCancelButtonText("Cancel")
        else:
            progress.setCancelButton(None)
        self.progress = progress
        self.job.progressed.connect(self._progressed)
        # _finish first: the progress dialog is gone before a preview or a message shows.
        for ended in (self.job.succeeded, self.job.failed, self.job.cancelled):
            ended.connect(self._finish)
        self.job.succeeded.connect(on_success)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        progress.show()
        self.job.start()

    def _progress_dialog(self) -> QProgressDialog:
        """The one progress dialog, made on first use and kept: hidden between jobs.

        A modal QProgressDialog runs the event loop inside setValue(), where the job's end
        (and so _finish) can arrive: deleting the dialog then would pull it from under its own
        setValue(). Kept for the controller's life, it is only ever hidden.
        """
        if self._dialog is None:
            dialog = QProgressDialog("", "Cancel", 0, 0, self.window)
            dialog.setObjectName("importProgress")
            dialog.setWindowTitle("LinkedIn Archive")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self._cancel)
            self._dialog = dialog
        return self._dialog

    @Slot()
    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling…")

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, total))

    @Slot(str)
    def _failed(self, message: str) -> None:
        QMessageBox.warning(self.window, "LinkedIn Archive", _sentence(message))

    @Slot()
    def _cancelled(self) -> None:
        self.window.statusBar().showMessage("Import cancelled; nothing was written.", 8000)

    @Slot()
    def _finish(self) -> None:
        """The job ended: close the progress dialog and forget the job (before its result)."""
        job, self.job = self.job, None
        if job is not None:
            job.stop()  # the thread is ending: wait the last moment so none is left running
            job.deleteLater()
        if self.progress is not None:
            self.progress.reset()  # clears wasCanceled() for the next job
            self.progress.hide()
            self.progress = None

    def shutdown(self) -> None:
        """Cancel a running job and wait for it (a cancelled import rolls back)."""
        if self.job is not None:
            self.job.stop()


def _sentence(message: str) -> str:
    """Errors from the archive reader already are sentences; others get a lead-in."""
    return message if message.endswith(".") else f"The archive could not be imported: {message}."
