"""Update Network…: the network's size on a day, as LinkedIn's profile page shows it."""

from __future__ import annotations

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.scoring.network import MAX_CONNECTIONS, Network, NetworkRecord
from ssi_desktop.store import network
from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.system import clock
from ssi_desktop.ui.widgets import Notice, python_date, save_or_cancel

MAX_SPIN = 2_000_000_000


def _spin(name: str, maximum: int, value: float) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    spin.setGroupSeparatorShown(True)
    spin.setValue(round(value))
    return spin


class NetworkDialog(QDialog):
    """objectName ``networkDialog``; the store checks the record, and its reason shows here."""

    def __init__(self, shown: Network | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDialog")
        self.setWindowTitle("Update your network")
        self.saved_message = ""
        start = shown if shown is not None else Network(500, 500, 50)
        self.connections = _spin("networkConnections", MAX_CONNECTIONS, start.connections)
        self.followers = _spin("networkFollowers", MAX_SPIN, start.followers)
        self.decision_makers = _spin("networkDecisionMakers", MAX_CONNECTIONS, 0)
        self.decision_makers.setValue(round(start.decision_makers))
        self.know_decision_makers = QCheckBox("I know how many are decision-makers")
        self.know_decision_makers.setObjectName("networkKnowDecisionMakers")
        self.know_decision_makers.toggled.connect(self.decision_makers.setEnabled)
        self.decision_makers.setEnabled(False)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("networkDate")
        self.day.setCalendarPopup(True)
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(self.day.date())
        self.problem = Notice()
        self.problem.hide()

        form = QFormLayout()
        form.addRow("Connections", self.connections)
        form.addRow("Followers", self.followers)
        form.addRow("", self.know_decision_makers)
        form.addRow("Decision-makers", self.decision_makers)
        form.addRow("On", self.day)
        buttons = save_or_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def record(self) -> NetworkRecord:
        known = self.know_decision_makers.isChecked()
        return NetworkRecord(
            python_date(self.day.date()),
            self.connections.value(),
            self.followers.value(),
            self.decision_makers.value() if known else None,
        )

    @Slot()
    def save(self) -> None:
        entry = self.record()
        try:
            network.record(entry, clock.today())
        except InvalidEntryError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.saved_message = f"Network recorded for {entry.day.isoformat()}."
        self.accept()
