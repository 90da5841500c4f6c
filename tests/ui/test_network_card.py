"""The network in the window: the Relationships tab's card and Edit > Update Network…"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring.network import NetworkRecord
from ssi_desktop.store import network
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.network.card import NetworkCard
from ssi_desktop.ui.network.dialog import NetworkDialog
from tests.conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def card_of(window: MainWindow) -> NetworkCard:
    """The card, on screen: a tab not shown catches up only when shown (ui/on_screen.py)."""
    window.select_tab(Pillar.RELATIONSHIPS.value)
    card = window.pillar_pages[Pillar.RELATIONSHIPS].findChild(NetworkCard, "networkCard")
    assert card is not None
    return card


def test_the_card_says_the_network_is_assumed_until_one_is_recorded(window: MainWindow) -> None:
    card = card_of(window)
    assert "500 connections" in card.summary.text()
    assert "Assumed" in card.since.text()


def test_updating_the_network_rescores_and_shows_the_new_numbers(
    window: MainWindow, qtbot: QtBot
) -> None:
    before = window.snapshot.total
    action = window.findChild(QAction, "updateNetworkAction")
    action.trigger()
    dialog = window.findChild(NetworkDialog, "networkDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.connections.setValue(2500)
    dialog.followers.setValue(4000)
    dialog.know_decision_makers.setChecked(True)
    dialog.decision_makers.setValue(300)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(window.snapshot_shown, timeout=5000) as shown:
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    assert network.all_records() == [NetworkRecord(TODAY, 2500, 4000, 300)]
    assert shown.args[0].total > before
    card = card_of(window)
    assert card.summary.text().startswith("2,500 connections · 4,000 followers · 300")
    assert TODAY.isoformat() in card.since.text()


def test_an_impossible_network_is_refused_in_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    card_of(window).update_button.click()
    dialog = window.findChild(NetworkDialog, "networkDialog")
    dialog.connections.setValue(100)
    dialog.know_decision_makers.setChecked(True)
    dialog.decision_makers.setValue(400)
    dialog.save()
    assert dialog.isVisible() and "outnumber" in dialog.problem.text()
    assert network.all_records() == []
    dialog.reject()
