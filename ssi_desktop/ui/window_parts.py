"""Pieces of the main window that are not its wiring: the corner buttons beside the tabs, the
status bar's estimate label, the About text, and where the window's size, place and tab are
remembered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ssi_desktop import __version__
from ssi_desktop.ui import dates, theme

SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_TAB = "window/tab"


def corner_buttons(tabs: QTabWidget, actions: Sequence[tuple[QAction, str]]) -> list[QToolButton]:
    """Buttons for these actions, drawn beside the tabs; returns them for the Tab order."""
    corner = QWidget()
    row = QHBoxLayout(corner)
    row.setContentsMargins(0, 0, 6, 0)
    row.setSpacing(4)
    buttons = []
    for action, text in actions:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setText(text)
        row.addWidget(button)
        buttons.append(button)
    tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
    return buttons


def state_label() -> QLabel:
    """The status bar's permanent "Estimated for … · updated …" label (``recomputeState``)."""
    label = theme.as_caption(QLabel("Computing the estimate…"))
    label.setObjectName("recomputeState")
    # A passing message (an entry added, a reminder) must not squeeze it: its longest text.
    metrics = label.fontMetrics()
    longest = max(
        metrics.horizontalAdvance(f"Estimated for {day} · updated 23:59")
        for day in dates.longest_day_texts()
    )
    label.setMinimumWidth(longest + 4)
    return label


def tab_order_after(first: QWidget, widgets: Sequence[QWidget]) -> None:
    """Put ``widgets`` right after ``first`` for the Tab key, in this order."""
    before = first
    for widget in widgets:
        QWidget.setTabOrder(before, widget)
        before = widget


def about_text(db_path: Path) -> str:
    return (
        f"<h3>SSI Desktop {__version__}</h3>"
        "<p>An offline, private tracker of the habits behind your LinkedIn "
        "Social Selling Index.</p>"
        "<p>The score shown is an <b>estimate</b> computed from your own log; "
        "LinkedIn's formula is not public.</p>"
        f"<p>Your data: <code>{db_path}</code></p>"
    )


def restore_geometry(window: QMainWindow, settings: QSettings, default: tuple[int, int]) -> str:
    """The window's remembered size and place (or ``default``); returns the remembered tab."""
    geometry = settings.value(SETTINGS_GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*default)
    return str(settings.value(SETTINGS_TAB, "tab_dashboard"))


def save_geometry(window: QMainWindow, settings: QSettings, tab: QWidget | None) -> None:
    settings.setValue(SETTINGS_GEOMETRY, window.saveGeometry())
    if tab is not None:
        settings.setValue(SETTINGS_TAB, tab.objectName())
    settings.sync()


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], None]) -> None:
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._action)
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, action: Callable[[], None]) -> None:
    """Call ``action`` once ``widget`` has painted next, from a zero timer: the whole paint
    pass is over by then (a chart's paints go to its viewport: watch that)."""
    _NextPaint(widget, action)


def find_action(window: QMainWindow, open_finder: Callable[[], object]) -> QAction:
    """File ▸ Log an Action… (Ctrl+K), which opens the finder."""
    action = QAction(theme.icon("search"), "&Log an Action…", window)
    action.setObjectName("findAction")
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setToolTip("Find any action and log it with a count, date and note (Ctrl+K)")
    action.triggered.connect(open_finder)
    return action


def undo_action(window: QMainWindow, undo_last: Callable[[], object]) -> QAction:
    """Edit ▸ Undo Last Entry (Ctrl+Z)."""
    action = QAction(theme.icon("undo"), "&Undo Last Entry", window)
    action.setObjectName("undoAction")
    action.setShortcut(QKeySequence.StandardKey.Undo)
    action.setToolTip("Remove the entry added last (Ctrl+Z)")
    action.triggered.connect(undo_last)
    return action


def menu_action(
    window: QMainWindow,
    text: str,
    slot: Callable[[], object],
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole,
) -> QAction:
    """A plain menu item calling ``slot``; ``role`` places it where macOS expects it."""
    action = QAction(text, window)
    action.setMenuRole(role)
    action.triggered.connect(slot)
    return action


def show_tab(tabs: QTabWidget, name: str) -> bool:
    """Show the tab whose page is named ``name`` (``tab_people``) or ``people``."""
    wanted = name if name.startswith("tab_") else f"tab_{name}"
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and page.objectName() == wanted:
            tabs.setCurrentIndex(index)
            return True
    return False
