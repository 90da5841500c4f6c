"""Ctrl+K: find any action by typing, then add it with a count, a date and a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.store.actions import MAX_COUNT, MAX_NOTE_CHARS, NewEntry
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.widgets import Notice, python_date

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

Submit = Callable[[NewEntry], str | None]
"""Records an entry; returns None when stored, else the reason it was refused."""


class ActionFinder(QDialog):
    """The type-to-find box (objectName ``actionFinder``)."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionFinder")
        self.setWindowTitle("Log an action")
        self.setWindowIcon(theme.icon("search"))
        self._submit = submit

        self.search = QLineEdit()
        self.search.setObjectName("finderSearch")
        self.search.setPlaceholderText("Type to find an action, e.g. “comment” or “meeting”")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)

        source = QStandardItemModel(self)
        for kind in ACTIONS:
            item = QStandardItem(theme.pillar_icon(kind.pillar), kind.label)
            item.setData(kind.key, KEY_ROLE)
            item.setData(
                f"{kind.label} {kind.key} {kind.pillar.label}".replace("_", " "), SEARCH_ROLE
            )
            item.setToolTip(f"{kind.pillar.label} · {kind.key}")
            item.setEditable(False)
            source.appendRow(item)
        self.matches = QSortFilterProxyModel(self)
        self.matches.setSourceModel(source)
        self.matches.setFilterRole(SEARCH_ROLE)
        self.matches.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setObjectName("finderList")
        self.list.setModel(self.matches)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(200)

        self.count = QSpinBox()
        self.count.setObjectName("finderCount")
        self.count.setRange(1, MAX_COUNT)
        self.count.setToolTip(f"1 to {MAX_COUNT} actions in one entry")
        self.date = QDateEdit()
        self.date.setObjectName("finderDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(dates.edit_format())
        self.note = QLineEdit()
        self.note.setObjectName("finderNote")
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setPlaceholderText("optional: who, which post, what came of it")
        self.at_target = QCheckBox("With a contact at a target account")
        self.at_target.setObjectName("finderAtTarget")
        self.message = Notice()
        self.message.setObjectName("finderMessage")
        self.message.hide()

        form = QFormLayout()
        form.addRow("Count", self.count)
        form.addRow("Date", self.date)
        form.addRow("Note", self.note)
        form.addRow("", self.at_target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText("Add")
        self.add_button.setObjectName("finderAdd")
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(460, 480)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.doubleClicked.connect(lambda _index: self.add())
        self.matches.modelReset.connect(self._update_add_button)
        self.list.selectionModel().currentChanged.connect(self._update_add_button)

    def open_fresh(self) -> None:
        """Show the finder with the search selected and today's date."""
        today = clock.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.count.setValue(1)
        self.note.clear()
        self.at_target.setChecked(False)
        self.message.hide()
        self.search.selectAll()
        self._filter(self.search.text())
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus()

    def done(self, result: int) -> None:
        """Close, and give the keyboard back to the window: without a window manager that
        does it (offscreen, a bare X server) the window stayed inactive, and its number keys
        did nothing until it was clicked."""
        super().done(result)
        window = self.parentWidget()
        if window is not None:
            window.activateWindow()

    def selected_key(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(KEY_ROLE)) if index.isValid() else None

    @Slot()
    def add(self) -> None:
        key = self.selected_key()
        if key is None:
            self._show_message("Pick an action from the list first.")
            return
        entry = NewEntry(
            key,
            python_date(self.date.date()),
            self.count.value(),
            self.note.text().strip(),
            self.at_target.isChecked(),
        )
        refused = self._submit(entry)
        if refused is not None:
            self._show_message(f"Not added: {refused}.")
            return
        self.accept()

    @Slot(str)
    def _filter(self, text: str) -> None:
        self.matches.setFilterFixedString(text.strip())
        if self.matches.rowCount():
            self.list.setCurrentIndex(self.matches.index(0, 0))
        self._update_add_button()

    @Slot()
    def _update_add_button(self, *_args: QModelIndex) -> None:
        self.add_button.setEnabled(self.list.currentIndex().isValid())

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the matches."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.matches.rowCount() - 1, self.list.currentIndex().row() + step))
            self.list.setCurrentIndex(self.matches.index(row, 0))
            return True
        return super().eventFilter(watched, event)
