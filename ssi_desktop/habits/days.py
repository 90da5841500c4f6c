"""Days as a seller lives them: weeks start on Monday, and an instant belongs to its local day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

ONE_DAY = dt.timedelta(days=1)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def each_day(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from first to last, both included."""
    for offset in range((last - first).days + 1):
        yield first + dt.timedelta(days=offset)


def local_day(moment: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The calendar day ``moment`` falls on where the seller is.

    Takes an aware instant: a day is midnight to midnight on the wall clock, 23 or 25 hours
    long when daylight saving starts or ends, so days are never counted in 24-hour steps.
    """
    if moment.tzinfo is None:
        raise ValueError("local_day needs an aware datetime (one with a time zone)")
    return moment.astimezone(zone).date()
