"""Colours and captions that follow the palette: what reads right in light reads right in dark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QProgressBar
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.store import actions
from ssi_desktop.ui.pillar_bars import PillarBar
from ssi_desktop.ui.widgets import Card
from tests.conftest import TODAY
from tests.ui.conftest import WindowFactory
from tests.ui.palettes import dark_palette


def lightness_gap(one: QColor, other: QColor) -> int:
    return abs(one.lightness() - other.lightness())


def test_inputs_and_progress_tracks_have_visible_edges(palette: str, qtbot: QtBot) -> None:
    """Styles draw a field's or a progress bar's edge a shade darker than the window colour;
    inside a card (painted in the base colour) that edge must stand out from the card."""
    card = Card("Targets")
    field, bar = QLineEdit(), QProgressBar()
    card.body.addWidget(field)
    card.body.addWidget(bar)
    qtbot.addWidget(card)
    card_colour = card.palette().color(QPalette.ColorRole.Base)
    edge = field.palette().color(QPalette.ColorRole.Window).darker(140)  # Fusion's outline
    assert lightness_gap(edge, card_colour) >= 25, (palette, edge.name(), card_colour.name())
    assert bar.palette().color(QPalette.ColorRole.Window) == field.palette().color(
        QPalette.ColorRole.Window
    )


def test_a_card_follows_a_palette_change(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    card = Card("Targets")
    qtbot.addWidget(card)
    light_window = card.palette().color(QPalette.ColorRole.Window)
    try:
        app.setPalette(dark_palette())
        QApplication.processEvents()
        dark_window = card.palette().color(QPalette.ColorRole.Window)
        assert dark_window != light_window
        assert dark_window.lightness() > dark_palette().color(QPalette.ColorRole.Base).lightness()
    finally:
        app.setPalette(before)
    QApplication.processEvents()
    assert card.palette().color(QPalette.ColorRole.Window) == light_window


def test_an_empty_pillar_bar_shows_its_track(palette: str, qtbot: QtBot) -> None:
    card = Card()
    bar = PillarBar(Pillar.PEOPLE)
    card.body.addWidget(bar)
    qtbot.addWidget(card)
    card.resize(300, 80)
    card.show()
    bar.set_value(0)
    middle = bar.grab().toImage().pixelColor(bar.width() // 3, bar.height() // 2)
    card_colour = card.palette().color(QPalette.ColorRole.Base)
    assert lightness_gap(middle, card_colour) >= 10, (palette, middle.name())


def test_the_calendar_caption_names_the_shade_busy_days_get(
    palette: str, make_window: WindowFactory, qtbot: QtBot
) -> None:
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, count=9), TODAY)
    window = make_window()
    assert window.select_tab("habits")
    caption = window.findChild(QLabel, "calendarSummary")
    assert caption is not None
    qtbot.waitUntil(lambda: "squares" in caption.text())
    word = "Brighter" if palette == "dark" else "Darker"
    assert f"{word} squares: more actions" in caption.text()


def test_the_legend_lists_the_layers_on_the_chart(
    db: Path, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    legend = window.dashboard.legend
    assert not legend.entries["readings"].isVisibleTo(window)
    assert legend.entries["total"].isVisibleTo(window)
    assert legend.entries[f"pillar_{Pillar.BRAND.value}"].isVisibleTo(window)
    window.dashboard.pillars_toggle.setChecked(False)
    assert not legend.entries[f"pillar_{Pillar.BRAND.value}"].isVisibleTo(window)
    window.dashboard.trend.set_readings([(TODAY, 50.0)])
    window.dashboard.trend.set_benchmarks(27.0, 34.0)
    assert legend.entries["readings"].isVisibleTo(window)
    assert legend.entries["averages"].isVisibleTo(window)


def test_the_history_filters_and_ticks_have_visible_edges(palette: str, qtbot: QtBot) -> None:
    """The history tab has no card under its fields and table: it raises their edges itself."""
    from ssi_desktop.ui.history import HistoryPage

    page = HistoryPage()
    qtbot.addWidget(page)
    field = page.findChildren(QLineEdit)[0]
    edge = field.palette().color(QPalette.ColorRole.Window).darker(140)
    base = field.palette().color(QPalette.ColorRole.Base)
    assert lightness_gap(edge, base) >= 25, (palette, edge.name(), base.name())
