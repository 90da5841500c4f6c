"""The dashboard's "Today" card: what is left of today's targets, and the next best actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QToolButton, QWidget

from ssi_desktop.habits.targets import Period
from ssi_desktop.ui import theme
from ssi_desktop.ui.habits.progress import ProgressRows
from ssi_desktop.ui.widgets import Card, heading
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.application.habits import HabitReport, TargetStatus
    from ssi_desktop.habits.plan import Suggestion

TARGET_ROWS = 5
NEXT_BEST = 3
NO_TARGETS = "No targets yet: set your own on the Habits tab, or"
NOTHING_TO_GAIN = "Nothing you could log today would raise the estimate."


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
        self._target_rows = ProgressRows(self.targets_grid, lambda index: (index, 0))
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
        self.nothing_to_gain = theme.as_caption(QLabel(NOTHING_TO_GAIN))
        self.nothing_to_gain.hide()
        self.body.addWidget(self.nothing_to_gain)
        self.working_out = theme.as_caption(QLabel("Working out today's plan…"))
        self.next_grid.addWidget(self.working_out, 0, 0, 1, 3)
        self.body.addStretch(1)
        self.add_buttons: dict[str, QToolButton] = {}
        self._note = ""  # what the targets' grid says instead of rows, if anything
        self._note_label: QLabel | None = None
        self._next_rows: list[NextBestRow] = []
        self._tab_between: tuple[QWidget, QWidget] | None = None

    def tab_between(self, before: QWidget, after: QWidget) -> None:
        """Put the card's buttons between ``before`` and ``after`` for the Tab key, as drawn
        (its buttons come with the first report, and new widgets go last otherwise)."""
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
        due = due_today(statuses)
        kept = self._target_rows.show(due[:TARGET_ROWS])
        self.start_plan.setVisible(not statuses)
        note = "" if due else "Every target of this week is met." if statuses else NO_TARGETS
        if not kept or note != self._note:
            if self._note_label is not None and kept:
                self._note_label.hide()
                self._note_label.deleteLater()
            self._note_label = None
            if note:
                self._note_label = QLabel(note)
                self._note_label.setWordWrap(True)
                if not statuses:
                    theme.as_caption(self._note_label)
                self.targets_grid.addWidget(self._note_label, 0, 0, 1, 4)
        self._note = note
        hidden = len(statuses) - min(len(due), TARGET_ROWS)
        self.more.setVisible(hidden > 0)
        self.more.setText(f"{hidden} more target{'s' * (hidden != 1)} on the Habits tab")

    def _show_next_best(self, report: HabitReport) -> None:
        from ssi_desktop.habits.plan import worth_doing  # with the first panels, not at start-up

        best = worth_doing(report.plan)[:NEXT_BEST]
        self.working_out.hide()
        self.nothing_to_gain.setVisible(not best)
        while len(self._next_rows) < len(best):
            self._next_rows.append(NextBestRow(self.next_grid, len(self._next_rows), self))
        # The rows stay and show whichever actions come now: rows made anew on each change
        # laid the whole dashboard out again, and repainted it, after every quick-add.
        self.add_buttons = {}
        for row, suggestion in zip(self._next_rows, best, strict=False):
            row.show(suggestion)
            self.add_buttons[suggestion.key] = row.add
        for row in self._next_rows[len(best) :]:
            row.hide()
        self._order_tabs()


class NextBestRow:
    """One next best action in three columns: its gain, its name and a Log button."""

    def __init__(self, grid: QGridLayout, row: int, card: TodayCard) -> None:
        self.key = ""
        self.gain = theme.as_heading(QLabel())
        self.label = QLabel()
        self.add = QToolButton()
        self.add.setIcon(theme.icon("add"))
        self.add.setText("Log")
        self.add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add.clicked.connect(lambda: card.add_requested.emit(self.key))
        for column, widget in enumerate(self.widgets()):
            grid.addWidget(widget, row, column)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.gain, self.label, self.add)

    def show(self, suggestion: Suggestion) -> None:
        self.key = key = suggestion.key
        action, gain = suggestion.action, suggestion.gain
        self.gain.setObjectName(f"gain_{key}")
        self.gain.setText(f"+{gain:.1f}" if gain >= 0.05 else "+<0.1")
        self.gain.setToolTip(f"One more adds {gain:.2f} to today's estimated total")
        self.label.setText(action.label)
        self.label.setToolTip(action.pillar.label)
        self.add.setObjectName(f"nextBestAdd_{key}")
        self.add.setToolTip(f"Log one {action.label.lower()} for today")
        for widget in self.widgets():
            widget.show()

    def hide(self) -> None:
        for widget in self.widgets():
            widget.hide()
