"""Colours, fonts and icons: everything derived from the system palette and font.

Only the four pillar colours are fixed (Okabe-Ito's colour-blind-safe set, readable on light
and dark backgrounds); everything else is taken from the palette, so dark mode just works.
There is no Qt style sheet: one on the window made Qt restyle every widget in it, which cost
start-up 12 ms; cards and notices paint themselves instead (widgets.py).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QLabel, QStyleOption

from ssi_desktop.catalog import Pillar
from ssi_desktop.system.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtSvg import QSvgRenderer

PILLAR_COLORS: dict[Pillar, str] = {
    Pillar.BRAND: "#0072B2",  # blue
    Pillar.PEOPLE: "#E69F00",  # orange
    Pillar.INSIGHTS: "#009E73",  # bluish green
    Pillar.RELATIONSHIPS: "#CC79A7",  # reddish purple
}
ABOVE_TARGET, BELOW_TARGET = "#009E73", "#E69F00"
"""A figure meeting its goal (a post's engagement rate at 1.5 %), or short of it."""


def pillar_color(pillar: Pillar) -> QColor:
    return QColor(PILLAR_COLORS[pillar])


def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    pal = pal or palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def is_palette_change(event: QEvent) -> bool:
    """The widget's or the application's palette changed (e.g. the system went dark)."""
    return event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def text_color() -> QColor:
    return palette().color(QPalette.ColorRole.WindowText)


def muted_color() -> QColor:
    """Secondary text: the text colour, half-way to the background."""
    pal = palette()
    return mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.WindowText), 0.5)


def mix(base: QColor, other: QColor, share: float) -> QColor:
    """``base`` moved ``share`` (0 to 1) of the way toward ``other``."""
    return QColor(
        round(base.red() + (other.red() - base.red()) * share),
        round(base.green() + (other.green() - base.green()) * share),
        round(base.blue() + (other.blue() - base.blue()) * share),
    )


def blend(pal: QPalette, toward: QPalette.ColorRole, share: float) -> QColor:
    """The palette's base (the colour of cards and fields) moved toward another role."""
    return mix(pal.color(QPalette.ColorRole.Base), pal.color(toward), share)


def accent_color() -> QColor:
    return palette().color(QPalette.ColorRole.Highlight)


def with_alpha(color: QColor, alpha: int) -> QColor:
    result = QColor(color)
    result.setAlpha(alpha)
    return result


def icon(name: str) -> QIcon:
    """An icon from resources/icons; ``currentColor`` in the SVG becomes the palette's text."""
    return _icon(name, text_color().name())


@cache
def _icon(name: str, color: str) -> QIcon:
    svg = resource_path(f"icons/{name}.svg").read_bytes()
    return QIcon(_SvgIconEngine(svg.replace(b"currentColor", color.encode())))


class _SvgIconEngine(QIconEngine):
    """Draws one SVG at each size the first time that size is shown, then reuses the pixmap.

    Rendering every icon at every size up front cost start-up 13 ms, for sizes mostly never
    shown.
    """

    _alive: ClassVar[list[_SvgIconEngine]] = []
    """Every engine made: an icon's C++ side keeps using its engine after Python's last
    reference to the QIcon is gone, so Python must not collect it."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer: QSvgRenderer | None = None
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}
        _SvgIconEngine._alive.append(self)

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixels = QSize(round(size.width() * scale), round(size.height() * scale))
        key = (pixels.width(), pixels.height(), mode)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._draw(pixels, mode)
            self._drawn[key] = drawn
        result = QPixmap(drawn)
        result.setDevicePixelRatio(scale)
        return result

    def _draw(self, pixels: QSize, mode: QIcon.Mode) -> QPixmap:
        if self._renderer is None:
            from PySide6.QtSvg import QSvgRenderer  # only the icons need QtSvg

            self._renderer = QSvgRenderer(QByteArray(self._svg))
        pixmap = QPixmap(pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter)
        painter.end()
        if mode == QIcon.Mode.Normal:
            return pixmap
        # Disabled and selected icons look as the style draws them for any other icon.
        option = QStyleOption()
        option.palette = palette()
        return QApplication.style().generatedIconPixmap(mode, pixmap, option)


def as_caption(label: QLabel) -> QLabel:
    """Secondary text that follows the palette (light or dark) on its own."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _emphasised(label: QLabel, point_size: float) -> QLabel:
    # Only size and weight are set: the family and the rest still follow the system font.
    font = QFont()
    font.setPointSizeF(point_size)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def as_title(label: QLabel) -> QLabel:
    """A page's title."""
    return _emphasised(label, 15)


def as_heading(label: QLabel) -> QLabel:
    """A card's heading, or a figure that stands out in a row."""
    return _emphasised(label, 11)


def as_score(label: QLabel) -> QLabel:
    """A score or a key figure, large."""
    return _emphasised(label, 20)


def pillar_icon(pillar: Pillar) -> QIcon:
    return icon(pillar.value)
