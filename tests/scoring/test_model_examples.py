"""Worked examples that pin the model's intent (quality, spam, the profile, target contacts)."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.catalog import ACTIONS, PILLAR_MAX, PROFILE_ITEMS, Pillar, action, tier_name
from ssi_desktop.habits.steady import steady_tallies
from ssi_desktop.scoring import Activity, ProfileEvent, ProfileHistory, Tally, score_on
from ssi_desktop.scoring.model import HALF_CREDIT, HEALTHY_SHARE, SPAM_COST_MAX, compute
from ssi_desktop.scoring.network import NetworkHistory, NetworkRecord
from ssi_desktop.scoring.standing import ACTIVITY_BUDGET, standing_max

DAY = dt.date(2026, 11, 24)
NO_NETWORK = NetworkHistory([NetworkRecord(dt.date(2020, 1, 1), 0, 0, 0)])
"""A member with no connections and no followers: only activity and the profile count."""


def steady(key: str, per_day: int, days: int = 90) -> list[Tally]:
    return [Tally(DAY - dt.timedelta(days=i), key, per_day) for i in range(days)]


def pillars(
    log: list[Tally],
    profile: ProfileHistory | None = None,
    network: NetworkHistory = NO_NETWORK,
) -> dict[Pillar, float]:
    activity = Activity.covering(DAY, DAY, log)
    return dict(score_on(DAY, activity, profile or ProfileHistory(), network=network).pillars)


def test_each_pillar_has_exactly_25_points_to_earn():
    profile_points = sum(p.points for p in PROFILE_ITEMS)
    for pillar in Pillar:
        profile = profile_points if pillar is Pillar.BRAND else 0.0
        assert ACTIVITY_BUDGET[pillar] + standing_max(pillar) + profile == pytest.approx(25.0)


def test_everything_at_once_comes_close_to_25_in_every_pillar_without_passing_it():
    everything = [Tally(DAY - dt.timedelta(days=d), a.key, 40) for a in ACTIONS for d in range(90)]
    everything = [t for t in everything if t.key != "connection_request_generic"]
    done = ProfileHistory(ProfileEvent(p.key, DAY, True) for p in PROFILE_ITEMS)
    huge = NetworkHistory([NetworkRecord(DAY, 30_000, 1_000_000, 10_000)])
    for pillar, points in pillars(everything, done, huge).items():
        assert PILLAR_MAX - 2.5 < points <= PILLAR_MAX, pillar


def test_a_healthy_pace_does_a_type_to_three_quarters():
    """A type at its healthy pace, kept up for 90 days, counts as HEALTHY_SHARE of a full type."""
    comments = action("comment_thoughtful")
    first = DAY - dt.timedelta(days=89)
    log = list(steady_tallies(comments.key, comments.healthy_per_week / 7, first, 90))
    weight, budget = comments.weights[Pillar.INSIGHTS], ACTIVITY_BUDGET[Pillar.INSIGHTS]
    expected = budget * (1 - 2 ** (-weight * HEALTHY_SHARE))
    assert pillars(log)[Pillar.INSIGHTS] == pytest.approx(expected, abs=1e-9)
    assert all(h > 0 for h in HALF_CREDIT.values())


@pytest.mark.parametrize(
    ("better", "worse", "pillar"),
    [
        ("connection_request_personalized", "connection_request_generic", Pillar.PEOPLE),
        ("comment_thoughtful", "comment_short", Pillar.INSIGHTS),
        ("dm_reply_received", "dm_sent", Pillar.RELATIONSHIPS),
    ],
)
def test_quality_actions_count_more(better, worse, pillar):
    for per_day in (1, 3):
        assert pillars(steady(better, per_day))[pillar] > pillars(steady(worse, per_day))[pillar]


def test_a_contact_at_a_target_account_counts_more():
    plain = [Tally(DAY, "dm_sent", 3)]
    targeted = [Tally(DAY, "dm_sent", 3, at_target=True)]
    assert pillars(targeted)[Pillar.RELATIONSHIPS] > pillars(plain)[Pillar.RELATIONSHIPS]


def test_unaccepted_generic_requests_cost_points_and_acceptances_win_them_back():
    base = steady("profile_viewed", 5)
    spam = base + steady("connection_request_generic", 10)
    accepted = spam + steady("connection_accepted", 10)
    people = [pillars(log)[Pillar.PEOPLE] for log in (base, spam, accepted)]
    assert people[1] < people[0]
    assert people[2] > people[0]
    assert people[0] - people[1] <= SPAM_COST_MAX


def test_the_spam_cost_never_takes_a_pillar_below_zero():
    assert pillars(steady("connection_request_generic", 200))[Pillar.PEOPLE] == 0.0


@pytest.mark.parametrize(("accepted", "cost"), [(30, 0.0), (50, 0.0), (15, 1.25), (0, 5.0)])
def test_the_spam_cost_follows_the_acceptance_rate(accepted, cost):
    """100 generic requests a day: 30 % accepted or more costs nothing, none accepted all 5."""
    base = steady("connection_request_generic", 100) + steady("connection_accepted", accepted)
    series = compute(Activity.covering(DAY, DAY, base), ProfileHistory(), DAY, DAY)
    spam = next(c for c in series.explain(DAY).pillars[Pillar.PEOPLE] if c.kind == "penalty")
    assert -spam.points == pytest.approx(cost)


def test_a_meeting_booked_earns_no_ssi_points():
    """LinkedIn cannot see a meeting booked outside it: an outcome, not an SSI signal."""
    assert not action("meeting_booked").seen_by_linkedin
    assert pillars(steady("meeting_booked", 3)) == pillars([])


def test_a_post_earns_in_brand_and_in_insights():
    result = pillars([Tally(DAY, "post_published", 1)])
    assert result[Pillar.BRAND] > 0 and result[Pillar.INSIGHTS] > 0


def test_the_profile_counts_from_the_day_an_item_is_done_until_it_is_undone():
    photo = next(p for p in PROFILE_ITEMS if p.key == "photo")
    history = ProfileHistory(
        [
            ProfileEvent("photo", DAY - dt.timedelta(days=10), True),
            ProfileEvent("photo", DAY - dt.timedelta(days=3), False),
            ProfileEvent("photo", DAY - dt.timedelta(days=3), True),  # recorded last: wins
        ]
    )
    for back, expected in ((11, 0.0), (10, photo.points), (0, photo.points)):
        day = DAY - dt.timedelta(days=back)
        activity = Activity.covering(day, day)
        assert score_on(day, activity, history, network=NO_NETWORK).total == expected


@pytest.mark.parametrize(
    ("total", "tier"),
    [
        (0, "Beginner"),
        (25.4, "Beginner"),
        (25.5, "Developing"),
        (50, "Developing"),
        (51, "Proficient"),
        (75.49, "Proficient"),
        (76, "Leader"),
        (100, "Leader"),
    ],
)
def test_tiers_follow_the_rounded_total(total, tier):
    assert tier_name(total) == tier
