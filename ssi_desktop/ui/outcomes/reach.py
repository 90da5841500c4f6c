"""The relationships tab's card: how many decision-makers the seller knows per target account."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ssi_desktop.ui import theme
from ssi_desktop.ui.outcomes.commands import PipelineActions
from ssi_desktop.ui.theme import BELOW_TARGET
from ssi_desktop.ui.widgets import Card, fit_rows
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.store.accounts import AccountReach

COVERED = 2
"""Two decision-makers or more: the deal no longer hangs on one person."""

COL_ACCOUNT, COL_DECISION_MAKERS, COL_CONTACTS = range(3)
REACH_ROWS = 6
"""Accounts shown at once, the least covered first; the table scrolls for more."""


class ReachCard(Card):
    """Target accounts, least covered first, with their decision-makers and contacts."""

    def __init__(self, forms: PipelineActions, parent: QWidget | None = None) -> None:
        super().__init__(
            "Decision-makers at target accounts",
            f"Aim for {COVERED} or more per account, so a deal never hangs on one person.",
            parent,
        )
        self.setObjectName("reachCard")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("reachTable")
        self.table.setHorizontalHeaderLabels(["Account", "Decision-makers", "Contacts"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ACCOUNT, QHeaderView.ResizeMode.Stretch)
        for column in (COL_DECISION_MAKERS, COL_CONTACTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        fit_rows(self.table, REACH_ROWS)
        self.body.addWidget(self.table)
        self.summary = theme.as_caption(QLabel(""))
        self.summary.setObjectName("reachSummary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        buttons = QHBoxLayout()
        for text, action in (
            ("Log with a contact", forms.log_with_contact),
            ("Add contact", forms.add_contact),
            ("Add account", forms.add_account),
        ):
            button = QPushButton(theme.icon("add"), text)
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.reach: tuple[AccountReach, ...] = ()

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        if snapshot.pipeline is not None:
            self.show_reach(snapshot.pipeline.reach)

    def show_reach(self, reach: Sequence[AccountReach]) -> None:
        self.reach = tuple(reach)
        self.table.setRowCount(len(reach))
        warn = theme.with_alpha(QColor(BELOW_TARGET), 60)
        for row, account in enumerate(reach):
            cells = (account.account, str(account.decision_makers), str(account.contacts))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != COL_ACCOUNT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if account.decision_makers < COVERED:
                    item.setBackground(warn)
                self.table.setItem(row, column, item)
        fit_rows(self.table, REACH_ROWS)
        thin = sum(1 for a in reach if a.decision_makers < COVERED)
        if not reach:
            self.summary.setText("No target accounts yet: add one, then the people you know there.")
        elif thin:
            self.summary.setText(
                f"{thin} of {len(reach)} target accounts have fewer than {COVERED} "
                "decision-makers you know (highlighted)."
            )
        else:
            self.summary.setText(f"Every target account has {COVERED} decision-makers or more.")
