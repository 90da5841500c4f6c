"""Hands values between the GUI thread and a worker without a Python object in a Qt signal.

PySide copies a Python argument of a queued signal while Qt holds one of its signal locks,
and that copy needs the GIL. A GUI thread that holds the GIL while it connects or
disconnects anything (building a menu does) waits on a lock from the same small pool: the two
threads can stop each other for good. Signals therefore carry plain ints, a ticket, and the
value waits here until the receiving thread takes it.
"""

from __future__ import annotations

import itertools
import threading
from typing import Generic, TypeVar

T = TypeVar("T")


class Mailbox(Generic[T]):
    """Values put by one thread and taken, once, by another."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tickets = itertools.count(1)
        self._waiting: dict[int, T] = {}

    def put(self, value: T) -> int:
        """Leave ``value``; returns the ticket to send by signal."""
        with self._lock:
            ticket = next(self._tickets)
            self._waiting[ticket] = value
            return ticket

    def take(self, ticket: int) -> T | None:
        """The value left under ``ticket`` (None when taken already or dropped)."""
        with self._lock:
            return self._waiting.pop(ticket, None)

    def clear(self) -> None:
        with self._lock:
            self._waiting.clear()
