"""Today's date and the time, read in one place so that tests and the CLI can fix them.

SSI_DESKTOP_TODAY=YYYY-MM-DD pins "today" (for tests and reproducible screenshots), and the
time of day to PINNED_TIME.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "SSI_DESKTOP_TODAY"
PINNED_TIME = dt.time(9, 0)
"""The time on a pinned day: a morning, before the evening reminder, so that what a pinned run
shows does not depend on the hour it runs at."""


def today() -> dt.date:
    pinned = os.environ.get(TODAY_ENV)
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def now() -> dt.datetime:
    """Now on the seller's wall clock, aware (its zone follows daylight saving)."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        return dt.datetime.combine(dt.date.fromisoformat(pinned), PINNED_TIME).astimezone()
    return dt.datetime.now().astimezone()
