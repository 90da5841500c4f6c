"""The window as the seller uses it: quick-add, keys, undo, finder, tabs and settings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import ACTIONS, Pillar, actions_in
from ssi_desktop.scoring import Activity, ProfileHistory, score_on
from ssi_desktop.store import actions
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.widgets import LazyPage
from ssi_desktop.workers.recompute import running_threads
from tests.conftest import TODAY
from tests.ui.conftest import WindowFactory

CONTRACT_NAMES = [
    "scoreGauge",
    "totalScoreLabel",
    *(f"pillarScoreLabel_{pillar.value}" for pillar in Pillar),
    "trendPlot",
    "historyTable",
    "tab_dashboard",
    *(f"tab_{pillar.value}" for pillar in Pillar),
    *(f"quickAdd_{kind.key}" for kind in ACTIONS),
]


def label_text(window: MainWindow, name: str) -> str:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def click_quick_add(window: MainWindow, qtbot: QtBot, key: str) -> None:
    button = window.findChild(QPushButton, f"quickAdd_{key}")
    assert button is not None
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_every_contract_name_is_findable_once(window: MainWindow, name: str) -> None:
    assert len(window.findChildren(QWidget, name)) == 1


def test_an_empty_log_shows_the_standing_part(window: MainWindow) -> None:
    """Nothing logged yet: the estimate is what the assumed network earns, nothing more."""
    standing = score_on(TODAY, Activity.covering(TODAY, TODAY), ProfileHistory())
    assert label_text(window, "totalScoreLabel") == f"{standing.total:.1f}"
    for pillar in Pillar:
        shown = label_text(window, f"pillarScoreLabel_{pillar.value}")
        assert shown == f"{standing.pillars[pillar]:.2f}"


def test_quick_add_raises_total_bar_and_trend_through_the_worker(
    window: MainWindow, qtbot: QtBot
) -> None:
    trend_before = window.dashboard.trend._line.yData.copy()
    for _ in range(3):
        click_quick_add(window, qtbot, "post_published")
    brand = float(label_text(window, "pillarScoreLabel_brand"))
    assert brand > 0
    assert window.snapshot is not None
    assert label_text(window, "totalScoreLabel") == f"{window.snapshot.total:.1f}"
    assert label_text(window, "todayCount_post_published") == "3 today"
    trend_after = window.dashboard.trend._line.yData
    assert trend_after[-1] > trend_before[-1]
    assert [(e.key, e.count) for e in actions.entries()] == [("post_published", 1)] * 3


def test_number_keys_log_the_tabs_actions(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_tab("insights")
    second = list(actions_in(Pillar.INSIGHTS))[1]
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_2)
    assert [e.key for e in actions.entries()] == [second.key]
    assert float(label_text(window, "pillarScoreLabel_insights")) > 0


def test_number_keys_work_again_once_the_finder_closes(window: MainWindow, qtbot: QtBot) -> None:
    window.open_finder()
    finder = window.finder
    assert finder is not None
    qtbot.keyClicks(finder.search, "thoughtful")
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.keyClick(finder.search, Qt.Key.Key_Return)
    assert not finder.isVisible()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    assert window.select_tab("insights")
    second = list(actions_in(Pillar.INSIGHTS))[1]
    page = window.current_pillar_page()
    assert page is not None
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.keyClick(page, Qt.Key.Key_2)
    assert [e.key for e in actions.entries()] == [second.key, "comment_thoughtful"]


class Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_window_getting_the_keyboard_back_does_not_repaint_the_chart(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: window.dashboard.trend_card.built, timeout=10_000)
    qtbot.waitUntil(lambda: not window.recomputer.busy, timeout=10_000)
    chart = window.dashboard.trend.viewport()
    tabs = window.tabs.tabBar()
    painted = paints_while_the_finder_closes(window, qtbot, [chart, tabs])
    assert painted[tabs] > 0  # what shows the window's activation did repaint
    assert painted[chart] == 0


def test_the_window_getting_the_keyboard_back_does_not_repaint_the_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    for key in ("post_published", "dm_sent"):
        click_quick_add(window, qtbot, key)
    assert window.select_tab("history")
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 2, timeout=5_000)
    qtbot.waitUntil(lambda: not window.recomputer.busy, timeout=10_000)
    table = window.history.table
    rows, header = table.viewport(), table.horizontalHeader().viewport()
    assert paints_while_the_finder_closes(window, qtbot, [rows, header]) == {rows: 0, header: 0}


def test_a_page_given_the_keyboard_by_a_tab_switch_is_not_repainted_by_ctrl_k(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Qt hands the keyboard to a tab's page itself when the switch left the page before with
    it; a page that repainted on gaining or losing it was painted whole twice per Ctrl+K."""
    assert window.select_tab("history")
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    window.history.table.setFocus()
    assert window.select_tab("readings")
    page = window.findChild(LazyPage, "tab_readings")
    assert page is not None and QApplication.focusWidget() is page
    qtbot.waitUntil(lambda: not window.recomputer.busy, timeout=10_000)
    QApplication.processEvents()  # the page's first paint
    content = page.built()
    assert paints_while_the_finder_closes(window, qtbot, [content]) == {content: 0}
    assert QApplication.focusWidget() is page  # the finder gave it back


def paints_while_the_finder_closes(
    window: MainWindow, qtbot: QtBot, widgets: list[QWidget]
) -> dict[QWidget, int]:
    """How many times each widget paints while Ctrl+K's finder closes and the window gets the
    keyboard back."""
    window.open_finder()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=2_000)
    assert window.finder is not None
    QApplication.processEvents()  # what the finder's opening set off
    counters = {widget: Paints(widget) for widget in widgets}
    window.finder.reject()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    QApplication.processEvents()
    return {widget: counter.count for widget, counter in counters.items()}


def test_ctrl_z_undoes_the_last_add(window: MainWindow, qtbot: QtBot) -> None:
    click_quick_add(window, qtbot, "prospect_search")
    click_quick_add(window, qtbot, "post_published")
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.key for e in actions.entries()] == ["prospect_search"]
    standing = score_on(TODAY, Activity.covering(TODAY, TODAY), ProfileHistory())
    assert label_text(window, "pillarScoreLabel_brand") == f"{standing.pillars[Pillar.BRAND]:.2f}"


def test_finder_logs_any_action_with_count_date_and_note(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    finder = window.finder
    assert finder is not None and finder.isVisible()
    qtbot.keyClicks(finder.search, "thoughtful")
    assert finder.selected_key() == "comment_thoughtful"
    finder.count.setValue(4)
    yesterday = TODAY - dt.timedelta(days=1)
    finder.date.setDate(yesterday)
    qtbot.keyClicks(finder.note, "on a buyer's post")
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.mouseClick(finder.add_button, Qt.MouseButton.LeftButton)
    [entry] = actions.entries()
    assert (entry.key, entry.count, entry.day, entry.note) == (
        "comment_thoughtful",
        4,
        yesterday,
        "on a buyer's post",
    )


def test_finder_refuses_a_future_date_and_writes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    window.open_finder()
    finder = window.finder
    assert finder is not None
    qtbot.keyClicks(finder.search, "post")
    finder.date.setDate(TODAY + dt.timedelta(days=3))
    qtbot.mouseClick(finder.add_button, Qt.MouseButton.LeftButton)
    assert actions.entries() == []
    assert finder.message.isVisible() and finder.message.text()


def test_profile_checklist_counts_on_the_brand_pillar(window: MainWindow, qtbot: QtBot) -> None:
    window.select_tab("brand")
    check = window.pillar_pages[Pillar.BRAND]._checks["photo"]
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert float(label_text(window, "pillarScoreLabel_brand")) > 0
    assert window.snapshot is not None and window.snapshot.profile_done["photo"]


def test_a_new_day_recomputes_for_that_day(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    click_quick_add(window, qtbot, "post_published")
    tomorrow = TODAY + dt.timedelta(days=1)
    monkeypatch.setenv("SSI_DESKTOP_TODAY", tomorrow.isoformat())
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000) as shown:
        window.day_watch.check()
    assert shown.args[0].day == tomorrow
    assert label_text(window, "todayCount_post_published") == "0 today"


def test_size_position_and_tab_are_remembered(make_window: WindowFactory, qtbot: QtBot) -> None:
    first = make_window()
    first.resize(1111, 700)
    first.select_tab("people")
    first.close()
    second = make_window()
    assert second.tabs.currentWidget().objectName() == "tab_people"
    assert (second.width(), second.height()) == (1111, 700)


def test_closing_stops_the_workers(window: MainWindow) -> None:
    assert running_threads() != []
    window.close()
    assert running_threads() == []
