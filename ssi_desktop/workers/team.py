"""The team server, reached from one background thread: the window never waits on the network.

Jobs (publish, read the board, read a member's trend) run one after another in a daemon thread
of their own. A server that accepts and never answers holds that thread until libpq's connect
timeout, never the window; closing the window does not wait for it either (a daemon thread
ends with the process, and results that arrive after stop() are dropped). Results travel to
the GUI thread by queued signals.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ssi_desktop.store.db import close_database, database
from ssi_desktop.system import clock
from ssi_desktop.workers.mailbox import Mailbox

log = logging.getLogger(__name__)

PUBLISH_EVERY_S = 300
"""At most one publish every five minutes after the score changes (a burst of quick-adds
publishes once)."""

QUIET_MS = 300
"""A publish due now starts this long after it was asked for: its estimate of years of
history, started at once, ran beside the window's repaint of the change that asked for it
and stretched that repaint past a frame (tests/benchmarks/team_stall.py)."""

TREND_DAYS = 90

TIMEOUT_S = 10.0
"""How long a connection may take before the server counts as offline for now."""


class TeamSync(QObject):
    published = Signal(object)  # PublishReport
    board_ready = Signal(object)  # list[BoardRow]
    trend_ready = Signal(str, object)  # member name, list[Scored]
    offline = Signal(str)  # why the server could not be used
    publishing = Signal()  # a publish begins
    # From the team thread: a ticket in ``_results`` (workers/mailbox.py); re-emitted above
    # with the value on the GUI thread.
    _report_ticket = Signal(int)
    _board_ticket = Signal(int)
    _trend_ticket = Signal(int)

    def __init__(
        self,
        db_path: Path,
        publish_every_s: float = PUBLISH_EVERY_S,
        timeout_s: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.publish_every_s = publish_every_s
        self.timeout_s = TIMEOUT_S if timeout_s is None else timeout_s
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._stopped = threading.Event()
        self._last_publish_started: float | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._publish_now)
        # Offline: try again once the interval has passed, so publishing catches up by itself.
        self.offline.connect(self.publish_soon)
        self._results: Mailbox[Any] = Mailbox()
        self._report_ticket.connect(self._deliver_report)
        self._board_ticket.connect(self._deliver_board)
        self._trend_ticket.connect(self._deliver_trend)
        self._thread = threading.Thread(target=self._run, name="team-sync", daemon=True)
        self._thread.start()

    # -- asked by the window (GUI thread) -------------------------------------------------------

    @Slot()
    def publish_soon(self) -> None:
        """Publish now, or once PUBLISH_EVERY_S has passed since the last publish began."""
        if self._later.isActive() or self._stopped.is_set():
            return
        wait_s = 0.0
        if self._last_publish_started is not None:
            wait_s = self._last_publish_started + self.publish_every_s - time.monotonic()
        self._later.start(max(QUIET_MS, int(wait_s * 1000)))

    def publish_every(self, seconds: float) -> None:
        """Publish at most once every ``seconds`` from now on; a publish waiting for the old
        interval goes now if the new one has passed."""
        self.publish_every_s = seconds
        if self._later.isActive():
            self._later.stop()
            self.publish_soon()

    @property
    def publish_waiting(self) -> bool:
        """A publish is due later: once the window is quiet, or once publish_every_s has
        passed since the last one began."""
        return self._later.isActive()

    @Slot()
    def _publish_now(self) -> None:
        self._last_publish_started = time.monotonic()
        self._submit(self._publish)

    # Slots of this object, which lives on the GUI thread: queued there from the team thread.

    @Slot(int)
    def _deliver_report(self, ticket: int) -> None:
        self.published.emit(self._results.take(ticket))

    @Slot(int)
    def _deliver_board(self, ticket: int) -> None:
        self.board_ready.emit(self._results.take(ticket))

    @Slot(int)
    def _deliver_trend(self, ticket: int) -> None:
        found = self._results.take(ticket)
        if found is not None:
            name, points = found
            self.trend_ready.emit(name, points)

    def refresh_board(self) -> None:
        self._submit(self._board)

    def load_trend(self, name: str) -> None:
        self._submit(lambda: self._trend(name))

    def stop(self) -> None:
        """Drop waiting jobs and results to come; never waits for the network."""
        self._later.stop()
        self._stopped.set()
        self._jobs.put(None)

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait for the thread to end after stop() (tests; the window never calls it)."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    # -- in the team thread ---------------------------------------------------------------------

    def _submit(self, job: Callable[[], None]) -> None:
        if not self._stopped.is_set():
            self._jobs.put(job)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None or self._stopped.is_set():
                return
            try:
                database.connect(reuse_if_open=True)  # the team's settings live in the log
                job()
            except Exception as error:
                log.warning("team server: %s", error)
                if not self._stopped.is_set():
                    self.offline.emit(_one_line(error))
            finally:
                close_database()

    def _publish(self) -> None:
        from ssi_desktop.team import server  # the driver loads here, off the GUI thread

        self.publishing.emit()
        report = server.publish(self.db_path, timeout_s=self.timeout_s)
        if not self._stopped.is_set():
            self._report_ticket.emit(self._results.put(report))
        self._board()

    def _board(self) -> None:
        from ssi_desktop.team import server

        rows = server.board(self.db_path, timeout_s=self.timeout_s)
        if not self._stopped.is_set():
            self._board_ticket.emit(self._results.put(rows))

    def _trend(self, name: str) -> None:
        from ssi_desktop.team import server

        first = clock.today() - dt.timedelta(days=TREND_DAYS - 1)
        points = server.trend(self.db_path, name, first, timeout_s=self.timeout_s)
        if not self._stopped.is_set():
            self._trend_ticket.emit(self._results.put((name, points)))


def _one_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
