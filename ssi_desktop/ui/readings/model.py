"""The readings table: one row per official reading, newest first, beside the estimate.

Readings are a few dozen rows at most, so reload() reads them all on the GUI thread (one
indexed SELECT); the estimate column comes from the worker's last snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ssi_desktop.application.estimate import UNCALIBRATED_STATE, CalibrationState
from ssi_desktop.catalog import Pillar
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.ui import dates
from ssi_desktop.ui.table_model import AnyIndex, RowsModel

PILLARS = tuple(Pillar)


def _benchmark(rank: float | None, average: float | None) -> str:
    parts = [
        f"Top {rank:g} %" if rank is not None else "",
        f"avg {average:g}" if average is not None else "",
    ]
    return " · ".join(filter(None, parts)) or "–"


class ReadingsModel(RowsModel):
    """Columns: date, LinkedIn's SSI, the four pillars, the estimate that day, the benchmarks."""

    COL_DATE, COL_TOTAL = 0, 1
    COL_PILLAR0 = 2
    COL_ESTIMATE = COL_PILLAR0 + len(PILLARS)
    COL_INDUSTRY, COL_NETWORK = COL_ESTIMATE + 1, COL_ESTIMATE + 2
    HEADERS = (
        "Date",
        "SSI",
        *(p.short_label for p in PILLARS),
        "Estimate",
        "Industry",
        "Network",
    )

    _rows: list[OfficialReading]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = []
        self._calibration = UNCALIBRATED_STATE

    @classmethod
    def longest_texts(cls) -> dict[int, list[str]]:
        """The widest text each column can hold (ui/table_model.size_columns)."""
        pillars = {cls.COL_PILLAR0 + i: ["25.00"] for i in range(len(PILLARS))}
        benchmark = [_benchmark(10, 34.5)]  # a rank of two digits, an average with a decimal
        return {
            cls.COL_DATE: dates.longest_day_texts(),
            cls.COL_TOTAL: ["100"],
            **pillars,
            cls.COL_ESTIMATE: ["100.0"],
            cls.COL_INDUSTRY: benchmark,
            cls.COL_NETWORK: benchmark,
        }

    def set_readings(self, oldest_first: Sequence[OfficialReading]) -> None:
        """The readings the worker read with the score; shown newest first. A reset
        re-measures every cell of the table (tens of ms for years of readings), so only when
        the readings really changed."""
        found = list(reversed(oldest_first))
        if found == self._rows:
            return
        self.beginResetModel()
        self._rows = found
        self.endResetModel()

    def set_calibration(self, state: CalibrationState) -> None:
        """The worker's latest fit: the estimate column shows what the seller sees that day."""
        if state == self._calibration:
            return
        self._calibration = state
        if self._rows:
            top = self.index(0, self.COL_ESTIMATE)
            self.dataChanged.emit(top, self.index(len(self._rows) - 1, self.COL_ESTIMATE))

    def reading_at(self, row: int) -> OfficialReading:
        return self._rows[row]

    # -- Qt model API ---------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if self.COL_PILLAR0 <= section < self.COL_ESTIMATE:
                return PILLARS[section - self.COL_PILLAR0].label
            if section == self.COL_ESTIMATE:
                return "The estimated SSI on that day, as the app computes it now"
            if section in (self.COL_INDUSTRY, self.COL_NETWORK):
                return 'Your "Top N %" rank and the average SSI, as LinkedIn showed them'
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reading, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(reading, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_DATE:
            if column in (self.COL_INDUSTRY, self.COL_NETWORK):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_ESTIMATE:
            guess = self._calibration.estimate_on(reading.day)
            if guess is not None:
                return f"{guess - reading.total:+.1f} points from LinkedIn's {reading.total:g}"
        return None

    def _text(self, reading: OfficialReading, column: int) -> str:
        if column == self.COL_DATE:
            return dates.day_text(reading.day)
        if column == self.COL_TOTAL:
            return f"{reading.total:g}"
        if self.COL_PILLAR0 <= column < self.COL_ESTIMATE:
            return f"{reading.pillars[PILLARS[column - self.COL_PILLAR0]]:.2f}"
        if column == self.COL_ESTIMATE:
            guess = self._calibration.estimate_on(reading.day)
            return "…" if guess is None else f"{guess:.1f}"
        if column == self.COL_INDUSTRY:
            return _benchmark(reading.industry_rank, reading.industry_avg)
        return _benchmark(reading.network_rank, reading.network_avg)
