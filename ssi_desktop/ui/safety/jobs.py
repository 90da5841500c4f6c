"""A one-off piece of file work (a backup) on its own thread, with its result on the GUI thread.

The work is plain Python (store functions with their own sqlite3 connections); the job only
carries it off the GUI thread and brings back the result or a one-line failure.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

_running: set[BackgroundJob] = set()
"""Jobs keep themselves alive until they end, even if the window that started them closed."""


def wait_for_all() -> None:
    """Let every job that is still running finish (at exit, and after each test)."""
    for job in list(_running):
        job.wait()


class BackgroundJob(QThread):
    """Runs ``work`` once; ``done`` carries its result, ``failed`` a sentence, both queued."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(
        self, name: str, work: Callable[[], object], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._work = work

    def start_work(self) -> None:
        """Start; connect to ``done``, ``failed`` and ``finished`` before calling this."""
        # Connected last, so that the starter's own slots for ``finished`` run before the
        # job lets go of itself.
        self.finished.connect(self._forget)
        _running.add(self)
        self.start()

    @Slot()
    def _forget(self) -> None:
        _running.discard(self)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:
            log.exception("%s failed", self.objectName())
            self.failed.emit(str(error))
            return
        self.done.emit(result)
