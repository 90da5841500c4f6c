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
from functools import cached_property
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.store import accounts, actions
from ssi_desktop.store.actions import LoggedEntry
from ssi_desktop.system import clock
from ssi_desktop.ui import dates
from ssi_desktop.ui.table_model import AnyIndex, replace_rows
from ssi_desktop.ui.widgets import python_date

PAGE_ROWS = 200
DAY_ROLE = Qt.ItemDataRole.UserRole
"""The date cell's day as a QDate, for its editor (the cell's text is the day written out)."""


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


class HistoryModel(QStandardItemModel):
    """Entries newest first. Date, count, note and the target flag can be edited in place.

    The cells are Qt's own items, filled once per row: the view paints without calling into
    Python. A Python data() was asked about a thousand times per repaint (every role of every
    visible cell), which made a repaint after a quick-add cost 12 ms against 4.7 now.
    ``_rows`` holds the entries behind the rows, in the same order.
    """

    COL_DATE, COL_ACTION, COL_PILLAR, COL_COUNT, COL_TARGET, COL_CONTACT, COL_NOTE = range(7)
    HEADERS = ("Date", "Action", "Pillar", "Count", "Target account", "With", "Note")
    EDITABLE = frozenset({COL_DATE, COL_COUNT, COL_NOTE})

    refused = Signal(str)  # the store refused an edit; one sentence for the seller
    entries_changed = Signal()  # an entry was edited or deleted here
    total_changed = Signal()  # ``total`` moved: the summary under the table follows

    _rows: list[HistoryRow]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))
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
        self.total = actions.count_entries(self.since, self.until, self.pillar)
        self._rows = rows
        replace_rows(self, (self._items(row) for row in rows))
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
                    self._show_row(at)
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
        self._rows[at:at] = rows  # first: a view told of a row may ask for its entry at once
        for offset, row in enumerate(rows):
            self.insertRow(at + offset, self._items(row))

    def _remove(self, first: int, last: int) -> None:
        del self._rows[first : last + 1]
        self.removeRows(first, last - first + 1)

    def _show_row(self, at: int) -> None:
        for column, item in enumerate(self._items(self._rows[at])):
            self.setItem(at, column, item)

    def _items(self, row: HistoryRow) -> list[QStandardItem]:
        """The row's cells, in the order of HEADERS."""
        entry = row.entry
        day = QStandardItem(dates.day_text(entry.day))
        day.setData(QDate(entry.day.year, entry.day.month, entry.day.day), DAY_ROLE)
        action = QStandardItem(row.label)
        action.setToolTip(f"{entry.key} · logged by {entry.source}")
        count = QStandardItem()
        count.setData(entry.count, Qt.ItemDataRole.DisplayRole)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        target = QStandardItem()
        target.setCheckState(Qt.CheckState.Checked if entry.at_target else Qt.CheckState.Unchecked)
        cells = [
            day,
            action,
            QStandardItem(row.pillar_label),
            count,
            target,
            QStandardItem(row.contact),
            QStandardItem(entry.note),
        ]
        for cell, flags in zip(cells, self._flags, strict=True):
            cell.setFlags(flags)
        return cells

    def _set_total(self, total: int) -> None:
        if total != self.total:
            self.total = total
            self.total_changed.emit()

    # -- Qt model API ---------------------------------------------------------------------------

    @cached_property
    def _flags(self) -> list[Qt.ItemFlag]:
        """Each column's flags: every row's cells have the same."""
        shown = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags = []
        for column in range(len(self.HEADERS)):
            each = shown
            if column in self.EDITABLE:
                each |= Qt.ItemFlag.ItemIsEditable
            if column == self.COL_TARGET:
                each |= Qt.ItemFlag.ItemIsUserCheckable
            flags.append(each)
        return flags

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
        self._show_row(index.row())
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


class DayEditor(QStyledItemDelegate):
    """The date column's editor: a date picker on the cell's day (DAY_ROLE), as its text is
    the day written out."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        day = index.data(DAY_ROLE)
        if isinstance(editor, QDateEdit) and isinstance(day, QDate):
            editor.setDate(day)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
