"""The estimate read from the database: the SQL sums give the same activity as the tallies."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from ssi_desktop import demo, estimate
from ssi_desktop.catalog import UnknownActionError
from ssi_desktop.scoring import Activity
from ssi_desktop.scoring.activity import DailySum, window_start
from ssi_desktop.store import actions
from tests.conftest import TODAY


def test_sums_from_sql_build_the_same_activity_as_the_tallies(db):
    first = TODAY - dt.timedelta(days=400)
    actions.record_many(list(demo.history(first, TODAY, seed=3)), TODAY)
    actions.record(actions.NewEntry("dm_sent", TODAY, 3, at_target=True), TODAY)
    actions.record(actions.NewEntry("dm_sent", TODAY, 2), TODAY)
    trend_first = TODAY - dt.timedelta(days=89)

    loaded = estimate.load_activity(trend_first, TODAY)

    tallies = actions.daily_tallies(window_start(trend_first), TODAY)
    expected = Activity.covering(trend_first, TODAY, tallies)
    assert (loaded.first_day, loaded.last_day) == (expected.first_day, expected.last_day)
    np.testing.assert_array_equal(loaded.raw, expected.raw)
    np.testing.assert_array_equal(loaded.weighted, expected.weighted)
    assert loaded.raw.sum() > 0


def test_daily_sums_count_days_from_the_first_day_and_split_out_target_accounts(db):
    actions.record(actions.NewEntry("dm_sent", TODAY, 3, at_target=True), TODAY)
    actions.record(actions.NewEntry("dm_sent", TODAY, 2), TODAY)
    actions.record(actions.NewEntry("comment_short", TODAY - dt.timedelta(days=9)), TODAY)

    sums = actions.daily_sums(TODAY - dt.timedelta(days=10), TODAY)

    assert sorted(sums) == [
        DailySum(1, "comment_short", 1, 0),
        DailySum(10, "dm_sent", 5, 3),
    ]


def test_sums_outside_the_span_are_ignored_and_unknown_keys_refused():
    day = dt.date(2026, 1, 10)
    activity = Activity.from_sums(day, day, [DailySum(-1, "dm_sent", 4, 0)])
    assert activity.raw.sum() == 0
    with pytest.raises(UnknownActionError):
        Activity.from_sums(day, day, [DailySum(0, "no_such_action", 1, 0)])
