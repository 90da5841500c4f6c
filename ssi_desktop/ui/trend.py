"""The 90-day trend: the total (or one pillar) per day, dates on the axis.

Besides the estimate it has layers for what other features bring: official readings (markers),
industry and network benchmarks (horizontal lines) and a forecast (dashed continuation). Each
takes plain data; an empty list or None hides the layer.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QShowEvent
from PySide6.QtWidgets import QWidget

from ssi_desktop.catalog import PILLAR_MAX, TOTAL_MAX, Pillar
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.charts import pg
from ssi_desktop.ui.trend_card import DatedValues
from ssi_desktop.ui.widgets import chart_stop, same_when_inactive
from ssi_desktop.workers.snapshot import ScoreSnapshot


def timestamp(day: dt.date) -> float:
    """Local noon of the day, so the date axis never shows the day before or after."""
    return dt.datetime.combine(day, dt.time(12)).timestamp()


def _xy(points: DatedValues) -> tuple[np.ndarray, np.ndarray]:
    xs = np.array([timestamp(day) for day, _ in points], dtype=float)
    ys = np.array([value for _, value in points], dtype=float)
    return xs, ys


class ValueAxis(pg.AxisItem):  # type: ignore[misc]
    """A value axis that draws its lowest and highest labels (0 and 25) at every plot height.

    pyqtgraph hides a label that reaches past the axis's ends, as the end labels do by half
    their height; with a grid it also ignores its own setting for letting them. This axis lets
    them reach that far, into a margin its plot leaves for them (``leave_room``).
    """

    def __init__(self) -> None:
        super().__init__("left")
        self.overhang = QFontMetrics(QFont()).height() // 2 + 2  # the application's font

    def boundingRect(self) -> QRectF:
        bounds: QRectF = super().boundingRect()
        return bounds.adjusted(0, -self.overhang, 0, self.overhang)

    def leave_room(self, plot: pg.PlotItem) -> None:
        plot.layout.setContentsMargins(0, self.overhang, 4, 0)


class DayAxis(pg.DateAxisItem):  # type: ignore[misc]
    """Dates every week or few weeks, on Mondays, as "Sep 29": one kind of label, no clutter."""

    LABEL_PIXELS = 64

    def tickValues(
        self, minVal: float, maxVal: float, size: float
    ) -> list[tuple[float, list[float]]]:
        span_days = (maxVal - minVal) / 86400
        if span_days > 400 or size <= 0:
            return super().tickValues(minVal, maxVal, size)  # type: ignore[no-any-return]
        fits = max(1, int(size // self.LABEL_PIXELS))
        weeks = max(1, math.ceil(span_days / 7 / fits))
        first = dt.datetime.fromtimestamp(minVal).date()
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        days = []
        while (stamp := timestamp(monday)) <= maxVal:
            days.append(stamp)
            monday += dt.timedelta(weeks=weeks)
        return [(weeks * 7 * 86400.0, days)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing < 7 * 86400 or spacing > 60 * 86400:
            return super().tickStrings(values, scale, spacing)  # type: ignore[no-any-return]
        days = [dt.datetime.fromtimestamp(value).date() for value in values]
        return [dates.short_day_text(day) for day in days]


class TrendPlot(pg.PlotWidget):  # type: ignore[misc]
    """The total's trend (objectName ``trendPlot``), or one pillar's when ``pillar`` is given."""

    layers_changed = Signal()  # a layer (readings, averages, forecast, pillars) came or went

    def __init__(self, pillar: Pillar | None = None, parent: QWidget | None = None) -> None:
        axis = ValueAxis()
        super().__init__(parent, axisItems={"bottom": DayAxis(orientation="bottom"), "left": axis})
        self.pillar = pillar
        self.setObjectName("trendPlot" if pillar is None else f"trendPlot_{pillar.value}")
        what = "Estimated SSI" if pillar is None else pillar.label
        chart_stop(self, f"{what}, day by day over the last 90 days")
        same_when_inactive(self)
        self.y_max = TOTAL_MAX if pillar is None else PILLAR_MAX
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.setYRange(-0.04 * self.y_max, 1.04 * self.y_max, padding=0)
        plot.showGrid(x=False, y=True, alpha=0.18)
        step = self.y_max / 4 if pillar is None else 5.0
        ticks = [(v, f"{v:g}") for v in np.arange(0, self.y_max + 0.1, step)]
        plot.getAxis("left").setTicks([ticks])
        plot.getAxis("left").setWidth(32)
        axis.leave_room(plot)
        # A fixed room for the dates: pyqtgraph grows the axis only after a first paint, which
        # left the dashboard's dates clipped in the first frame (and in screenshots).
        plot.getAxis("bottom").setHeight(QFontMetrics(self.font()).height() + 12)
        self.setMinimumHeight(160)

        self._stack: list[tuple[pg.PlotCurveItem, pg.FillBetweenItem]] = []
        self._stack_floor = pg.PlotCurveItem()  # zero: the lowest band's fill reaches it
        if pillar is None:
            self._add_pillar_stack()
        self._base = pg.PlotCurveItem()  # zero: a single pillar's fill reaches down to it
        self._line = pg.PlotDataItem()
        if pillar is not None:
            self._fill: pg.FillBetweenItem | None = pg.FillBetweenItem(self._base, self._line)
            plot.addItem(self._fill)
        else:
            self._fill = None
        plot.addItem(self._line)
        self._forecast = pg.PlotDataItem()
        plot.addItem(self._forecast)
        self._readings = pg.ScatterPlotItem(size=9, symbol="o")
        plot.addItem(self._readings)
        self._benchmarks: list[pg.InfiniteLine] = []
        self._x_span: tuple[float, float] | None = None
        self._forecast_end: float | None = None
        self._pending: ScoreSnapshot | None = None
        self._draw_soon = QTimer(self)
        self._draw_soon.setSingleShot(True)
        # 1 ms, not 0: a zero timer is a posted event, sent in the same pass as the paint it
        # should follow.
        self._draw_soon.setInterval(1)
        self._draw_soon.timeout.connect(self._plot_pending)
        self.pillars_shown = pillar is None
        self._apply_palette()
        self._styled = True

    def sizeHint(self) -> QSize:
        """As tall as its minimum: a scrolling page sizes itself from its parts' hints, and a
        graphics view's default (its scene's size) made the page scroll for an oversized plot.
        Where there is room the layout still gives the plot all of it."""
        return QSize(480, self.minimumHeight())

    # -- the estimate -------------------------------------------------------------------------

    def set_snapshot(self, snapshot: ScoreSnapshot) -> None:
        """Plot the snapshot's trend in a moment if the plot is on screen, else when it is
        next shown.

        Hidden plots (the dashboard's while the seller quick-adds on a pillar tab) would
        otherwise redraw for nothing after every change: that was a third of the GUI
        thread's work per quick-add. A plot on screen draws in the next turn of the event
        loop, after the new score's labels have painted: drawn with them, the slot and its
        paint held the GUI thread for 10-15 ms in one go; in two turns, input and timers run
        between them.
        """
        first = self._x_span is None
        self._pending = snapshot
        if first and self.isVisible():
            self._plot_pending()  # a chart just built draws what it was given at once
        elif self.isVisible() and not self._draw_soon.isActive():
            self._draw_soon.start()

    def showEvent(self, event: QShowEvent) -> None:
        self._plot_pending()
        super().showEvent(event)

    def _plot_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is None:
            return
        xs = np.array([timestamp(day) for day in snapshot.trend_days], dtype=float)
        if self.pillar is None:
            values = snapshot.trend_total
            self._line.setData(xs, values)
            stacked = np.zeros_like(xs)
            # Each band's edge is the next band's floor: told of each new edge, the fills
            # redrew twice each (2 of the 3 ms the dashboard took per change). Quiet while the
            # edges move, each fill is then drawn once.
            edges = [self._stack_floor, *(curve for curve, _fill in self._stack)]
            for edge in edges:
                edge.blockSignals(True)
            try:
                self._stack_floor.setData(xs, stacked)
                for (curve, _fill), pillar in zip(self._stack, Pillar, strict=True):
                    stacked = stacked + snapshot.trend_pillars[pillar]
                    curve.setData(xs, stacked)
            finally:
                for edge in edges:
                    edge.blockSignals(False)
            for curve, fill in self._stack:
                fill.updatePath()
                curve.update()
        else:
            values = snapshot.trend_pillars[self.pillar]
            self._line.setData(xs, values)
            self._base.setData(xs, np.zeros_like(xs))
        self._x_span = (float(xs[0]), float(xs[-1])) if len(xs) else None
        self._fit_x()
        values = (
            snapshot.trend_total if self.pillar is None else snapshot.trend_pillars[self.pillar]
        )
        if len(values):
            self.setAccessibleDescription(
                f"{float(values[0]):.1f} on {dates.day_text(snapshot.trend_days[0])}, "
                f"{float(values[-1]):.1f} on {dates.day_text(snapshot.trend_days[-1])}"
            )

    def show_pillars(self, shown: bool) -> None:
        """Show the pillars as stacked bands under the total (the dashboard's trend only)."""
        for curve, fill in self._stack:
            curve.setVisible(shown)
            fill.setVisible(shown)
        self.pillars_shown = shown and bool(self._stack)
        self.layers_changed.emit()

    # -- layers for other features --------------------------------------------------------------

    def set_readings(self, points: DatedValues) -> None:
        """Official readings typed in from LinkedIn, as markers."""
        xs, ys = _xy(points)
        self._readings.setData(xs, ys)
        self.has_readings = bool(len(xs))
        self.layers_changed.emit()

    def set_benchmarks(self, industry_avg: float | None, network_avg: float | None) -> None:
        """Horizontal lines for the industry's and the network's average SSI (None: hidden)."""
        plot = self.getPlotItem()
        for line in self._benchmarks:
            plot.removeItem(line)
        self._benchmarks = []
        shown = [
            (name, value)
            for name, value in (("Industry avg", industry_avg), ("Network avg", network_avg))
            if value is not None
        ]
        highest = max((value for _name, value in shown), default=None)
        for name, value in shown:
            # Two averages a few points apart had their labels on top of each other: the
            # higher one's label sits above its line, the lower one's below.
            above = value == highest
            anchor = (0, 1) if above else (0, 0)
            line = pg.InfiniteLine(
                pos=value,
                angle=0,
                movable=False,
                label=f"{name} {value:.0f}",
                labelOpts={"position": 0.02, "anchors": [anchor, anchor]},
            )
            plot.addItem(line)
            self._benchmarks.append(line)
        self.has_averages = bool(shown)
        self._apply_palette()
        self.layers_changed.emit()

    def set_forecast(self, points: DatedValues) -> None:
        """Where the estimate is heading: a dashed line after the last day."""
        xs, ys = _xy(points)
        self._forecast.setData(xs, ys)
        self._forecast_end = float(xs.max()) if len(xs) else None
        self.has_forecast = bool(len(xs))
        self._fit_x()
        self.layers_changed.emit()

    # -- look -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if theme.is_palette_change(event) and self._styled:
            self._apply_palette()
        super().changeEvent(event)

    def _add_pillar_stack(self) -> None:
        plot = self.getPlotItem()
        below = self._stack_floor
        plot.addItem(below)
        for pillar in Pillar:
            curve = pg.PlotCurveItem(pen=pg.mkPen(theme.pillar_color(pillar), width=1))
            fill = pg.FillBetweenItem(
                below, curve, brush=theme.with_alpha(theme.pillar_color(pillar), 70)
            )
            plot.addItem(fill)
            plot.addItem(curve)
            self._stack.append((curve, fill))
            below = curve

    def _fit_x(self) -> None:
        if self._x_span is None:
            return
        first, last = self._x_span
        if self._forecast_end is not None:
            last = max(last, self._forecast_end)
        self.getPlotItem().setXRange(first, last, padding=0.01)

    has_readings = has_averages = has_forecast = pillars_shown = False
    """Which layers are on the chart (for its legend)."""

    _styled = False  # set once built: Qt sends palette events while the base class builds

    def _apply_palette(self) -> None:
        pal = theme.palette()
        text = pal.color(QPalette.ColorRole.Text)
        self.setBackground(pal.color(QPalette.ColorRole.Base))
        plot = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(theme.with_alpha(text, 90)))
            axis.setTextPen(pg.mkPen(text))
        line_color = theme.pillar_color(self.pillar) if self.pillar else text
        self._line.setPen(pg.mkPen(line_color, width=2.5))
        if self._fill is not None:
            self._fill.setBrush(theme.with_alpha(line_color, 60))
        self._forecast.setPen(pg.mkPen(line_color, width=2, style=Qt.PenStyle.DashLine))
        accent = pal.color(QPalette.ColorRole.Highlight)
        self._readings.setPen(pg.mkPen(text, width=1.5))
        self._readings.setBrush(pg.mkBrush(accent))
        base = pal.color(QPalette.ColorRole.Base)
        for line in self._benchmarks:
            line.setPen(pg.mkPen(theme.muted_color(), width=1.5, style=Qt.PenStyle.DotLine))
            # Full text colour on a backing of the plot's colour: readable over the bands.
            line.label.setColor(text)
            line.label.fill = pg.mkBrush(theme.with_alpha(base, 200))
