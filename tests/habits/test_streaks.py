"""Streak rules: days, weeks (Monday to Sunday), rest days, the open day, midnight and DST."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.habits.days import each_day, local_day, week_start
from ssi_desktop.habits.streaks import streak, week_ask
from ssi_desktop.habits.targets import Period, Target, progress

MONDAY = dt.date(2026, 11, 2)
ONE = dt.timedelta(days=1)
BERLIN = ZoneInfo("Europe/Berlin")
DAILY = Target("comment_thoughtful", 2, Period.DAY)
WEEKLY = Target("post_published", 2, Period.WEEK)


def day(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


def test_a_daily_streak_counts_the_days_in_a_row_that_met_the_target():
    counts = {day(0): 2, day(1): 3, day(2): 1, day(3): 2, day(4): 2}
    result = streak(DAILY, counts, frozenset(), today=day(4))
    assert (result.current, result.best, result.open) == (2, 2, False)
    assert streak(DAILY, {**counts, day(2): 2}, frozenset(), day(4)).current == 5


def test_today_not_met_yet_keeps_the_streak_open_and_a_missed_yesterday_breaks_it():
    counts = {day(0): 2, day(1): 2}
    still_open = streak(DAILY, counts, frozenset(), today=day(2))
    assert (still_open.current, still_open.open) == (2, True)
    broken = streak(DAILY, counts, frozenset(), today=day(3))
    assert (broken.current, broken.best) == (0, 2)


def test_a_rest_day_freezes_a_daily_streak_and_work_on_it_still_counts():
    counts = {day(0): 2, day(1): 2, day(4): 2}
    rest = frozenset({day(2), day(3)})
    frozen = streak(DAILY, counts, rest, today=day(4))
    assert frozen.current == 3  # days 0, 1, 4: the rest days neither break nor add
    assert streak(DAILY, counts, frozenset(), today=day(4)).current == 1
    worked = streak(DAILY, {**counts, day(2): 2}, rest, today=day(4))
    assert worked.current == 4


def test_a_weekly_streak_counts_weeks_from_monday_to_sunday():
    # Week 1 met on its Sunday, week 2 met over Monday and Sunday, week 3 missed, week 4 met.
    counts = {day(6): 2, day(7): 1, day(13): 1, day(15): 1, day(22): 2}
    result = streak(WEEKLY, counts, frozenset(), today=day(27))  # Sunday of week 4
    assert (result.current, result.best, result.per) == (1, 2, Period.WEEK)


def test_this_week_is_open_until_its_sunday_is_over():
    counts = {day(0): 2, day(7): 2}
    assert streak(WEEKLY, counts, frozenset(), today=day(14)).current == 2  # Monday of week 3
    assert streak(WEEKLY, counts, frozenset(), today=day(20)).open  # Sunday, still open
    assert streak(WEEKLY, counts, frozenset(), today=day(21)).current == 0  # next Monday


def test_a_week_with_rest_days_asks_for_its_share_and_a_rest_week_freezes():
    weekly5 = Target("dm_sent", 5, Period.WEEK)
    assert [week_ask(weekly5, rest) for rest in (0, 1, 3, 6, 7)] == [5, 5, 3, 1, 0]
    rest_week = frozenset(each_day(day(7), day(13)))
    half_week = frozenset(each_day(day(14), day(17)))  # 4 rest days: asks ceil(5 * 3/7) = 3
    counts = {day(0): 5, day(18): 3, day(21): 5}
    result = streak(weekly5, counts, rest_week | half_week, today=day(27))
    assert (result.current, result.best) == (3, 3)
    assert streak(weekly5, counts, frozenset(), today=day(27)).current == 1


def test_progress_counts_the_period_up_to_the_day():
    counts = {day(0): 1, day(2): 1, day(3): 4}
    assert progress(WEEKLY, counts, day(2)).done == 2
    weekly = progress(WEEKLY, counts, day(3))
    assert (weekly.first_day, weekly.last_day, weekly.met, weekly.share) == (
        day(0),
        day(6),
        True,
        1.0,
    )
    daily = progress(DAILY, counts, day(2))
    assert (daily.done, daily.remaining, daily.share) == (1, 1, 0.5)


def test_an_instant_belongs_to_its_local_day_either_side_of_midnight():
    before = dt.datetime(2026, 11, 24, 22, 59, 59, tzinfo=dt.UTC)  # 23:59:59 in Berlin
    after = before + dt.timedelta(seconds=1)
    assert local_day(before, BERLIN) == dt.date(2026, 11, 24)
    assert local_day(after, BERLIN) == dt.date(2026, 11, 25)
    with pytest.raises(ValueError):
        local_day(dt.datetime(2026, 11, 24, 12), BERLIN)


@pytest.mark.parametrize("change", [dt.date(2026, 3, 29), dt.date(2026, 10, 25)])
def test_daylight_saving_days_are_one_day_each_and_keep_a_daily_streak(change):
    """The 23- and 25-hour days of DST are single days: hourly logging maps onto them exactly."""
    start = dt.datetime.combine(change - dt.timedelta(days=2), dt.time(), BERLIN)
    hours = range(0, 24 * 5)
    logged_days = {
        local_day(start.astimezone(dt.UTC) + dt.timedelta(hours=h), BERLIN) for h in hours
    }
    assert sorted(logged_days) == list(each_day(change - dt.timedelta(days=2), max(logged_days)))
    instants = [
        dt.datetime.combine(change, dt.time(8), BERLIN),
        dt.datetime.combine(change, dt.time(23, 30), BERLIN),
    ]
    counts: dict[dt.date, int] = {}
    for moment in instants:  # two comments on the DST day, seen as UTC instants
        logged = local_day(moment.astimezone(dt.UTC), BERLIN)
        counts[logged] = counts.get(logged, 0) + 1
    counts[change - dt.timedelta(days=1)] = 2
    counts[change + dt.timedelta(days=1)] = 2
    assert counts[change] == 2
    assert streak(DAILY, counts, frozenset(), change + dt.timedelta(days=1)).current == 3


@given(
    st.dictionaries(st.integers(0, 60), st.integers(0, 4), max_size=40),
    st.frozensets(st.integers(0, 60), max_size=15),
    st.sampled_from([DAILY, WEEKLY]),
)
def test_streak_properties(counts_by_offset, rest_offsets, target):
    counts = {day(n): c for n, c in counts_by_offset.items()}
    rest = frozenset(day(n) for n in rest_offsets)
    today = day(60)
    result = streak(target, counts, rest, today)
    assert 0 <= result.current <= result.best
    # Resting more never shortens a streak; logging more never shortens it either.
    assert streak(target, counts, rest | {day(n) for n in range(61)}, today).current >= (
        result.current
    )
    more = {d: c + target.count for d, c in counts.items()}
    assert streak(target, more, rest, today).best >= result.best
    assert week_start(today).weekday() == 0


def naive_streak(target, counts, rest, today) -> tuple[int, int]:
    """The rules read literally, one period at a time: the oracle for the numpy version."""
    logged = [d for d, c in counts.items() if c > 0 and d <= today]
    start = min(logged, default=today)
    if target.per is Period.WEEK:
        start = week_start(start)
    periods = []
    while start <= today:
        span = [start] if target.per is Period.DAY else list(each_day(start, start + 6 * ONE))
        done = sum(counts.get(d, 0) for d in span if d <= today)
        ask = target.count if target.per is Period.DAY else week_ask(target, len(set(span) & rest))
        if target.per is Period.DAY and start in rest:
            ask = 0
        weekly_rest_worked = target.per is Period.WEEK and done > 0 and ask <= done
        if done >= target.count or 0 < ask <= done or weekly_rest_worked:
            periods.append("met")
        elif today in span:
            periods.append("open")
        else:
            periods.append("rest" if ask == 0 else "missed")
        start = span[-1] + ONE
    run = best = 0
    for mark in periods:
        if mark == "met":
            run += 1
            best = max(best, run)
        elif mark == "missed":
            run = 0
    return run, best


@given(
    st.dictionaries(st.integers(0, 90), st.integers(0, 6), max_size=60),
    st.frozensets(st.integers(0, 100), max_size=25),
    st.sampled_from([DAILY, WEEKLY, Target("dm_sent", 5, Period.WEEK)]),
    st.integers(60, 90),
)
def test_streaks_agree_with_the_rules_read_literally(counts_by_offset, rest_offsets, target, now):
    counts = {day(n): c for n, c in counts_by_offset.items()}
    rest = frozenset(day(n) for n in rest_offsets)
    result = streak(target, counts, rest, day(now))
    assert (result.current, result.best) == naive_streak(target, counts, rest, day(now))


def test_work_in_a_week_of_rest_keeps_the_streak_going() -> None:
    # Three weeks met (3 a week), then a week all rest with one action in it.
    monday = week_start(day(0))
    counts = {monday + dt.timedelta(weeks=w): 3 for w in range(3)}
    rest_week = monday + dt.timedelta(weeks=3)
    counts[rest_week + dt.timedelta(days=2)] = 1
    rest = frozenset(each_day(rest_week, rest_week + dt.timedelta(days=6)))
    today = rest_week + dt.timedelta(days=7)  # the Monday after: the rest week is over
    weekly = Target("post_published", 3, Period.WEEK)
    assert streak(weekly, counts, rest, today).current == 4
    counts.pop(rest_week + dt.timedelta(days=2))
    assert streak(weekly, counts, rest, today).current == 3  # a quiet rest week only freezes
