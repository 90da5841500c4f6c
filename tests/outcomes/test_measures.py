"""Engagement rate, reply rate, outcome kinds and ISO-week grouping: pure functions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.outcomes.engagement import average_rate, engagement_rate
from ssi_desktop.outcomes.kinds import OutcomeFact, OutcomeKind
from ssi_desktop.outcomes.replies import StartedBy, Thread, reply_rate
from ssi_desktop.outcomes.weekly import empty_weeks, week_start, weekly_outcomes, with_estimates

TODAY = dt.date(2026, 11, 24)  # a Tuesday
ME, THEM = StartedBy.ME, StartedBy.THEM


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def test_engagement_rate_is_engagers_per_hundred_views() -> None:
    assert engagement_rate(1000, 20) == 2.0
    assert engagement_rate(400, 6) == 1.5
    assert engagement_rate(3, 1) == pytest.approx(33.333333)


def test_a_post_without_views_has_no_rate() -> None:
    with pytest.raises(ValueError, match="at least one view"):
        engagement_rate(0, 0)


@given(views=st.integers(1, 10**9), data=st.data())
def test_engagement_rate_lies_between_zero_and_a_hundred(views: int, data: st.DataObject) -> None:
    engagers = data.draw(st.integers(0, views))
    assert 0.0 <= engagement_rate(views, engagers) <= 100.0


def test_average_rate_counts_each_post_of_the_last_90_days_once() -> None:
    rates = [(days_ago(0), 4.0), (days_ago(89), 1.0), (days_ago(90), 50.0), (TODAY, 1.0)]
    assert average_rate(rates, TODAY) == 2.0


def test_average_rate_is_none_without_recent_posts() -> None:
    assert average_rate([(days_ago(200), 3.0)], TODAY) is None
    assert average_rate([], TODAY) is None


def test_reply_rate_counts_threads_the_seller_started_in_the_window() -> None:
    threads = [
        Thread(days_ago(3), ME, days_ago(1)),
        Thread(days_ago(10), ME),
        Thread(days_ago(89), ME, days_ago(80)),
        Thread(days_ago(5), ME),
        Thread(days_ago(2), THEM, days_ago(2)),  # their outreach says nothing about the seller's
        Thread(days_ago(90), ME, days_ago(85)),  # started before the window
    ]
    assert reply_rate(threads, TODAY) == 50.0


def test_an_answer_after_the_day_asked_about_does_not_count_yet() -> None:
    threads = [Thread(days_ago(5), ME, days_ago(1))]
    assert reply_rate(threads, days_ago(2)) == 0.0
    assert reply_rate(threads, TODAY) == 100.0


def test_reply_rate_is_none_when_the_seller_started_nothing() -> None:
    assert reply_rate([Thread(days_ago(1), THEM)], TODAY) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("meeting", OutcomeKind.MEETING),
        ("Meetings", OutcomeKind.MEETING),
        ("meeting-booked", OutcomeKind.MEETING),
        ("opportunity", OutcomeKind.OPPORTUNITY),
        ("opp", OutcomeKind.OPPORTUNITY),
        ("deal_won", OutcomeKind.DEAL_WON),
        ("Deal-Won", OutcomeKind.DEAL_WON),
        ("deal won", OutcomeKind.DEAL_WON),
        ("won", OutcomeKind.DEAL_WON),
    ],
)
def test_outcome_kinds_accept_the_obvious_spellings(text: str, kind: OutcomeKind) -> None:
    assert OutcomeKind.parse(text) is kind


def test_an_unknown_outcome_kind_names_the_choices() -> None:
    with pytest.raises(ValueError, match="meeting, opportunity, deal_won"):
        OutcomeKind.parse("lunch")


def test_weeks_run_monday_to_sunday_and_the_current_week_closes_today() -> None:
    weeks = empty_weeks(TODAY, 3)
    assert [w.start for w in weeks] == [
        dt.date(2026, 11, 9),
        dt.date(2026, 11, 16),
        week_start(TODAY),
    ]
    assert weeks[0].closing_day == dt.date(2026, 11, 15)
    assert weeks[-1].closing_day == TODAY
    assert [w.label for w in weeks] == ["2026-W46", "2026-W47", "2026-W48"]


def test_iso_weeks_cross_the_new_year_as_one_week() -> None:
    sunday = dt.date(2027, 1, 3)
    outcomes = [
        OutcomeFact(OutcomeKind.MEETING, dt.date(2026, 12, 28)),
        OutcomeFact(OutcomeKind.MEETING, dt.date(2027, 1, 3)),
        OutcomeFact(OutcomeKind.MEETING, dt.date(2026, 12, 27)),
    ]
    weeks = weekly_outcomes(outcomes, sunday, 2)
    assert [(w.label, w.meetings) for w in weeks] == [("2026-W52", 1), ("2026-W53", 2)]


def test_weekly_outcomes_count_each_kind_and_sum_won_value() -> None:
    outcomes = [
        OutcomeFact(OutcomeKind.MEETING, dt.date(2026, 11, 16)),
        OutcomeFact(OutcomeKind.OPPORTUNITY, dt.date(2026, 11, 22), 9000.0),
        OutcomeFact(OutcomeKind.DEAL_WON, dt.date(2026, 11, 17), 12500.0),
        OutcomeFact(OutcomeKind.DEAL_WON, dt.date(2026, 11, 18)),
        OutcomeFact(OutcomeKind.DEAL_WON, dt.date(2026, 11, 23), 100.0),
        OutcomeFact(OutcomeKind.MEETING, dt.date(2026, 1, 5)),  # long before the weeks shown
    ]
    previous, current = weekly_outcomes(outcomes, TODAY, 2)
    assert (previous.meetings, previous.opportunities, previous.deals_won) == (1, 1, 2)
    assert previous.won_value == 12500.0  # an opportunity's value is not money won
    assert (current.meetings, current.deals_won, current.won_value) == (0, 1, 100.0)


def test_outcomes_after_the_last_day_are_left_out() -> None:
    later_this_week = OutcomeFact(OutcomeKind.MEETING, TODAY + dt.timedelta(days=2))
    assert weekly_outcomes([later_this_week], TODAY, 1)[0].meetings == 0


@given(
    st.lists(
        st.builds(
            OutcomeFact,
            st.sampled_from(list(OutcomeKind)),
            st.dates(dt.date(2026, 1, 1), TODAY),
        ),
        max_size=40,
    )
)
def test_every_outcome_in_the_weeks_shown_is_counted_once(outcomes: list[OutcomeFact]) -> None:
    weeks = weekly_outcomes(outcomes, TODAY, 53)
    counted = sum(w.meetings + w.opportunities + w.deals_won for w in weeks)
    assert counted == sum(1 for o in outcomes if o.day >= weeks[0].start)


def test_estimates_are_attached_by_closing_day() -> None:
    weeks = empty_weeks(TODAY, 2)
    filled = with_estimates(weeks, {TODAY: 41.5})
    assert [w.estimate for w in filled] == [None, 41.5]
