"""Shows writes made outside the window (the `ssi` command line, another tool) without a restart.

SQLite's ``PRAGMA data_version`` changes whenever another connection commits to the file and
stays the same for this connection's own writes. Reading it costs microseconds, so a timer on
the GUI thread polls it and tells the window its data changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ssi_desktop.store.db import data_version

POLL_MS = 1500


class OutsideChanges(QObject):
    """Emits ``noticed`` after another program committed to the database."""

    noticed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._seen = data_version()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def forget(self) -> None:
        """Take the current version as seen (after this window reopened the database)."""
        self._seen = data_version()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def check(self) -> None:
        version = data_version()
        if version is not None and version != self._seen:
            self._seen = version
            self.noticed.emit()
