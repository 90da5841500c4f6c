"""The history tab: every logged entry, filtered by pillar and dates, to correct or delete.

The model reads the store on the GUI thread a page at a time: the newest PAGE_ROWS entries at
once, the next page as the table scrolls to it, so that years of history cost a glance at
the page in view (`bash build/dev.sh bench gui-reads`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store import accounts, actions
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.table_model import AnyIndex, RowsModel
from ssi_desktop.ui.widgets import MARGIN, SPACING, Notice, edges_follow_palette, python_date

PAGE_ROWS = 200
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class HistoryRow:
    id: int
    day: dt.date
    key: str
    count: int
    note: str
    at_target: bool
    source: str
    contact: str = ""  # the name of the person it was with, when the seller said

    @property
    def label(self) -> str:
        kind = ACTION_BY_KEY.get(self.key)
        return kind.label if kind else self.key

    @property
    def pillar_label(self) -> str:
        kind = ACTION_BY_KEY.get(self.key)
        return kind.pillar.short_label if kind else ""

    def as_entry(self) -> actions.NewEntry:
        return actions.NewEntry(
            self.key, self.day, self.count, self.note, self.at_target, self.source
        )


class HistoryModel(RowsModel):
    """Entries newest first. Date, count, note and the target flag can be edited in place."""

    COL_DATE, COL_ACTION, COL_PILLAR, COL_COUNT, COL_TARGET, COL_CONTACT, COL_NOTE = range(7)
    HEADERS = ("Date", "Action", "Pillar", "Count", "Target account", "With", "Note")
    EDITABLE = frozenset({COL_DATE, COL_COUNT, COL_NOTE})

    refused = Signal(str)  # the store refused an edit; one sentence for the seller
    entries_changed = Signal()  # an entry was edited or deleted here

    _rows: list[HistoryRow]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = []
        self.pillar: Pillar | None = None
        self.since: dt.date | None = None
        self.until: dt.date | None = None
        self.total = 0  # entries that match the filter, loaded or not
        self._more = False

    # -- loading --------------------------------------------------------------------------------

    def set_filter(
        self, pillar: Pillar | None, since: dt.date | None, until: dt.date | None
    ) -> None:
        self.pillar, self.since, self.until = pillar, since, until
        self.reload()

    def reload(self) -> None:
        page = self._page(0)
        self.beginResetModel()
        self._rows = page
        self.total = actions.count_entries(self.since, self.until, self.pillar)
        self.endResetModel()

    def _page(self, offset: int) -> list[HistoryRow]:
        """PAGE_ROWS rows from ``offset`` on; notes whether more follow."""
        found = actions.entries(
            self.since, self.until, self.pillar, limit=PAGE_ROWS + 1, offset=offset
        )
        shown = found[:PAGE_ROWS]
        self._more = len(found) > PAGE_ROWS
        names = accounts.contact_names_by_entry(e.id for e in shown if e.contact_id is not None)
        return [
            HistoryRow(
                e.id, e.day, e.key, e.count, e.note, e.at_target, e.source, names.get(e.id, "")
            )
            for e in shown
        ]

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or not self._more:
            return
        page = self._page(len(self._rows))
        if page:
            self.beginInsertRows(parent, len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    # -- Qt model API ---------------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == self.COL_TARGET:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_DATE: dates.day_text(row.day),
                self.COL_ACTION: row.label,
                self.COL_PILLAR: row.pillar_label,
                self.COL_COUNT: row.count,
                self.COL_TARGET: None,
                self.COL_CONTACT: row.contact,
                self.COL_NOTE: row.note,
            }.get(column)
        if role == Qt.ItemDataRole.EditRole:
            return {
                self.COL_DATE: QDate(row.day.year, row.day.month, row.day.day),
                self.COL_COUNT: row.count,
                self.COL_NOTE: row.note,
            }.get(column)
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_TARGET:
            return Qt.CheckState.Checked if row.at_target else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_ACTION:
            return f"{row.key} · logged by {row.source}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        changed = _changed(row, column, value, role)
        if changed is None:
            return False
        try:
            actions.update(row.id, changed.as_entry(), clock.today())
        except actions.InvalidEntryError as error:
            self.refused.emit(f"Not saved: {error}.")
            return False
        self._rows[index.row()] = changed
        self.dataChanged.emit(index, index, [role])
        self.entries_changed.emit()
        return True

    def delete_rows(self, rows: list[int]) -> int:
        """Delete these rows' entries from the log; returns how many were deleted."""
        ids = [self._rows[r].id for r in sorted(set(rows)) if 0 <= r < len(self._rows)]
        deleted = actions.delete(*ids) if ids else 0
        if deleted:
            self.reload()
            self.entries_changed.emit()
        return deleted


def _changed(row: HistoryRow, column: int, value: Any, role: int) -> HistoryRow | None:
    """The row with one cell changed, or None when the edit does not apply to that cell."""
    cls = HistoryModel
    if role == Qt.ItemDataRole.CheckStateRole and column == cls.COL_TARGET:
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        return replace(row, at_target=checked)
    if role != Qt.ItemDataRole.EditRole:
        return None
    if column == cls.COL_DATE:
        if isinstance(value, QDate):
            return replace(row, day=python_date(value))
        try:
            return replace(row, day=dt.date.fromisoformat(str(value)))
        except ValueError:
            return None
    if column == cls.COL_COUNT:
        try:
            return replace(row, count=int(value))
        except (TypeError, ValueError):
            return None
    if column == cls.COL_NOTE:
        return replace(row, note=str(value))
    return None


class HistoryPage(QWidget):
    """The history tab (objectName ``tab_history``); the table fills on first show."""

    entries_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_history")
        self._stale = True
        edges_follow_palette(self)  # its filters and table sit on no card

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.pillar_filter = QComboBox()
        self.pillar_filter.setObjectName("historyPillarFilter")
        self.pillar_filter.addItem("All pillars", None)
        for pillar in Pillar:
            self.pillar_filter.addItem(theme.pillar_icon(pillar), pillar.label, pillar)
        today = clock.today()
        self.since_edit = _date_edit("historySince", today - dt.timedelta(days=DEFAULT_DAYS - 1))
        self.until_edit = _date_edit("historyUntil", today)
        self.delete_button = QPushButton("Delete selected")
        self.delete_button.setObjectName("historyDelete")
        self.delete_button.setEnabled(False)
        filters.addWidget(QLabel("Pillar"))
        filters.addWidget(self.pillar_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel("From"))
        filters.addWidget(self.since_edit)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.until_edit)
        filters.addStretch(1)
        filters.addWidget(self.delete_button)
        layout.addLayout(filters)

        self.message = Notice()
        self.message.setObjectName("historyMessage")
        self.message.hide()
        layout.addWidget(self.message)
        self._table_slot = QVBoxLayout()
        layout.addLayout(self._table_slot, 1)
        self.summary = theme.as_caption(QLabel(""))
        layout.addWidget(self.summary)

        for signal in (
            self.pillar_filter.currentIndexChanged,
            self.since_edit.dateChanged,
            self.until_edit.dateChanged,
        ):
            signal.connect(self._apply_filter)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self._build()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            edges_follow_palette(self)
        super().changeEvent(event)

    def _build(self) -> None:
        self.model = HistoryModel(self)
        table = QTableView()
        table.setObjectName("historyTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for column in range(len(HistoryModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self._table_slot.addWidget(table)
        self.table = table
        self.model.refused.connect(self.show_message)
        self.model.entries_changed.connect(self.entries_changed)
        self.model.modelReset.connect(self._update_summary)
        table.selectionModel().selectionChanged.connect(self._update_delete_button)
        delete = QShortcut(QKeySequence.StandardKey.Delete, table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete_selected())

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._apply_filter()
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        """The log changed elsewhere: reload now if shown, else on the next show."""
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._apply_filter)

    @Slot()
    def _apply_filter(self) -> None:
        self._stale = False
        pillar = self.pillar_filter.currentData()
        since = python_date(self.since_edit.date())
        until = python_date(self.until_edit.date())
        self.model.set_filter(pillar, since, until)
        self._update_delete_button()

    @Slot(str)
    def show_from(self, first_day: dt.date) -> None:
        """Widen the date range (never narrow it) so that entries from first_day are listed:
        how other features (an import) point the seller at what they added."""
        if python_date(self.since_edit.date()) > first_day:
            self.since_edit.setDate(QDate(first_day.year, first_day.month, first_day.day))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def delete_selected(self, confirm: bool = True) -> int:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return 0
        if confirm:
            answer = QMessageBox.question(
                self,
                "Delete entries",
                f"Delete {len(rows)} selected {'entry' if len(rows) == 1 else 'entries'} "
                "from your log? This cannot be undone.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        deleted = self.model.delete_rows(rows)
        self.show_message(f"Deleted {deleted} {'entry' if deleted == 1 else 'entries'}.")
        return deleted

    @Slot()
    def _update_summary(self) -> None:
        shown = self.model.total
        if not shown:
            self.summary.setText(
                "Nothing logged in these dates. What you log on a pillar's tab (or with Ctrl+K) "
                "is listed here, to correct or delete."
            )
            return
        self.summary.setText(
            f"{shown:,} {'entry' if shown == 1 else 'entries'}. "
            "Double-click a date, count or note to correct it."
        )

    @Slot()
    def _update_delete_button(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        self.delete_button.setEnabled(selected)


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(dates.edit_format())
    return edit
