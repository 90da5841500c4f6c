"""Schema 3: habit targets and rest days, and an old database upgrading to it."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.store import actions, habit_targets, rest_days
from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.system.staleness import Cancelled
from tests.store.test_database import make_v1_database


def test_a_first_schema_database_gains_the_habit_tables_and_keeps_its_log(tmp_path):
    path = tmp_path / "v1.sqlite3"
    make_v1_database(path)
    db = open_database(path)
    try:
        assert {"habit_target", "rest_day"} <= set(db.get_tables())
        assert [(e.key, e.count) for e in actions.entries()] == [("dm_sent", 4)]
        habit_targets.set_target(Target("dm_sent", 3, Period.DAY))
        assert habit_targets.all_targets() == [Target("dm_sent", 3, Period.DAY)]
    finally:
        close_database()


def test_one_target_per_action_type_kept_in_catalog_order(db):
    assert not habit_targets.set_target(Target("reaction", 10, Period.WEEK))
    assert not habit_targets.set_target(Target("post_published", 2, Period.WEEK))
    assert habit_targets.set_target(Target("reaction", 3, Period.DAY))
    assert habit_targets.all_targets() == [
        Target("post_published", 2, Period.WEEK),
        Target("reaction", 3, Period.DAY),
    ]
    assert habit_targets.clear("reaction") and not habit_targets.clear("reaction")
    assert habit_targets.replace_all([Target("dm_sent", 1, Period.DAY)]) == 1
    assert habit_targets.all_targets() == [Target("dm_sent", 1, Period.DAY)]


def test_rest_days_add_and_clear_runs_of_days(db):
    first, last = dt.date(2026, 12, 21), dt.date(2026, 12, 27)
    assert rest_days.add(first, last, "holidays") == 7
    assert rest_days.add(dt.date(2026, 12, 27), dt.date(2026, 12, 28)) == 1
    assert [r.note for r in rest_days.listed()][-2:] == ["holidays", ""]
    assert rest_days.clear(dt.date(2026, 12, 26), dt.date(2026, 12, 31)) == 3
    assert len(rest_days.days()) == 5
    with pytest.raises(InvalidEntryError):
        rest_days.add(last, first)
    with pytest.raises(InvalidEntryError):
        rest_days.add(dt.date(2026, 1, 1), dt.date(2027, 6, 1))
    assert len(rest_days.days()) == 5


def test_daily_counts_sum_each_type_per_day_up_to_the_day(db):
    today = dt.date(2026, 11, 24)
    for key, back, count, at_target in (
        ("dm_sent", 0, 2, False),
        ("dm_sent", 0, 3, True),
        ("dm_sent", 400, 1, False),
        ("reaction", 1, 4, False),
    ):
        actions.record(
            actions.NewEntry(key, today - dt.timedelta(days=back), count, at_target=at_target),
            today,
        )
    assert habit_targets.daily_counts(["dm_sent", "post_published"], today) == {
        "dm_sent": {today: 5, today - dt.timedelta(days=400): 1},
        "post_published": {},
    }
    assert habit_targets.daily_counts(["reaction"], today - dt.timedelta(days=2)) == {
        "reaction": {}
    }
    assert habit_targets.daily_counts([], today) == {}


def test_daily_counts_follow_every_change_whether_they_reread_a_day_or_everything(db, monkeypatch):
    today = dt.date(2026, 11, 24)
    long_ago = today - dt.timedelta(days=700)
    for day, count in ((long_ago, 2), (today, 1)):
        actions.record(actions.NewEntry("dm_sent", day, count), today)
    first = habit_targets.daily_counts(["dm_sent"], today)
    history_reads: list[bool] = []  # for each call, whether the days before today were read
    read_history = habit_targets._read_history

    def counted(history, cancelled):  # type: ignore[no-untyped-def]
        history_reads.append(not history.complete)
        read_history(history, cancelled)

    monkeypatch.setattr(habit_targets, "_read_history", counted)
    logged = actions.record(actions.NewEntry("dm_sent", today, 4), today)
    assert habit_targets.daily_counts(["dm_sent"], today) == {"dm_sent": {long_ago: 2, today: 5}}
    assert history_reads == [False]  # today alone was read again
    assert first == {"dm_sent": {long_ago: 2, today: 1}}  # what was handed out is unchanged

    actions.record(actions.NewEntry("dm_sent", long_ago, 3), today)
    assert habit_targets.daily_counts(["dm_sent"], today) == {"dm_sent": {long_ago: 5, today: 5}}
    assert history_reads == [False, True]  # a change to a past day: everything read again
    actions.delete(logged.id)
    assert habit_targets.daily_counts(["dm_sent"], today) == {"dm_sent": {long_ago: 5, today: 1}}


def test_a_cancelled_first_read_of_daily_counts_keeps_what_it_read_and_reads_on(db, monkeypatch):
    today = dt.date(2026, 11, 24)
    expected: dict[str, dict[dt.date, int]] = {"dm_sent": {}, "reaction": {}}
    for back in range(1, 40):
        for key in expected:
            day = today - dt.timedelta(days=back * 3)
            actions.record(actions.NewEntry(key, day, back), today)
            expected[key][day] = back
    actions.record(actions.NewEntry("reaction", today, 7), today)
    expected["reaction"][today] = 7
    monkeypatch.setattr(habit_targets, "BATCH_ROWS", 10)
    asked = [0]

    def stale_after_three_batches() -> bool:
        asked[0] += 1
        return asked[0] > 3

    with pytest.raises(Cancelled):
        habit_targets.daily_counts(expected, today, stale_after_three_batches)
    fetched: list[int] = []
    monkeypatch.setattr(
        habit_targets, "_read_history", _counting_rows(habit_targets._read_history, fetched)
    )
    assert habit_targets.daily_counts(expected, today) == expected
    assert sum(fetched) == 2 * 39 - 30  # the rows of the three batches kept were not read again


def _counting_rows(read_history, fetched):  # type: ignore[no-untyped-def]
    def counted(history, cancelled):  # type: ignore[no-untyped-def]
        before = sum(len(days) for days in history.by_key.values())
        read_history(history, cancelled)
        fetched.append(sum(len(days) for days in history.by_key.values()) - before)

    return counted
