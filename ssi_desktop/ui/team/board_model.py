"""The leaderboard as a Qt table model: one row per member, best first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ssi_desktop.catalog import PILLAR_MAX, Pillar
from ssi_desktop.store.team_rows import BoardRow
from ssi_desktop.ui.table_model import AnyIndex, RowsModel

NAME, TOTAL = 0, 1
PILLAR_COLUMNS = {2 + i: pillar for i, pillar in enumerate(Pillar)}
CHANGE, OFFICIAL = 6, 7
BAR_ROLE = Qt.ItemDataRole.UserRole + 1
"""A pillar cell's share of its 25 points (0..1), which the bar delegate draws."""


class BoardModel(RowsModel):
    HEADERS = (
        "Member",
        "Total",
        *(p.short_label for p in Pillar),
        "7 days",
        "Official",
    )

    def set_rows(self, rows: Sequence[BoardRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> BoardRow:
        found: BoardRow = self._rows[index]
        return found

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: BoardRow = self._rows[index.row()]
        column = index.column()
        pillar = PILLAR_COLUMNS.get(column)
        if role == BAR_ROLE and pillar is not None:
            return row.latest.pillars[pillar] / PILLAR_MAX
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return f"{row.name}: latest published day {row.latest.day.isoformat()}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == NAME:
            return row.name
        if column == TOTAL:
            return f"{row.latest.total:.1f}"
        if pillar is not None:
            return f"{row.latest.pillars[pillar]:.1f}"
        if column == CHANGE:
            return f"{row.change_7d:+.1f}"
        if column == OFFICIAL:
            return "–" if row.official is None else f"{row.official[1]:.0f} ({row.official[0]})"
        return None
