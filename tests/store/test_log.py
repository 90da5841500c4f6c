"""The action log: recording, correcting, undoing and summing actions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar, UnknownActionError
from ssi_desktop.scoring import Tally
from ssi_desktop.store import actions, log_totals
from ssi_desktop.store.actions import InvalidEntryError, NewEntry
from tests.conftest import TODAY

YESTERDAY = TODAY - dt.timedelta(days=1)


def test_a_recorded_entry_is_read_back(db):
    stored = actions.record(NewEntry("reaction", TODAY, 3, "on a customer's post"), TODAY)
    [entry] = actions.entries()
    assert (entry.id, entry.key, entry.day, entry.count, entry.note) == (
        stored.id,
        "reaction",
        TODAY,
        3,
        "on a customer's post",
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (NewEntry("reaction", TODAY + dt.timedelta(days=1)), "in the future"),
        (NewEntry("reaction", dt.date(1999, 1, 1)), "before LinkedIn"),
        (NewEntry("reaction", TODAY, 0), "at least 1"),
        (NewEntry("reaction", TODAY, -4), "at least 1"),
        (NewEntry("reaction", TODAY, actions.MAX_COUNT + 1), "more than"),
        (NewEntry("reaction", TODAY, 1, "x" * (actions.MAX_NOTE_CHARS + 1)), "longer"),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_written(db, entry, message):
    with pytest.raises(InvalidEntryError, match=message):
        actions.record(entry, TODAY)
    assert actions.entry_count() == 0


def test_an_unknown_action_key_is_refused(db):
    with pytest.raises(UnknownActionError):
        actions.record(NewEntry("spam_everyone", TODAY), TODAY)
    assert actions.entry_count() == 0


def test_record_many_writes_all_or_nothing(db):
    good = [NewEntry("dm_sent", YESTERDAY, 2)] * 3
    with pytest.raises(InvalidEntryError):
        actions.record_many([*good, NewEntry("dm_sent", TODAY, 0)], TODAY)
    assert actions.entry_count() == 0
    assert actions.record_many(good, TODAY) == 3


def test_undo_removes_the_newest_entry_not_the_latest_day(db):
    actions.record(NewEntry("dm_sent", TODAY), TODAY)
    backdated = actions.record(NewEntry("meeting_booked", YESTERDAY), TODAY)
    assert actions.undo_last().id == backdated.id
    assert [e.key for e in actions.entries()] == ["dm_sent"]
    assert actions.undo_last() is not None
    assert actions.undo_last() is None


def test_update_and_delete(db):
    entry = actions.record(NewEntry("dm_sent", TODAY), TODAY)
    actions.update(entry.id, NewEntry("dm_reply_received", YESTERDAY, 2, "answered"), TODAY)
    [changed] = actions.entries()
    assert (changed.key, changed.day, changed.count, changed.note) == (
        "dm_reply_received",
        YESTERDAY,
        2,
        "answered",
    )
    with pytest.raises(InvalidEntryError):
        actions.update(entry.id, NewEntry("dm_sent", TODAY, 0), TODAY)
    actions.delete(entry.id)
    assert actions.entry_count() == 0


def test_entries_filter_by_days_and_pillar(db):
    actions.record(NewEntry("reaction", TODAY), TODAY)
    actions.record(NewEntry("dm_sent", YESTERDAY), TODAY)
    actions.record(NewEntry("dm_sent", TODAY - dt.timedelta(days=10)), TODAY)
    assert [e.key for e in actions.entries(pillar=Pillar.RELATIONSHIPS)] == ["dm_sent", "dm_sent"]
    assert len(actions.entries(since=YESTERDAY)) == 2
    assert len(actions.entries(until=YESTERDAY)) == 2


days_back = st.integers(0, 20).map(lambda n: TODAY - dt.timedelta(days=n))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    logged=st.lists(st.tuples(st.sampled_from(sorted(ACTION_BY_KEY)), days_back), max_size=30),
    since=st.none() | days_back,
    until=st.none() | days_back,
    pillar=st.none() | st.sampled_from(Pillar),
    page=st.none() | st.tuples(st.integers(1, 12), st.integers(0, 30)),
)
def test_a_page_of_entries_is_the_filtered_log_newest_first(db, logged, since, until, pillar, page):
    actions.delete(*(e.id for e in actions.entries()))
    actions.record_many([NewEntry(key, day) for key, day in logged], TODAY)
    everything = actions.entries()
    wanted = [
        e
        for e in sorted(everything, key=lambda e: (e.day, e.id), reverse=True)
        if (since is None or e.day >= since)
        and (until is None or e.day <= until)
        and (pillar is None or ACTION_BY_KEY[e.key].pillar is pillar)
    ]
    assert actions.count_entries(since, until, pillar) == len(wanted)
    if page is None:
        assert actions.entries(since, until, pillar) == wanted
    else:
        limit, offset = page
        found = actions.entries(since, until, pillar, limit=limit, offset=offset)
        assert found == wanted[offset : offset + limit]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    logged=st.lists(
        st.tuples(st.sampled_from(sorted(ACTION_BY_KEY)), days_back, st.integers(1, 5)),
        max_size=30,
    ),
    since=days_back,
)
def test_totals_per_day_and_the_most_logged_types_sum_the_entries(db, logged, since):
    actions.delete(*(e.id for e in actions.entries()))
    actions.record_many([NewEntry(key, day, count) for key, day, count in logged], TODAY)
    per_day: dict[dt.date, int] = {}
    per_key: dict[str, int] = {}
    for key, day, count in logged:
        if day >= since:
            per_day[day] = per_day.get(day, 0) + count
            per_key[key] = per_key.get(key, 0) + count
    assert log_totals.totals_per_day(since, TODAY) == per_day
    assert log_totals.most_logged(since, TODAY) == sorted(per_key, key=lambda k: (-per_key[k], k))


def test_daily_tallies_sum_entries_per_day_type_and_target_flag(db):
    actions.record(NewEntry("dm_sent", TODAY, 2), TODAY)
    actions.record(NewEntry("dm_sent", TODAY, 3), TODAY)
    actions.record(NewEntry("dm_sent", TODAY, 1, at_target=True), TODAY)
    actions.record(NewEntry("dm_sent", TODAY - dt.timedelta(days=400)), TODAY)
    tallies = set(actions.daily_tallies(TODAY - dt.timedelta(days=89), TODAY))
    assert tallies == {Tally(TODAY, "dm_sent", 5, False), Tally(TODAY, "dm_sent", 1, True)}
    assert actions.counts_on(TODAY) == {"dm_sent": 6}


def test_known_external_ids(db):
    actions.record(NewEntry("reaction", TODAY, external_id="li:reaction:1"), TODAY)
    assert actions.known_external_ids(["li:reaction:1", "li:reaction:2"]) == {"li:reaction:1"}


def test_the_log_fingerprint_moves_with_every_change_up_to_its_day(db):
    from ssi_desktop.store import accounts

    cutoff = TODAY - dt.timedelta(days=10)
    seen = [actions.log_fingerprint(cutoff)]

    def changed() -> bool:
        seen.append(actions.log_fingerprint(cutoff))
        return seen[-1] != seen[-2]

    entry = actions.record(NewEntry("post_published", cutoff - dt.timedelta(days=3)), TODAY)
    assert changed()
    actions.record(NewEntry("post_published", TODAY), TODAY)  # after the cut-off day
    assert not changed()
    actions.update(entry.id, NewEntry("reaction", entry.day), TODAY)
    assert changed()
    actions.update(entry.id, NewEntry("reaction", TODAY), TODAY)  # moved past the cut-off
    assert changed()
    account = accounts.add_account("Northwind")
    accounts.add_contact("Dana Reyes", account.id, is_decision_maker=True)
    assert changed()
    actions.delete(entry.id)
    assert not changed()  # it was dated after the cut-off by then
    assert len(set(seen)) == len(seen) - 2  # a value never comes back once it moved
