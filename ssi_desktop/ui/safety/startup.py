"""What the app's entry point does before and around the window to keep the data safe."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ssi_desktop.store import backup
from ssi_desktop.store.backup import Backup
from ssi_desktop.ui.safety.errors import ErrorReporter
from ssi_desktop.ui.single_instance import SingleInstance
from ssi_desktop.workers.background_job import BackgroundJob

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ALREADY_OPEN = 0, 2


def report_errors(parent: QObject) -> ErrorReporter:
    """Log to the user's log folder and show uncaught errors in a dialog from now on."""
    reporter = ErrorReporter(parent)
    reporter.install()
    return reporter


def claim_database(path: Path) -> SingleInstance | int:
    """The lock on ``path`` for this window, or the exit code when another window has it.

    Call start_answering() on the result once the window is up.
    """
    instance = SingleInstance(path)
    if instance.take_lock():
        return instance
    if instance.ask_holder_to_come_forward():
        print(f"ssi-desktop: already open on {path}; that window was brought forward.")
        return EXIT_OK
    message = (
        f"SSI Desktop is already open on {path} ({instance.holder()}), but that window does "
        "not answer. Close it or end that process, then start SSI Desktop again."
    )
    print(f"ssi-desktop: {message}", file=sys.stderr)
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        QMessageBox.warning(None, "SSI Desktop is already open", message)
    return EXIT_ALREADY_OPEN


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class DailyBackup:
    """The first start of each day backs the database up, off the GUI thread.

    start() is called once the window has painted its score: begun earlier, the backup
    thread competed with building the window for the interpreter. stop() at exit finishes a
    backup still being written rather than cutting it short.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._job: BackgroundJob | None = None

    def start(self) -> None:
        """Start the backup (once; later calls do nothing)."""
        if self._job is not None:
            return
        path = self._path
        self._job = BackgroundJob(
            lambda _cancelled, _progress: backup.daily_backup(path, dt.datetime.now()), ()
        )
        self._job.succeeded.connect(_log_daily_backup)
        self._job.failed.connect(lambda message: log.warning("daily backup failed: %s", message))
        self._job.start()

    def stop(self) -> None:
        if self._job is not None:
            self._job.stop()


def _log_daily_backup(made: Backup | None) -> None:
    if made is not None:
        log.info("daily backup: %s entries to %s", made.entry_count, made.path)
