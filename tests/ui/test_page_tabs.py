"""The window's tab widget: a page's label changing width repaints the label, not every page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.ui.page_tabs import PageTabs


class WholePaints(QObject):
    """Counts the paints of all of ``watched`` (a label's own repaint also reaches the widgets
    under it, clipped to the label)."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__()
        self.count = 0
        self._watched = watched
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent) and event.rect() == self._watched.rect():
            self.count += 1
        return False


def tabs_with_a_label(kind: type[QTabWidget], qtbot: QtBot) -> tuple[QTabWidget, QLabel]:
    tabs = kind()
    qtbot.addWidget(tabs)
    page = QWidget()
    label = QLabel("34.5")
    wide = QWidget()  # as the dashboard's cards: the page is wider than any label on it
    wide.setMinimumWidth(500)
    layout = QVBoxLayout(page)
    layout.addWidget(label)
    layout.addWidget(wide)
    tabs.addTab(page, "Dashboard")
    tabs.resize(600, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    qtbot.wait(20)
    return tabs, label


def repaints_after_new_text(kind: type[QTabWidget], qtbot: QtBot) -> int:
    tabs, label = tabs_with_a_label(kind, qtbot)
    paints = WholePaints(tabs)
    label.setText("+1.2 in 7 days, a longer text than before")
    QApplication.sendPostedEvents()
    qtbot.wait(30)
    return paints.count


def test_a_label_growing_on_a_page_does_not_repaint_the_tabs(qtbot: QtBot) -> None:
    assert repaints_after_new_text(QTabWidget, qtbot) > 0  # what Qt's own tab widget does
    assert repaints_after_new_text(PageTabs, qtbot) == 0


def test_a_page_that_needs_more_room_still_resizes_the_tabs(qtbot: QtBot) -> None:
    tabs, label = tabs_with_a_label(PageTabs, qtbot)
    before = tabs.minimumSizeHint().width()
    label.setMinimumWidth(before + 200)
    qtbot.waitUntil(lambda: tabs.minimumSizeHint().width() >= before + 200)
    assert tabs.currentWidget().width() >= before + 200 or tabs.width() < before + 200
