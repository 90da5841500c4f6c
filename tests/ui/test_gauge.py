"""The score gauge paints itself (no pyqtgraph in the first frame): its arc, the value, the
tier's name and the rank caption, in the palette's colours."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QPalette
from pytestqt.qtbot import QtBot

from ssi_desktop.ui import theme
from ssi_desktop.ui.gauge import RANK_RECT, TIER_RECT, VALUE_RECT, ScoreGauge


def gauge(qtbot: QtBot, width: int = 260, height: int = 240) -> ScoreGauge:
    shown = ScoreGauge()
    qtbot.addWidget(shown)
    shown.resize(width, height)
    return shown


def picture(widget: ScoreGauge) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def in_widget(widget: ScoreGauge, box_rect: QRectF) -> QRect:
    """A rectangle of the gauge's 200-unit box, in the widget's pixels."""
    scale, left, top = widget.box_scale()
    return QRectF(
        left + box_rect.x() * scale,
        top + box_rect.y() * scale,
        box_rect.width() * scale,
        box_rect.height() * scale,
    ).toRect()


def colours(image: QImage, rect: QRect | None = None) -> set[int]:
    area = rect or image.rect()
    return {
        image.pixel(x, y)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    }


def test_the_gauge_draws_its_arc_and_the_value(qtbot: QtBot) -> None:
    shown = gauge(qtbot)
    shown.set_value(72.4)
    image = picture(shown)

    assert len(colours(image)) > 20, "a blank or flat picture"
    accent = theme.palette().color(QPalette.ColorRole.Highlight).rgb()
    assert accent in colours(image), "the value's arc is drawn in the accent colour"
    text = theme.palette().color(QPalette.ColorRole.Text).rgb()
    assert text in colours(image, in_widget(shown, VALUE_RECT)), "the value is written"


def test_the_value_the_tier_and_the_rank_each_show_where_they_belong(qtbot: QtBot) -> None:
    shown = gauge(qtbot)
    shown.set_value(None)
    none = picture(shown)
    shown.set_value(88.9)
    leader = picture(shown)
    shown.set_value(88.2)  # another figure, the same tier
    same_tier = picture(shown)
    shown.set_value(12.0)
    beginner = picture(shown)
    shown.set_rank_caption("Top 8 % of your industry")
    ranked = picture(shown)

    # The text's middle: the arc's ends reach into the corners of the text's rectangles.
    value, tier = (in_widget(shown, r.adjusted(22, 0, -22, 0)) for r in (VALUE_RECT, TIER_RECT))
    rank = in_widget(shown, RANK_RECT)
    assert none.copy(value) != leader.copy(value)
    assert leader.copy(value) != same_tier.copy(value)
    assert leader.copy(tier) == same_tier.copy(tier)
    assert leader.copy(tier) != beginner.copy(tier)
    assert none.copy(tier) != leader.copy(tier), "no tier's name without a value"
    assert beginner.copy(rank) != ranked.copy(rank)
    assert shown.accessibleDescription() == "12 of 100, Beginner. Top 8 % of your industry"
    assert shown.value == 12.0 and shown.rank_caption == "Top 8 % of your industry"


def test_the_gauge_keeps_its_aspect_and_stays_centred(qtbot: QtBot) -> None:
    wide = gauge(qtbot, 400, 220)
    scale, left, top = wide.box_scale()
    assert scale == pytest.approx(1.1)
    assert top == pytest.approx(0) and left == pytest.approx((400 - 220) / 2)


def test_the_gauge_paints_in_the_palette_s_colours(palette: str, qtbot: QtBot) -> None:
    shown = gauge(qtbot)
    shown.set_value(50.0)
    image = picture(shown)
    base = theme.palette().color(QPalette.ColorRole.Base).rgb()
    assert image.pixel(2, 2) == base
    text = theme.palette().color(QPalette.ColorRole.Text).rgb()
    assert text in colours(image, in_widget(shown, VALUE_RECT))
    assert theme.is_dark() == (palette == "dark")
