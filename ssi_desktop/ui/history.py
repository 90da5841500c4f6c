"""The history tab: every logged entry, filtered by pillar and dates, to correct or delete.

The model (ui/history_model.py) reads the store on the GUI thread a page at a time and follows
changes row by row. The columns are sized once from the longest text each can hold, never from
the rows' contents: sizing to contents asked the model for every cell of every loaded row on
each change (`bash build/dev.sh bench gui`).
"""

from __future__ import annotations

import datetime as dt

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
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store.actions import LoggedEntry
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.history_model import PAGE_ROWS, DayEditor, HistoryModel, HistoryRow
from ssi_desktop.ui.table_model import size_columns
from ssi_desktop.ui.widgets import (
    MARGIN,
    SPACING,
    Notice,
    edges_follow_palette,
    python_date,
    same_when_inactive,
)

__all__ = ["PAGE_ROWS", "HistoryModel", "HistoryPage", "HistoryRow"]

DEFAULT_DAYS = 90
CONTACT_CHARS = 18  # the "With" column shows a name of this many average characters


class HistoryPage(QWidget):
    """The history tab (objectName ``tab_history``); the table fills on first show."""

    entries_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_history")
        self._stale = True
        self._filtered = False  # the table is filled on the first show
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
        same_when_inactive(table)
        table.setModel(self.model)
        table.setItemDelegateForColumn(HistoryModel.COL_DATE, DayEditor(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        size_columns(
            table,
            {
                HistoryModel.COL_DATE: dates.longest_day_texts(),
                HistoryModel.COL_ACTION: [kind.label for kind in ACTION_BY_KEY.values()],
                HistoryModel.COL_PILLAR: [pillar.short_label for pillar in Pillar],
                HistoryModel.COL_COUNT: ["99,999"],
                HistoryModel.COL_CONTACT: ["n" * CONTACT_CHARS],
            },
            stretch=HistoryModel.COL_NOTE,
        )
        self._table_slot.addWidget(table)
        self.table = table
        self.model.refused.connect(self.show_message)
        self.model.entries_changed.connect(self.entries_changed)
        self.model.total_changed.connect(self._update_summary)
        table.selectionModel().selectionChanged.connect(self._update_delete_button)
        delete = QShortcut(QKeySequence.StandardKey.Delete, table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self.delete_selected())

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            if self._filtered:
                self._follow()
            else:
                self._apply_filter()
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        """The log changed in ways not told: follow it now if shown, else on the next show."""
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._follow)

    @Slot()
    def _follow(self) -> None:
        if self._stale:
            self._stale = False
            self.model.reload()

    @Slot(object)
    def entry_added(self, entry: LoggedEntry) -> None:
        """A quick-add or Ctrl+K logged ``entry``: its row appears, no query needed."""
        if not self._stale:
            self.model.entry_added(entry)

    @Slot(object)
    def entry_removed(self, entry: LoggedEntry) -> None:
        """An undo removed ``entry``: its row goes."""
        if not self._stale:
            self.model.entry_removed(entry)

    @Slot()
    def _apply_filter(self) -> None:
        self._stale = False
        self._filtered = True
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
