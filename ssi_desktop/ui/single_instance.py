"""One window per database: a lock file, and a local socket to wake the window that holds it.

The first window on a database takes a QLockFile in the data folder (named after the
database's path) and listens on a QLocalServer (a Unix socket or Windows named pipe, never the
network). A second launch on the same database finds the lock taken, asks the first window to
come forward, and exits. A lock left by a window that was killed is stale (its process is gone)
and is taken over.

The window takes the lock at once but listens only after its first paint (QtNetwork costs
start-up 6 ms), so a second launch keeps knocking for a while before it gives up.
"""

from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, QThread, Signal, Slot

from ssi_desktop.system.paths import private_folder
from ssi_desktop.system.window_lock import lock_key, lock_path

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

COME_FORWARD = b"come-forward\n"
DONE = b"ok\n"
ANSWER_MS = 3000
KNOCK_MS = 50  # between attempts to reach a window that is not listening yet
READ_MS = 2000  # the asker writes as it connects; a busy machine may delay it that long


class SingleInstance(QObject):
    """The lock on one database; ``come_forward`` fires when another launch asks for it."""

    come_forward = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_path = lock_path(db_path)
        try:
            private_folder(self.lock_path.parent)
        except OSError as error:  # acquire() then finds it cannot lock, and says so in the log
            log.warning("could not create %s: %s", self.lock_path.parent, error)
        self.server_name = f"ssi-desktop-{getpass.getuser()}-{lock_key(db_path)}"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._locked = False

    def acquire(self) -> bool:
        """Take the lock and start answering; False when another window holds it."""
        if not self.take_lock():
            return False
        self.start_answering()
        return True

    def take_lock(self) -> bool:
        """Take the lock (not answering yet); False when another window holds it."""
        self._locked = self._lock.tryLock(200)
        if self._locked:
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        # No lock file can be written here (a read-only data folder): open the window
        # anyway, as refusing would lock the seller out of their own data.
        log.warning("could not create the lock %s: %s", self.lock_path, self._lock.error())
        return True

    @Slot()
    def start_answering(self) -> None:
        """Listen for later launches on this database (once; only while holding the lock)."""
        if not self._locked or self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(self.server_name)  # a socket file left by a killed window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._answer)
        server.listen(self.server_name)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()
        self._locked = False

    def holder(self) -> str:
        """Who holds the lock, for the message: ``process 1234 on laptop``."""
        pid, host, _app = self._lock.getLockInfo()
        return f"process {pid} on {host}" if pid > 0 else "another SSI Desktop window"

    def ask_holder_to_come_forward(self, timeout_ms: int = ANSWER_MS) -> bool:
        """Ask the window that holds the lock to show itself; True once it said it did.

        A window still starting is not listening yet: knock again until ``timeout_ms``.
        """
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = QDeadlineTimer(timeout_ms)
        socket.connectToServer(self.server_name)
        while not socket.waitForConnected(deadline.remainingTime()):
            if deadline.hasExpired():
                return False
            QThread.msleep(KNOCK_MS)
            socket.connectToServer(self.server_name)
        socket.write(COME_FORWARD)
        socket.flush()
        answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()) == DONE
        socket.disconnectFromServer()
        return answered

    @Slot()
    def _answer(self) -> None:
        """Read the one-line request and answer it; the asking launch sends it on connecting."""
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            arrived = connection.canReadLine() or connection.waitForReadyRead(READ_MS)
            if arrived and bytes(connection.readLine().data()) == COME_FORWARD:
                self.come_forward.emit()
                connection.write(DONE)
                connection.flush()
            connection.disconnectFromServer()
            connection.deleteLater()
