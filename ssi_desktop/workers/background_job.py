"""One long task (reading or importing an archive) in its own thread, with progress and Cancel.

The task is a plain function ``work(cancelled, progress)``: it polls ``cancelled()`` between
steps and raises one of ``cancel_errors`` to give up (an import rolls its transaction back
then). The thread opens its own database connection and closes it before it ends, as peewee keeps
one connection per thread. Results travel to the GUI thread by queued signals; the job never
touches a widget.
"""

from __future__ import annotations

import gc
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ssi_desktop.store.db import close_database, database
from ssi_desktop.workers import collector
from ssi_desktop.workers.mailbox import Mailbox

log = logging.getLogger(__name__)

Work = Callable[[Callable[[], bool], Callable[[int, int], None]], object]

_threads: weakref.WeakSet[QThread] = weakref.WeakSet()


def running_jobs() -> list[QThread]:
    """Job threads still running (tests assert there are none left)."""
    return [thread for thread in _threads if thread.isRunning()]


@contextmanager
def quiet_garbage_collector() -> Iterator[None]:
    """No cyclic garbage collection while a job builds a large result, then freeze what lives.

    Parsing makes next to no reference cycles, so pausing the collector costs nothing (see
    collector.paused and tests/benchmarks/importing.py); freezing the survivors keeps later
    collections from rescanning them (they are still freed as usual once unreferenced).
    """
    with collector.paused():
        try:
            yield
        finally:
            gc.freeze()


class _JobThread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(int)  # the ticket of the result in ``results`` (workers/mailbox.py)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work, cancel_errors: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self._work = work
        self._cancel_errors = cancel_errors
        self.stop_requested = threading.Event()
        self.results: Mailbox[object] = Mailbox()

    def run(self) -> None:
        database.connect(reuse_if_open=True)
        try:
            with quiet_garbage_collector():
                result = self._work(self.stop_requested.is_set, self.progressed.emit)
        except self._cancel_errors:
            self.cancelled.emit()
        except Exception as error:
            log.exception("background job failed")
            self.failed.emit(str(error) or type(error).__name__)
        else:
            self.succeeded.emit(self.results.put(result))
        finally:
            close_database()


class BackgroundJob(QObject):
    """Run ``work`` once in a new thread; exactly one of succeeded, failed, cancelled follows."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        work: Work,
        cancel_errors: tuple[type[BaseException], ...],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = _JobThread(work, cancel_errors)
        self._thread.setObjectName("background-job")
        self._thread.progressed.connect(self.progressed)
        self._thread.succeeded.connect(self._deliver)
        self._thread.failed.connect(self.failed)
        self._thread.cancelled.connect(self.cancelled)
        _threads.add(self._thread)

    @Slot(int)
    def _deliver(self, ticket: int) -> None:
        """On the GUI thread: hand the job's result on to whoever listens."""
        self.succeeded.emit(self._thread.results.take(ticket))

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the task to stop at its next check; ``cancelled`` follows unless it already ended."""
        self._thread.stop_requested.set()

    @property
    def cancel_requested(self) -> bool:
        return self._thread.stop_requested.is_set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def stop(self) -> None:
        """Cancel and wait for the thread to end (on window close); safe to call twice."""
        self.cancel()
        self._thread.wait()
