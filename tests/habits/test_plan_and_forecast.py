"""The next best action, the forecast and the default plan, asked of the score model itself."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.habits.default_plan import (
    FRACTION_STEP,
    PROFICIENT,
    TYPICAL_START,
    default_plan,
    profile_with,
    steady_score,
    targets_at,
)
from ssi_desktop.habits.forecast import PACE_DAYS, forecast, pace_over
from ssi_desktop.habits.plan import quick_add_keys, rank, worth_doing
from ssi_desktop.habits.steady import spaced_counts, steady_tallies
from ssi_desktop.scoring import Activity, ProfileHistory, Tally, score_on
from ssi_desktop.scoring.activity import window_start
from ssi_desktop.scoring.model import DEFAULT_SENSITIVITY

TODAY = dt.date(2026, 11, 24)
KEYS = [a.key for a in ACTIONS]
NO_PROFILE = ProfileHistory(())

tallies = st.lists(
    st.builds(
        Tally,
        st.integers(0, 120).map(lambda n: TODAY - dt.timedelta(days=n)),
        st.sampled_from(KEYS),
        st.integers(1, 8),
        st.booleans(),
    ),
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(tallies)
def test_one_more_of_each_action_raises_the_total_by_exactly_its_gain(logged):
    activity = Activity.covering(TODAY, TODAY, logged)
    before = score_on(TODAY, activity, NO_PROFILE).total
    plan = rank(TODAY, activity, NO_PROFILE, DEFAULT_SENSITIVITY)
    assert sorted(s.key for s in plan) == sorted(KEYS)
    assert [s.gain for s in plan] == sorted((s.gain for s in plan), reverse=True)
    top = plan[0]
    after = score_on(TODAY, activity.plus(Tally(TODAY, top.key, 1)), NO_PROFILE).total
    assert after - before == pytest.approx(top.gain, abs=1e-9)
    assert top.gain > 0


def test_worth_doing_and_quick_add_keys():
    plan = rank(TODAY, Activity.covering(TODAY, TODAY, []), NO_PROFILE, DEFAULT_SENSITIVITY)
    good = worth_doing(plan)
    assert good and all(s.gain > 0 for s in good)
    picks = quick_add_keys(plan, ["reaction", good[0].key, "dm_sent"], limit=4)
    assert picks[:2] == [good[0].key, good[1].key]
    assert len(picks) == 4 and len(set(picks)) == 4 and "reaction" in picks


def test_spaced_counts_lay_a_pace_out_as_whole_actions():
    assert spaced_counts(2 / 7, 14) == [0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]
    assert spaced_counts(3.0, 3) == [3, 3, 3]
    assert all(c in (0, 1) for c in spaced_counts(0.4, 50))


def test_pace_is_the_last_four_weeks_average_per_action_and_target_account():
    logged = [
        Tally(TODAY, "dm_sent", 14),
        Tally(TODAY - dt.timedelta(days=PACE_DAYS - 1), "dm_sent", 14, at_target=True),
        Tally(TODAY - dt.timedelta(days=PACE_DAYS), "dm_sent", 100),  # before the four weeks
    ]
    pace = pace_over(logged, TODAY)
    assert pace.per_day == {("dm_sent", False): 0.5, ("dm_sent", True): 0.5}
    assert (pace.last_day - pace.first_day).days == PACE_DAYS - 1


def test_a_steady_pace_forecasts_a_steady_score_and_no_activity_decays():
    history = [
        t
        for key in ("comment_thoughtful", "dm_sent", "profile_viewed")
        for t in steady_tallies(key, 1.0, window_start(TODAY), 90)
    ]
    ahead = forecast(history, NO_PROFILE, TODAY, 90, DEFAULT_SENSITIVITY)
    today_total = ahead.ahead(0).total
    assert today_total == pytest.approx(
        score_on(TODAY, Activity.covering(TODAY, TODAY, history), NO_PROFILE).total
    )
    assert ahead.ahead(90).total == pytest.approx(today_total, abs=1.0)
    assert ahead.line()[0] == (TODAY, today_total) and len(ahead.line()) == 91

    last_month_quiet = [t for t in history if (TODAY - t.day).days >= PACE_DAYS]
    fading = forecast(last_month_quiet, NO_PROFILE, TODAY, 90, DEFAULT_SENSITIVITY)
    totals = [fading.ahead(n).total for n in (0, 30, 90)]
    standing = score_on(TODAY, Activity.covering(TODAY, TODAY), NO_PROFILE).total
    assert totals[0] > totals[1] > totals[2] == pytest.approx(standing)
    with pytest.raises(ValueError):
        forecast(history, NO_PROFILE, TODAY, 0, DEFAULT_SENSITIVITY)


def test_the_default_plan_is_the_smallest_that_takes_a_beginner_to_proficient():
    plan = default_plan()
    assert plan.score.total >= PROFICIENT
    assert plan.targets and all(t.per_week >= 1 for t in plan.targets)
    assert "connection_request_generic" not in {t.key for t in plan.targets}
    one_step_less = targets_at(round(plan.fraction - FRACTION_STEP, 2))
    assert steady_score(one_step_less, profile_with(TYPICAL_START)).total < PROFICIENT


def _largest_step(totals: list[float]) -> float:
    return max(abs(b - a) for a, b in itertools.pairwise(totals))


@settings(max_examples=30, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([a.key for a in ACTIONS]), st.floats(0.1, 30.0), min_size=1, max_size=8
    )
)
def test_a_forecast_of_steady_data_moves_smoothly(per_week: dict[str, float]) -> None:
    """No day-to-day step over one point: the days ahead get the pace's average worth, not
    whole actions landing on some days."""
    history = [
        t
        for key, count in per_week.items()
        for t in steady_tallies(key, count / 7, window_start(TODAY) - dt.timedelta(days=60), 150)
    ]
    ahead = forecast(history, NO_PROFILE, TODAY, 90, DEFAULT_SENSITIVITY)
    assert _largest_step([total for _day, total in ahead.line()]) <= 1.0


def test_the_demo_sellers_forecast_has_no_jump() -> None:
    from ssi_desktop.demo import history as demo

    first = TODAY - dt.timedelta(days=180)
    log = [Tally(e.day, e.key, e.count, e.at_target) for e in demo.history(first, TODAY, seed=1)]
    profile = ProfileHistory(demo.profile_events(first, TODAY, seed=1))
    ahead = forecast(log, profile, TODAY, 90, DEFAULT_SENSITIVITY)
    assert _largest_step([total for _day, total in ahead.line()]) <= 1.5
