"""Uncaught errors: written to the log file with their traceback, and told to the seller.

sys.excepthook catches errors raised in the GUI thread's slots and event handlers (Qt carries
on with the next event, so the window keeps running); threading.excepthook catches those of
Python threads. Either way the seller sees one dialog that says what happened and where the
log is; errors that follow while it is open are only logged.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from ssi_desktop.system.logs import log_file, log_uncaught, start_logging, stop_logging


class ErrorReporter(QObject):
    """``install()`` starts the log file and the hooks; ``uninstall()`` puts things back."""

    _caught = Signal(str)  # one-line summary; emitted from any thread, shown on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        self._caught.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        self._log_handler: logging.Handler | None = None

    def install(self) -> None:
        self._log_handler = start_logging()
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.on_error
        threading.excepthook = self.on_thread_error

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        if self._log_handler is not None:
            stop_logging(self._log_handler)
            self._log_handler = None

    def on_error(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, trace)
            return
        log_uncaught(kind, error, trace, "the window")
        self._caught.emit(_summary(kind, error))

    def on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        where = f"thread {args.thread.name}" if args.thread else "a background thread"
        log_uncaught(args.exc_type, args.exc_value, args.exc_traceback, where)
        self._caught.emit(_summary(args.exc_type, args.exc_value))

    @Slot(str)
    def _show(self, summary: str) -> None:
        if self.dialog is not None:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("uncaughtErrorDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("SSI Desktop hit a problem")
        box.setText(f"Something went wrong: {summary}")
        box.setInformativeText(
            "Everything you logged before this is saved. The details are in the log file "
            f"{log_file()}. You can keep working; if something looks wrong, restart "
            "SSI Desktop."
        )
        open_folder = box.addButton("Open Log Folder", QMessageBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._forget_dialog)
        self.dialog = box
        box.open()

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None


def _summary(kind: type[BaseException], error: BaseException) -> str:
    text = str(error).strip().splitlines()
    first = text[0] if text else ""
    return f"{kind.__name__}: {first[:200]}" if first else kind.__name__
