"""The Habits tab: the year's calendar, targets with their streaks, rest days and the forecast.

Writes (a target set or removed, rest days added) are small and go straight to the store; the
page then asks for a recompute through ``changed`` and shows the new report when it arrives.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.application.habits import HabitReport
from ssi_desktop.catalog import ACTIONS
from ssi_desktop.habits.days import ONE_DAY
from ssi_desktop.habits.forecast import MILESTONES
from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.store import habit_targets, rest_days
from ssi_desktop.store.actions import MAX_COUNT, InvalidEntryError
from ssi_desktop.system import clock
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.habits.calendar import HabitCalendar
from ssi_desktop.ui.habits.targets_model import TargetsModel
from ssi_desktop.ui.widgets import MARGIN, SPACING, Card, Notice, python_date, same_when_inactive
from ssi_desktop.workers.snapshot import ScoreSnapshot

NO_TARGETS_HINT = (
    "No targets yet. Pick an action and how often below, then Set Target; or take the "
    "Default Plan, weekly targets that lead a beginner to proficient in about 90 days."
)
NO_PACE_HINT = (
    "Log a few actions this week, and this shows where that pace takes your estimate "
    "in 30 and 90 days."
)

SHOWN_REST_DAYS = 90
"""Rest days listed: from this many days ago on, and every planned one."""


def rest_runs(days: frozenset[dt.date], since: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Consecutive rest days from ``since`` on, as (first, last), oldest first."""
    runs: list[tuple[dt.date, dt.date]] = []
    for day in sorted(d for d in days if d >= since):
        if runs and runs[-1][1] == day - ONE_DAY:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def describe_run(first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"{dates.weekday_text(first)} {dates.day_text(first)}"
    return f"{dates.span_text(first, last)}  ({(last - first).days + 1} days)"


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HabitsPage(QWidget):
    """objectName ``tab_habits``."""

    changed = Signal()  # the page wrote targets or rest days

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("habitsPage")
        self.report: HabitReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self._calendar_card(), 0)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self._targets_card(), 3)
        side = QVBoxLayout()
        side.setSpacing(SPACING)
        side.addWidget(self._forecast_card(), 0)
        side.addWidget(self._rest_card(), 1)
        row.addLayout(side, 2)
        layout.addLayout(row, 1)

    # -- building -------------------------------------------------------------------------------

    def _calendar_card(self) -> Card:
        card = Card("The last 12 months")
        self.calendar = HabitCalendar()
        self.calendar.setFixedHeight(170)
        card.body.addWidget(self.calendar)
        self.calendar_summary = theme.as_caption(QLabel(""))
        self.calendar_summary.setObjectName("calendarSummary")
        card.body.addWidget(self.calendar_summary)
        return card

    def _targets_card(self) -> Card:
        card = Card("Targets and streaks")
        self.model = TargetsModel(self)
        self.table = QTableView()
        self.table.setObjectName("targetsTable")
        same_when_inactive(self.table)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._target_selected)
        self.no_targets = Notice(NO_TARGETS_HINT)
        self.no_targets.setObjectName("noTargetsHint")
        self.no_targets.hide()
        card.body.addWidget(self.no_targets)
        card.body.addWidget(self.table, 1)

        editor = QHBoxLayout()
        editor.setSpacing(6)
        self.action_box = QComboBox()
        self.action_box.setObjectName("targetAction")
        for kind in ACTIONS:
            self.action_box.addItem(kind.label, kind.key)
        self.count_box = QSpinBox()
        self.count_box.setObjectName("targetCount")
        self.count_box.setRange(1, MAX_COUNT)
        self.count_box.setValue(2)
        self.per_box = QComboBox()
        self.per_box.setObjectName("targetPer")
        self.per_box.addItem("a day", Period.DAY.value)
        self.per_box.addItem("a week", Period.WEEK.value)
        self.per_box.setCurrentIndex(1)
        self.set_button = QPushButton("Set Target")
        self.set_button.setObjectName("setTarget")
        self.set_button.clicked.connect(self.set_target)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeTarget")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_target)
        self.reset_button = QPushButton("Default Plan…")
        self.reset_button.setObjectName("resetTargets")
        self.reset_button.setToolTip(
            "Replace all targets with weekly ones that take a beginner to proficient in 90 days"
        )
        self.reset_button.clicked.connect(lambda: self.reset_targets(confirm=True))
        editor.addWidget(self.action_box, 1)
        editor.addWidget(self.count_box)
        editor.addWidget(self.per_box)
        editor.addWidget(self.set_button)
        editor.addSpacing(8)
        editor.addWidget(self.remove_button)
        editor.addWidget(self.reset_button)
        card.body.addLayout(editor)
        return card

    def _forecast_card(self) -> Card:
        card = Card("Where your pace leads")
        self.forecast_label = QLabel("")
        self.forecast_label.setObjectName("forecastSummary")
        self.forecast_label.setTextFormat(Qt.TextFormat.RichText)
        self.forecast_label.setWordWrap(True)
        self.forecast_pace = theme.as_caption(QLabel(""))
        self.forecast_pace.setWordWrap(True)
        card.body.addWidget(self.forecast_label)
        card.body.addWidget(self.forecast_pace)
        return card

    def _rest_card(self) -> Card:
        card = Card(
            "Rest days", "Vacation, sick days, holidays: they pause streaks, never break them."
        )
        today = clock.today()
        dates = QHBoxLayout()
        dates.setSpacing(6)
        self.rest_from = self._date_edit("restFrom", today)
        self.rest_to = self._date_edit("restTo", today)
        self.rest_from.dateChanged.connect(self._keep_rest_order)
        dates.addWidget(QLabel("From"))
        dates.addWidget(self.rest_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.rest_to)
        dates.addStretch(1)
        card.body.addLayout(dates)
        note_row = QHBoxLayout()
        self.rest_note = QLineEdit()
        self.rest_note.setObjectName("restNote")
        self.rest_note.setPlaceholderText("Note (optional), e.g. vacation")
        self.add_rest_button = QPushButton("Add Rest Days")
        self.add_rest_button.setObjectName("addRestDays")
        self.add_rest_button.clicked.connect(self.add_rest_days)
        note_row.addWidget(self.rest_note, 1)
        note_row.addWidget(self.add_rest_button)
        card.body.addLayout(note_row)
        self.rest_list = QListWidget()
        self.rest_list.setObjectName("restDaysList")
        self.clear_rest_button = QPushButton("Make Ordinary Days Again")
        self.clear_rest_button.setObjectName("clearRestDays")
        self.clear_rest_button.setEnabled(False)
        self.rest_list.itemSelectionChanged.connect(
            lambda: self.clear_rest_button.setEnabled(bool(self.rest_list.selectedItems()))
        )
        card.body.addWidget(self.rest_list, 1)
        self.clear_rest_button.clicked.connect(self.clear_rest_days)
        card.body.addWidget(self.clear_rest_button, 0, Qt.AlignmentFlag.AlignRight)
        return card

    @staticmethod
    def _date_edit(name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(dates.edit_format())
        return edit

    # -- showing --------------------------------------------------------------------------------

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        if snapshot.habits is not None:
            self.show_report(snapshot.habits)

    def changeEvent(self, event: QEvent) -> None:
        if theme.is_palette_change(event) and self.report is not None:
            self.calendar_summary.setText(self._calendar_text(self.report))
        super().changeEvent(event)

    def show_report(self, report: HabitReport) -> None:
        self.report = report
        self.calendar.show_report(report)
        self.calendar_summary.setText(self._calendar_text(report))
        selected = self._selected_key()
        self.model.set_statuses(report.targets)
        self.no_targets.setVisible(not report.targets)
        self._select_key(selected)
        self.remove_button.setEnabled(self._selected_key() is not None)
        self.forecast_label.setText(self._forecast_text(report))
        self.forecast_pace.setText(self._pace_text(report))
        self._show_rest_days(report)

    @staticmethod
    def _calendar_text(report: HabitReport) -> str:
        active = sum(1 for count in report.active_days.values() if count > 0)
        month_start = report.day.replace(day=1)
        this_month = sum(1 for day in report.active_days if day >= month_start)
        # The shades blend the green into the background: busier days stand out darker on a
        # light palette and brighter on a dark one.
        shade = "Brighter" if theme.is_dark() else "Darker"
        return (
            f"{active} active days in the last 12 months, {this_month} this month."
            f"  {shade} squares: more actions that day; outlined: rest days."
        )

    @staticmethod
    def _forecast_text(report: HabitReport) -> str:
        if not report.forecast.pace.per_day:
            return NO_PACE_HINT
        forecast = report.forecast
        now = forecast.ahead(0).total
        parts = [f"Today <b>{now:.1f}</b>"]
        for days in MILESTONES:
            ahead = forecast.ahead(days).total
            parts.append(f"in {days} days <b>{ahead:.1f}</b> ({ahead - now:+.1f})")
        return " · ".join(parts)

    @staticmethod
    def _pace_text(report: HabitReport) -> str:
        pace = report.forecast.pace
        if not pace.per_day:
            return (
                "The pace is that of the last four weeks, "
                f"{dates.span_text(pace.first_day, pace.last_day)}."
            )
        return (
            f"At the pace of {dates.span_text(pace.first_day, pace.last_day)}"
            " (dashed on the dashboard's trend)."
        )

    def _show_rest_days(self, report: HabitReport) -> None:
        self.rest_list.clear()
        runs = rest_runs(report.rest_days, report.day - dt.timedelta(days=SHOWN_REST_DAYS))
        for first, last in runs:
            self.rest_list.addItem(describe_run(first, last))
            item = self.rest_list.item(self.rest_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, (first, last))
        if not runs:
            self.rest_list.addItem("No rest days in the last 90 days or planned.")
            self.rest_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    # -- targets ----------------------------------------------------------------------------------

    def _selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.data(rows[0], Qt.ItemDataRole.UserRole)) if rows else None

    def _select_key(self, key: str | None) -> None:
        for row, status in enumerate(self.model.statuses):
            if status.target.key == key:
                self.table.selectRow(row)

    @Slot(QItemSelection, QItemSelection)
    def _target_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        key = self._selected_key()
        self.remove_button.setEnabled(key is not None)
        status = next((s for s in self.model.statuses if s.target.key == key), None)
        if status is None:
            return
        self.action_box.setCurrentIndex(self.action_box.findData(status.target.key))
        self.count_box.setValue(status.target.count)
        self.per_box.setCurrentIndex(self.per_box.findData(status.target.per.value))

    @Slot()
    def set_target(self) -> None:
        target = Target(
            str(self.action_box.currentData()),
            self.count_box.value(),
            Period(str(self.per_box.currentData())),
        )
        habit_targets.set_target(target)
        self.changed.emit()

    @Slot()
    def remove_target(self) -> None:
        key = self._selected_key()
        if key is not None and habit_targets.clear(key):
            self.changed.emit()

    def reset_targets(self, confirm: bool) -> None:
        """Replace every target with the default plan (asking first when ``confirm``)."""
        if self.report is None:
            return
        if confirm and self.model.statuses:
            answer = QMessageBox.question(
                self,
                "Use the Default Plan?",
                f"Replace your {len(self.model.statuses)} targets with the default plan of "
                f"{len(self.report.default_targets)} weekly targets?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        habit_targets.replace_all(self.report.default_targets)
        self.changed.emit()

    # -- rest days ------------------------------------------------------------------------------

    @Slot(QDate)
    def _keep_rest_order(self, first: QDate) -> None:
        if self.rest_to.date() < first:
            self.rest_to.setDate(first)

    @Slot()
    def add_rest_days(self) -> None:
        first, last = python_date(self.rest_from.date()), python_date(self.rest_to.date())
        try:
            rest_days.add(first, last, self.rest_note.text().strip())
        except InvalidEntryError as error:
            QMessageBox.warning(self, "Rest Days Not Added", f"{error}.")
            return
        self.rest_note.clear()
        self.changed.emit()

    @Slot()
    def clear_rest_days(self) -> None:
        runs = [item.data(Qt.ItemDataRole.UserRole) for item in self.rest_list.selectedItems()]
        for first, last in runs:
            rest_days.clear(first, last)
        if runs:
            self.changed.emit()
