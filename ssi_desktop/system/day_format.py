"""One way of writing a date for people, free of Qt: the window uses it with QLocale's month
names and date order (ui/dates.py), and the command line's human output can use it with the C
library's (``locale.nl_langinfo(locale.D_FMT)`` and ``calendar.month_abbr``). JSON and CSV
stay ISO.

A date is written in the order of the locale's own short date format (day first, month first
or year first), with the month by its short name so that 03/04 leaves nobody wondering:
"Nov 24, 2026" in the US, "24 Nov 2026" in Britain, "2026 11月 24" in Japan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

Order = Literal["dmy", "mdy", "ymd"]
ORDERS: tuple[Order, ...] = ("dmy", "mdy", "ymd")


def order_of(short_format: str) -> Order:
    """The order of a short date format, Qt's ("M/d/yy") or the C library's ("%m/%d/%Y");
    "dmy" when it cannot tell (most of the world writes the day first)."""
    positions: dict[str, int] = {}
    for key, letters in (("d", "d"), ("m", "mM"), ("y", "yY")):
        found = [short_format.find(letter) for letter in letters if letter in short_format]
        if found:
            positions[key] = min(found)
    order = "".join(sorted(positions, key=positions.__getitem__))
    return next((known for known in ORDERS if known == order), "dmy")


def day_text(day: dt.date, order: Order, months: Sequence[str], year: bool = True) -> str:
    """``day`` in ``order``, its month named from ``months`` (the 12 short names)."""
    month = months[day.month - 1]
    if order == "mdy":
        return f"{month} {day.day}, {day.year}" if year else f"{month} {day.day}"
    if order == "ymd":
        return f"{day.year} {month} {day.day}" if year else f"{month} {day.day}"
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


def qt_pattern(order: Order, year: bool = True) -> str:
    """The same layout as day_text's as a Qt date format (for date fields, which parse it)."""
    with_year = {"mdy": "MMM d, yyyy", "ymd": "yyyy MMM d", "dmy": "d MMM yyyy"}[order]
    without = {"mdy": "MMM d", "ymd": "MMM d", "dmy": "d MMM"}[order]
    return with_year if year else without
