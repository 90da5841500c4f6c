"""Notices when a new day starts, at midnight or when the machine wakes up on one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ssi_desktop.system import clock


class DayWatch(QObject):
    """``new_day`` fires once a day has started that the window has not shown yet."""

    new_day = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown_day = clock.today()
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.check)
        self._arm()

    def _arm(self) -> None:
        now = dt.datetime.now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + 1000)

    @Slot()
    def check(self) -> None:
        """A new day started (or the machine woke up on one): the window moves on."""
        if clock.today() != self.shown_day:
            self.shown_day = clock.today()
            self.new_day.emit()
        if not self._midnight.isActive():
            self._arm()

    def stop(self) -> None:
        self._midnight.stop()
