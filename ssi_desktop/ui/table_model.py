"""What the app's tables share: a list of rows under one row of column headings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

CELL_PADDING = 16
"""A cell's margins around its text, and room for a check box's or a sort arrow's extra."""

AnyIndex = QModelIndex | QPersistentModelIndex
"""What Qt passes a model for an index."""


class RowsModel(QAbstractTableModel):
    """A flat table of ``_rows`` under ``HEADERS``; a subclass gives data() (and flags())."""

    HEADERS: Sequence[str] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None


def size_columns(
    table: QTableView, longest: Mapping[int, Sequence[str]], stretch: int | None = None
) -> None:
    """Each column as wide as the longest text it can ever hold (or its heading), once.

    Never sized to the rows' contents: that asks the model for every cell of every row each
    time a row changes, tens of thousands of calls into Python on the GUI thread for years of
    history (tests/benchmarks/quick_add.py). The seller can still drag a column wider; the
    ``stretch`` column takes the room left.
    """
    header = table.horizontalHeader()
    model = table.model()
    cells, headings = table.fontMetrics(), header.fontMetrics()
    for column in range(model.columnCount()):
        heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(
            [headings.horizontalAdvance(heading)]
            + [cells.horizontalAdvance(text) for text in longest.get(column, ())]
        )
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width + CELL_PADDING)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setWordWrap(False)  # a row is one line: a text too long for its cell is elided


def replace_rows(model: QStandardItemModel, rows: Iterable[list[QStandardItem]]) -> None:
    """Make ``rows`` the model's only rows, told to its views as one reset (not a signal per
    cell, as removing and appending rows one by one would send)."""
    model.beginResetModel()
    model.blockSignals(True)
    try:
        model.setRowCount(0)
        for row in rows:
            model.appendRow(row)
    finally:
        model.blockSignals(False)
    model.endResetModel()
