"""Colours, icons and the small stylesheet: everything derived from the system palette.

Only the four pillar colours are fixed (Okabe-Ito's colour-blind-safe set, readable on light
and dark backgrounds); everything else is taken from the palette, so dark mode just works.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel

from ssi_desktop.catalog import Pillar
from ssi_desktop.resources import resource_path

PILLAR_COLORS: dict[Pillar, str] = {
    Pillar.BRAND: "#0072B2",  # blue
    Pillar.PEOPLE: "#E69F00",  # orange
    Pillar.INSIGHTS: "#009E73",  # bluish green
    Pillar.RELATIONSHIPS: "#CC79A7",  # reddish purple
}

ICON_SIZES = (16, 20, 24, 32, 48, 64)


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
    fg, bg = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
    return QColor(
        (fg.red() + bg.red()) // 2, (fg.green() + bg.green()) // 2, (fg.blue() + bg.blue()) // 2
    )


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
    from PySide6.QtSvg import QSvgRenderer  # only the icons need QtSvg

    svg = resource_path(f"icons/{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode()))
    result = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def as_caption(label: QLabel) -> QLabel:
    """Secondary text that follows the palette (light or dark) on its own."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def pillar_icon(pillar: Pillar) -> QIcon:
    return icon(pillar.value)


STYLESHEET = """
QFrame#card {
    background: palette(base);
    border: 1px solid palette(midlight);
    border-radius: 8px;
}
QLabel[role="title"] { font-size: 15pt; font-weight: 600; }
QLabel[role="heading"] { font-size: 11pt; font-weight: 600; }
QLabel[role="score"] { font-size: 20pt; font-weight: 600; }
QLabel[role="message"] {
    border: 1px solid palette(highlight);
    border-radius: 4px;
    padding: 4px 8px;
}
QPushButton[role="quickAdd"] {
    text-align: left;
    padding: 6px 10px;
    min-height: 22px;
}
QTabWidget::pane { border-top: 1px solid palette(mid); }
"""
