"""Background threads that rebuild the ScoreSnapshot after each change, newest wins.

The pattern is Orange3's ConcurrentMixin cut down to what the window needs:

- the GUI thread calls Recomputer.request(day); each request gets a higher generation number;
- a worker, living in its own QThread with its own database connection, skips a request
  when a newer one is already waiting, and asks "am I stale?" between steps of the task, so
  a burst of quick-adds costs one computation, not one each;
- a finished result travels back by a queued signal and is shown only if it is the newest
  (the signals carry the generation and a ticket; the values wait in a Mailbox);
- with a ``details`` step, the score is sent as soon as it is known (score_ready) and a
  second thread completes it with the slower panels (snapshot_ready). The score thread is
  then free for the next change at once: a quick-add never waits behind the habit and outcome
  panels of the one before it. The details start only once changes pause for
  ``details_delay_ms``, so a burst of quick-adds is not slowed by panels nobody will see.

Workers never touch a widget: they only emit signals carrying frozen data.
"""

from __future__ import annotations

import datetime as dt
import logging
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from ssi_desktop.store.db import close_database, database
from ssi_desktop.system.staleness import Cancelled
from ssi_desktop.workers.mailbox import Mailbox
from ssi_desktop.workers.snapshot import ScoreSnapshot

log = logging.getLogger(__name__)

Task = Callable[[dt.date, Callable[[], bool]], ScoreSnapshot]
"""Builds a snapshot for a day; the callable it is given says whether to give up."""

Details = Callable[[ScoreSnapshot, Callable[[], bool]], ScoreSnapshot]
"""Completes a snapshot with what takes longer to gather; may also give up when stale."""

Step = Callable[[Any, Callable[[], bool]], ScoreSnapshot]

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


def running_threads() -> list[QThread]:
    """Worker threads still running (tests assert there are none left)."""
    return [thread for thread in _threads if thread.isRunning()]


class _Worker(QObject):
    """Lives in a worker thread; runs its step for the newest request only."""

    finished = Signal(int, int)  # generation, the ticket of its ScoreSnapshot in ``results``
    failed = Signal(int, str)  # generation, message

    def __init__(self, step: Step) -> None:
        super().__init__()
        self._step = step
        self.latest = 0
        """The newest generation requested; written by the GUI thread (an atomic int store)."""
        self.requests: Mailbox[object] = Mailbox()  # what to compute, put by the GUI thread
        self.results: Mailbox[ScoreSnapshot] = Mailbox()  # what was computed

    @Slot()
    def connect_database(self) -> None:
        database.connect(reuse_if_open=True)

    @Slot()
    def close_database(self) -> None:
        close_database()

    @Slot(int, int)
    def run(self, generation: int, ticket: int) -> None:
        given = self.requests.take(ticket)
        if generation != self.latest or given is None:
            return  # a newer request is already queued behind this one

        def stale() -> bool:
            return generation != self.latest

        try:
            snapshot = self._step(given, stale)
        except Cancelled:
            return
        except Exception as error:
            log.exception("score recompute failed")
            self.failed.emit(generation, f"{type(error).__name__}: {error}")
            return
        if not stale():
            self.finished.emit(generation, self.results.put(snapshot))


class _KeptStateThread(QThread):
    """A QThread that keeps one Python thread state from start to end.

    A Qt thread running Qt's own run() gets a fresh Python thread state for each slot and
    loses it after: its thread-local data went with it, peewee's connection included, so
    every step of a worker opened the database again (the file, its pragmas, with the GIL
    held for part of it). Running the event loop from Python holds the state until the end.
    """

    def run(self) -> None:
        self.exec()


class _WorkerThread:
    """A worker in a QThread of its own, with its own database connection."""

    def __init__(self, step: Step, name: str) -> None:
        self.thread = _KeptStateThread()
        self.thread.setObjectName(name)
        self.worker = _Worker(step)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.connect_database)
        # finished is emitted in the worker thread just before it ends: close its connection
        # there, as peewee keeps one connection per thread.
        self.thread.finished.connect(self.worker.close_database, Qt.ConnectionType.DirectConnection)
        _threads.add(self.thread)
        self.thread.start()

    def stop(self, generation: int) -> None:
        self.worker.latest = generation  # a running step sees it is stale
        self.thread.quit()
        self.thread.wait()
        self.worker.requests.clear()  # nothing delivered after a stop is wanted any more
        self.worker.results.clear()


class Recomputer(QObject):
    """The GUI side of the score workers: request() recomputes; the signals deliver."""

    score_ready = Signal(object)  # ScoreSnapshot without its details yet, on the GUI thread
    snapshot_ready = Signal(object)  # ScoreSnapshot, on the GUI thread
    failed = Signal(str)
    busy_changed = Signal(bool)
    _requested = Signal(int, int)  # generation, ticket of the day: to the score worker
    _scored = Signal(int, int)  # generation, ticket of the ScoreSnapshot: to the details worker

    def __init__(
        self,
        task: Task,
        parent: QObject | None = None,
        details: Details | None = None,
        details_delay_ms: int = 0,
    ) -> None:
        super().__init__(parent)
        self._generation = 0
        self._busy = False
        self._scored_last: tuple[int, ScoreSnapshot] | None = None
        self._details_shown = False
        self._details_held = False
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(details_delay_ms)
        self._details_timer.timeout.connect(self._start_details)
        self._score = _WorkerThread(task, "score-recompute")
        self._requested.connect(self._score.worker.run)
        self._score.worker.failed.connect(self._on_failed)
        self._details: _WorkerThread | None = None
        if details is None:
            self._score.worker.finished.connect(self._on_finished)
        else:
            self._score.worker.finished.connect(self._on_scored)
            self._details = _WorkerThread(details, "score-details")
            self._scored.connect(self._details.worker.run)
            self._details.worker.finished.connect(self._on_finished)
            self._details.worker.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._busy

    def _workers(self) -> list[_WorkerThread]:
        return [self._score] if self._details is None else [self._score, self._details]

    def request(self, day: dt.date) -> None:
        """Recompute for ``day``; any computation still running for an older request is dropped."""
        if not self._score.thread.isRunning():
            return
        self._generation += 1
        for each in self._workers():
            each.worker.latest = self._generation
        self._set_busy(True)
        self._requested.emit(self._generation, self._score.worker.requests.put(day))

    def stop(self) -> None:
        """Drop pending work, end the threads and wait for them; safe to call twice."""
        if not self._score.thread.isRunning():
            return
        self._generation += 1
        self._details_timer.stop()
        self._scored_last = None
        for each in self._workers():
            each.stop(self._generation)
        self._set_busy(False)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Stopped (each thread closes its own database connection) for as long as the
        database file is swapped, then started again: how a restore replaces the file."""
        self.stop()
        try:
            yield
        finally:
            self.resume()

    def resume(self) -> None:
        """Start the threads again after stop(), e.g. once the database file was replaced."""
        for each in self._workers():
            if not each.thread.isRunning():
                each.thread.start()

    @Slot(int, int)
    def _on_scored(self, generation: int, ticket: int) -> None:
        snapshot = self._score.worker.results.take(ticket)
        if generation != self._generation or snapshot is None:
            return
        self.score_ready.emit(snapshot)
        self._scored_last = (generation, snapshot)
        if self._details_held:
            return
        if self._details_shown:
            self._details_timer.start()
        else:
            self._start_details()  # the first panels of a window: no burst to wait for

    def hold_details(self) -> None:
        """Let the details of new scores wait until release_details()."""
        self._details_held = True

    @Slot()
    def release_details(self) -> None:
        """Complete the newest score with its details now, if they were held back."""
        if self._details_held:
            self._details_held = False
            self._start_details()

    @Slot()
    def _start_details(self) -> None:
        if self._scored_last is None:
            return
        generation, snapshot = self._scored_last
        self._scored_last = None
        if generation == self._generation and self._details is not None:
            self._scored.emit(generation, self._details.worker.requests.put(snapshot))

    @Slot(int, int)
    def _on_finished(self, generation: int, ticket: int) -> None:
        last = self._score if self._details is None else self._details
        snapshot = last.worker.results.take(ticket)
        if generation != self._generation or snapshot is None:
            return
        self._details_shown = True
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
