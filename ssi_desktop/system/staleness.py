"""Giving up on work that a newer change made stale (the score workers ask between steps)."""

from __future__ import annotations

from collections.abc import Callable

IsStale = Callable[[], bool]
"""Asked between steps: True when the result would be thrown away."""


class Cancelled(Exception):  # noqa: N818  (a signal to stop, not an error)
    """A newer change made this computation stale; its result would be thrown away."""


def never() -> bool:
    return False


def stop_if(stale: IsStale) -> None:
    """Raise Cancelled when ``stale`` says the work in progress is no longer wanted."""
    if stale():
        raise Cancelled
