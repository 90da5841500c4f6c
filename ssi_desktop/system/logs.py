"""The app's log file: ``ssi-desktop.log`` in the user's log folder, readable by the user alone.

Only the window writes it (the CLI speaks on stderr). It holds warnings and uncaught errors
with their tracebacks, never the seller's notes, and rotates at 1 MB keeping three old files.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ssi_desktop.system.paths import log_dir, private_folder

LOG_NAME = "ssi-desktop.log"
MAX_BYTES = 1_000_000
OLD_FILES = 3
log = logging.getLogger("ssi_desktop")


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Opens (and re-opens after each rotation) its file as 0600, not the umask's 0644."""

    def _open(self):  # type: ignore[no-untyped-def]  # typeshed returns an untyped TextIOWrapper
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


def log_file() -> Path:
    return log_dir() / LOG_NAME


def start_logging() -> logging.Handler:
    """Send the app's warnings and errors to the log file; returns the handler (to stop it)."""
    private_folder(log_dir())
    handler = _PrivateRotatingFileHandler(
        log_file(), maxBytes=MAX_BYTES, backupCount=OLD_FILES, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return handler


def stop_logging(handler: logging.Handler) -> None:
    log.removeHandler(handler)
    handler.close()


def log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None, where: str
) -> None:
    log.critical("uncaught error in %s", where, exc_info=(kind, error, trace))
