"""Reminder and tray preferences: kept in QSettings (they are about this desktop, not the data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.ui import theme

REMIND = "habits/remind"
REMIND_AT = "habits/remind_at"
KEEP_IN_TRAY = "habits/keep_in_tray"
LAST_REMINDED = "habits/last_reminded"
TOLD_NO_TRAY = "habits/told_no_tray"
"""Set once the seller was told this desktop has no tray: it is said once, not every launch."""
DEFAULT_REMIND_AT = dt.time(17, 0)
"""Late afternoon: time enough to still do something about an empty day."""

NO_TRAY = (
    "There is no system tray on this desktop: reminders appear in the window instead, "
    "and closing the window quits SSI Desktop."
)


@dataclass(frozen=True)
class ReminderSettings:
    remind: bool = True
    remind_at: dt.time = DEFAULT_REMIND_AT
    keep_in_tray: bool = False

    @classmethod
    def load(cls, settings: QSettings) -> ReminderSettings:
        text = str(settings.value(REMIND_AT, DEFAULT_REMIND_AT.strftime("%H:%M")))
        try:
            remind_at = dt.time.fromisoformat(text)
        except ValueError:
            remind_at = DEFAULT_REMIND_AT  # a hand-edited settings file: fall back quietly
        return cls(
            remind=bool(settings.value(REMIND, True, type=bool)),
            remind_at=remind_at,
            keep_in_tray=bool(settings.value(KEEP_IN_TRAY, False, type=bool)),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue(REMIND, self.remind)
        settings.setValue(REMIND_AT, self.remind_at.strftime("%H:%M"))
        settings.setValue(KEEP_IN_TRAY, self.keep_in_tray)
        settings.sync()


def last_reminded(settings: QSettings) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(settings.value(LAST_REMINDED, "")))
    except ValueError:
        return None


def set_last_reminded(settings: QSettings, day: dt.date) -> None:
    settings.setValue(LAST_REMINDED, day.isoformat())


class ReminderDialog(QDialog):
    """objectName ``reminderDialog``: the daily reminder's time and the tray setting."""

    def __init__(
        self, current: ReminderSettings, tray_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setWindowTitle("Reminders")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.remind_box = QCheckBox("Remind me to log at")
        self.remind_box.setObjectName("remindBox")
        self.remind_box.setChecked(current.remind)
        self.time_edit = QTimeEdit(QTime(current.remind_at.hour, current.remind_at.minute))
        self.time_edit.setObjectName("remindAt")
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setEnabled(current.remind)
        self.remind_box.toggled.connect(self.time_edit.setEnabled)
        row.addWidget(self.remind_box)
        row.addWidget(self.time_edit)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(
            theme.as_caption(QLabel("Only on days when nothing is logged by then, once a day."))
        )
        self.tray_box = QCheckBox("Keep running in the tray when the window is closed")
        self.tray_box.setObjectName("keepInTrayBox")
        self.tray_box.setChecked(current.keep_in_tray and tray_available)
        self.tray_box.setEnabled(tray_available)
        layout.addWidget(self.tray_box)
        if not tray_available:
            note = theme.as_caption(QLabel(NO_TRAY))
            note.setObjectName("noTrayNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> ReminderSettings:
        time = self.time_edit.time()
        return ReminderSettings(
            remind=self.remind_box.isChecked(),
            remind_at=dt.time(time.hour(), time.minute()),
            keep_in_tray=self.tray_box.isChecked(),
        )
