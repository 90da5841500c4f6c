"""The estimate read from the database: the SQL sums give the same activity as the tallies."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.application import estimate
from ssi_desktop.catalog import UnknownActionError
from ssi_desktop.demo import history as demo
from ssi_desktop.scoring import Activity
from ssi_desktop.scoring.activity import DailySum, Tally, window_start
from ssi_desktop.store import accounts, actions
from ssi_desktop.store.models import Contact
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


KEYS = ("dm_sent", "comment_short", "post_published")
Change = tuple[str, int, str, int, bool]  # what, days before today, key, count, flag


@settings(
    max_examples=40,
    deadline=None,
    # One database for all examples: every step compares against a full reload, whatever
    # earlier examples left in it.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "undo", "edit", "contact"]),
            st.integers(0, 200),
            st.sampled_from(KEYS),
            st.integers(1, 5),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_reading_only_the_last_day_again_gives_the_full_reload(db, changes: list[Change]):
    """load_activity reuses the span's earlier days while their revisions stay the same."""
    trend_first = TODAY - dt.timedelta(days=89)
    account = accounts.add_account(f"Account {len(accounts.accounts())}")
    contact = accounts.add_contact("Dana", account.id)
    for what, days_ago, key, count, flag in changes:
        day = TODAY - dt.timedelta(days=days_ago)
        if what == "add":
            entry = actions.NewEntry(key, day, count, at_target=flag, contact_id=contact.id)
            actions.record(entry, TODAY)
        elif what == "undo":
            actions.undo_last()
        elif what == "edit" and (newest := actions.entries(limit=1)):
            actions.update(newest[0].id, actions.NewEntry(key, day, count), TODAY)
        elif what == "contact":
            Contact.update(is_decision_maker=flag).where(Contact.id == contact.id).execute()

        loaded = estimate.load_activity(trend_first, TODAY)

        tallies = actions.daily_tallies(window_start(trend_first), TODAY)
        expected = Activity.covering(trend_first, TODAY, tallies)
        np.testing.assert_array_equal(loaded.raw, expected.raw)
        np.testing.assert_array_equal(loaded.weighted, expected.weighted)


def test_a_quick_add_today_reads_only_today_again(db, monkeypatch):
    trend_first = TODAY - dt.timedelta(days=89)
    actions.record_many(list(demo.history(TODAY - dt.timedelta(days=200), TODAY, seed=5)), TODAY)
    estimate.load_activity(trend_first, TODAY)
    spans: list[tuple[dt.date, dt.date]] = []
    read = actions.daily_sums
    monkeypatch.setattr(
        actions, "daily_sums", lambda first, last: spans.append((first, last)) or read(first, last)
    )

    actions.record(actions.NewEntry("dm_sent", TODAY), TODAY)
    estimate.load_activity(trend_first, TODAY)
    actions.record(actions.NewEntry("dm_sent", TODAY - dt.timedelta(days=3)), TODAY)
    estimate.load_activity(trend_first, TODAY)

    assert spans == [(TODAY, TODAY), (window_start(trend_first), TODAY)]


def test_the_activity_a_caller_gets_cannot_be_changed_under_the_next_one(db):
    actions.record(actions.NewEntry("dm_sent", TODAY, 2), TODAY)
    loaded = estimate.load_activity(TODAY - dt.timedelta(days=89), TODAY)
    with pytest.raises(ValueError, match="read-only"):
        loaded.raw[0, -1] = 99.0
    assert loaded.plus(Tally(TODAY, "dm_sent", 1)).raw.sum() == loaded.raw.sum() + 1
