"""Contacts at target accounts and decision-makers weigh more, within the caps (docs/SCORING.md).

The store turns a contact who is a decision-maker or works at a target account into the
``at_target`` flag of the action's tally; these properties hold for any log so flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTIONS, PILLAR_MAX, Pillar
from ssi_desktop.scoring import Activity, ProfileHistory, Tally, score_on

DAY = dt.date(2026, 11, 24)
TOLERANCE = 1e-9  # float sums of the same terms in another order

plain_tallies = st.builds(
    Tally,
    day=st.integers(0, 120).map(lambda back: DAY - dt.timedelta(days=back)),
    key=st.sampled_from([a.key for a in ACTIONS]),
    count=st.integers(1, 200),
    at_target=st.just(False),
)


def pillars(log: list[Tally]) -> dict[Pillar, float]:
    return dict(score_on(DAY, Activity.covering(DAY, DAY, log), ProfileHistory()).pillars)


@given(st.lists(plain_tallies, max_size=30), st.data())
def test_tying_actions_to_target_contacts_never_lowers_a_pillar(
    log: list[Tally], data: st.DataObject
) -> None:
    flags = data.draw(st.lists(st.booleans(), min_size=len(log), max_size=len(log)))
    targeted = [replace(t, at_target=flag) for t, flag in zip(log, flags, strict=True)]
    before, after = pillars(log), pillars(targeted)
    for pillar in (Pillar.PEOPLE, Pillar.RELATIONSHIPS, Pillar.BRAND, Pillar.INSIGHTS):
        assert after[pillar] >= before[pillar] - TOLERANCE


@given(st.lists(plain_tallies, min_size=1, max_size=30))
def test_target_contacts_never_push_a_pillar_past_its_cap(log: list[Tally]) -> None:
    flooded = [replace(t, count=t.count * 50, at_target=True) for t in log]
    for value in pillars(flooded).values():
        assert value <= PILLAR_MAX


def test_a_decision_maker_thread_earns_more_relationship_points_than_a_cold_one() -> None:
    cold = [Tally(DAY - dt.timedelta(days=d), "dm_reply_received", 1) for d in range(0, 40, 4)]
    warm = [replace(t, at_target=True) for t in cold]
    assert pillars(warm)[Pillar.RELATIONSHIPS] > pillars(cold)[Pillar.RELATIONSHIPS]
