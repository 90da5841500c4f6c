"""When to remind the seller to log: once a day, at their chosen time, only on an empty day.

Judged on the wall clock where the seller is. ``now`` is an aware datetime in their zone, so a
day is midnight to midnight however long it is. On the night daylight saving starts, a reminder
set inside the skipped hour (02:30 in Berlin) comes as soon as the clock has jumped past it; on
the night it ends, the hour that happens twice cannot bring a second reminder, since one was
already decided for that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def should_remind(
    now: dt.datetime,
    remind_at: dt.time,
    last_reminded: dt.date | None,
    logged_on: Callable[[dt.date], bool],
) -> bool:
    """Whether to show the reminder now.

    ``last_reminded`` is the last day a reminder was decided (shown, or skipped because the seller
    had logged); ``logged_on(day)`` says whether anything was logged that day, and is only
    asked once the time has come.
    """
    if now.tzinfo is None:
        raise ValueError("should_remind needs an aware datetime (one with a time zone)")
    today = now.date()
    if last_reminded is not None and last_reminded >= today:
        return False
    if now.timetz().replace(tzinfo=None) < remind_at:
        return False
    return not logged_on(today)
