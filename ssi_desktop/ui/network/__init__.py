"""The seller's network in the window: a card on the Relationships tab with the numbers the
score uses and their date, and Edit > Update Network… to record new ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from ssi_desktop.catalog import Pillar
from ssi_desktop.ui.network.card import NetworkCard
from ssi_desktop.ui.on_screen import WhenShown

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    card = NetworkCard()
    window.pillar_pages[Pillar.RELATIONSHIPS].add_card(card)
    window.snapshot_shown.connect(
        WhenShown(window.pillar_pages[Pillar.RELATIONSHIPS], card.show_snapshot)
    )

    def update_network() -> None:
        from ssi_desktop.ui.network.dialog import NetworkDialog  # loads when first used

        snapshot = window.snapshot
        dialog = NetworkDialog(snapshot.network if snapshot is not None else None, window)

        def saved() -> None:
            window.statusBar().showMessage(dialog.saved_message, 6000)
            window.data_changed.emit()

        dialog.accepted.connect(saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    action = QAction("Update &Network…", window)
    action.setObjectName("updateNetworkAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    action.triggered.connect(update_network)
    window.edit_menu.addAction(action)
    card.update_requested.connect(update_network)
