"""The main window: tabs, menus, shortcuts, and the wiring to the score worker.

A feature that writes to the database emits data_changed; the worker rebuilds the
ScoreSnapshot and every page shows it when it arrives. Features plug in through the extension
points listed in ui/features.py (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTime, QTimer, QUrl, Signal, SignalInstance, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QIcon,
    QKeySequence,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QWidget,
)

from ssi_desktop.application import estimate
from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store import actions, profile
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.dashboard import DashboardPage
from ssi_desktop.ui.day_watch import DayWatch
from ssi_desktop.ui.history import HistoryPage
from ssi_desktop.ui.page_tabs import PageTabs
from ssi_desktop.ui.pillar_page import PillarPage
from ssi_desktop.ui.window_parts import (
    about_text,
    corner_buttons,
    find_action,
    menu_action,
    restore_geometry,
    save_geometry,
    show_tab,
    state_label,
    tab_order_after,
    undo_action,
)
from ssi_desktop.workers.recompute import Details, Recomputer, Task
from ssi_desktop.workers.snapshot import ScoreSnapshot, StandingReads, add_details, build_score

if TYPE_CHECKING:
    from ssi_desktop.ui.features import Install
    from ssi_desktop.ui.finder import ActionFinder

DETAILS_DELAY_MS = 150
"""The slower panels (outcomes, targets, plan) follow a change once changes pause this long:
unnoticeable on a panel, and a burst of quick-adds keeps the interpreter to the score."""

FIRST_DETAILS_LATEST_MS = 400
"""The first panels wait for the first paint with the score: computed alongside, their 80 ms
of work took the interpreter from the paint. A window never shown gets them after this long."""

DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (980, 620)


class MainWindow(QMainWindow):
    data_changed = Signal()  # emit (or call request_recompute) after writing to the database
    entry_logged = Signal(object)  # LoggedEntry: the window logged it (quick-add, Ctrl+K, tray)
    entry_undone = Signal(object)  # LoggedEntry: Undo removed it
    snapshot_shown = Signal(object)  # ScoreSnapshot, once every page shows it
    first_score_painted = Signal()  # the window painted itself with a score for the first time
    close_requested = Signal(QCloseEvent)
    """The seller closes the window; a slot may ignore() the event to keep it (the tray hides it).
    Signals, not event filters: a filter on the window runs Python for each of its events."""
    closing = Signal()  # the window closes for good: features stop their background work

    def __init__(
        self,
        db_path: Path,
        settings: QSettings,
        task: Task | None = None,
        details: Details | None = add_details,
        details_delay_ms: int = DETAILS_DELAY_MS,
        parent: QWidget | None = None,
        features: Sequence[Install] | None = None,
    ) -> None:
        """``task``: the score worker's step (build_score by default); ``features``: what plugs
        into the window (ui/features.py), all of them by default."""
        super().__init__(parent)
        self.db_path = db_path
        self.settings = settings
        self.remember_settings = True
        self.snapshot: ScoreSnapshot | None = None
        """The newest snapshot with all its details (what snapshot_shown carried last)."""
        self._scored: ScoreSnapshot | None = None  # the newest score on screen
        # Entries logged or undone, told to the pages once the score is on screen: the score
        # is what the seller waits for, and the History tab's repaint competed with it.
        self._told: list[tuple[SignalInstance, actions.LoggedEntry]] = []
        self._painted_with_score = False
        estimate.save_fits_on_close()
        # Start the worker first: the first score computes while the widgets are built.
        self.standing = StandingReads()
        if task is None:
            task = partial(build_score, standing=self.standing)
        self.recomputer = Recomputer(task, self, details, details_delay_ms)
        self.recomputer.score_ready.connect(self._show_score)
        self.recomputer.snapshot_ready.connect(self._show_snapshot)
        self.recomputer.failed.connect(self._show_failure)
        self.recomputer.busy_changed.connect(self._show_busy)
        self.data_changed.connect(self.request_recompute)
        self.recomputer.hold_details()
        QTimer.singleShot(FIRST_DETAILS_LATEST_MS, self.recomputer.release_details)
        self.request_recompute()
        try:
            self._build(features)
        except BaseException:
            self.recomputer.stop()  # never leave the thread running behind a failed window
            raise

    def _build(self, features: Sequence[Install] | None) -> None:
        self.setObjectName("mainWindow")
        self.setWindowTitle("SSI Desktop")
        self.setWindowIcon(theme.icon("app"))
        self.setMinimumSize(*MINIMUM_SIZE)

        self.tabs = PageTabs()
        self.tabs.setDocumentMode(True)
        self.dashboard = DashboardPage()
        self.tabs.addTab(self.dashboard, theme.icon("dashboard"), "Dashboard")
        self.pillar_pages: dict[Pillar, PillarPage] = {}
        for pillar in Pillar:
            page = PillarPage(pillar)
            page.add_requested.connect(self.quick_add)
            page.profile_item_toggled.connect(self.set_profile_item)
            self.tabs.addTab(page, theme.pillar_icon(pillar), pillar.short_label)
            self.tabs.setTabToolTip(self.tabs.count() - 1, pillar.label)
            self.pillar_pages[pillar] = page
        self.history = HistoryPage()
        self.history.entries_changed.connect(self.data_changed)
        self.data_changed.connect(self.history.refresh)
        # Told what changed, the history inserts or removes one row instead of reading again.
        self.entry_logged.connect(self.history.entry_added)
        self.entry_undone.connect(self.history.entry_removed)
        self.tabs.addTab(self.history, theme.icon("history"), "History")
        self.setCentralWidget(self.tabs)

        self.finder: ActionFinder | None = None  # the Ctrl+K dialog, built on first use
        self.find_action = find_action(self, self.open_finder)
        self.undo_action = undo_action(self, self.undo_last)
        self.open_folder_action = menu_action(self, "Open &Data Folder", self.open_data_folder)
        self.open_folder_action.setObjectName("openDataFolderAction")
        self.quit_action = menu_action(self, "&Quit", self.close, QAction.MenuRole.QuitRole)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.about_action = menu_action(
            self, "&About SSI Desktop", self.show_about, QAction.MenuRole.AboutRole
        )
        self._build_menus()
        self._corner_buttons = corner_buttons(
            self.tabs, ((self.find_action, "Find  Ctrl+K"), (self.undo_action, "Undo"))
        )
        self.state_label = state_label()
        self.statusBar().addPermanentWidget(self.state_label)
        self._build_shortcuts()

        self.day_watch = DayWatch(self)
        self.day_watch.new_day.connect(self.request_recompute)
        if features is None:
            from ssi_desktop.ui.features import ALL

            features = ALL
        for install in features:
            install(self)
        tab_order_after(self.tabs.tabBar(), self._corner_buttons)  # drawn there, so first
        self.select_tab(restore_geometry(self, self.settings, DEFAULT_SIZE))

    # -- building -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self.find_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_folder_action)
        self._quit_separator = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("&Edit")
        self.edit_menu.addAction(self.undo_action)
        self.view_menu = bar.addMenu("&View")
        for index in range(self.tabs.count()):
            self._add_tab_action(index)
        self.help_menu = bar.addMenu("&Help")
        self.help_menu.addAction(self.about_action)

    def _add_tab_action(self, index: int) -> None:
        go = QAction(self.tabs.tabIcon(index), self.tabs.tabText(index), self)
        if index < 9:
            go.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        go.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
        self.view_menu.addAction(go)

    def _build_shortcuts(self) -> None:
        for digit in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(digit)), self)
            shortcut.activated.connect(lambda d=digit: self._quick_add_digit(d))

    # -- extension points -----------------------------------------------------------------------

    def add_file_action(self, action: QAction) -> None:
        """Add an item to the File menu, above Quit."""
        self.file_menu.insertAction(self._quit_separator, action)

    def add_tab(self, page: QWidget, title: str, icon: QIcon | None = None) -> int:
        """Add a page (give it an objectName ``tab_<name>``); it also gets a View menu item."""
        index = self.tabs.addTab(page, icon or QIcon(), title)
        self._add_tab_action(index)
        return index

    @Slot()
    def request_recompute(self) -> None:
        """Recompute the estimate in the background (after any write to the database)."""
        self.standing.forget()
        self.recomputer.request(clock.today())

    # -- writing --------------------------------------------------------------------------------

    def log_entry(self, entry: actions.NewEntry) -> str | None:
        """Record an entry; returns None when stored, else the store's reason for refusing."""
        try:
            stored = actions.record(entry, clock.today())
        except actions.InvalidEntryError as error:
            self.statusBar().showMessage(f"Not added: {error}.", 8000)
            return str(error)
        kind = ACTION_BY_KEY[entry.key]
        when = "today" if entry.day == clock.today() else dates.day_text(entry.day)
        self.statusBar().showMessage(
            f"Added {entry.count} × {kind.label} for {when}. Ctrl+Z undoes it.", 6000
        )
        self.recomputer.request(clock.today())  # only the log changed: see StandingReads
        self._told.append((self.entry_logged, stored))
        return None

    @Slot(str)
    def quick_add(self, key: str) -> None:
        self.log_entry(actions.NewEntry(key, clock.today()))

    @Slot()
    def undo_last(self) -> None:
        removed = actions.undo_last()
        if removed is None:
            self.statusBar().showMessage("Nothing to undo: the log is empty.", 5000)
            return
        kind = ACTION_BY_KEY.get(removed.key)
        label = kind.label if kind else removed.key
        self.statusBar().showMessage(
            f"Removed {removed.count} × {label} of {dates.day_text(removed.day)}.", 6000
        )
        self.recomputer.request(clock.today())
        self._told.append((self.entry_undone, removed))

    @Slot(str, bool)
    def set_profile_item(self, key: str, done: bool) -> None:
        today = clock.today()
        profile.set_item(key, done, today, today)
        self.data_changed.emit()

    # -- dialogs --------------------------------------------------------------------------------

    @Slot()
    def open_finder(self) -> None:
        if self.finder is None:
            from ssi_desktop.ui.finder import ActionFinder

            self.finder = ActionFinder(self.log_entry, self)
        self.finder.open_fresh()

    @Slot()
    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, "About SSI Desktop", about_text(self.db_path))

    # -- showing the estimate -------------------------------------------------------------------

    @property
    def showing_score(self) -> bool:
        """The window has a score to show (its slower panels may still be on their way)."""
        return self._scored is not None

    @Slot(object)
    def _show_score(self, snapshot: ScoreSnapshot) -> None:
        """A new score before its slower panels: the dashboard and pillar tabs show it now."""
        self._show_on_pages(snapshot)
        self._tell_pages()

    def _tell_pages(self) -> None:
        told, self._told = self._told, []
        for signal, entry in told:
            signal.emit(entry)

    @Slot(object)
    def _show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        self.snapshot = snapshot
        self.day_watch.shown_day = snapshot.day
        shown = self._scored
        if shown is None or snapshot.trend_total is not shown.trend_total:
            self._show_on_pages(snapshot)  # not already shown by _show_score
        self._scored = snapshot
        self.snapshot_shown.emit(snapshot)

    def _show_on_pages(self, snapshot: ScoreSnapshot) -> None:
        first = self._scored is None
        self._scored = snapshot
        self.dashboard.show_snapshot(snapshot)
        for page in self.pillar_pages.values():
            page.show_snapshot(snapshot)
        updated = QTime.currentTime().toString("HH:mm")
        self.state_label.setText(
            f"Estimated for {dates.day_text(snapshot.day)} · updated {updated}"
        )
        if first:
            self.update()  # so that paintEvent reports the first paint with a score

    @Slot(str)
    def _show_failure(self, message: str) -> None:
        self._tell_pages()
        self.state_label.setText("The estimate could not be updated")
        self.statusBar().showMessage(f"Could not compute the estimate: {message}", 15000)

    @Slot(bool)
    def _show_busy(self, busy: bool) -> None:
        if busy and self.snapshot is not None:
            self.state_label.setText("Updating the estimate…")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._scored is not None and not self._painted_with_score:
            self._painted_with_score = True
            QTimer.singleShot(0, self.recomputer.release_details)  # once this paint is done
            self.first_score_painted.emit()
            QTimer.singleShot(0, self.dashboard.build_trend)  # after what the signal starts

    # -- keyboard -------------------------------------------------------------------------------

    def current_pillar_page(self) -> PillarPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, PillarPage) else None

    def _quick_add_digit(self, digit: int) -> None:
        page = self.current_pillar_page()
        if page is None:
            self.statusBar().showMessage(
                "Number keys log actions on a pillar's tab (Ctrl+2 to Ctrl+5).", 5000
            )
            return
        page.quick_add(digit - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.day_watch.check()  # the machine may have slept through midnight
        super().changeEvent(event)

    # -- settings and closing -------------------------------------------------------------------

    def select_tab(self, name: str) -> bool:
        """Show the tab whose page is named ``name`` (``tab_people``) or ``people``."""
        return show_tab(self.tabs, name)

    def save_settings(self) -> None:
        save_geometry(self, self.settings, self.tabs.currentWidget())

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.close_requested.emit(event)
        if not event.isAccepted():
            return
        self.closing.emit()
        if self.remember_settings:
            self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop background work; the window can be closed or the app quit right after."""
        self.day_watch.stop()
        self.recomputer.stop()
        estimate.save_last_fit()  # on this thread's connection: see save_fits_on_close()
        if self.finder is not None:
            self.finder.close()
