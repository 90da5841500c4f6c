"""The score gauge: a 0-100 arc with the four tier bands, the value and the tier's name.

A plain widget that paints itself: it is in the first frame, which draws no chart, so it
must not need pyqtgraph (loaded after the first paint for the trend; tests/benchmarks/
startup.py). Everything is drawn in a fixed 200-unit box, scaled, text included, to the
largest square that fits the widget, centred.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from ssi_desktop.catalog import TOTAL_MAX, tier_name
from ssi_desktop.ui import theme
from ssi_desktop.ui.widgets import chart_stop

START_DEG = 215.0  # where 0 sits, counter-clockwise from 3 o'clock
SWEEP_DEG = 250.0  # clockwise from START_DEG to 100
TIER_EDGES = (0.0, 25.0, 50.0, 75.0, 100.0)
TIER_ALPHAS = (55, 105, 165, 235)
CENTER_X, CENTER_Y, RADIUS = 100.0, 110.0, 78.0
BOX = QRectF(0.0, 0.0, 200.0, 200.0)
VALUE_RECT = QRectF(CENTER_X - 70, CENTER_Y - 40, 140, 54)
TIER_RECT = QRectF(CENTER_X - 70, CENTER_Y + 14, 140, 22)
CAPTION_RECT = QRectF(CENTER_X - 70, CENTER_Y + 36, 140, 16)
RANK_RECT = QRectF(0, BOX.height() - 20, BOX.width(), 18)


def _angle(value: float) -> float:
    return START_DEG - SWEEP_DEG * max(0.0, min(TOTAL_MAX, value)) / TOTAL_MAX


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class ScoreGauge(QWidget):
    """The gauge as a widget (objectName ``scoreGauge``); keeps its aspect when resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreGauge")
        self.setMinimumSize(220, 215)
        # A tab stop with a name and the figure for a screen reader: the gauge is a picture.
        chart_stop(self, "Estimated SSI gauge")
        self._value: float | None = None
        self._rank = ""

    @property
    def value(self) -> float | None:
        """The score shown (None: none yet, a dash)."""
        return self._value

    @property
    def rank_caption(self) -> str:
        return self._rank

    def set_value(self, value: float | None) -> None:
        if value == self._value:
            return
        self._value = value
        self._describe()
        self.update()

    def set_rank_caption(self, text: str) -> None:
        """E.g. "Top 8 % of your industry", shown under the gauge; "" hides it."""
        if text == self._rank:
            return  # told again with every snapshot
        self._rank = text
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self._value is None:
            self.setAccessibleDescription("No estimate yet")
            return
        text = f"{round(self._value)} of {TOTAL_MAX:g}, {tier_name(self._value)}"
        self.setAccessibleDescription(f"{text}. {self._rank}" if self._rank else text)

    def changeEvent(self, event: QEvent) -> None:
        if theme.is_palette_change(event):
            self._dial = None
            self.update()  # the colours are read from the palette at each paint
        super().changeEvent(event)

    def box_scale(self) -> tuple[float, float, float]:
        """The box's scale and its top-left corner in the widget: the largest square that
        fits, centred (as the chart view holding the gauge before kept its aspect)."""
        scale = min(self.width(), self.height()) / BOX.width()
        left = (self.width() - BOX.width() * scale) / 2
        top = (self.height() - BOX.height() * scale) / 2
        return scale, left, top

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = theme.palette()
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, self._dial_for(pal))
            scale, left, top = self.box_scale()
            painter.translate(left, top)
            painter.scale(scale, scale)
            self._paint_value(painter, pal)
        finally:
            painter.end()

    _dial: QPixmap | None = None

    def _dial_for(self, pal: QPalette) -> QPixmap:
        """What no score changes (the background, the tier ring, the track, the tick labels,
        the caption), drawn once per size and palette: five antialiased arcs were most of the
        gauge's paint, and it is painted after every change."""
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        dial = self._dial
        if dial is None or dial.size() != size or dial.devicePixelRatio() != ratio:
            dial = QPixmap(size)
            dial.setDevicePixelRatio(ratio)
            painter = QPainter(dial)
            try:
                painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
                scale, left, top = self.box_scale()
                painter.translate(left, top)
                painter.scale(scale, scale)
                _paint_dial(painter, pal)
            finally:
                painter.end()
            self._dial = dial
        return dial

    def _paint_value(self, painter: QPainter, pal: QPalette) -> None:
        accent = pal.color(QPalette.ColorRole.Highlight)
        text = pal.color(QPalette.ColorRole.Text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self._value is not None and self._value > 0:
            _arc(painter, RADIUS - 4, 0.0, self._value, accent, 14, Qt.PenCapStyle.RoundCap)
        center = Qt.AlignmentFlag.AlignCenter
        painter.setPen(text)
        painter.setFont(_font(46, bold=True))
        painter.drawText(VALUE_RECT, center, "–" if self._value is None else f"{self._value:.1f}")
        painter.setFont(_font(16, bold=True))
        painter.drawText(TIER_RECT, center, "" if self._value is None else tier_name(self._value))
        if self._rank:
            painter.setFont(_font(12))
            painter.drawText(RANK_RECT, center, self._rank)


def _paint_dial(painter: QPainter, pal: QPalette) -> None:
    accent = pal.color(QPalette.ColorRole.Highlight)
    muted = pal.color(QPalette.ColorRole.PlaceholderText)
    track = pal.color(
        QPalette.ColorRole.Midlight if not theme.is_dark(pal) else QPalette.ColorRole.Mid
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    # Outer ring: the four tiers, one shade of the accent each.
    outer = RADIUS + 9
    for i, alpha in enumerate(TIER_ALPHAS):
        low, high = TIER_EDGES[i], TIER_EDGES[i + 1]
        _arc(painter, outer, low + 0.4, high - 0.4, theme.with_alpha(accent, alpha), 4)
    # Inner ring: the track, under the value.
    _arc(painter, RADIUS - 4, 0.0, TOTAL_MAX, track, 14, Qt.PenCapStyle.RoundCap)
    painter.setPen(muted)
    painter.setFont(_font(10))
    for edge in TIER_EDGES:
        _tick_label(painter, edge, RADIUS + 20)
    painter.setFont(_font(11))
    painter.drawText(CAPTION_RECT, Qt.AlignmentFlag.AlignCenter, "estimated SSI")


def _arc(
    painter: QPainter,
    radius: float,
    low: float,
    high: float,
    color: QColor,
    width: float,
    cap: Qt.PenCapStyle = Qt.PenCapStyle.FlatCap,
) -> None:
    pen = QPen(color, width)
    pen.setCapStyle(cap)
    painter.setPen(pen)
    rect = QRectF(CENTER_X - radius, CENTER_Y - radius, 2 * radius, 2 * radius)
    start = _angle(low)
    painter.drawArc(rect, round(start * 16), round((_angle(high) - start) * 16))


def _tick_label(painter: QPainter, value: float, radius: float) -> None:
    angle = math.radians(_angle(value))
    x = CENTER_X + radius * math.cos(angle)
    y = CENTER_Y - radius * math.sin(angle)
    painter.drawText(QRectF(x - 14, y - 8, 28, 16), Qt.AlignmentFlag.AlignCenter, f"{value:g}")
