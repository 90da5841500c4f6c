"""Paste Reading in the window: Ctrl+Shift+V anywhere, Ctrl+V on the Readings tab, the
confirmation dialog, and a clipboard without a reading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.store import readings
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.readings.paste_dialog import PasteReadingDialog
from tests.conftest import TODAY
from tests.reading_formats import pages
from tests.readings_helpers import make_reading
from tests.ui.test_readings_tab import page_of

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def opened_dialog(window: MainWindow, qtbot: QtBot) -> PasteReadingDialog:
    found: list[PasteReadingDialog] = []

    def shown() -> None:
        found[:] = [d for d in window.findChildren(PasteReadingDialog) if d.isVisible()]
        assert found

    qtbot.waitUntil(shown, timeout=2000)
    return found[0]


def click(dialog: PasteReadingDialog, qtbot: QtBot, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_ctrl_shift_v_from_the_dashboard_shows_the_page_then_saves_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    clipboard(pages.PAGE_CHROME)
    window.activateWindow()

    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)

    dialog = opened_dialog(window, qtbot)
    assert window.tabs.currentWidget().objectName() == "tab_readings"
    assert dialog.shown["total"].text() == "53"
    assert dialog.shown["brand"].text() == "21.01 / 25"
    assert dialog.shown["industry"].text() == "Top 9%, average SSI 27"
    assert readings.all_readings() == []  # nothing saved before Save

    with qtbot.waitSignal(window.snapshot_shown, timeout=5000):
        click(dialog, qtbot, QDialogButtonBox.StandardButton.Save)

    (saved,) = readings.all_readings()
    assert (saved.day, saved.total, saved.pillars[Pillar.BRAND]) == (TODAY, 53, 21.01)
    assert page_of(window).model.rowCount() == 1
    assert "Recorded the official SSI 53" in window.statusBar().currentMessage()


def test_ctrl_v_on_the_readings_tab_keeps_every_decimal_of_the_payload(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = page_of(window)
    window.select_tab("readings")
    clipboard(pages.as_json(pages.PAYLOAD_WRAPPED))
    page.table.setFocus()

    qtbot.keyClick(page.table, Qt.Key.Key_V, CTRL)

    dialog = opened_dialog(window, qtbot)
    assert dialog.shown["brand"].text() == "13.118 / 25"  # shown short, kept whole
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Save)
    (saved,) = readings.all_readings()
    assert saved.pillars[Pillar.BRAND] == 13.118002
    assert saved.network_avg == 24.110351


def test_cancel_saves_nothing(window: MainWindow, qtbot: QtBot) -> None:
    dialog = page_of(window).paste_reading(pages.PAGE_NUMBERS_FIRST)
    assert dialog is not None

    click(dialog, qtbot, QDialogButtonBox.StandardButton.Cancel)

    assert readings.all_readings() == []


def test_a_clipboard_without_a_reading_says_so_in_one_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    clipboard("Meeting notes: call Dana on Tuesday about the renewal.")
    window.activateWindow()

    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)

    message = window.statusBar().currentMessage()
    assert message.startswith("Nothing pasted: no complete SSI reading") and "\n" not in message
    assert "the total" in message
    assert [d for d in window.findChildren(PasteReadingDialog) if d.isVisible()] == []
    assert readings.all_readings() == []


def test_another_day_can_be_chosen_and_a_reading_there_is_replaced_with_a_warning(
    window: MainWindow, qtbot: QtBot
) -> None:
    day = TODAY.replace(day=TODAY.day - 2)
    readings.record(make_reading(day), TODAY)
    dialog = page_of(window).paste_reading(pages.PAGE_CHROME)
    assert dialog is not None
    assert not dialog.message.isVisible()

    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-2))

    assert "saving replaces it" in dialog.message.text() and dialog.message.isVisible()
    click(dialog, qtbot, QDialogButtonBox.StandardButton.Save)
    (saved,) = readings.all_readings()
    assert (saved.day, saved.total) == (day, 53)


def test_a_reading_that_does_not_add_up_is_not_saved_and_the_dialog_stays(
    window: MainWindow, qtbot: QtBot
) -> None:
    text = pages.PAGE_CHROME.replace("53\nout of 100", "90\nout of 100")
    dialog = page_of(window).paste_reading(text)
    assert dialog is not None

    click(dialog, qtbot, QDialogButtonBox.StandardButton.Save)

    assert dialog.isVisible() and "does not match the pillars" in dialog.message.text()
    assert readings.all_readings() == []
