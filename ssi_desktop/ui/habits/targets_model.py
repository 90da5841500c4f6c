"""The Habits tab's table of targets: progress in the current day or week, and streaks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from ssi_desktop.application.habits import TargetStatus
from ssi_desktop.ui.habits.progress import done_text
from ssi_desktop.ui.table_model import AnyIndex, RowsModel

ACTION, PILLAR, TARGET, DONE, STREAK, BEST = range(6)
HEADERS = ("Action", "Pillar", "Target", "Progress", "Streak", "Best")


class TargetsModel(RowsModel):
    """One row per target, in catalog order."""

    HEADERS = HEADERS
    _rows: list[TargetStatus]

    @property
    def statuses(self) -> list[TargetStatus]:
        return self._rows

    def set_statuses(self, statuses: Sequence[TargetStatus]) -> None:
        self.beginResetModel()
        self._rows = list(statuses)
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        status = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(status, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (STREAK, BEST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == STREAK and status.streak.open:
            return "Still open: meeting the target before the period ends adds to the streak."
        if role == Qt.ItemDataRole.UserRole:
            return status.target.key
        return None

    @staticmethod
    def _text(status: TargetStatus, column: int) -> str:
        target, streak = status.target, status.streak
        texts = (
            target.action.label,
            target.action.pillar.short_label,
            target.describe(),
            done_text(status),
            str(streak.current),
            str(streak.best),
        )
        return texts[column]
