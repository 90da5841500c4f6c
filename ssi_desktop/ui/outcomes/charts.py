"""The Outcomes tab's two charts: weekly outcomes under the weekly SSI, and each post's rate."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from ssi_desktop.catalog import TOTAL_MAX
from ssi_desktop.outcomes.engagement import TARGET_RATE, PostRate
from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.outcomes.weekly import Week
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.charts import pg
from ssi_desktop.ui.outcomes.currency import compact_money
from ssi_desktop.ui.theme import ABOVE_TARGET, BELOW_TARGET
from ssi_desktop.ui.trend import DayAxis, ValueAxis, timestamp
from ssi_desktop.ui.widgets import chart_stop, same_when_inactive

DAY_SECONDS = 86400.0
PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
AXIS_WIDTH = 40  # the same for both plots, so that their weeks line up

OUTCOME_COLORS: dict[OutcomeKind, str] = {
    OutcomeKind.MEETING: "#56B4E9",  # sky blue (Okabe-Ito, like the pillars)
    OutcomeKind.OPPORTUNITY: "#D55E00",  # vermillion
    OutcomeKind.DEAL_WON: "#009E73",  # bluish green: money in
}

BAR_OFFSET_DAYS = {
    OutcomeKind.MEETING: 1.0,
    OutcomeKind.OPPORTUNITY: 3.0,
    OutcomeKind.DEAL_WON: 5.0,
}
BAR_WIDTH_DAYS = 1.8


def compact_amount(value: float) -> str:
    """12500 -> "12.5k", 2_000_000 -> "2M": short enough to sit above a bar."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.0f}"


def count_ticks(highest: float) -> list[tuple[float, str]]:
    """Whole-number ticks from 0 up to at least ``highest``, at most six of them."""
    step = max(1, math.ceil(highest / 5))
    top = max(step * math.ceil(highest / step), step)
    return [(float(v), str(v)) for v in range(0, top + 1, step)]


def percent_ticks(highest: float) -> list[tuple[float, str]]:
    """Ticks of 0.5, 1, 2, 5 ... percent, at most about six of them."""
    step = next(s for s in (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0) if highest / s <= 6)
    count = math.ceil(highest / step)
    return [(step * i, f"{step * i:g} %") for i in range(count + 1)]


def _style(plot: pg.PlotItem) -> None:
    text = theme.palette().color(QPalette.ColorRole.Text)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(theme.with_alpha(text, 90)))
        axis.setTextPen(pg.mkPen(text))


def _still(plot: pg.PlotItem) -> None:
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.getAxis("left").setWidth(AXIS_WIDTH)


class WeeklyChart(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """The estimated SSI at each week's close (top) over that week's outcomes (bottom)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyOutcomesChart")
        chart_stop(self, "Meetings, opportunities and deals won each week, under the SSI")
        same_when_inactive(self)
        self.setMinimumHeight(220)
        self.ssi_plot: pg.PlotItem = self.addPlot(
            row=0, col=0, axisItems={"bottom": DayAxis(orientation="bottom"), "left": ValueAxis()}
        )
        self.outcome_plot: pg.PlotItem = self.addPlot(
            row=1, col=0, axisItems={"bottom": DayAxis(orientation="bottom"), "left": ValueAxis()}
        )
        self.ci.layout.setRowStretchFactor(0, 2)
        self.ci.layout.setRowStretchFactor(1, 3)
        for plot in (self.ssi_plot, self.outcome_plot):
            _still(plot)
            plot.getAxis("left").leave_room(plot)
            plot.showGrid(x=False, y=True, alpha=0.18)
        self.outcome_plot.setXLink(self.ssi_plot)
        self.ssi_plot.getAxis("bottom").setStyle(showValues=False)
        self.ssi_plot.getAxis("bottom").setHeight(4)
        self.outcome_plot.getAxis("bottom").setHeight(QFontMetrics(self.font()).height() + 12)
        self.ssi_plot.setYRange(0, TOTAL_MAX, padding=0.04)
        self.ssi_plot.getAxis("left").setTicks(
            [[(v, f"{v:g}") for v in np.arange(0, TOTAL_MAX + 1, TOTAL_MAX / 4)]]
        )
        self.ssi_line = pg.PlotDataItem(symbol="o", symbolSize=6)
        self.ssi_plot.addItem(self.ssi_line)
        self.bars: dict[OutcomeKind, pg.BarGraphItem] = {}
        for kind in OutcomeKind:
            color = QColor(OUTCOME_COLORS[kind])
            bars = pg.BarGraphItem(
                x=[], height=[], width=BAR_WIDTH_DAYS * DAY_SECONDS, brush=color, pen=None
            )
            self.outcome_plot.addItem(bars)
            self.bars[kind] = bars
        self._value_labels: list[pg.TextItem] = []
        self.weeks: tuple[Week, ...] = ()
        self._styled = True
        self._apply_palette()

    def set_weeks(self, weeks: Sequence[Week]) -> None:
        self.weeks = tuple(weeks)
        self.setAccessibleDescription(
            f"{len(weeks)} weeks: {sum(w.meetings for w in weeks)} meetings, "
            f"{sum(w.opportunities for w in weeks)} opportunities, "
            f"{sum(w.deals_won for w in weeks)} deals won"
        )
        starts = np.array([timestamp(w.start) for w in weeks], dtype=float)
        heights = {
            OutcomeKind.MEETING: [w.meetings for w in weeks],
            OutcomeKind.OPPORTUNITY: [w.opportunities for w in weeks],
            OutcomeKind.DEAL_WON: [w.deals_won for w in weeks],
        }
        for kind, bars in self.bars.items():
            xs = starts + BAR_OFFSET_DAYS[kind] * DAY_SECONDS
            bars.setOpts(x=xs, height=np.array(heights[kind], dtype=float))
        scored = [w for w in weeks if w.estimate is not None]
        self.ssi_line.setData(
            [timestamp(w.closing_day) for w in scored], [w.estimate for w in scored]
        )
        self._label_won_values(weeks)
        highest = max((max(h, default=0) for h in heights.values()), default=0)
        ticks = count_ticks(max(highest, 2) * 1.2)
        self.outcome_plot.getAxis("left").setTicks([ticks])
        self.outcome_plot.setYRange(0, ticks[-1][0], padding=0.02)
        if len(starts):
            self.ssi_plot.setXRange(starts[0], starts[-1] + 7 * DAY_SECONDS, padding=0.01)

    def _label_won_values(self, weeks: Sequence[Week]) -> None:
        for label in self._value_labels:
            self.outcome_plot.removeItem(label)
        self._value_labels = []
        offset = BAR_OFFSET_DAYS[OutcomeKind.DEAL_WON] * DAY_SECONDS
        for week in weeks:
            if week.won_value <= 0:
                continue
            label = pg.TextItem(compact_money(compact_amount(week.won_value)), anchor=(0.5, 1.0))
            label.setPos(timestamp(week.start) + offset, week.deals_won)
            label.setColor(theme.text_color())
            self.outcome_plot.addItem(label)
            self._value_labels.append(label)

    _styled = False  # set once built: Qt sends palette events while the base class builds

    def changeEvent(self, event: QEvent) -> None:
        if self._styled and event.type() in PALETTE_EVENTS:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        self.setBackground(theme.palette().color(QPalette.ColorRole.Base))
        for plot in (self.ssi_plot, self.outcome_plot):
            _style(plot)
        text = theme.text_color()
        self.ssi_line.setPen(pg.mkPen(text, width=2))
        self.ssi_line.setSymbolBrush(pg.mkBrush(text))
        self.ssi_line.setSymbolPen(pg.mkPen(text))
        for label in self._value_labels:
            label.setColor(text)


class EngagementChart(pg.PlotWidget):  # type: ignore[misc]
    """One bar per post (its engagers per 100 views), green from the target line up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"left": ValueAxis()})
        self.setObjectName("engagementChart")
        chart_stop(self, "Engagement rate of each post")
        same_when_inactive(self)
        self.setMinimumHeight(150)
        plot = self.getPlotItem()
        _still(plot)
        plot.getAxis("left").leave_room(plot)
        plot.showGrid(x=False, y=True, alpha=0.18)
        plot.getAxis("bottom").setHeight(QFontMetrics(self.font()).height() + 12)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, pen=None)
        plot.addItem(self.bars)
        # No label on the line: wherever it sat, it covered a bar. The key under the chart
        # (engagement_key) names the line and the two colours.
        self.target_line = pg.InfiniteLine(pos=TARGET_RATE, angle=0, movable=False)
        plot.addItem(self.target_line)
        self._styled = True
        self._apply_palette()

    def set_rates(self, rates: Sequence[PostRate]) -> None:
        self.rates = tuple(rates)
        reaching = sum(1 for r in rates if r.rate >= TARGET_RATE)
        self.setAccessibleDescription(
            f"{len(rates)} posts, {reaching} at or above the {TARGET_RATE:g} % target"
        )
        values = np.array([r.rate for r in rates], dtype=float)
        brushes = [
            pg.mkBrush(ABOVE_TARGET if r.rate >= TARGET_RATE else BELOW_TARGET) for r in rates
        ]
        self.bars.setOpts(x=np.arange(len(rates), dtype=float), height=values, brushes=brushes)
        plot = self.getPlotItem()
        ticks = percent_ticks(max(float(values.max(initial=0.0)), TARGET_RATE * 2) * 1.15)
        plot.getAxis("left").setTicks([ticks])
        plot.setYRange(0, ticks[-1][0], padding=0.02)
        plot.setXRange(-0.6, max(len(rates), 6) - 0.4, padding=0)
        plot.getAxis("bottom").setTicks([self._date_ticks([r.day for r in rates])])

    def _date_ticks(self, days: Sequence[dt.date]) -> list[tuple[float, str]]:
        """A date under every post, or under every n-th one when they would overlap."""
        label_width = QFontMetrics(self.font()).horizontalAdvance("Sep 29") + 12
        fits = max(1, self.width() // label_width)
        every = max(1, math.ceil(len(days) / fits))
        newest_first = range(len(days) - 1, -1, -every)  # the newest post always gets its date
        return [(float(i), dates.short_day_text(days[i])) for i in sorted(newest_first)]

    rates: tuple[PostRate, ...] = ()  # a class default: the base class resizes while it builds

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        if self.rates:
            ticks = self._date_ticks([r.day for r in self.rates])
            self.getPlotItem().getAxis("bottom").setTicks([ticks])

    _styled = False

    def changeEvent(self, event: QEvent) -> None:
        if self._styled and event.type() in PALETTE_EVENTS:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        base = theme.palette().color(QPalette.ColorRole.Base)
        self.setBackground(base)
        _style(self.getPlotItem())
        muted = theme.muted_color()
        self.target_line.setPen(pg.mkPen(muted, width=1.5, style=Qt.PenStyle.DashLine))


def engagement_key() -> QWidget:
    """What the engagement chart's line and colours mean, in a row under it."""
    from ssi_desktop.ui.trend_legend import Legend, Mark

    key = Legend("engagementKey")
    key.add("above", Mark.BAND, f"{TARGET_RATE:g} % or more", QColor(ABOVE_TARGET))
    key.add("below", Mark.BAND, f"under {TARGET_RATE:g} %", QColor(BELOW_TARGET))
    key.add("target", Mark.MUTED_DASHES, f"the {TARGET_RATE:g} % target")
    key.finish()
    return key
