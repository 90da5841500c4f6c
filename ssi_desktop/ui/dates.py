"""Dates as the window shows them: one way everywhere (ssi_desktop/day_format.py), in the
order and with the month names of the seller's locale (QLocale).

What the seller exports stays ISO; only what the window shows goes through here.
"""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QDate, QLocale

from ssi_desktop.system import day_format
from ssi_desktop.system.day_format import Order


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _order(locale: QLocale) -> Order:
    return day_format.order_of(locale.dateFormat(QLocale.FormatType.ShortFormat))


@functools.lru_cache(maxsize=8)
def _style(locale_name: str) -> tuple[Order, tuple[str, ...]]:
    """The order and month names of a locale, asked of Qt once: a table asks for hundreds of
    dates a frame, and 13 calls into Qt for each took most of a repaint of the History tab."""
    locale = QLocale(locale_name)
    months = tuple(locale.monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13))
    return _order(locale), months


@functools.lru_cache(maxsize=4096)
def _text(day: dt.date, locale_name: str, year: bool) -> str:
    order, months = _style(locale_name)
    return day_format.day_text(day, order, list(months), year=year)


def day_text(day: dt.date) -> str:
    """The date with its year, e.g. "Nov 24, 2026"."""
    return _text(day, QLocale().name(), True)


def short_day_text(day: dt.date) -> str:
    """The date without its year (axes, recent days), e.g. "Nov 24"."""
    return _text(day, QLocale().name(), False)


def longest_day_texts() -> list[str]:
    """A date of each month, as day_text writes it: a column of dates is as wide as these."""
    return [day_text(dt.date(2026, month, 28)) for month in range(1, 13)]


def month_text(day: dt.date) -> str:
    """The month's short name, e.g. "Nov"."""
    return QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)


def weekday_text(day: dt.date) -> str:
    """The weekday's short name, e.g. "Tue"."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def edit_format() -> str:
    """The display format of a date field: what day_text writes, which the field parses."""
    return day_format.qt_pattern(_order(QLocale()))


def span_text(first: dt.date, last: dt.date) -> str:
    """E.g. "Nov 9 to Dec 6, 2026"; the first day's year too when the years differ."""
    if first.year == last.year:
        return f"{short_day_text(first)} to {day_text(last)}"
    return f"{day_text(first)} to {day_text(last)}"
