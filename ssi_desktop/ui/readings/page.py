"""The Readings tab: the official readings typed in from LinkedIn, and the calibration panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from ssi_desktop.application.estimate import CalibrationState
from ssi_desktop.reading_formats.paste import NoReadingError, parse_pasted
from ssi_desktop.store import readings
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.readings.calibration_panel import CalibrationPanel
from ssi_desktop.ui.readings.dialog import ReadingDialog
from ssi_desktop.ui.readings.model import ReadingsModel
from ssi_desktop.ui.readings.paste_dialog import PasteReadingDialog
from ssi_desktop.ui.table_model import size_columns
from ssi_desktop.ui.widgets import MARGIN, SPACING, Card, Notice, same_when_inactive
from ssi_desktop.workers.snapshot import ScoreSnapshot

EMPTY_HINT = (
    "No official readings yet. Open your Social Selling Index page on LinkedIn, select all "
    "(Ctrl+A), copy (Ctrl+C) and press Ctrl+V here: the reading is shown for you to check, "
    "then saved. Add Reading… types one in by hand. The estimate is compared with your "
    "readings, and calibrated from 3 readings on."
)
PASTE_TIP = (
    "Paste what you copied from LinkedIn's SSI page (Ctrl+V here, Ctrl+Shift+V anywhere): "
    "the whole page as text, or the JSON the page loads"
)


class ReadingsPage(QWidget):
    """objectName ``readingsPage``, inside the tab ``tab_readings``. ``readings_changed`` after
    any add, correction or delete."""

    readings_changed = Signal()
    status = Signal(str)  # one sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingsPage")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        table_card = Card()
        header = QHBoxLayout()
        title = theme.as_heading(QLabel("Official readings"))
        header.addWidget(title)
        header.addWidget(theme.as_caption(QLabel("as LinkedIn's SSI page showed them")))
        header.addStretch(1)
        self.add_button = QPushButton(theme.icon("add"), "Add Reading…")
        self.add_button.setObjectName("addReadingButton")
        self.paste_button = QPushButton(theme.icon("reading"), "Paste Reading")
        self.paste_button.setObjectName("pasteReadingButton")
        self.paste_button.setToolTip(PASTE_TIP)
        header.addWidget(self.paste_button)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteReadingButton")
        self.delete_button.setEnabled(False)
        header.addWidget(self.add_button)
        header.addWidget(self.delete_button)
        table_card.body.addLayout(header)

        self.empty_hint = Notice(EMPTY_HINT)
        self.empty_hint.setObjectName("readingsEmptyHint")
        table_card.body.addWidget(self.empty_hint)

        self.model = ReadingsModel(self)
        self.table = QTableView()
        self.table.setObjectName("readingsTable")
        same_when_inactive(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        size_columns(self.table, ReadingsModel.longest_texts())
        self.table.horizontalHeader().setStretchLastSection(True)  # room to spare goes last
        self.table.setToolTip("Double-click a reading to correct it")
        table_card.body.addWidget(self.table, 1)
        layout.addWidget(table_card, 3)

        self.calibration = CalibrationPanel()
        self.calibration.setMinimumWidth(340)
        layout.addWidget(self.calibration, 2)

        self.add_button.clicked.connect(lambda: self.add_reading())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.table.doubleClicked.connect(self._correct)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete_selected())
        self.paste_button.clicked.connect(lambda: self.paste_reading())
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(lambda: self.paste_reading())
        self.empty_hint.setVisible(True)  # until the first snapshot says otherwise

    # -- showing --------------------------------------------------------------------------------

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        """The readings and the fit as the worker read them with the score: the window never
        reads them again on its own thread."""
        self.model.set_readings(snapshot.official)
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self.show_calibration(snapshot.calibration)

    def show_calibration(self, state: CalibrationState) -> None:
        self.model.set_calibration(state)
        self.calibration.show_state(state)

    @Slot()
    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection())

    # -- writing --------------------------------------------------------------------------------

    def open_dialog(self) -> ReadingDialog:
        """The dialog, not yet shown (tests drive it without a modal loop)."""
        dialog = ReadingDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog))
        return dialog

    def add_reading(self) -> ReadingDialog:
        dialog = self.open_dialog()
        dialog.open()
        return dialog

    def paste_reading(self, text: str | None = None) -> PasteReadingDialog | None:
        """Read a reading from ``text`` (default: the clipboard) and open the confirmation;
        None, with a status line saying why, when the text holds no reading."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            values = parse_pasted(text)
        except NoReadingError as error:
            self.status.emit(f"Nothing pasted: {error}.")
            return None
        dialog = PasteReadingDialog(values, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    @Slot(QModelIndex)
    def _correct(self, index: QModelIndex) -> None:
        dialog = self.open_dialog()
        dialog.fill(self.model.reading_at(index.row()))
        dialog.open()

    def _saved(self, dialog: ReadingDialog | PasteReadingDialog) -> None:
        reading, replaced = dialog.recorded, dialog.replaced
        if reading is None:
            return
        when = dates.day_text(reading.day)
        if replaced is None:
            self.status.emit(f"Recorded the official SSI {reading.total:g} of {when}.")
        else:
            self.status.emit(
                f"Replaced the official SSI {replaced.total:g} of {when} with {reading.total:g}."
            )
        self.readings_changed.emit()

    def delete_selected(self, confirm: bool = True) -> int:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return 0
        found = [self.model.reading_at(row) for row in rows]
        if confirm:
            days = ", ".join(dates.day_text(r.day) for r in found)
            answer = QMessageBox.question(
                self,
                "Delete readings",
                f"Delete the official reading{'s' if len(found) > 1 else ''} of {days}?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        for reading in found:
            readings.delete(reading.day)
        self.status.emit(f"Deleted {len(found)} official reading{'s' if len(found) > 1 else ''}.")
        self.readings_changed.emit()
        return len(found)
