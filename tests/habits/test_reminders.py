"""The daily reminder: once a day, at the chosen time on the wall clock, only on an empty day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from ssi_desktop.habits.reminders import should_remind

BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN)


def nothing_logged(_day: dt.date) -> bool:
    return False


DAY = dt.date(2026, 11, 24)


def test_reminds_once_the_time_has_come_and_only_once_a_day():
    when = dt.time(17, 30)
    assert not should_remind(at(DAY, 17, 29), when, None, nothing_logged)
    assert should_remind(at(DAY, 17, 30), when, None, nothing_logged)
    assert not should_remind(at(DAY, 21), when, DAY, nothing_logged)
    assert should_remind(at(DAY + dt.timedelta(days=1), 18), when, DAY, nothing_logged)


def test_no_reminder_on_a_day_with_something_logged():
    logged = {DAY}
    assert not should_remind(at(DAY, 18), dt.time(17), None, lambda d: d in logged)
    tomorrow = DAY + dt.timedelta(days=1)
    assert should_remind(at(tomorrow, 18), dt.time(17), None, lambda d: d in logged)


def test_a_time_in_the_hour_skipped_by_daylight_saving_comes_once_the_clock_jumps():
    spring = dt.date(2026, 3, 29)  # 02:00 -> 03:00 in Berlin
    just_before = dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC).astimezone(BERLIN)
    just_after = dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC).astimezone(BERLIN)
    assert just_after.date() == spring and just_after.hour == 3
    assert not should_remind(just_before, dt.time(2, 30), None, nothing_logged)
    assert should_remind(just_after, dt.time(2, 30), None, nothing_logged)


def test_the_hour_repeated_when_daylight_saving_ends_brings_no_second_reminder():
    autumn = dt.date(2026, 10, 25)  # 03:00 -> 02:00 in Berlin
    first = dt.datetime(2026, 10, 25, 0, 40, tzinfo=dt.UTC).astimezone(BERLIN)  # 02:40 CEST
    again = dt.datetime(2026, 10, 25, 1, 40, tzinfo=dt.UTC).astimezone(BERLIN)  # 02:40 CET
    assert first.time() == again.time() == dt.time(2, 40)
    assert should_remind(first, dt.time(2, 30), None, nothing_logged)
    assert not should_remind(again, dt.time(2, 30), autumn, nothing_logged)


def test_needs_an_aware_time():
    with pytest.raises(ValueError):
        should_remind(dt.datetime(2026, 11, 24, 18), dt.time(17), None, nothing_logged)
