"""The "Add reading" dialog: what LinkedIn's SSI page shows, typed in field by field.

The fields are laid out like LinkedIn's page: the total, the four pillars, then the optional
industry and network benchmarks. The store checks the reading (store/readings.py); its reason
for refusing shows in the dialog, which stays open so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Slot
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import PILLAR_MAX, TOTAL_MAX, Pillar
from ssi_desktop.store import readings
from ssi_desktop.store.readings import InvalidReadingError, OfficialReading
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.widgets import Notice, heading, python_date, save_or_cancel


def _spin(name: str, maximum: float, decimals: int) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(0.0, maximum)
    spin.setDecimals(decimals)
    spin.setLocale(QLocale.c())  # "12.50" as LinkedIn shows it, whatever the system locale
    spin.setKeyboardTracking(True)
    return spin


def _optional(name: str, maximum: float, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    validator = QDoubleValidator(0.0, maximum, 2, edit)
    validator.setLocale(QLocale.c())
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    edit.setValidator(validator)
    return edit


def _value(edit: QLineEdit) -> float | None:
    text = edit.text().strip()
    return float(text) if text else None


class ReadingDialog(QDialog):
    """Asks for one reading; stores it on OK. ``recorded`` holds what was stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingDialog")
        self.setWindowTitle("Add an Official Reading")
        self.setMinimumWidth(440)
        self.recorded: OfficialReading | None = None
        self.replaced: OfficialReading | None = None

        layout = QVBoxLayout(self)
        intro = theme.as_caption(
            QLabel(
                "Copy the numbers from your Social Selling Index page on LinkedIn, or copy the "
                "whole page and use Paste Reading (Ctrl+Shift+V) instead. A reading calibrates "
                "the estimate; one reading per day."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        today = clock.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setObjectName("readingDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.edit_format())
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow("Date", self.date_edit)
        self.total_spin = _spin("readingTotal", TOTAL_MAX, 0)
        form.addRow("Social Selling Index", self.total_spin)
        self.pillar_spins: dict[Pillar, QDoubleSpinBox] = {}
        for pillar in Pillar:
            spin = _spin(f"reading_{pillar.value}", PILLAR_MAX, 2)
            spin.setSuffix(f" / {PILLAR_MAX:g}")
            self.pillar_spins[pillar] = spin
            form.addRow(pillar.label, spin)
        self.sum_hint = theme.as_caption(QLabel(""))
        self.sum_hint.setObjectName("readingSumHint")
        form.addRow("", self.sum_hint)
        layout.addLayout(form)

        layout.addWidget(heading("Benchmarks (optional)"))
        grid = QGridLayout()
        grid.addWidget(theme.as_caption(QLabel("Top N %")), 0, 1)
        grid.addWidget(theme.as_caption(QLabel("Average SSI")), 0, 2)
        self.industry_rank = _optional("readingIndustryRank", 100.0, "e.g. 8")
        self.industry_avg = _optional("readingIndustryAvg", TOTAL_MAX, "e.g. 27")
        self.network_rank = _optional("readingNetworkRank", 100.0, "e.g. 12")
        self.network_avg = _optional("readingNetworkAvg", TOTAL_MAX, "e.g. 34")
        for row, (label, rank, avg) in enumerate(
            (
                ("Your industry", self.industry_rank, self.industry_avg),
                ("Your network", self.network_rank, self.network_avg),
            ),
            start=1,
        ):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(rank, row, 1)
            grid.addWidget(avg, row, 2)
        layout.addLayout(grid)

        self.message = Notice()
        self.message.setObjectName("readingMessage")
        self.message.hide()
        layout.addWidget(self.message)

        self.buttons = save_or_cancel(self, self.accept)
        layout.addWidget(self.buttons)

        for spin in self.pillar_spins.values():
            spin.valueChanged.connect(self._pillars_changed)
        self.date_edit.dateChanged.connect(self._date_changed)
        self._total_typed = False
        self.total_spin.valueChanged.connect(self._total_edited)
        self._pillars_changed()
        self._date_changed()

    # -- live hints -----------------------------------------------------------------------------

    def day(self) -> dt.date:
        return python_date(self.date_edit.date())

    @Slot()
    def _pillars_changed(self) -> None:
        """Fill in the total from the pillars until the seller types one in."""
        pillar_sum = sum(spin.value() for spin in self.pillar_spins.values())
        self.sum_hint.setText(f"The pillars add up to {pillar_sum:.2f}")
        if not self._total_typed:
            self.total_spin.blockSignals(True)
            self.total_spin.setValue(round(pillar_sum))
            self.total_spin.blockSignals(False)

    @Slot()
    def _total_edited(self) -> None:
        self._total_typed = True

    @Slot()
    def _date_changed(self) -> None:
        earlier = readings.on(self.day())
        if earlier is None:
            self.show_message("")
            return
        self.show_message(
            f"There is a reading of {dates.day_text(earlier.day)} already (SSI {earlier.total:g}); "
            "saving replaces it."
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def fill(self, reading: OfficialReading) -> None:
        """Start from a stored reading, to correct it."""
        self.setWindowTitle("Correct an Official Reading")
        day = reading.day
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        for pillar, spin in self.pillar_spins.items():
            spin.setValue(reading.pillars[pillar])
        self.total_spin.setValue(reading.total)
        for edit, value in (
            (self.industry_rank, reading.industry_rank),
            (self.industry_avg, reading.industry_avg),
            (self.network_rank, reading.network_rank),
            (self.network_avg, reading.network_avg),
        ):
            edit.setText("" if value is None else f"{value:g}")
        self.show_message("")

    # -- saving ---------------------------------------------------------------------------------

    def reading(self) -> OfficialReading:
        return OfficialReading(
            self.day(),
            self.total_spin.value(),
            {p: spin.value() for p, spin in self.pillar_spins.items()},
            industry_rank=_value(self.industry_rank),
            network_rank=_value(self.network_rank),
            industry_avg=_value(self.industry_avg),
            network_avg=_value(self.network_avg),
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
