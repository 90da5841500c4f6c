"""The "Paste reading" confirmation: what was read from the clipboard, shown before it is saved.

The numbers are shown read-only, with the precision they came with (LinkedIn's payload has six
decimals and more), so what is saved is exactly what was pasted; only the day can be changed.
A wrong number means a wrong paste: Cancel, and Add Reading… types one in by hand.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import Pillar
from ssi_desktop.reading_formats.values import ReadingValues
from ssi_desktop.store import readings
from ssi_desktop.store.readings import InvalidReadingError, OfficialReading
from ssi_desktop.system import clock
from ssi_desktop.ui import theme
from ssi_desktop.ui.widgets import Notice, python_date, save_or_cancel


def _benchmark(rank: float | None, average: float | None) -> str:
    parts = [
        f"Top {rank:g}%" if rank is not None else "",
        f"average SSI {average:g}" if average is not None else "",
    ]
    return ", ".join(filter(None, parts)) or "not shown"


class PasteReadingDialog(QDialog):
    """objectName ``pasteReadingDialog``: the pasted reading, saved on Save. ``recorded`` and
    ``replaced`` as in ReadingDialog, so the Readings page reports both the same way."""

    def __init__(self, values: ReadingValues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteReadingDialog")
        self.setWindowTitle("Paste an Official Reading")
        self.setMinimumWidth(420)
        self.values = values
        self.recorded: OfficialReading | None = None
        self.replaced: OfficialReading | None = None

        layout = QVBoxLayout(self)
        intro = theme.as_caption(
            QLabel("This is what the clipboard holds from LinkedIn's SSI page. Save it?")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        today = clock.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setObjectName("pasteReadingDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow("Date", self.date_edit)
        self.shown: dict[str, QLabel] = {}
        rows = [("total", "Social Selling Index", f"{values.total:g}")]
        rows += [(p.value, p.label, f"{values.pillars[p]:g} / 25") for p in Pillar]
        rows += [
            ("industry", "Your industry", _benchmark(values.industry_rank, values.industry_avg)),
            ("network", "Your network", _benchmark(values.network_rank, values.network_avg)),
        ]
        for key, label, text in rows:
            value = QLabel(text)
            value.setObjectName(f"pasted_{key}")
            self.shown[key] = value
            form.addRow(label, value)
        layout.addLayout(form)

        self.message = Notice()
        self.message.setObjectName("pasteReadingMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.buttons = save_or_cancel(self, self.accept)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(self._date_changed)
        self._date_changed()

    def day(self) -> dt.date:
        return python_date(self.date_edit.date())

    def reading(self) -> OfficialReading:
        return readings.dated(self.values, self.day())

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def _date_changed(self) -> None:
        earlier = readings.on(self.day())
        self.show_message(
            ""
            if earlier is None
            else f"There is a reading of {earlier.day.isoformat()} already (SSI "
            f"{earlier.total:g}); saving replaces it."
        )

    def accept(self) -> None:
        reading = self.reading()
        try:
            self.replaced = readings.record(reading, clock.today())
        except InvalidReadingError as error:
            self.show_message(f"Not saved: {error}.")
            return
        self.recorded = reading
        super().accept()
