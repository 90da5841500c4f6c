"""The readings table: one row per official reading, newest first, beside the estimate.

The readings and the estimate column both come from the worker's last snapshot: the window
never reads them on its own thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from ssi_desktop.application.estimate import UNCALIBRATED_STATE, CalibrationState
from ssi_desktop.catalog import Pillar
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.ui import dates
from ssi_desktop.ui.table_model import replace_rows

PILLARS = tuple(Pillar)


def _benchmark(rank: float | None, average: float | None) -> str:
    parts = [
        f"Top {rank:g} %" if rank is not None else "",
        f"avg {average:g}" if average is not None else "",
    ]
    return " · ".join(filter(None, parts)) or "–"


class ReadingsModel(QStandardItemModel):
    """Columns: date, LinkedIn's SSI, the four pillars, the estimate that day, the benchmarks.

    The cells are Qt's own items, filled when the readings or the fit change: the view paints
    without calling into Python (a Python data() was asked some 1,900 times for a repaint of
    the table, 26 ms when a closing Ctrl+K box uncovered it; see ui/history_model.py).
    """

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
    _estimates: list[float | None]  # what each row's estimate cell shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.HEADERS), parent)
        self.setHorizontalHeaderLabels(list(self.HEADERS))
        self._rows = []
        self._estimates = []
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
        self._rows = found
        self._estimates = [self._calibration.estimate_on(reading.day) for reading in found]
        replace_rows(self, map(self._items, found, self._estimates))

    def set_calibration(self, state: CalibrationState) -> None:
        """The worker's latest fit: the estimate column shows what the seller sees that day.
        Only the cells whose estimate moved are told: a quick-add on a reading's day refits,
        and telling all 261 rows of a 10-year demo cost 2.6 ms of each click."""
        if state == self._calibration:
            return
        self._calibration = state
        for row, reading in enumerate(self._rows):
            guess = state.estimate_on(reading.day)
            if guess != self._estimates[row]:
                self._estimates[row] = guess
                self._show_estimate(self.item(row, self.COL_ESTIMATE), reading, guess)

    def reading_at(self, row: int) -> OfficialReading:
        return self._rows[row]

    # -- the header and the cells ---------------------------------------------------------------

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

    def _items(self, reading: OfficialReading, estimate: float | None) -> list[QStandardItem]:
        cells = []
        for column in range(len(self.HEADERS)):
            cell = QStandardItem(self._text(reading, column))
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if column in (self.COL_INDUSTRY, self.COL_NETWORK):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            elif column != self.COL_DATE:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cells.append(cell)
        self._show_estimate(cells[self.COL_ESTIMATE], reading, estimate)
        return cells

    @staticmethod
    def _show_estimate(
        cell: QStandardItem | None, reading: OfficialReading, guess: float | None
    ) -> None:
        """The estimate on the reading's day at the fit in use, and its gap in the tooltip."""
        if cell is None:
            return
        if guess is None:
            cell.setText("…")
            cell.setToolTip("")
            return
        cell.setText(f"{guess:.1f}")
        cell.setToolTip(f"{guess - reading.total:+.1f} points from LinkedIn's {reading.total:g}")

    def _text(self, reading: OfficialReading, column: int) -> str:
        if column == self.COL_DATE:
            return dates.day_text(reading.day)
        if column == self.COL_TOTAL:
            return f"{reading.total:g}"
        if self.COL_PILLAR0 <= column < self.COL_ESTIMATE:
            return f"{reading.pillars[PILLARS[column - self.COL_PILLAR0]]:.2f}"
        if column == self.COL_ESTIMATE:
            return ""  # _show_estimate fills it
        if column == self.COL_INDUSTRY:
            return _benchmark(reading.industry_rank, reading.industry_avg)
        return _benchmark(reading.network_rank, reading.network_avg)
