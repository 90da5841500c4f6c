"""The history table follows the log row by row: a quick-add inserts a row, an undo removes
one, any other change applies its difference, and the table is never reset for any of them
(a reset reloads and re-lays out every row the seller sees)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store import actions
from ssi_desktop.store.actions import NewEntry
from ssi_desktop.ui.history import PAGE_ROWS, HistoryModel
from ssi_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

DAY = dt.timedelta(days=1)
KEYS = sorted(ACTION_BY_KEY)


def rows_of(model: HistoryModel) -> list[tuple[int, dt.date, str, int, str]]:
    return [
        (r.id, r.day, r.key, r.entry.count, r.entry.note)
        for r in (model.row_at(i) for i in range(model.rowCount()))
    ]


def fresh_rows(model: HistoryModel) -> list[tuple[int, dt.date, str, int, str]]:
    again = HistoryModel()
    again.set_filter(model.pillar, model.since, model.until)
    while again.rowCount() < model.rowCount() and again.canFetchMore(again.index(-1, -1)):
        again.fetchMore(again.index(-1, -1))
    return rows_of(again)[: model.rowCount()]


class Resets:
    def __init__(self, model: HistoryModel) -> None:
        self.count = 0
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.count += 1


change = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(KEYS), st.integers(0, 40), st.integers(1, 4)),
    st.tuples(st.just("delete"), st.integers(0, 10_000)),
    st.tuples(st.just("count"), st.integers(0, 10_000), st.integers(1, 9)),
    st.tuples(st.just("move"), st.integers(0, 10_000), st.integers(0, 40)),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.lists(change, min_size=1, max_size=12),
    pillar=st.sampled_from([None, *Pillar]),
)
def test_any_change_is_followed_without_a_reset(db: object, changes, pillar) -> None:
    actions.delete(*(e.id for e in actions.entries()))
    actions.record_many(
        [NewEntry(KEYS[i % len(KEYS)], TODAY - (i % 30) * DAY) for i in range(60)], TODAY
    )
    model = HistoryModel()
    model.set_filter(pillar, TODAY - 29 * DAY, TODAY)
    resets = Resets(model)
    for what, *args in changes:
        logged = actions.entries()
        if what == "add":
            actions.record(NewEntry(args[0], TODAY - args[1] * DAY, args[2]), TODAY)
        elif logged and what == "delete":
            actions.delete(logged[args[0] % len(logged)].id)
        elif logged and what == "count":
            e = logged[args[0] % len(logged)]
            actions.update(e.id, NewEntry(e.key, e.day, args[1], e.note), TODAY)
        elif logged and what == "move":
            e = logged[args[0] % len(logged)]
            actions.update(e.id, NewEntry(e.key, TODAY - args[1] * DAY, e.count, e.note), TODAY)
    model.reload()
    assert rows_of(model) == fresh_rows(model)
    assert model.total == actions.count_entries(model.since, model.until, model.pillar)
    assert resets.count == 0


def test_told_changes_need_no_query(db: object, monkeypatch: pytest.MonkeyPatch) -> None:
    actions.record_many([NewEntry("reaction", TODAY - i * DAY) for i in range(5)], TODAY)
    model = HistoryModel()
    model.set_filter(None, TODAY - 29 * DAY, TODAY)
    added = actions.record(NewEntry("post_published", TODAY - 2 * DAY), TODAY)

    def no_query(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the store was read")

    monkeypatch.setattr(actions, "entries", no_query)
    monkeypatch.setattr(actions, "count_entries", no_query)
    model.entry_added(added)
    assert [model.row_at(r).key for r in range(model.rowCount())][2] == "post_published"
    assert model.total == 6
    model.entry_removed(added)
    assert "post_published" not in {model.row_at(r).key for r in range(model.rowCount())}
    assert model.total == 5
    model.entry_added(
        actions.LoggedEntry(999, TODAY - 60 * DAY, "reaction", 1, "", False, "app", None, None)
    )
    assert model.total == 5  # outside the dates shown


def test_an_entry_beyond_the_loaded_page_waits_for_its_page(db: object) -> None:
    actions.record_many([NewEntry("reaction", TODAY) for _ in range(PAGE_ROWS + 5)], TODAY)
    old = actions.record(NewEntry("reaction", TODAY - 3 * DAY), TODAY)
    model = HistoryModel()
    model.set_filter(None, TODAY - 29 * DAY, TODAY)
    actions.delete(old.id)
    model.entry_removed(old)
    late = actions.record(NewEntry("dm_sent", TODAY - 5 * DAY), TODAY)
    model.entry_added(late)
    assert model.rowCount() == PAGE_ROWS
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert rows_of(model)[-1][2] == "dm_sent"
    assert model.rowCount() == model.total == PAGE_ROWS + 6


def test_the_window_inserts_a_quick_add_and_removes_an_undo(
    window: MainWindow, qtbot: QtBot
) -> None:
    actions.record_many([NewEntry("reaction", TODAY - i * DAY) for i in range(3)], TODAY)
    window.select_tab("history")
    model = window.history.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    resets = Resets(model)
    with qtbot.waitSignal(window.recomputer.score_ready, timeout=10_000):
        window.quick_add("post_published")
    assert model.row_at(0).key == "post_published"  # once the score is on screen
    assert window.history.summary.text().startswith("4 entries")
    with qtbot.waitSignal(window.recomputer.score_ready, timeout=10_000):
        window.undo_last()
    assert model.rowCount() == 3 and model.row_at(0).key == "reaction"
    assert resets.count == 0


def test_columns_are_sized_once_not_to_their_contents(window: MainWindow) -> None:
    header = window.history.table.horizontalHeader()
    modes = {header.sectionResizeMode(c) for c in range(header.count())}
    assert QHeaderView.ResizeMode.ResizeToContents not in modes
    action = header.sectionSize(HistoryModel.COL_ACTION)
    longest = max(ACTION_BY_KEY.values(), key=lambda k: len(k.label)).label
    assert action >= window.history.table.fontMetrics().horizontalAdvance(longest)
