"""The score gauge: a 0-100 arc with the four tier bands, the value and the tier's name.

Drawn as one custom pyqtgraph GraphicsObject (after pyqtgraph's customGraphicsItem example)
in a fixed 200-unit box; the view scales the box, text included, to the widget's size.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from ssi_desktop.catalog import TOTAL_MAX, tier_name
from ssi_desktop.ui import theme
from ssi_desktop.ui.widgets import chart_stop

START_DEG = 215.0  # where 0 sits, counter-clockwise from 3 o'clock
SWEEP_DEG = 250.0  # clockwise from START_DEG to 100
TIER_EDGES = (0.0, 25.0, 50.0, 75.0, 100.0)
TIER_ALPHAS = (55, 105, 165, 235)
CENTER_X, CENTER_Y, RADIUS = 100.0, 110.0, 78.0
BOX = QRectF(0.0, 0.0, 200.0, 200.0)


def _angle(value: float) -> float:
    return START_DEG - SWEEP_DEG * max(0.0, min(TOTAL_MAX, value)) / TOTAL_MAX


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class GaugeItem(pg.GraphicsObject):  # type: ignore[misc]
    """Paints the gauge for a value; set_value() and set_rank_caption() repaint it."""

    def __init__(self) -> None:
        super().__init__()
        self._value: float | None = None
        self._rank_caption = ""

    def set_value(self, value: float | None) -> None:
        self._value = value
        self.update()

    def set_rank_caption(self, text: str) -> None:
        self._rank_caption = text
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(BOX)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem | None = None,
        widget: QWidget | None = None,
    ) -> None:
        pal = theme.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        text = pal.color(QPalette.ColorRole.Text)
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
            self._arc(painter, outer, low + 0.4, high - 0.4, theme.with_alpha(accent, alpha), 4)
        # Inner ring: the track and the value.
        self._arc(painter, RADIUS - 4, 0.0, TOTAL_MAX, track, 14, Qt.PenCapStyle.RoundCap)
        if self._value is not None and self._value > 0:
            self._arc(painter, RADIUS - 4, 0.0, self._value, accent, 14, Qt.PenCapStyle.RoundCap)

        painter.setPen(muted)
        painter.setFont(_font(10))
        for edge in TIER_EDGES:
            self._tick_label(painter, edge, RADIUS + 20)

        painter.setPen(text)
        shown = "–" if self._value is None else f"{self._value:.1f}"
        painter.setFont(_font(46, bold=True))
        painter.drawText(
            QRectF(CENTER_X - 70, CENTER_Y - 40, 140, 54), Qt.AlignmentFlag.AlignCenter, shown
        )
        tier = "" if self._value is None else tier_name(self._value)
        painter.setFont(_font(16, bold=True))
        painter.drawText(
            QRectF(CENTER_X - 70, CENTER_Y + 14, 140, 22), Qt.AlignmentFlag.AlignCenter, tier
        )
        painter.setPen(muted)
        painter.setFont(_font(11))
        painter.drawText(
            QRectF(CENTER_X - 70, CENTER_Y + 36, 140, 16),
            Qt.AlignmentFlag.AlignCenter,
            "estimated SSI",
        )
        if self._rank_caption:
            painter.setPen(text)
            painter.setFont(_font(12))
            painter.drawText(
                QRectF(0, BOX.height() - 20, BOX.width(), 18),
                Qt.AlignmentFlag.AlignCenter,
                self._rank_caption,
            )

    @staticmethod
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

    @staticmethod
    def _tick_label(painter: QPainter, value: float, radius: float) -> None:
        angle = math.radians(_angle(value))
        x = CENTER_X + radius * math.cos(angle)
        y = CENTER_Y - radius * math.sin(angle)
        painter.drawText(QRectF(x - 14, y - 8, 28, 16), Qt.AlignmentFlag.AlignCenter, f"{value:g}")


class ScoreGauge(pg.GraphicsView):  # type: ignore[misc]
    """The gauge as a widget (objectName ``scoreGauge``); keeps its aspect when resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=None)
        self.setObjectName("scoreGauge")
        self.item = GaugeItem()
        self._view = pg.ViewBox(lockAspect=True, enableMouse=False, enableMenu=False)
        self._view.invertY(True)
        self._view.addItem(self.item)
        self._view.setRange(QRectF(BOX), padding=0.0)
        self.setCentralItem(self._view)
        self.setMinimumSize(220, 215)
        # A tab stop with a name and the figure for a screen reader: the gauge is a picture.
        chart_stop(self, "Estimated SSI gauge")
        self._rank = ""
        self._apply_palette()
        self._styled = True

    def set_value(self, value: float | None) -> None:
        self.item.set_value(value)
        self._value = value
        self._describe()

    def set_rank_caption(self, text: str) -> None:
        """E.g. "Top 8 % of your industry", shown under the gauge; "" hides it."""
        self.item.set_rank_caption(text)
        self._rank = text
        self._describe()

    _value: float | None = None

    def _describe(self) -> None:
        if self._value is None:
            self.setAccessibleDescription("No estimate yet")
            return
        text = f"{round(self._value)} of {TOTAL_MAX:g}, {tier_name(self._value)}"
        self.setAccessibleDescription(f"{text}. {self._rank}" if self._rank else text)

    def changeEvent(self, event: QEvent) -> None:
        if theme.is_palette_change(event) and self._styled:
            self._apply_palette()
        super().changeEvent(event)

    _styled = False  # set once built: Qt sends palette events while the base class builds

    def _apply_palette(self) -> None:
        self.setBackground(theme.palette().color(QPalette.ColorRole.Base))
