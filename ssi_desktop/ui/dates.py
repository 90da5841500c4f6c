"""Dates as the window shows them: one way everywhere, in the order and the month names of
the seller's locale (QLocale), e.g. "Nov 24, 2026" in the US and "24 Nov 2026" in Britain.

The format strings are built once from the locale's own short date format, whose order
(day first, month first or year first) they keep; the month is named so that 03/04 never
leaves the reader wondering. What the seller types in or exports stays ISO (the CLI's JSON,
CSV files); only what the window shows goes through here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QDate, QLocale


def _order(locale: QLocale) -> str:
    """ "dmy", "mdy" or "ymd": the order of the locale's short date format."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    found = {letter: short.find(letter) for letter in "dMy" if letter in short}
    if len(found) < 3:
        return "dmy"
    return "".join(sorted(found, key=found.__getitem__)).lower()


@cache
def formats(locale_name: str) -> tuple[str, str]:
    """(with the year, without it) as QLocale format strings, for the named locale."""
    order = _order(QLocale(locale_name))
    if order == "mdy":
        return "MMM d, yyyy", "MMM d"
    if order == "ymd":
        return "yyyy MMM d", "MMM d"
    return "d MMM yyyy", "d MMM"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_text(day: dt.date) -> str:
    """The date with its year, e.g. "Nov 24, 2026"."""
    locale = QLocale()
    return locale.toString(qdate(day), formats(locale.name())[0])


def short_day_text(day: dt.date) -> str:
    """The date without its year (axes, recent days), e.g. "Nov 24"."""
    locale = QLocale()
    return locale.toString(qdate(day), formats(locale.name())[1])


def month_text(day: dt.date) -> str:
    """The month's short name, e.g. "Nov"."""
    return QLocale().toString(qdate(day), "MMM")


def edit_format() -> str:
    """The display format of a date field, the same as day_text's."""
    return formats(QLocale().name())[0]


def span_text(first: dt.date, last: dt.date) -> str:
    """E.g. "Nov 9 to Dec 6, 2026"; the first day's year too when the years differ."""
    if first.year == last.year:
        return f"{short_day_text(first)} to {day_text(last)}"
    return f"{day_text(first)} to {day_text(last)}"


def weekday_text(day: dt.date) -> str:
    """The weekday's short name, e.g. "Tue"."""
    return QLocale().toString(qdate(day), "ddd")
