"""What the app's entry point does before and around the window to keep the data safe."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ssi_desktop.single_instance import SingleInstance
from ssi_desktop.store import backup
from ssi_desktop.store.backup import Backup
from ssi_desktop.ui.safety.errors import ErrorReporter
from ssi_desktop.workers.background_job import BackgroundJob

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ALREADY_OPEN = 0, 2


def report_errors(parent: QObject) -> ErrorReporter:
    """Log to the user's log folder and show uncaught errors in a dialog from now on."""
    reporter = ErrorReporter(parent)
    reporter.install()
    return reporter


def claim_database(path: Path) -> SingleInstance | int:
    """The lock on ``path`` for this window, or the exit code when another window has it."""
    instance = SingleInstance(path)
    if instance.acquire():
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


def start_daily_backup(path: Path) -> BackgroundJob:
    """The first start of each day backs the database up, off the GUI thread; stop() it at exit."""
    job = BackgroundJob(
        lambda _cancelled, _progress: backup.daily_backup(path, dt.datetime.now()), ()
    )
    job.succeeded.connect(_log_daily_backup)
    job.failed.connect(lambda message: log.warning("daily backup failed: %s", message))
    job.start()
    return job


def _log_daily_backup(made: Backup | None) -> None:
    if made is not None:
        log.info("daily backup: %s entries to %s", made.entry_count, made.path)
