"""Progress toward the targets of one pillar's actions, shown on that pillar's tab."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGridLayout, QWidget

from ssi_desktop.catalog import Pillar
from ssi_desktop.ui.habits.progress import ProgressRows
from ssi_desktop.ui.widgets import Card
from ssi_desktop.workers.snapshot import ScoreSnapshot

COLUMNS = 2
"""Two targets side by side keep the card to a few lines even for a pillar with many."""


class PillarTargets(Card):
    """Hidden while the pillar has no targets (a Card: objectName ``card``)."""

    def __init__(self, pillar: Pillar, parent: QWidget | None = None) -> None:
        super().__init__("Your targets", parent=parent)
        self.pillar = pillar
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        # Four columns per target (see progress.py), then a stretching gap after each group.
        for column in range(COLUMNS):
            self.grid.setColumnMinimumWidth(column * 5 + 4, 24)
            self.grid.setColumnStretch(column * 5 + 4, 1)
        self.body.addLayout(self.grid)
        self._rows = ProgressRows(self.grid, self._place)
        self.hide()

    @staticmethod
    def _place(index: int) -> tuple[int, int]:
        row, column = divmod(index, COLUMNS)
        return row, column * 5

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        report = snapshot.habits
        mine = (
            [s for s in report.targets if s.target.action.pillar is self.pillar] if report else []
        )
        self._rows.show(mine)
        self.setVisible(bool(mine))
