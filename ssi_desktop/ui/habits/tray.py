"""The tray icon with its quick-add menu, the daily reminder, and closing to the tray.

Without a system tray (some Linux desktops, offscreen tests) all of it still works except the
icon: the reminder shows in the status bar, and closing the window quits as usual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.system import clock
from ssi_desktop.ui import theme
from ssi_desktop.ui.habits.settings import (
    NO_TRAY,
    TOLD_NO_TRAY,
    ReminderDialog,
    ReminderSettings,
    last_reminded,
    set_last_reminded,
)
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow

QUICK_ADD_ITEMS = 6
CHECK_EVERY_MS = 30_000
"""The reminder is checked twice a minute: it comes within half a minute of its time."""

REMINDER_TITLE = "Nothing logged today"
REMINDER_TEXT = "A thoughtful comment or one message keeps your habits going. Log it in one click."


class HabitTray(QObject):
    """Owned by the window (objectName ``habitTray``); ``icon`` is None where there is no tray."""

    def __init__(
        self,
        window: MainWindow,
        tray_available: bool | None = None,
        now: Callable[[], dt.datetime] = clock.now,
    ) -> None:
        super().__init__(window)
        self.setObjectName("habitTray")
        self.window = window
        self.now = now
        self.available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self.preferences = ReminderSettings.load(window.settings)
        self.quitting = False
        self._told_about_tray = False
        self.reminders_shown = 0
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.quick_add_menu = self.menu.addMenu(theme.icon("add"), "Log for Today")
        self.show_action = self.menu.addAction("Show SSI Desktop", self.show_window)
        self.menu.addSeparator()
        self.settings_action = QAction("&Reminders…", window)
        self.settings_action.setObjectName("reminderSettingsAction")
        self.settings_action.triggered.connect(self.edit_settings)
        self.menu.addAction(self.settings_action)
        self.menu.addAction("Quit SSI Desktop", self.quit)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(theme.icon("app"), self)
            self.icon.setToolTip("SSI Desktop")
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.timeout.connect(self.check_reminder)
        self.timer.start(CHECK_EVERY_MS)
        window.close_requested.connect(self._keep_in_tray)
        window.closing.connect(self.stop)
        # File > Quit must really quit, even when closing the window only hides it.
        window.quit_action.triggered.disconnect(window.close)
        window.quit_action.triggered.connect(self.quit)
        window.snapshot_shown.connect(self.show_snapshot)

    # -- the menu -------------------------------------------------------------------------------

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        if snapshot.habits is not None:
            from ssi_desktop.habits.plan import quick_add_keys  # with the first panels

            keys = quick_add_keys(snapshot.habits.plan, snapshot.habits.favourites, QUICK_ADD_ITEMS)
            self.quick_add_menu.clear()
            for key in keys:
                kind = ACTION_BY_KEY[key]
                item = self.quick_add_menu.addAction(theme.pillar_icon(kind.pillar), kind.label)
                item.setObjectName(f"trayAdd_{key}")
                item.triggered.connect(lambda _checked=False, k=key: self.window.quick_add(k))
        self.check_reminder()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            if self.window.isVisible() and self.window.isActiveWindow():
                self.window.hide()
            else:
                self.show_window()

    @Slot()
    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    @Slot()
    def edit_settings(self) -> None:
        dialog = ReminderDialog(self.preferences, self.available, self.window)
        if dialog.exec() == ReminderDialog.DialogCode.Accepted:
            self.preferences = dialog.chosen()
            self.preferences.save(self.window.settings)
            self.check_reminder()

    # -- the reminder ---------------------------------------------------------------------------

    def _logged_on(self, day: dt.date) -> bool:
        """From the snapshot shown: the window never waits on the database for this."""
        snapshot = self.window.snapshot
        if snapshot is None or snapshot.day != day:
            return True  # not known yet: better no reminder than a wrong one
        return any(count > 0 for count in snapshot.counts_today.values())

    @Slot()
    def check_reminder(self) -> None:
        if not self.preferences.remind:
            return
        now = self.now()
        settings = self.window.settings
        if now.date() != clock.today() or self.window.snapshot is None:
            return  # a clock of another day than the log's, or no estimate yet: nothing to say
        from ssi_desktop.habits.reminders import should_remind

        if not should_remind(
            now, self.preferences.remind_at, last_reminded(settings), self._logged_on
        ):
            return
        set_last_reminded(settings, now.date())
        self.reminders_shown += 1
        if self.icon is not None:
            self.icon.showMessage(REMINDER_TITLE, REMINDER_TEXT, theme.icon("app"), 15_000)
        else:
            self.window.statusBar().showMessage(f"{REMINDER_TITLE}. {REMINDER_TEXT}", 60_000)
            QApplication.alert(self.window)

    def tell_about_tray(self) -> None:
        """Where there is no tray, say once that the app works without one.

        Once for good, not once per launch: stock GNOME has no tray, and a line repeated at
        every start on every tab reads as a fault. The Reminders dialog keeps saying it.
        """
        settings = self.window.settings
        if self.available or self._told_about_tray or settings.value(TOLD_NO_TRAY, False, bool):
            return
        self._told_about_tray = True
        self.window.statusBar().showMessage(NO_TRAY, 12_000)
        settings.setValue(TOLD_NO_TRAY, True)

    # -- closing --------------------------------------------------------------------------------

    @property
    def can_hide_to_tray(self) -> bool:
        """Only with an icon to come back through: a hidden window without one is lost."""
        return self.icon is not None

    @Slot()
    def quit(self) -> None:
        self.quitting = True
        self.window.close()

    @Slot(QCloseEvent)
    def _keep_in_tray(self, event: QCloseEvent) -> None:
        """Closing the window hides it in the tray, if the seller chose so and there is one."""
        if not (self.preferences.keep_in_tray and self.can_hide_to_tray and not self.quitting):
            return
        event.ignore()
        self.window.hide()
        if self.icon is not None and not self._told_about_tray:
            self._told_about_tray = True
            self.icon.showMessage(
                "SSI Desktop is still running",
                "Log from the tray menu; Quit SSI Desktop there closes it for good.",
                theme.icon("app"),
                8_000,
            )

    def stop(self) -> None:
        self.timer.stop()
        if self.icon is not None:
            self.icon.hide()
