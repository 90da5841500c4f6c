"""The key under the dashboard's trend: what its line, dashes, dots and colours stand for.

Each entry shows only while its layer is on the chart (no official readings: no dot in the
key). Plain widgets, not a pyqtgraph legend: a legend inside the plot covered the data.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ssi_desktop.catalog import Pillar
from ssi_desktop.ui import theme

SWATCH = QSize(22, 12)


class Mark(Enum):
    LINE = "line"
    DASHES = "dashes"
    DOT = "dot"
    DOTS = "dots"  # a dotted line
    BAND = "band"


class Swatch(QWidget):
    """A small drawing of one kind of mark in the chart, in the chart's colours."""

    def __init__(self, mark: Mark, color: QColor | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.color = color  # None: the palette's text colour, as the total's line
        self.setFixedSize(SWATCH)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        color = self.color or pal.color(QPalette.ColorRole.Text)
        middle = self.height() / 2
        if self.mark is Mark.BAND:
            painter.setPen(QPen(color, 1))
            painter.setBrush(theme.with_alpha(color, 90))
            painter.drawRect(QRectF(1.5, 1.5, self.width() - 3, self.height() - 3))
        elif self.mark is Mark.DOT:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.5))
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(QPointF(self.width() / 2, middle), 4.5, 4.5)
        else:
            style = {
                Mark.LINE: Qt.PenStyle.SolidLine,
                Mark.DASHES: Qt.PenStyle.DashLine,
                Mark.DOTS: Qt.PenStyle.DotLine,
            }[self.mark]
            line_color = theme.muted_color() if self.mark is Mark.DOTS else color
            painter.setPen(QPen(line_color, 2 if self.mark is not Mark.DOTS else 1.5, style))
            painter.drawLine(QPointF(1, middle), QPointF(self.width() - 1, middle))
        painter.end()


class TrendLegend(QWidget):
    """objectName ``trendLegend``; ``entries`` maps each layer's name to its swatch and text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendLegend")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.entries: dict[str, QWidget] = {}
        self._add(row, "total", Swatch(Mark.LINE), "Estimated total")
        self._add(row, "forecast", Swatch(Mark.DASHES), "Ahead at your recent pace")
        self._add(row, "readings", Swatch(Mark.DOT), "Official reading")
        self._add(row, "averages", Swatch(Mark.DOTS), "Industry and network average")
        for pillar in Pillar:
            self._add(
                row,
                f"pillar_{pillar.value}",
                Swatch(Mark.BAND, theme.pillar_color(pillar)),
                pillar.short_label,
                pillar.label,
            )
        row.addStretch(1)

    def _add(self, row: QHBoxLayout, name: str, swatch: Swatch, text: str, tip: str = "") -> None:
        entry = QWidget()
        entry.setObjectName(f"legend_{name}")
        inner = QHBoxLayout(entry)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(4)
        label = theme.as_caption(QLabel(text))
        inner.addWidget(swatch)
        inner.addWidget(label)
        entry.setToolTip(tip or text)
        entry.setAccessibleName(f"Legend: {tip or text}")
        row.addWidget(entry)
        self.entries[name] = entry

    def show_layers(self, *, forecast: bool, readings: bool, averages: bool, pillars: bool) -> None:
        self.entries["forecast"].setVisible(forecast)
        self.entries["readings"].setVisible(readings)
        self.entries["averages"].setVisible(averages)
        for pillar in Pillar:
            self.entries[f"pillar_{pillar.value}"].setVisible(pillars)
