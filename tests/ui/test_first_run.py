"""A first run: every empty place says what to do next, and the no-tray note is said once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.ui.habits.page import NO_PACE_HINT, HabitsPage
from ssi_desktop.ui.habits.settings import NO_TRAY
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.pillar_page import NO_POINTS_HINT
from tests.ui.conftest import WindowFactory

WAIT_MS = 10_000


def test_the_habits_tab_offers_targets_and_explains_the_empty_forecast(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.select_tab("habits")
    page = window.findChild(HabitsPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.report is not None and page.isVisible())
    assert page.model.rowCount() == 0
    assert page.no_targets.isVisible()
    assert "Default Plan" in page.no_targets.text()
    assert page.forecast_label.text() == NO_PACE_HINT
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        page.reset_targets(confirm=False)
    assert page.model.rowCount() > 0
    assert not page.no_targets.isVisible()


def test_a_pillar_without_points_says_how_to_get_some(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_tab("brand")
    page = window.pillar_pages[Pillar.BRAND]
    assert page.explanation is not None and page._no_points is not None
    qtbot.waitUntil(page._no_points.isVisible)  # built on first show, shown once laid out
    assert page._no_points.text() == NO_POINTS_HINT

    def sources() -> list[str]:
        return [page.explanation.item(r, 0).text() for r in range(page.explanation.rowCount())]

    assert all(source.startswith("Network: ") for source in sources())  # the assumed network
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        page.quick_add(0)
    assert page.explanation.isVisible() and not page._no_points.isVisible()
    assert page.action_types[0].label in sources()


def test_the_history_says_where_entries_come_from(window: MainWindow) -> None:
    assert window.select_tab("history")
    assert "Nothing logged in these dates" in window.history.summary.text()


def test_the_no_tray_note_is_said_once_not_at_every_start(make_window: WindowFactory) -> None:
    first = make_window()
    assert first.statusBar().currentMessage() == NO_TRAY
    first.close()
    again = make_window()
    assert again.statusBar().currentMessage() == ""
