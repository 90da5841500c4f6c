"""The Network card: connections, followers and decision-makers as the score counts them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ssi_desktop.scoring.network import Network
from ssi_desktop.ui import theme
from ssi_desktop.ui.widgets import Card
from ssi_desktop.workers.snapshot import ScoreSnapshot


def describe(network: Network) -> str:
    return (
        f"{network.connections:,.0f} connections · {network.followers:,.0f} followers · "
        f"{network.decision_makers:,.0f} decision-makers"
    )


class NetworkCard(Card):
    """objectName ``networkCard``; its numbers in ``networkSummary``."""

    update_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Your network", parent=parent)
        self.setObjectName("networkCard")
        self.summary = QLabel("…")
        self.summary.setObjectName("networkSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Your network as the estimate counts it")
        self.update_button = QPushButton("Update…")
        self.update_button.setObjectName("updateNetworkButton")
        self.update_button.setToolTip("Record your network's size today (Ctrl+Shift+N)")
        self.update_button.clicked.connect(self.update_requested)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.update_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)
        self.since = theme.as_caption(QLabel(""))
        self.since.setWordWrap(True)
        self.body.addWidget(self.since)

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        self.summary.setText(describe(snapshot.network))
        if snapshot.network_since is None:
            self.since.setText("Assumed until you record yours (your profile shows it).")
            self.since.setToolTip(
                "Part of the score stands without recent activity: your network. "
                "Record its size now and then."
            )
        else:
            self.since.setText(f"Recorded {snapshot.network_since.isoformat()}.")
            self.since.setToolTip("It holds your score up without any recent activity.")
