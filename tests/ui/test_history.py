"""The history table: a well-behaved Qt model that edits and deletes the seller's log."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.store import actions
from ssi_desktop.store.actions import NewEntry
from ssi_desktop.ui.history import PAGE_ROWS, HistoryModel
from ssi_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY

DAY = dt.timedelta(days=1)


@pytest.fixture
def logged(db: object) -> list[NewEntry]:
    entries = [
        NewEntry("post_published", TODAY, 1, "launch notes"),
        NewEntry("comment_thoughtful", TODAY - DAY, 3),
        NewEntry("prospect_search", TODAY - 2 * DAY, 2, at_target=True),
        NewEntry("dm_sent", TODAY - 40 * DAY, 1),
    ]
    actions.record_many(entries, TODAY)
    return entries


@pytest.fixture
def model(logged: list[NewEntry]) -> HistoryModel:
    history = HistoryModel()
    history.set_filter(None, TODAY - 29 * DAY, TODAY)
    return history


def test_the_model_passes_qts_model_checks(model: HistoryModel, qtmodeltester: ModelTester):
    qtmodeltester.check(model, force_py=True)


def test_rows_are_newest_first_within_the_dates(model: HistoryModel) -> None:
    days = [model.row_at(row).day for row in range(model.rowCount())]
    assert days == [TODAY, TODAY - DAY, TODAY - 2 * DAY]


def test_filter_by_pillar(model: HistoryModel) -> None:
    model.set_filter(Pillar.PEOPLE, None, None)
    assert [model.row_at(r).key for r in range(model.rowCount())] == ["prospect_search"]


def test_editing_a_count_writes_it(model: HistoryModel, qtbot: QtBot) -> None:
    index = model.index(1, HistoryModel.COL_COUNT)
    with qtbot.waitSignal(model.entries_changed):
        assert model.setData(index, 5, Qt.ItemDataRole.EditRole)
    assert {e.key: e.count for e in actions.entries()}["comment_thoughtful"] == 5


def test_a_future_date_is_refused_and_nothing_changes(model: HistoryModel, qtbot: QtBot):
    index = model.index(0, HistoryModel.COL_DATE)
    future = TODAY + 2 * DAY
    with qtbot.waitSignal(model.refused) as refused:
        ok = model.setData(index, QDate(future.year, future.month, future.day))
    assert not ok
    assert "future" in refused.args[0]
    assert actions.entries()[0].day == TODAY


def test_a_zero_count_is_refused(model: HistoryModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.refused):
        assert not model.setData(model.index(0, HistoryModel.COL_COUNT), 0)
    assert actions.entries()[0].count == 1


def test_the_target_flag_toggles(model: HistoryModel) -> None:
    index = model.index(0, HistoryModel.COL_TARGET)
    assert model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert actions.entries()[0].at_target


def test_deleting_rows_removes_exactly_those_entries(model: HistoryModel) -> None:
    assert model.delete_rows([0, 2]) == 2
    assert sorted(e.key for e in actions.entries()) == ["comment_thoughtful", "dm_sent"]
    assert model.rowCount() == 1


def test_the_history_tab_shows_edits_and_quick_adds(window: MainWindow, qtbot: QtBot) -> None:
    window.select_tab("history")
    table = window.history.table
    assert table.model().rowCount() == 0
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        window.quick_add("post_published")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    table.selectRow(0)
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        assert window.history.delete_selected(confirm=False) == 1
    assert actions.entries() == []
    assert window.snapshot is not None
    assert all(
        c.kind != "action" or c.points == 0
        for c in window.snapshot.explanation.pillars[Pillar.BRAND]
    )


def test_the_history_reads_a_page_at_a_time_as_it_scrolls(db: object) -> None:
    """Years of history cost one page when the tab opens; the next page comes on demand."""
    many = PAGE_ROWS * 2 + 50
    actions.record_many(
        [NewEntry("reaction", TODAY - dt.timedelta(days=i % 60)) for i in range(many)], TODAY
    )
    history = HistoryModel()
    history.set_filter(None, TODAY - dt.timedelta(days=89), TODAY)

    assert history.rowCount() == PAGE_ROWS and history.total == many
    root = history.index(-1, -1)
    while history.canFetchMore(root):
        history.fetchMore(root)
    assert history.rowCount() == many
    days = [history.row_at(r).day for r in range(many)]
    assert days == sorted(days, reverse=True)
    assert len({history.row_at(r).id for r in range(many)}) == many  # no row read twice


def test_the_cells_show_each_entry_and_edit_its_date_with_a_date_picker(
    window: MainWindow, logged: list[NewEntry], qtbot: QtBot
) -> None:
    window.select_tab("history")
    table = window.history.table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == len(logged))
    cells = [
        model.index(2, column).data()
        for column in (HistoryModel.COL_ACTION, HistoryModel.COL_PILLAR, HistoryModel.COL_COUNT)
    ]
    assert cells == ["Prospect search", Pillar.PEOPLE.short_label, 2]
    target = model.index(2, HistoryModel.COL_TARGET).data(Qt.ItemDataRole.CheckStateRole)
    assert target in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
    assert model.index(0, HistoryModel.COL_NOTE).data() == "launch notes"

    date_cell = model.index(1, HistoryModel.COL_DATE)
    table.edit(date_cell)
    picker = table.findChild(QDateEdit)
    assert picker is not None and picker.date() == QDate(2026, 11, 23)
    picker.setDate(QDate(2026, 11, 20))
    with qtbot.waitSignal(window.history.model.entries_changed):
        table.commitData(picker)
    moved = {e.key: e.day for e in actions.entries()}["comment_thoughtful"]
    assert moved == dt.date(2026, 11, 20)
