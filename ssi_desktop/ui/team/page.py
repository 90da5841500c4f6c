"""The Team tab: the leaderboard, and the 90-day published trend of the member picked."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Slot
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import TOTAL_MAX
from ssi_desktop.store.team_rows import BoardRow, Scored
from ssi_desktop.ui import theme
from ssi_desktop.ui.charts import pg
from ssi_desktop.ui.team.board_model import BAR_ROLE, PILLAR_COLUMNS, BoardModel
from ssi_desktop.ui.trend import DayAxis, timestamp
from ssi_desktop.ui.widgets import same_when_inactive
from ssi_desktop.workers.team import TeamSync


class PillarBarDelegate(QStyledItemDelegate):
    """A small bar under the pillar's number: its share of the pillar's 25 points."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # first: a selected row's colour stays under
        share = index.data(BAR_ROLE)
        pillar = PILLAR_COLUMNS.get(index.column())
        if isinstance(share, float) and pillar is not None:
            rect: QRect = option.rect
            bar = rect.adjusted(4, rect.height() - 7, -4, -3)
            painter.save()
            painter.fillRect(bar, theme.with_alpha(theme.muted_color(), 50))
            bar.setWidth(round(bar.width() * max(0.0, min(1.0, share))))
            painter.fillRect(bar, theme.pillar_color(pillar))
            painter.restore()


class TeamPage(QWidget):
    def __init__(self, sync: TeamSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamPage")
        self.sync = sync
        layout = QVBoxLayout(self)
        self.note = theme.as_caption(QLabel("Reading the team's board…"))
        self.note.setObjectName("teamNote")
        layout.addWidget(self.note)
        self.model = BoardModel(self)
        self.table = QTableView()
        self.table.setObjectName("teamBoard")
        same_when_inactive(self.table)
        self.table.setModel(self.model)
        self.table.setItemDelegate(PillarBarDelegate(self.table))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        layout.addWidget(self.table, 3)
        self.trend_title = theme.as_heading(QLabel("Pick a member to see their 90-day trend"))
        self.trend_title.setObjectName("teamTrendTitle")
        layout.addWidget(self.trend_title)
        self.plot = pg.PlotWidget(axisItems={"bottom": DayAxis(orientation="bottom")})
        same_when_inactive(self.plot)
        self.plot.setObjectName("teamTrend")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setYRange(0, TOTAL_MAX, padding=0.02)
        item.showGrid(x=False, y=True, alpha=0.18)
        self.plot.setMinimumHeight(160)
        self.curve = self.plot.plot()
        self._apply_palette()
        layout.addWidget(self.plot, 2)
        self._shown: str | None = None
        sync.board_ready.connect(self.show_board)
        sync.trend_ready.connect(self.show_trend)

    def _apply_palette(self) -> None:
        pal = theme.palette()
        text = pal.color(QPalette.ColorRole.Text)
        self.plot.setBackground(pal.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(theme.with_alpha(text, 90)))
            axis.setTextPen(pg.mkPen(text))
        self.curve.setPen(pg.mkPen(theme.accent_color(), width=2.5))

    def changeEvent(self, event: QEvent) -> None:
        if theme.is_palette_change(event):
            self._apply_palette()
        super().changeEvent(event)

    @Slot(object)
    def show_board(self, rows: list[BoardRow]) -> None:
        picked = self._shown
        self.model.set_rows(rows)
        self.note.setText(
            "Nobody in the team has published yet."
            if not rows
            else f"{len(rows)} members, each on their latest published day; best first."
        )
        names = [row.name for row in rows]
        if rows:
            self.table.selectRow(names.index(picked) if picked in names else 0)

    @Slot(QModelIndex, QModelIndex)
    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        name = self.model.row(current.row()).name
        self.trend_title.setText(f"{name}: published trend, last 90 days")
        self.sync.load_trend(name)

    @Slot(str, object)
    def show_trend(self, name: str, points: list[Scored]) -> None:
        self._shown = name
        xs = np.array([timestamp(p.day) for p in points], dtype=float)
        ys = np.array([p.total for p in points], dtype=float)
        self.curve.setData(xs, ys)
        if len(points) == 1:
            day = points[0].day
            self.plot.setXRange(timestamp(day - dt.timedelta(days=1)), timestamp(day))
