"""Dates as the window shows them: one way everywhere (ssi_desktop/day_format.py), in the
order and with the month names of the seller's locale (QLocale).

What the seller exports stays ISO; only what the window shows goes through here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from ssi_desktop.system import day_format
from ssi_desktop.system.day_format import Order


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _order(locale: QLocale) -> Order:
    return day_format.order_of(locale.dateFormat(QLocale.FormatType.ShortFormat))


def _months(locale: QLocale) -> list[str]:
    return [locale.monthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13)]


def day_text(day: dt.date) -> str:
    """The date with its year, e.g. "Nov 24, 2026"."""
    locale = QLocale()
    return day_format.day_text(day, _order(locale), _months(locale))


def short_day_text(day: dt.date) -> str:
    """The date without its year (axes, recent days), e.g. "Nov 24"."""
    locale = QLocale()
    return day_format.day_text(day, _order(locale), _months(locale), year=False)


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
