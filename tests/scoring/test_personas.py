"""Where the estimate lands for typical members, before any calibration (docs/SCORING.md,
"Anchors"). The ranges come from real SSI readings: a dormant member with a full profile reads
about 20, a steady seller about 53, and LinkedIn's leaders sit above 75."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from ssi_desktop.catalog import PROFILE_ITEMS, Pillar
from ssi_desktop.habits.steady import steady_tallies
from ssi_desktop.scoring import Activity, DayScore, ProfileEvent, ProfileHistory, compute
from ssi_desktop.scoring.network import NetworkHistory, NetworkRecord

TODAY = dt.date(2026, 12, 1)
COMPLETE_PROFILE = ProfileHistory(
    ProfileEvent(item.key, dt.date(2024, 1, 1), True) for item in PROFILE_ITEMS
)

THIRTY_A_WEEK = {
    "comment_thoughtful": 3,
    "connection_request_personalized": 5,
    "connection_accepted": 3,
    "post_published": 1,
    "dm_sent": 5,
    "dm_reply_received": 2,
    "reaction": 10,
    "profile_viewed": 3,
    "prospect_search": 1.5,
}

HEAVY_SELLER = {
    "post_published": 7,
    "connection_request_personalized": 100,
    "dm_sent": 50,
    "comment_thoughtful": 20,
    "comment_short": 10,
    "reaction": 40,
}


def score(
    per_week: Mapping[str, float],
    *,
    connections: int = 500,
    followers: int | None = 600,
    days: int = 120,
    last_active: dt.date = TODAY,
    on: dt.date = TODAY,
) -> DayScore:
    """A member with a complete profile who kept ``per_week`` up for ``days`` days."""
    first = last_active - dt.timedelta(days=days - 1)
    tallies = [
        tally
        for key, count in per_week.items()
        for tally in steady_tallies(key, count / 7, first, days)
    ]
    network = NetworkHistory([NetworkRecord(dt.date(2024, 1, 1), connections, followers)])
    activity = Activity.covering(on, on, tallies)
    return compute(activity, COMPLETE_PROFILE, on, on, network=network).on(on)


def test_a_dormant_member_reads_about_twenty() -> None:
    idle = score({})
    assert 12 <= idle.total <= 28
    assert idle.pillars[Pillar.INSIGHTS] < 3
    assert idle.pillars[Pillar.RELATIONSHIPS] > 1


def test_thirty_actions_a_week_is_a_steady_seller() -> None:
    assert 40 <= score(THIRTY_A_WEEK).total <= 62


@pytest.mark.parametrize("followers", [None, 2500, 8000])
def test_a_heavy_social_seller_is_a_leader(followers: int | None) -> None:
    assert 75 <= score(HEAVY_SELLER, connections=2500, followers=followers).total <= 95


def test_after_a_hundred_idle_days_only_the_standing_part_is_left() -> None:
    stopped = score(THIRTY_A_WEEK, last_active=TODAY - dt.timedelta(days=100))
    assert abs(stopped.total - score({}).total) <= 3


def test_the_steady_seller_ranks_between_the_dormant_member_and_the_heavy_seller() -> None:
    heavy = score(HEAVY_SELLER, connections=2500, followers=None)
    assert score({}).total < score(THIRTY_A_WEEK).total < heavy.total
