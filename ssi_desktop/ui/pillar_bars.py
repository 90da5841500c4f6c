"""The four pillar bars (0-25 each) with their values to two decimals.

A small painted widget rather than a pyqtgraph BarGraphItem: each bar sits in a grid row with
its name and value labels, so they line up exactly at any window size, and the dashboard needs
no second plot to start.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from ssi_desktop.catalog import PILLAR_MAX, Pillar
from ssi_desktop.ui import theme


class PillarBar(QWidget):
    """One horizontal bar in the pillar's colour, with faint marks every 5 points."""

    def __init__(self, pillar: Pillar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pillar = pillar
        self.value = 0.0
        self.setObjectName(f"pillarBar_{pillar.value}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"{pillar.label} score bar")

    def sizeHint(self) -> QSize:
        return QSize(240, 16)

    def set_value(self, value: float) -> None:
        self.value = max(0.0, min(PILLAR_MAX, value))
        self.setToolTip(f"{self.pillar.label}: {value:.2f} of {PILLAR_MAX:g}")
        self.setAccessibleDescription(f"{value:.2f} of {PILLAR_MAX:g}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        # The empty track is the card's colour moved toward the text: it shows on a light card
        # and on a dark one (a fixed grey vanished in the dark).
        painter.setBrush(theme.blend(pal, QPalette.ColorRole.Text, 0.1))
        painter.drawRoundedRect(rect, radius, radius)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * self.value / PILLAR_MAX)
        if filled.width() > 0:
            painter.setBrush(theme.pillar_color(self.pillar))
            painter.drawRoundedRect(filled, radius, radius)
        painter.setPen(theme.blend(pal, QPalette.ColorRole.Text, 0.3))
        for mark in range(5, int(PILLAR_MAX), 5):
            x = rect.left() + rect.width() * mark / PILLAR_MAX
            painter.drawLine(round(x), round(rect.top() + 3), round(x), round(rect.bottom() - 3))
        painter.end()


class PillarBars(QWidget):
    """The four pillars, one row each: icon, name, bar, value (``pillarScoreLabel_<pillar>``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.bars: dict[Pillar, PillarBar] = {}
        self.values: dict[Pillar, QLabel] = {}
        self.changes: dict[Pillar, QLabel] = {}
        for row, pillar in enumerate(Pillar):
            name = QLabel(pillar.label)
            name.setToolTip(pillar.label)
            icon = QLabel()
            icon.setPixmap(theme.pillar_icon(pillar).pixmap(18, 18))
            bar = PillarBar(pillar)
            value = theme.as_heading(QLabel("–"))
            value.setObjectName(f"pillarScoreLabel_{pillar.value}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("25.00") + 8)
            out_of = theme.as_caption(QLabel(f"/ {PILLAR_MAX:g}"))
            change = theme.as_caption(QLabel(""))
            change.setObjectName(f"pillarChange_{pillar.value}")
            change.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            top = 3 * row
            grid.addWidget(icon, top, 0)
            grid.addWidget(name, top, 1)
            grid.addWidget(change, top, 2, 1, 2)
            grid.addWidget(bar, top + 1, 1)
            grid.addWidget(value, top + 1, 2)
            grid.addWidget(out_of, top + 1, 3)
            grid.setRowMinimumHeight(top + 2, 4)
            grid.setRowStretch(top + 2, 1)
            self.bars[pillar] = bar
            self.values[pillar] = value
            self.changes[pillar] = change
        grid.setColumnStretch(1, 1)

    def set_values(
        self, pillars: Mapping[Pillar, float], weekly_changes: Mapping[Pillar, float]
    ) -> None:
        for pillar, value in pillars.items():
            self.bars[pillar].set_value(value)
            self.values[pillar].setText(f"{value:.2f}")
            self.changes[pillar].setText(describe_change(weekly_changes[pillar]))


def describe_change(change: float, days: int = 7) -> str:
    """E.g. "+0.42 in 7 days"; "no change in 7 days" below a hundredth of a point."""
    if abs(change) < 0.005:
        return f"no change in {days} days"
    return f"{change:+.2f} in {days} days".replace("-", "\N{MINUS SIGN}")
