"""Properties the score model promises (docs/SCORING.md), checked on random logs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTION_BY_KEY, ACTIONS, PILLAR_MAX, PROFILE_ITEMS, TOTAL_MAX, Pillar
from ssi_desktop.scoring import Activity, ProfileEvent, ProfileHistory, Tally, compute, score_on
from ssi_desktop.scoring.activity import WINDOW_DAYS
from ssi_desktop.scoring.model import Sensitivity, spam_cost, totals_with_one_more
from ssi_desktop.scoring.network import NetworkHistory, NetworkRecord

DAY = dt.date(2026, 11, 24)
KEYS = [a.key for a in ACTIONS]
POSITIVE_KEYS = [a.key for a in ACTIONS if not a.can_lower_score]
SCORED_KEYS = [k for k in POSITIVE_KEYS if ACTION_BY_KEY[k].seen_by_linkedin]

tallies = st.builds(
    Tally,
    day=st.integers(0, 200).map(lambda back: DAY - dt.timedelta(days=back)),
    key=st.sampled_from(KEYS),
    count=st.integers(1, 60),
    at_target=st.booleans(),
)
logs = st.lists(tallies, max_size=40)
profiles = st.lists(
    st.builds(
        ProfileEvent,
        item=st.sampled_from([p.key for p in PROFILE_ITEMS]),
        day=st.integers(0, 300).map(lambda back: DAY - dt.timedelta(days=back)),
        done=st.booleans(),
    ),
    max_size=12,
).map(ProfileHistory)


@st.composite
def network_records(draw: st.DrawFn) -> NetworkRecord:
    connections = draw(st.integers(0, 30_000))
    return NetworkRecord(
        DAY - dt.timedelta(days=draw(st.integers(0, 300))),
        connections,
        draw(st.none() | st.integers(0, 200_000)),
        draw(st.none() | st.integers(0, connections)),
    )


networks = st.lists(network_records(), max_size=5).map(NetworkHistory)
NO_NETWORK = NetworkHistory([NetworkRecord(DAY - dt.timedelta(days=900), 0, 0, 0)])


def score(log: list[Tally], profile: ProfileHistory | None = None, day: dt.date = DAY) -> float:
    return score_on(day, Activity.covering(day, day, log), profile or ProfileHistory()).total


def standing_part(day: dt.date, profile: ProfileHistory, network: NetworkHistory) -> float:
    """The score with nothing logged: the network and the profile."""
    return score_on(day, Activity.covering(day, day), profile, network=network).total


@given(logs, profiles, networks)
def test_pillars_stay_within_0_and_25_and_total_is_their_sum(log, profile, network):
    result = score_on(DAY, Activity.covering(DAY, DAY, log), profile, network=network)
    for pillar in Pillar:
        assert 0.0 <= result.pillars[pillar] <= PILLAR_MAX
    assert 0.0 <= result.total <= TOTAL_MAX
    assert result.total == pytest.approx(sum(result.pillars.values()), abs=1e-9)


@given(logs, st.lists(tallies, max_size=10))
def test_nothing_older_than_90_days_counts(recent, old):
    cutoff = DAY - dt.timedelta(days=WINDOW_DAYS)
    recent = [t for t in recent if t.day > cutoff]
    old = [Tally(cutoff - (DAY - t.day), t.key, t.count, t.at_target) for t in old]
    assert score(recent + old) == pytest.approx(score(recent), abs=1e-9)


@given(logs, st.sampled_from(POSITIVE_KEYS), st.integers(0, 89), st.integers(1, 30), st.booleans())
def test_adding_a_positive_action_never_lowers_the_score(log, key, back, count, at_target):
    added = Tally(DAY - dt.timedelta(days=back), key, count, at_target)
    before = score_on(DAY, Activity.covering(DAY, DAY, log), ProfileHistory())
    after = score_on(DAY, Activity.covering(DAY, DAY, [*log, added]), ProfileHistory())
    for pillar in Pillar:
        assert after.pillars[pillar] >= before.pillars[pillar] - 1e-9


@given(st.sampled_from(KEYS), st.integers(1, 1000))
def test_no_single_action_type_can_fill_a_pillar(key, per_day):
    """Its activity alone stays under half a pillar, however much of it is logged."""
    log = [Tally(DAY - dt.timedelta(days=i), key, per_day, True) for i in range(WINDOW_DAYS)]
    activity = Activity.covering(DAY, DAY, log)
    result = score_on(DAY, activity, ProfileHistory(), network=NO_NETWORK)
    assert max(result.pillars.values()) < PILLAR_MAX * 0.5


@given(st.sampled_from(SCORED_KEYS), st.integers(1, 8), st.integers(0, 6))
def test_spreading_over_12_weeks_beats_one_burst(key, per_week, burst_back):
    """Same actions: one day a week for 12 weeks against all of them on one day (any recent day).
    Generic requests, which may cost points, and what LinkedIn cannot see are left out."""
    spread = [Tally(DAY - dt.timedelta(weeks=w), key, per_week) for w in range(12)]
    burst = [Tally(DAY - dt.timedelta(days=burst_back), key, per_week * 12)]
    assert score(spread) > score(burst)


@given(logs, profiles, networks, st.integers(0, 89))
def test_without_activity_the_score_decays_to_the_standing_part(log, profile, network, gap):
    last_activity = max((t.day for t in log), default=DAY)
    quiet = [last_activity + dt.timedelta(days=d) for d in (gap, WINDOW_DAYS)]
    assume(quiet[0] > last_activity)
    activity = Activity.covering(DAY - dt.timedelta(days=200), quiet[1], log)
    series = compute(activity, profile, last_activity, quiet[1], network=network)
    standing = standing_part(quiet[1], profile, network)
    assert series.on(quiet[1]).total == pytest.approx(standing, abs=1e-9)
    if all(t.key != "connection_request_generic" for t in log):
        # Fading only ever lowers what activity earned (the spam cost may move either way).
        earned = [series.on(day).total - standing_part(day, profile, network) for day in quiet]
        assert earned[0] >= earned[1] - 1e-9


@given(profiles, networks, st.integers(1, 2000))
def test_the_standing_part_never_fades(profile, network, days_later):
    """With the same profile and network, the score without activity stays where it is."""
    later = DAY + dt.timedelta(days=days_later)
    assume(profile.done_on(later) == profile.done_on(DAY))
    assert standing_part(later, profile, network) == pytest.approx(
        standing_part(DAY, profile, network), abs=1e-9
    )


@given(logs, network_records(), st.integers(0, 5000), st.integers(0, 50_000), st.integers(0, 500))
def test_a_bigger_network_never_lowers_a_pillar(log, record, more, more_followers, more_dms):
    bigger = NetworkRecord(
        record.day,
        record.connections + more,
        None if record.followers is None else record.followers + more_followers,
        None if record.decision_makers is None else record.decision_makers + more_dms,
    )
    activity = Activity.covering(DAY, DAY, log)
    before, after = (
        score_on(DAY, activity, ProfileHistory(), network=NetworkHistory([r]))
        for r in (record, bigger)
    )
    for pillar in Pillar:
        assert after.pillars[pillar] >= before.pillars[pillar] - 1e-9


@given(st.floats(0.0, 1.0), st.floats(30.0, 1e4), st.floats(1.0, 20.0))
def test_the_spam_cost_depends_on_the_acceptance_rate_not_on_the_volume(rate, generic, times):
    """Once fully judged, the same rate costs the same at any volume; 30 % or more costs
    nothing at any volume; more acceptances never cost more."""

    def cost(requests: float, accepted: float) -> float:
        return float(spam_cost(np.array([requests]), np.array([accepted]))[0])

    assert cost(generic, rate * generic) == pytest.approx(
        cost(generic * times, rate * generic * times), abs=1e-9
    )
    assert cost(generic * times, 0.3 * generic * times) == pytest.approx(0.0, abs=1e-12)
    assert cost(generic, min(1.0, rate + 0.1) * generic) <= cost(generic, rate * generic)


@given(logs, st.randoms(use_true_random=False))
def test_entry_order_does_not_matter(log, rnd):
    shuffled = list(log)
    rnd.shuffle(shuffled)
    assert score(shuffled) == pytest.approx(score(log), abs=1e-9)


@given(logs, profiles, networks)
@settings(max_examples=50)
def test_the_explanation_sums_to_each_pillar(log, profile, network):
    series = compute(Activity.covering(DAY, DAY, log), profile, DAY, DAY, network=network)
    explanation = series.explain(DAY)
    for pillar in Pillar:
        assert explanation.pillar_total(pillar) == pytest.approx(series.on(DAY).pillars[pillar])
        for part in explanation.pillars[pillar]:
            if part.kind == "action":
                window = [
                    t for t in log if t.key == part.source and (DAY - t.day).days < WINDOW_DAYS
                ]
                assert part.count == sum(t.count for t in window)


@given(logs)
@settings(max_examples=30)
def test_a_trend_agrees_with_scoring_each_day_alone(log):
    first = DAY - dt.timedelta(days=20)
    series = compute(Activity.covering(first, DAY, log), ProfileHistory(), first, DAY)
    for day in (first, first + dt.timedelta(days=7), DAY):
        alone = score_on(day, Activity.covering(day, day, log), ProfileHistory())
        assert series.on(day).total == pytest.approx(alone.total, abs=1e-9)


scales = st.floats(0.25, 4.0)
sensitivities = st.builds(Sensitivity, *([scales] * 8))


@given(logs, profiles, networks, sensitivities)
def test_the_plans_what_ifs_in_one_batch_score_as_score_on_does(log, profile, network, scale):
    activity = Activity.covering(DAY, DAY, log)
    before, after = totals_with_one_more(DAY, activity, profile, scale, network)
    as_logged = score_on(DAY, activity, profile, scale, network).total
    assert before == pytest.approx(as_logged, abs=1e-9)
    assert list(after) == KEYS
    for key in KEYS:
        one_more = activity.plus(Tally(DAY, key, 1))
        assert after[key] == pytest.approx(
            score_on(DAY, one_more, profile, scale, network).total, abs=1e-9
        )
