"""A pinned day pins the hour too, so that a pinned run never depends on when it runs."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.system import clock
from tests.conftest import TODAY


def test_a_pinned_day_is_that_day_in_the_morning_on_the_local_clock() -> None:
    now = clock.now()
    assert now.date() == TODAY == clock.today()
    assert now.time() == clock.PINNED_TIME
    assert now.utcoffset() is not None  # aware: the zone follows daylight saving


def test_without_a_pin_it_is_the_wall_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.TODAY_ENV)
    before = dt.datetime.now().astimezone()
    now = clock.now()
    assert before <= now <= dt.datetime.now().astimezone()
    assert clock.today() == dt.date.today()
