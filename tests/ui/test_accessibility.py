"""Keyboard and screen reader: named charts, gauge, bars and quick-add buttons, and a Tab
order that follows what is drawn."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import PILLAR_MAX, Pillar, actions_in
from ssi_desktop.store import actions
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.quick_add_button import QuickAddButton
from tests.conftest import TODAY
from tests.ui.test_layout import TAB_NAMES, settle

WAIT_MS = 10_000


def tab_stops(window: MainWindow) -> list[QWidget]:
    """The widgets the Tab key visits on the current tab, in order, from the tab bar on."""
    start = window.tabs.tabBar()
    stops: list[QWidget] = []
    widget = start.nextInFocusChain()
    while widget is not start:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy().value & 1  # Qt.TabFocus
            and widget.focusProxy() is None
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


@pytest.fixture
def logged(db: object) -> None:
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, count=3), TODAY)


def test_the_gauge_and_the_bars_say_their_figures(logged: None, window: MainWindow) -> None:
    snapshot = window.snapshot
    assert snapshot is not None
    gauge = window.dashboard.gauge
    assert gauge.accessibleName() == "Estimated SSI gauge"
    assert gauge.accessibleDescription().startswith(f"{round(snapshot.total)} of 100")
    for pillar, bar in window.dashboard.bars.bars.items():
        assert pillar.label in bar.accessibleName()
        assert bar.accessibleDescription() == f"{snapshot.pillars[pillar]:.2f} of {PILLAR_MAX:g}"


def test_every_chart_has_a_name_and_a_description(
    logged: None, window: MainWindow, qtbot: QtBot
) -> None:
    for name in TAB_NAMES:
        assert window.select_tab(name)
        settle(qtbot)
        charts = [
            w for w in window.tabs.currentWidget().findChildren(pg.GraphicsView) if w.isVisible()
        ]
        for chart in charts:
            assert chart.accessibleName(), f"{name}: {chart.objectName()} has no name"
            assert chart.accessibleDescription(), f"{name}: {chart.objectName()} says nothing"
    trend = window.dashboard.trend
    assert "Estimated SSI" in trend.accessibleName()


def test_quick_add_buttons_are_named_and_say_today_s_count(
    logged: None, window: MainWindow, qtbot: QtBot
) -> None:
    for pillar in Pillar:
        page = window.pillar_pages[pillar]
        for number, kind in enumerate(actions_in(pillar), start=1):
            button = page.buttons[kind.key]
            assert isinstance(button, QuickAddButton)
            assert button.accessibleName() == f"Log {kind.label}"
            assert button.accessibleDescription().endswith(f"key {number}")
    thoughtful = window.pillar_pages[Pillar.INSIGHTS].buttons["comment_thoughtful"]
    assert thoughtful.accessibleDescription().startswith("3 today")


def test_tab_walks_a_pillar_tab_as_drawn(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_tab("brand")
    settle(qtbot)
    page = window.pillar_pages[Pillar.BRAND]
    stops = tab_stops(window)
    names = [w.objectName() for w in stops]
    corner = [w for w in stops if isinstance(w, QAbstractButton) and w.text() in ("Undo",)]
    buttons = [page.buttons[k.key] for k in actions_in(Pillar.BRAND)]
    positions = [stops.index(b) for b in buttons]
    assert positions == sorted(positions) and positions == list(
        range(positions[0], positions[0] + len(buttons))
    ), names
    assert corner and stops.index(corner[0]) < positions[0], "Find and Undo come first"
    assert stops.index(page.plot) > positions[-1]
    # Every stop is a real control or a named chart: no nameless stop in between.
    for stop in stops:
        named = stop.accessibleName() or (isinstance(stop, QAbstractButton) and stop.text())
        assert named or stop.objectName(), f"a nameless stop: {stop!r}"


def test_tab_walks_the_dashboard_top_to_bottom(
    logged: None, window: MainWindow, qtbot: QtBot
) -> None:
    settle(qtbot)
    stops = tab_stops(window)
    dashboard = window.dashboard
    logs = [w for w in stops if w.objectName().startswith("nextBestAdd_")]
    assert logs, [w.objectName() for w in stops]
    order = [dashboard.gauge, logs[0], logs[-1], dashboard.pillars_toggle, dashboard.trend]
    assert [stops.index(w) for w in order] == sorted(stops.index(w) for w in order)
    # The keyboard really moves that way: Tab from the gauge lands on the Today card.
    window.activateWindow()
    dashboard.gauge.setFocus()
    for widget in stops[stops.index(dashboard.gauge) + 1 :][:1]:
        window.focusNextChild()
        QApplication.processEvents()
        assert QApplication.focusWidget() is widget
