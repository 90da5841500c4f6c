"""The dashboard's "Last 90 days" card: its heading, the pillars toggle, the chart, its key.

The chart is a pyqtgraph plot, and the first frame does without it: pyqtgraph is some 170 ms
to import and the plot some 20 ms to build, a third of start-up (tests/benchmarks/
startup.py). The card keeps the chart's room empty and what it would show (the snapshot, the
readings, the averages, the forecast) until build() makes the plot, right after the first
frame (MainWindow) or when something asks for it, and hands it all over then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from ssi_desktop.ui import theme
from ssi_desktop.ui.trend_legend import TrendLegend
from ssi_desktop.ui.widgets import Card
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.ui.trend import TrendPlot

DatedValues = Sequence[tuple[dt.date, float]]

CHART_MIN_HEIGHT = 160  # TrendPlot's


class ChartRoom(QWidget):
    """The chart's place, empty (the card's own background) until the chart is built."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("trendPlaceholder")
        self.setMinimumHeight(CHART_MIN_HEIGHT)

    def sizeHint(self) -> QSize:
        return QSize(480, CHART_MIN_HEIGHT)  # as TrendPlot's, so nothing moves when it comes


class TrendCard(Card):
    """The card of the dashboard's trend; ``plot`` builds the chart if it is not built yet."""

    chart_built = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        header = QHBoxLayout()
        title = theme.as_heading(QLabel("Last 90 days"))
        self.pillars_toggle = QCheckBox("Show pillars")
        self.pillars_toggle.setObjectName("showPillarsToggle")
        self.pillars_toggle.setChecked(True)
        header.addWidget(title)
        header.addWidget(theme.as_caption(QLabel("estimated from your log, day by day")))
        header.addStretch(1)
        header.addWidget(self.pillars_toggle)
        self.body.addLayout(header)
        self._room: ChartRoom | None = ChartRoom()
        self.body.addWidget(self._room, 1)
        self.legend = TrendLegend()
        self.body.addWidget(self.legend)
        self._plot: TrendPlot | None = None
        self._snapshot: ScoreSnapshot | None = None
        self._readings: DatedValues = ()
        self._averages: tuple[float | None, float | None] = (None, None)
        self._tip = ""
        self._forecast: DatedValues = ()
        self.pillars_toggle.toggled.connect(self._show_legend)
        self._show_legend()

    @property
    def built(self) -> bool:
        return self._plot is not None

    @property
    def plot(self) -> TrendPlot:
        return self.build()

    @Slot()
    def build(self) -> TrendPlot:
        """Make the chart in the card's room (once) and show on it what the card was given."""
        if self._plot is not None:
            return self._plot
        from ssi_desktop.ui.trend import TrendPlot

        plot = self._plot = TrendPlot()
        plot.show_pillars(self.pillars_toggle.isChecked())
        self.pillars_toggle.toggled.connect(plot.show_pillars)
        room, self._room = self._room, None
        assert room is not None
        self.body.insertWidget(self.body.indexOf(room), plot, 1)
        room.hide()
        room.deleteLater()
        if self.isVisible():
            plot.show()  # now, not from the layout's queued call: it draws what it is given
        QWidget.setTabOrder(self.pillars_toggle, plot)  # where it is drawn, not last
        plot.set_readings(self._readings)
        plot.set_benchmarks(*self._averages)
        plot.setToolTip(self._tip)
        plot.set_forecast(self._forecast)
        if self._snapshot is not None:
            plot.set_snapshot(self._snapshot)
        plot.layers_changed.connect(self._show_legend)
        self._show_legend()
        self.chart_built.emit()
        return plot

    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        self._snapshot = snapshot
        if self._plot is not None:
            self._plot.set_snapshot(snapshot)

    def show_readings(
        self, markers: DatedValues, industry_avg: float | None, network_avg: float | None, tip: str
    ) -> None:
        averages = (industry_avg, network_avg)
        if (markers, averages, tip) == (self._readings, self._averages, self._tip):
            return  # the same on every snapshot until a reading changes: 5 ms of redrawing
        self._readings, self._averages, self._tip = markers, averages, tip
        if self._plot is not None:
            self._plot.set_readings(markers)
            self._plot.set_benchmarks(industry_avg, network_avg)
            self._plot.setToolTip(tip)
        else:
            self._show_legend()

    def show_forecast(self, line: DatedValues) -> None:
        if line == self._forecast:
            return
        self._forecast = line
        if self._plot is not None:
            self._plot.set_forecast(line)
        else:
            self._show_legend()

    @Slot()
    def _show_legend(self) -> None:
        plot = self._plot
        if plot is None:  # the layers the chart will have: the key does not change under it
            self.legend.show_layers(
                forecast=bool(len(self._forecast)),
                readings=bool(len(self._readings)),
                averages=any(value is not None for value in self._averages),
                pillars=self.pillars_toggle.isChecked(),
            )
            return
        self.legend.show_layers(
            forecast=plot.has_forecast,
            readings=plot.has_readings,
            averages=plot.has_averages,
            pillars=plot.pillars_shown,
        )
