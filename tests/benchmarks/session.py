"""The real MainWindow on a demo database, driven in-process for the GUI benchmarks."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from ssi_desktop.app import settle_start_up_objects, share_interpreter
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.ui.main_window import MainWindow

TIMEOUT_MS = 30_000
SETTLE_MS = 500


def idle(ms: int) -> None:
    """Run the event loop for ``ms``: what is due in that time happens."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_quiet_offscreen)
    share_interpreter()  # as ssi-desktop does
    return QApplication([])


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages, less the offscreen platform's note on every dialog raised (the
    finder, at each Ctrl+K), which buried the tables."""
    if "does not support raise()" not in message:
        print(message, file=sys.stderr)


class SignalWait:
    """Run the event loop until ``signal`` fires (as pytest-qt's waitSignal does).

    Connect before the action that makes it fire, so a fast emission is never missed;
    ``fired_at`` is the perf_counter time of the emission itself.
    """

    def __init__(self, signal: SignalInstance) -> None:
        self._signal = signal
        self._loop = QEventLoop()
        self.fired_at: float | None = None
        signal.connect(self._fired)

    def _fired(self, *_args: object) -> None:
        self.fired_at = time.perf_counter()
        self._loop.quit()

    def wait(self) -> float:
        if self.fired_at is None:
            QTimer.singleShot(TIMEOUT_MS, self._loop.quit)
            self._loop.exec()
        self._signal.disconnect(self._fired)
        if self.fired_at is None:
            raise TimeoutError(f"no signal within {TIMEOUT_MS} ms")
        return self.fired_at


@contextmanager
def open_window(db_path: Path) -> Iterator[MainWindow]:
    """The window on ``db_path``, shown, with its first score on screen; closed after.

    Built as ``ssi-desktop`` builds it (app.main), on the benchmark's own QApplication.
    """
    application()
    open_database(db_path)
    with tempfile.TemporaryDirectory(prefix="ssi-bench-settings-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(db_path, settings)
        window.remember_settings = False
        try:
            shown = SignalWait(window.first_score_painted)
            window.resize(1280, 800)
            window.show()
            shown.wait()
            if not window.dashboard.trend_card.built:  # built right after the first paint
                SignalWait(window.dashboard.trend_built).wait()
            settle_start_up_objects(window)  # as ssi-desktop does after its first paint
            idle(SETTLE_MS)  # the chart's first paint, the first panels: start-up's, not ours
            yield window
        finally:
            window.close()
            window.deleteLater()
            # Destroyed now, not in whatever event loop runs next: deleting a window's
            # thousands of objects there stalled the next benchmark's timer by 200-350 ms.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            close_database()
