"""One way of writing a date in the window, taken from the seller's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from ssi_desktop.ui import dates
from tests.conftest import TODAY
from tests.ui.conftest import WindowFactory

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def locale_named() -> Iterator[Callable[[str], None]]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "full", "short"),
    [
        ("en_US", "Mar 4, 2026", "Mar 4"),
        ("en_GB", "4 Mar 2026", "4 Mar"),
        ("ja_JP", "2026 3月 4", "3月 4"),
    ],
)
def test_the_order_and_the_month_come_from_the_locale(
    locale_named: Callable[[str], None], name: str, full: str, short: str
) -> None:
    locale_named(name)
    assert dates.day_text(DAY) == full
    assert dates.short_day_text(DAY) == short


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_a_shown_date_reads_back_as_the_same_day(day: dt.date) -> None:
    """What a date field shows (its display format) parses back to the day it shows."""
    locale = QLocale()
    text = dates.day_text(day)
    back = locale.toDate(text, dates.edit_format())
    assert (back.year(), back.month(), back.day()) == (day.year, day.month, day.day)


def test_the_window_writes_every_date_one_way(
    locale_named: Callable[[str], None], make_window: WindowFactory
) -> None:
    locale_named("en_US")
    window = make_window()
    assert window.state_label.text().startswith(f"Estimated for {dates.day_text(TODAY)}")
    assert dates.day_text(TODAY) == "Nov 24, 2026"
    axis = window.dashboard.trend.getPlotItem().getAxis("bottom")
    week = 7 * 86400.0
    labels = axis.tickStrings([dt.datetime(2026, 11, 30, 12).timestamp()], 1.0, week)
    assert labels == ["Nov 30"]
