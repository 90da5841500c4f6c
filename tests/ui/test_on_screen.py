"""A tab not on screen does no work per change, and shows the newest value once opened."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.ui.on_screen import WhenShown


def test_an_update_waits_for_its_tab_and_then_runs_once_with_the_newest_value(
    qtbot: QtBot,
) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    shown, hidden = QWidget(), QWidget()
    tabs.addTab(shown, "shown")
    tabs.addTab(hidden, "hidden")
    tabs.show()
    drawn: list[tuple[str, int]] = []
    on_shown = WhenShown(shown, lambda value: drawn.append(("shown", value)))
    on_hidden = WhenShown(hidden, lambda value: drawn.append(("hidden", value)))

    for value in (1, 2, 3):
        on_shown(value)
        on_hidden(value)
    assert drawn == [("shown", 1), ("shown", 2), ("shown", 3)]

    tabs.setCurrentWidget(hidden)
    assert drawn[-1] == ("hidden", 3) and len(drawn) == 4
    on_hidden(4)  # on screen now: at once
    assert drawn[-1] == ("hidden", 4)
    tabs.setCurrentWidget(shown)
    tabs.setCurrentWidget(hidden)
    assert len(drawn) == 5  # nothing was waiting: nothing drawn again


def test_a_window_not_on_screen_updates_at_once(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    drawn: list[int] = []
    WhenShown(page, drawn.append)(7)
    assert drawn == [7]
