"""The one way of writing a date for people, without Qt (the CLI can use it too)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.system.day_format import ORDERS, day_text, order_of

MONTHS = list(calendar.month_abbr)[1:]


@pytest.mark.parametrize(
    ("short_format", "order"),
    [
        ("M/d/yy", "mdy"),  # Qt, en_US
        ("dd/MM/yyyy", "dmy"),  # Qt, en_GB
        ("yyyy/MM/dd", "ymd"),  # Qt, ja_JP
        ("%m/%d/%Y", "mdy"),  # C library, en_US
        ("%d.%m.%Y", "dmy"),  # C library, de_DE
        ("%Y-%m-%d", "ymd"),  # C library, sv_SE
        ("", "dmy"),
    ],
)
def test_the_order_is_read_from_qt_or_c_formats(short_format: str, order: str) -> None:
    assert order_of(short_format) == order


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(ORDERS))
def test_a_day_is_written_with_its_day_its_month_s_name_and_its_year(
    day: dt.date, order: str
) -> None:
    text = day_text(day, order, MONTHS)  # type: ignore[arg-type]
    assert str(day.year) in text and MONTHS[day.month - 1] in text
    assert str(day.day) in text.replace(str(day.year), "", 1)
    short = day_text(day, order, MONTHS, year=False)  # type: ignore[arg-type]
    assert str(day.year) not in short and MONTHS[day.month - 1] in short
    assert text.startswith(str(day.year)) == (order == "ymd")


def test_the_three_orders() -> None:
    day = dt.date(2026, 3, 4)
    assert day_text(day, "mdy", MONTHS) == "Mar 4, 2026"
    assert day_text(day, "dmy", MONTHS) == "4 Mar 2026"
    assert day_text(day, "ymd", MONTHS) == "2026 Mar 4"
