"""Uncaught errors: written to a private log file and shown in one dialog; the window goes on."""

from __future__ import annotations

import stat
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ssi_desktop.store import health
from ssi_desktop.store.migrations import LATEST_VERSION
from ssi_desktop.system.logs import log_file
from ssi_desktop.ui.safety.errors import ErrorReporter


@pytest.fixture
def reporter(qapp: QApplication) -> Iterator[ErrorReporter]:
    errors = ErrorReporter()
    errors.install()
    yield errors
    errors.uninstall()
    if errors.dialog is not None:
        errors.dialog.close()


def error_dialogs() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "uncaughtErrorDialog" and w.isVisible()
    ]


def test_an_uncaught_error_is_logged_privately_and_shown_once(qtbot, reporter):
    try:
        raise ValueError("the gauge fell over")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    [dialog] = error_dialogs()
    assert "ValueError: the gauge fell over" in dialog.text()
    assert str(log_file()) in dialog.informativeText()
    logged = log_file().read_text(encoding="utf-8")
    assert "the gauge fell over" in logged and "Traceback" in logged
    assert stat.S_IMODE(log_file().stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file().parent.stat().st_mode) == 0o700
    try:
        raise KeyError("a second one while the first is open")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    qtbot.wait(50)  # the queued report has been delivered, and found the dialog open
    assert len(error_dialogs()) == 1
    assert "a second one" in log_file().read_text(encoding="utf-8")


def test_an_error_in_a_background_thread_reaches_the_log_and_the_dialog(qtbot, reporter):
    def fail() -> None:
        raise RuntimeError("import worker tripped")

    thread = threading.Thread(target=fail, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    assert "RuntimeError: import worker tripped" in error_dialogs()[0].text()
    assert "thread importer" in log_file().read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_the_window_keeps_working_after_an_error_in_a_slot(qtbot, window, reporter):
    def broken_slot() -> None:
        raise ZeroDivisionError("a broken panel")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    button = window.findChild(QPushButton, "quickAdd_dm_sent")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.snapshot.count_today("dm_sent") == 1, timeout=10000)
    assert health.diagnose(window.db_path, LATEST_VERSION) is None
