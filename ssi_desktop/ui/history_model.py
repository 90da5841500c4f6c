"""The History tab's table model: the log newest first, a page at a time, kept up to date by
inserting and removing rows, never by reloading what the view shows.

A quick-add or an undo tells the model which entry came or went (``entry_added``,
``entry_removed``): no query at all. Any other change (an import, another process, a restore)
reads the rows already loaded once more and applies the difference as row insertions,
removals and changed cells, so the view keeps its selection, scroll position and sizes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store import accounts, actions
from ssi_desktop.store.actions import LoggedEntry
from ssi_desktop.system import clock
from ssi_desktop.ui import dates
from ssi_desktop.ui.table_model import AnyIndex, RowsModel
from ssi_desktop.ui.widgets import python_date

PAGE_ROWS = 200
_ROLES_USED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


@dataclass(frozen=True)
class HistoryRow:
    """An entry of the log and the name of the person it was with, when the seller said."""

    entry: LoggedEntry
    contact: str = ""

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def day(self) -> dt.date:
        return self.entry.day

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def place(self) -> tuple[dt.date, int]:
        """Where the row sits: the table lists the newest day first, then the newest entry."""
        return self.entry.day, self.entry.id

    @property
    def label(self) -> str:
        kind = ACTION_BY_KEY.get(self.entry.key)
        return kind.label if kind else self.entry.key

    @property
    def pillar_label(self) -> str:
        kind = ACTION_BY_KEY.get(self.entry.key)
        return kind.pillar.short_label if kind else ""

    def as_entry(self) -> actions.NewEntry:
        e = self.entry
        return actions.NewEntry(e.key, e.day, e.count, e.note, e.at_target, e.source)

    def changed(self, **fields: Any) -> HistoryRow:
        return replace(self, entry=replace(self.entry, **fields))


class HistoryModel(RowsModel):
    """Entries newest first. Date, count, note and the target flag can be edited in place."""

    COL_DATE, COL_ACTION, COL_PILLAR, COL_COUNT, COL_TARGET, COL_CONTACT, COL_NOTE = range(7)
    HEADERS = ("Date", "Action", "Pillar", "Count", "Target account", "With", "Note")
    EDITABLE = frozenset({COL_DATE, COL_COUNT, COL_NOTE})

    refused = Signal(str)  # the store refused an edit; one sentence for the seller
    entries_changed = Signal()  # an entry was edited or deleted here
    total_changed = Signal()  # ``total`` moved: the summary under the table follows

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
        """Show other entries: the one change that resets the table."""
        self.pillar, self.since, self.until = pillar, since, until
        rows, self._more = self._read(0, PAGE_ROWS)
        self.beginResetModel()
        self._rows = rows
        self.total = actions.count_entries(self.since, self.until, self.pillar)
        self.endResetModel()
        self.total_changed.emit()

    def reload(self) -> None:
        """The log changed in ways not told: read the loaded rows again and apply the
        difference (inserted, removed and changed rows)."""
        fresh, self._more = self._read(0, max(len(self._rows), PAGE_ROWS))
        self._apply(fresh)
        self._set_total(actions.count_entries(self.since, self.until, self.pillar))

    def _read(self, offset: int, count: int) -> tuple[list[HistoryRow], bool]:
        """``count`` rows from ``offset`` on, and whether more follow."""
        found = actions.entries(self.since, self.until, self.pillar, limit=count + 1, offset=offset)
        shown = found[:count]
        names = accounts.contact_names_by_entry(e.id for e in shown if e.contact_id is not None)
        return [HistoryRow(e, names.get(e.id, "")) for e in shown], len(found) > count

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or not self._more:
            return
        page, self._more = self._read(len(self._rows), PAGE_ROWS)
        if page:
            self._insert(len(self._rows), page)

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    # -- changes told by the window -------------------------------------------------------------

    def shows(self, entry: LoggedEntry) -> bool:
        """Whether the filter lets ``entry`` in."""
        kind = ACTION_BY_KEY.get(entry.key)
        return (
            (self.since is None or entry.day >= self.since)
            and (self.until is None or entry.day <= self.until)
            and (self.pillar is None or (kind is not None and kind.pillar is self.pillar))
        )

    def entry_added(self, entry: LoggedEntry) -> None:
        """A new entry: one row inserted where it belongs (or left for a later page)."""
        if not self.shows(entry):
            return
        names = accounts.contact_names_by_entry([entry.id]) if entry.contact_id is not None else {}
        row = HistoryRow(entry, names.get(entry.id, ""))
        at = self._position(row.place)
        if at < len(self._rows) and self._rows[at].place == row.place:
            return  # a reload found it first
        if at < len(self._rows) or not self._more:
            self._insert(at, [row])
        self._set_total(self.total + 1)

    def entry_removed(self, entry: LoggedEntry) -> None:
        """An entry left the log (an undo): its row goes, if it was loaded."""
        if not self.shows(entry):
            return
        for at, row in enumerate(self._rows):
            if row.id == entry.id:
                self._remove(at, at)
                self._set_total(max(0, self.total - 1))
                return
        if self._more:  # on a page not read yet
            self._set_total(max(0, self.total - 1))

    def _position(self, place: tuple[dt.date, int]) -> int:
        """The index of the first row that comes after ``place`` (binary search: newest first)."""
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._rows[middle].place > place:
                low = middle + 1
            else:
                high = middle
        return low

    # -- applying a difference ------------------------------------------------------------------

    def _apply(self, fresh: Sequence[HistoryRow]) -> None:
        """Turn the rows into ``fresh`` with removals, insertions and changed cells.

        Rows that left, or that a new date moved, are removed first (from the bottom, so that
        the indexes above stay valid); the rows kept are then in ``fresh``'s order, and what is
        missing between them is inserted.
        """
        order = {row.place: at for at, row in enumerate(fresh)}
        kept = [False] * len(self._rows)
        last = -1
        for at, row in enumerate(self._rows):
            place = order.get(row.place, -1)
            if place > last:
                kept[at], last = True, place
        at = len(self._rows) - 1
        while at >= 0:
            if kept[at]:
                at -= 1
                continue
            bottom = at
            while at > 0 and not kept[at - 1]:
                at -= 1
            self._remove(at, bottom)
            at -= 1
        at = 0
        while at < len(fresh):
            if at < len(self._rows) and self._rows[at].place == fresh[at].place:
                if self._rows[at] != fresh[at]:
                    self._rows[at] = fresh[at]
                    self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
                at += 1
                continue
            end = at + 1
            while end < len(fresh) and (
                at >= len(self._rows) or fresh[end].place != self._rows[at].place
            ):
                end += 1
            self._insert(at, list(fresh[at:end]))
            at = end

    def _insert(self, at: int, rows: list[HistoryRow]) -> None:
        self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
        self._rows[at:at] = rows
        self.endInsertRows()

    def _remove(self, first: int, last: int) -> None:
        self.beginRemoveRows(QModelIndex(), first, last)
        del self._rows[first : last + 1]
        self.endRemoveRows()

    def _set_total(self, total: int) -> None:
        if total != self.total:
            self.total = total
            self.total_changed.emit()

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
        # Called for every role of every visible cell on each repaint: the roles no cell uses
        # leave first, without a look at the row.
        if role not in _ROLES_USED or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        entry = row.entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_DATE:
                return dates.day_text(entry.day)
            if column == self.COL_ACTION:
                return row.label
            if column == self.COL_PILLAR:
                return row.pillar_label
            if column == self.COL_COUNT:
                return entry.count
            if column == self.COL_CONTACT:
                return row.contact
            return entry.note if column == self.COL_NOTE else None
        if role == Qt.ItemDataRole.EditRole:
            if column == self.COL_DATE:
                return QDate(entry.day.year, entry.day.month, entry.day.day)
            if column == self.COL_COUNT:
                return entry.count
            return entry.note if column == self.COL_NOTE else None
        if role == Qt.ItemDataRole.CheckStateRole:
            if column != self.COL_TARGET:
                return None
            return Qt.CheckState.Checked if entry.at_target else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column != self.COL_COUNT:
                return None
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if column == self.COL_ACTION:  # the tooltip
            return f"{entry.key} · logged by {entry.source}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], index.column()
        changed = _changed(row, column, value, role)
        if changed is None:
            return False
        try:
            stored = actions.update(row.id, changed.as_entry(), clock.today())
        except actions.InvalidEntryError as error:
            self.refused.emit(f"Not saved: {error}.")
            return False
        self._rows[index.row()] = replace(changed, entry=stored)
        self.dataChanged.emit(index, index, [role])
        self.entries_changed.emit()  # a new date moves the row: the window's reload places it
        return True

    def delete_rows(self, rows: list[int]) -> int:
        """Delete these rows' entries from the log; returns how many were deleted."""
        chosen = sorted({r for r in rows if 0 <= r < len(self._rows)}, reverse=True)
        deleted = actions.delete(*(self._rows[r].id for r in chosen)) if chosen else 0
        if deleted:
            for row in chosen:
                self._remove(row, row)
            self._set_total(max(0, self.total - len(chosen)))
            self.entries_changed.emit()
        return deleted


def _changed(row: HistoryRow, column: int, value: Any, role: int) -> HistoryRow | None:
    """The row with one cell changed, or None when the edit does not apply to that cell."""
    cls = HistoryModel
    if role == Qt.ItemDataRole.CheckStateRole and column == cls.COL_TARGET:
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        return row.changed(at_target=checked)
    if role != Qt.ItemDataRole.EditRole:
        return None
    if column == cls.COL_DATE:
        if isinstance(value, QDate):
            return row.changed(day=python_date(value))
        try:
            return row.changed(day=dt.date.fromisoformat(str(value)))
        except ValueError:
            return None
    if column == cls.COL_COUNT:
        try:
            return row.changed(count=int(value))
        except (TypeError, ValueError):
            return None
    if column == cls.COL_NOTE:
        return row.changed(note=str(value))
    return None
