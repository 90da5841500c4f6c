"""Worked examples that pin the model's intent (quality, spam, the profile, target contacts)."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.catalog import ACTIONS, PROFILE_ITEMS, Pillar, action, tier_name
from ssi_desktop.scoring import Activity, ProfileEvent, ProfileHistory, Tally, score_on
from ssi_desktop.scoring.model import HALF_CREDIT, HEALTHY_SHARE, SPAM_COST_MAX

DAY = dt.date(2026, 11, 24)


def steady(key: str, per_day: int, days: int = 90) -> list[Tally]:
    return [Tally(DAY - dt.timedelta(days=i), key, per_day) for i in range(days)]


def pillars(log: list[Tally], profile: ProfileHistory | None = None) -> dict[Pillar, float]:
    result = score_on(DAY, Activity.covering(DAY, DAY, log), profile or ProfileHistory())
    return dict(result.pillars)


def test_each_pillar_has_exactly_25_points_to_earn():
    profile_points = sum(p.points for p in PROFILE_ITEMS)
    for pillar in Pillar:
        caps = sum(a.caps.get(pillar, 0.0) for a in ACTIONS)
        assert caps + (profile_points if pillar is Pillar.BRAND else 0.0) == pytest.approx(25.0)


def test_a_healthy_pace_earns_three_quarters_of_a_cap():
    """A daily type at its healthy pace, every day, earns HEALTHY_SHARE of its cap."""
    comments = action("comment_thoughtful")
    per_day = int(comments.healthy_per_week // 7)  # 10 a week -> 1 a day (a little under)
    earned = pillars(steady("comment_thoughtful", per_day))[Pillar.INSIGHTS]
    assert (
        0.6 * comments.caps[Pillar.INSIGHTS]
        < earned
        < HEALTHY_SHARE * comments.caps[Pillar.INSIGHTS] + 0.2
    )
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
        assert score_on(day, Activity.covering(day, day), history).total == expected


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
