"""One background thread that rebuilds the ScoreSnapshot after each change, newest wins.

The pattern is Orange3's ConcurrentMixin cut down to what the window needs:

- the GUI thread calls Recomputer.request(day); each request gets a higher generation number;
- the worker, living in its own QThread with its own database connection, skips a request
  when a newer one is already waiting, and asks "am I stale?" between steps of the task, so
  a burst of quick-adds costs one computation, not one each;
- a finished result travels back by a queued signal and is shown only if it is the newest;
- with a ``details`` step, the score is sent as soon as it is known (score_ready) and the
  snapshot completed with the slower panels follows (snapshot_ready): a quick-add shows its
  new total without waiting for the outcome charts.

The worker never touches a widget: it only emits signals carrying frozen data.
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ssi_desktop.store.db import close_database, database
from ssi_desktop.workers.snapshot import Cancelled, ScoreSnapshot

log = logging.getLogger(__name__)

Task = Callable[[dt.date, Callable[[], bool]], ScoreSnapshot]
"""Builds a snapshot for a day; the callable it is given says whether to give up."""

Details = Callable[[ScoreSnapshot, Callable[[], bool]], ScoreSnapshot]
"""Completes a snapshot with what takes longer to gather; may also give up when stale."""

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


def running_threads() -> list[QThread]:
    """Worker threads still running (tests assert there are none left)."""
    return [thread for thread in _threads if thread.isRunning()]


class _Worker(QObject):
    """Lives in the worker thread; runs the task for the newest request only."""

    scored = Signal(int, object)  # generation, ScoreSnapshot before its details
    finished = Signal(int, object)  # generation, ScoreSnapshot
    failed = Signal(int, str)  # generation, message

    def __init__(self, task: Task, details: Details | None) -> None:
        super().__init__()
        self._task = task
        self._details = details
        self.latest = 0
        """The newest generation requested; written by the GUI thread (an atomic int store)."""

    @Slot()
    def connect_database(self) -> None:
        database.connect(reuse_if_open=True)

    @Slot()
    def close_database(self) -> None:
        close_database()

    @Slot(int, object)
    def run(self, generation: int, day: dt.date) -> None:
        if generation != self.latest:
            return  # a newer request is already queued behind this one

        def stale() -> bool:
            return generation != self.latest

        try:
            snapshot = self._task(day, stale)
            if self._details is not None:
                if stale():
                    return
                self.scored.emit(generation, snapshot)
                snapshot = self._details(snapshot, stale)
        except Cancelled:
            return
        except Exception as error:
            log.exception("score recompute failed")
            self.failed.emit(generation, f"{type(error).__name__}: {error}")
            return
        if not stale():
            self.finished.emit(generation, snapshot)


class Recomputer(QObject):
    """The GUI side of the score worker: request() recomputes; snapshot_ready delivers."""

    score_ready = Signal(object)  # ScoreSnapshot without its details yet, on the GUI thread
    snapshot_ready = Signal(object)  # ScoreSnapshot, on the GUI thread
    failed = Signal(str)
    busy_changed = Signal(bool)
    _requested = Signal(int, object)  # generation, day: queued to the worker

    def __init__(
        self, task: Task, parent: QObject | None = None, details: Details | None = None
    ) -> None:
        super().__init__(parent)
        self._generation = 0
        self._busy = False
        self._thread = QThread()
        self._thread.setObjectName("score-recompute")
        self._worker = _Worker(task, details)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.connect_database)
        # finished is emitted in the worker thread just before it ends: close its connection
        # there, as peewee keeps one connection per thread.
        self._thread.finished.connect(
            self._worker.close_database, Qt.ConnectionType.DirectConnection
        )
        self._requested.connect(self._worker.run)
        self._worker.scored.connect(self._on_scored)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        _threads.add(self._thread)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self, day: dt.date) -> None:
        """Recompute for ``day``; any computation still running for an older request is dropped."""
        if not self._thread.isRunning():
            return
        self._generation += 1
        self._worker.latest = self._generation
        self._set_busy(True)
        self._requested.emit(self._generation, day)

    def stop(self) -> None:
        """Drop pending work, end the thread and wait for it; safe to call twice."""
        if not self._thread.isRunning():
            return
        self._generation += 1
        self._worker.latest = self._generation  # the running task sees it is stale
        self._thread.quit()
        self._thread.wait()
        self._set_busy(False)

    def resume(self) -> None:
        """Start the thread again after stop(), e.g. once the database file was replaced."""
        if not self._thread.isRunning():
            self._thread.start()

    @Slot(int, object)
    def _on_scored(self, generation: int, snapshot: ScoreSnapshot) -> None:
        if generation == self._generation:
            self.score_ready.emit(snapshot)

    @Slot(int, object)
    def _on_finished(self, generation: int, snapshot: ScoreSnapshot) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.snapshot_ready.emit(snapshot)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
