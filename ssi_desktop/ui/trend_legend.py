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
    LINE = "line"  # the palette's text colour, or the colour given
    DASHES = "dashes"  # the same, dashed
    MUTED_DASHES = "muted dashes"  # a reference line (a target) in the muted text colour
    DOT = "dot"  # an official reading
    DOTS = "dots"  # an average: a dotted line in the muted text colour
    BAND = "band"  # a filled area or a bar, in the colour given


class Swatch(QWidget):
    """A small drawing of one kind of mark in the chart, in the chart's colours (read from the
    palette when painted, so it follows a change to dark)."""

    def __init__(self, mark: Mark, color: QColor | None = None) -> None:
        super().__init__()
        self.mark = mark
        self.color = color
        self.setFixedSize(SWATCH)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        color = self.color or text
        middle = self.height() / 2
        if self.mark is Mark.BAND:
            painter.setPen(QPen(color, 1))
            painter.setBrush(theme.with_alpha(color, 90))
            painter.drawRect(QRectF(1.5, 1.5, self.width() - 3, self.height() - 3))
        elif self.mark is Mark.DOT:
            painter.setPen(QPen(text, 1.5))
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawEllipse(QPointF(self.width() / 2, middle), 4.5, 4.5)
        else:
            style, width = {
                Mark.LINE: (Qt.PenStyle.SolidLine, 2.0),
                Mark.DASHES: (Qt.PenStyle.DashLine, 2.0),
                Mark.MUTED_DASHES: (Qt.PenStyle.DashLine, 1.5),
                Mark.DOTS: (Qt.PenStyle.DotLine, 1.5),
            }[self.mark]
            if self.mark in (Mark.DOTS, Mark.MUTED_DASHES):
                color = theme.muted_color()
            painter.setPen(QPen(color, width, style))
            painter.drawLine(QPointF(1, middle), QPointF(self.width() - 1, middle))
        painter.end()


class Legend(QWidget):
    """A row of keys (objectName ``name``); ``entries`` holds each key by its name."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self.entries: dict[str, QWidget] = {}

    def add(
        self, name: str, mark: Mark, text: str, color: QColor | None = None, tip: str = ""
    ) -> None:
        entry = QWidget()
        entry.setObjectName(f"legend_{name}")
        inner = QHBoxLayout(entry)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(4)
        inner.addWidget(Swatch(mark, color))
        inner.addWidget(theme.as_caption(QLabel(text)))
        entry.setToolTip(tip or text)
        entry.setAccessibleName(f"Legend: {tip or text}")
        self._row.addWidget(entry)
        self.entries[name] = entry

    def finish(self) -> None:
        """Keep the keys together on the left."""
        self._row.addStretch(1)


class TrendLegend(Legend):
    """The key of the dashboard's trend (objectName ``trendLegend``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("trendLegend", parent)
        self.add("total", Mark.LINE, "Estimated total")
        self.add(
            "forecast",
            Mark.DASHES,
            "Ahead at your recent pace",
            tip="Where the estimate goes in the next 30 days at the last four weeks' pace",
        )
        self.add("readings", Mark.DOT, "Official reading", tip="A reading typed in from LinkedIn")
        self.add("averages", Mark.DOTS, "Industry and network average")
        for pillar in Pillar:
            self.add(
                f"pillar_{pillar.value}",
                Mark.BAND,
                pillar.short_label,
                theme.pillar_color(pillar),
                pillar.label,
            )
        self.finish()

    def show_layers(self, *, forecast: bool, readings: bool, averages: bool, pillars: bool) -> None:
        self.entries["forecast"].setVisible(forecast)
        self.entries["readings"].setVisible(readings)
        self.entries["averages"].setVisible(averages)
        for pillar in Pillar:
            self.entries[f"pillar_{pillar.value}"].setVisible(pillars)
