"""The dashboard's "Today" card: what is left of today's targets, and the next best actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QToolButton, QWidget

from ssi_desktop.habits.targets import Period
from ssi_desktop.ui import theme
from ssi_desktop.ui.habits.progress import add_progress_row, clear_layout
from ssi_desktop.ui.widgets import Card, heading
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.application.habits import HabitReport, TargetStatus

TARGET_ROWS = 5
NEXT_BEST = 3


def due_today(statuses: Sequence[TargetStatus]) -> list[TargetStatus]:
    """Targets worth a look today: daily ones, then weekly ones not met yet, least done first."""

    def order(status: TargetStatus) -> tuple[bool, bool, float]:
        return (status.progress.met, status.target.per is Period.WEEK, status.progress.share)

    weekly_met = [s for s in statuses if s.target.per is Period.WEEK and s.progress.met]
    return sorted((s for s in statuses if s not in weekly_met), key=order)


class TodayCard(Card):
    """``add_requested`` carries the key of a next best action (a Card: objectName ``card``)."""

    add_requested = Signal(str)
    default_plan_requested = Signal()
    habits_tab_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Today", parent=parent)
        self.setMinimumWidth(340)
        self.targets_grid = QGridLayout()
        self.targets_grid.setHorizontalSpacing(6)
        self.targets_grid.setVerticalSpacing(4)
        self.targets_grid.setColumnStretch(0, 1)
        self.body.addLayout(self.targets_grid)
        self.more = QToolButton()
        self.more.setObjectName("todayMoreTargets")
        self.more.hide()
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self.habits_tab_requested)
        self.body.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.start_plan = QPushButton("Use the default plan")
        self.start_plan.setObjectName("useDefaultPlan")
        self.start_plan.setToolTip(
            "Weekly targets for every action that, kept up, reach proficient in 90 days"
        )
        self.start_plan.clicked.connect(self.default_plan_requested)
        self.start_plan.hide()  # until a report says there are no targets
        self.body.addWidget(self.start_plan, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addSpacing(4)
        self.body.addWidget(heading("Next best actions"))
        self.next_grid = QGridLayout()
        self.next_grid.setHorizontalSpacing(8)
        self.next_grid.setVerticalSpacing(2)
        self.next_grid.setColumnStretch(1, 1)
        self.body.addLayout(self.next_grid)
        self.next_grid.addWidget(theme.as_caption(QLabel("Working out today's plan…")), 0, 0)
        self.body.addStretch(1)
        self.add_buttons: dict[str, QToolButton] = {}
        self._tab_between: tuple[QWidget, QWidget] | None = None

    def tab_between(self, before: QWidget, after: QWidget) -> None:
        """Put the card's buttons between ``before`` and ``after`` for the Tab key, as drawn
        (its buttons are made anew with each report, and new widgets go last otherwise)."""
        self._tab_between = (before, after)
        self._order_tabs()

    def _order_tabs(self) -> None:
        if self._tab_between is None:
            return
        before, after = self._tab_between
        for widget in (self.more, self.start_plan, *self.add_buttons.values(), after):
            QWidget.setTabOrder(before, widget)
            before = widget

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        if snapshot.habits is not None:
            self.show_report(snapshot.habits)

    def show_report(self, report: HabitReport) -> None:
        self._show_targets(report.targets)
        self._show_next_best(report)

    def _show_targets(self, statuses: Sequence[TargetStatus]) -> None:
        clear_layout(self.targets_grid)
        due = due_today(statuses)
        for row, status in enumerate(due[:TARGET_ROWS]):
            add_progress_row(self.targets_grid, row, status)
        self.start_plan.setVisible(not statuses)
        if not statuses:
            note = theme.as_caption(QLabel("No targets yet: set your own on the Habits tab, or"))
            note.setWordWrap(True)
            self.targets_grid.addWidget(note, 0, 0, 1, 4)
        elif not due:
            self.targets_grid.addWidget(QLabel("Every target of this week is met."), 0, 0, 1, 4)
        hidden = len(statuses) - min(len(due), TARGET_ROWS)
        self.more.setVisible(hidden > 0)
        self.more.setText(f"{hidden} more target{'s' * (hidden != 1)} on the Habits tab")

    def _show_next_best(self, report: HabitReport) -> None:
        clear_layout(self.next_grid)
        self.add_buttons = {}
        from ssi_desktop.habits.plan import worth_doing  # with the first panels, not at start-up

        best = worth_doing(report.plan)[:NEXT_BEST]
        if not best:
            self.next_grid.addWidget(
                theme.as_caption(QLabel("Nothing you could log today would raise the estimate.")),
                0,
                0,
                1,
                3,
            )
        for row, suggestion in enumerate(best):
            gain = theme.as_heading(
                QLabel(f"+{suggestion.gain:.1f}" if suggestion.gain >= 0.05 else "+<0.1")
            )
            gain.setObjectName(f"gain_{suggestion.key}")
            gain.setToolTip(f"One more adds {suggestion.gain:.2f} to today's estimated total")
            label = QLabel(suggestion.action.label)
            label.setToolTip(suggestion.action.pillar.label)
            add = QToolButton()
            add.setObjectName(f"nextBestAdd_{suggestion.key}")
            add.setIcon(theme.icon("add"))
            add.setText("Log")
            add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            add.setToolTip(f"Log one {suggestion.action.label.lower()} for today")
            add.clicked.connect(
                lambda _checked=False, key=suggestion.key: self.add_requested.emit(key)
            )
            self.next_grid.addWidget(gain, row, 0)
            self.next_grid.addWidget(label, row, 1)
            self.next_grid.addWidget(add, row, 2)
            self.add_buttons[suggestion.key] = add
        self._order_tabs()
