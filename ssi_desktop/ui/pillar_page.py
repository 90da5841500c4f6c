"""One pillar's tab: quick-add buttons, its score and trend, where its points come from, advice.

The header, the quick-add buttons and the checklist are built at once (number keys, tests and
the finder reach them from start-up); the right-hand column (trend plot, where the points come
from, advice) is built the first time the tab is shown: start-up only paints the dashboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import PILLAR_MAX, PROFILE_ITEMS, ActionType, Pillar, actions_in
from ssi_desktop.ui import theme
from ssi_desktop.ui.advice import ADVICE, most_room
from ssi_desktop.ui.on_screen import WhenShown
from ssi_desktop.ui.quick_add_button import QuickAddButton
from ssi_desktop.ui.trend_card import DatedValues
from ssi_desktop.ui.widgets import SPACING, Card, fit_rows, scrolling_content
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.ui.trend import TrendPlot

EXPLAIN_SOURCE, EXPLAIN_COUNT, EXPLAIN_POINTS = range(3)
NO_POINTS_HINT = (
    "Nothing logged here yet: the points so far come from your network. Each action you "
    "log here, and each profile item you tick, is listed with the points it brings."
)
EXPLAIN_ROWS = 8
"""Where the points come from shows up to this many sources, the largest first, and scrolls."""


class PillarPage(QWidget):
    """The tab of one pillar (objectName ``tab_<pillar>``)."""

    add_requested = Signal(str)  # action key
    profile_item_toggled = Signal(str, bool)  # item key, done

    def __init__(self, pillar: Pillar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pillar = pillar
        self.setObjectName(f"tab_{pillar.value}")
        self.action_types: list[ActionType] = list(actions_in(pillar))
        self.buttons: dict[str, QPushButton] = {}
        self._counts: dict[str, QLabel] = {}
        self._checks: dict[str, QCheckBox] = {}
        self._snapshot: ScoreSnapshot | None = None
        self.plot: TrendPlot | None = None  # with the details, on first show
        self.explanation: QTableWidget | None = None
        self._room: QLabel | None = None
        self._no_points: QLabel | None = None
        self._forecast: DatedValues | None = None
        self._details_on_screen = WhenShown(self, self._show_details)
        self._forecast_on_screen = WhenShown(self, self._draw_forecast)

        layout = scrolling_content(self)
        self._rows = layout
        layout.addLayout(self._header())
        columns = QHBoxLayout()
        columns.setSpacing(SPACING)
        left = QVBoxLayout()
        left.setSpacing(SPACING)
        left.addWidget(self._quick_add_card())
        if pillar is Pillar.BRAND:
            left.addWidget(self._checklist_card())
        left.addStretch(1)
        self._left = left
        self._details = QVBoxLayout()
        self._details.setSpacing(SPACING)
        columns.addLayout(left, 0)
        columns.addLayout(self._details, 1)
        layout.addLayout(columns, 1)

    def add_strip(self, strip: QWidget) -> None:
        """Add a feature's full-width card under the pillar's header, above its columns."""
        self._rows.insertWidget(1, strip)

    def add_card(self, card: QWidget) -> None:
        """Add a feature's card to the left column, under the quick-add buttons."""
        self._left.insertWidget(self._left.count() - 1, card)

    # -- building -------------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        icon = QLabel()
        icon.setPixmap(theme.pillar_icon(self.pillar).pixmap(28, 28))
        title = theme.as_title(QLabel(self.pillar.label))
        self.score_label = theme.as_score(QLabel("–"))
        self.score_label.setObjectName(f"tabScoreLabel_{self.pillar.value}")
        out_of = theme.as_caption(QLabel(f"/ {PILLAR_MAX:g}  estimated"))
        row.addWidget(icon)
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.score_label, 0, Qt.AlignmentFlag.AlignBaseline)
        row.addWidget(out_of, 0, Qt.AlignmentFlag.AlignBaseline)
        return row

    def _quick_add_card(self) -> Card:
        card = Card("Log an action", "Click, or press the number key.")
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        add_icon = theme.icon("add")
        for index, kind in enumerate(self.action_types):
            digit = theme.as_caption(QLabel(str(index + 1)))
            digit.setAlignment(Qt.AlignmentFlag.AlignCenter)
            digit.setMinimumWidth(14)
            button = QuickAddButton(add_icon, kind.label)
            button.setObjectName(f"quickAdd_{kind.key}")
            button.setAccessibleName(f"Log {kind.label}")
            tip = f"Log one “{kind.label}” for today (key {index + 1})"
            if kind.quality:
                tip += f"\nCounts more: {kind.quality}"
            if not kind.seen_by_linkedin:
                tip += "\nLinkedIn cannot see it: no SSI points, it counts with your outcomes"
            button.setToolTip(tip)
            button.clicked.connect(
                lambda _checked=False, key=kind.key: self.add_requested.emit(key)
            )
            count = theme.as_caption(QLabel("0 today"))
            count.setObjectName(f"todayCount_{kind.key}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            count.setMinimumWidth(count.fontMetrics().horizontalAdvance("999 today") + 4)
            grid.addWidget(digit, index, 0)
            grid.addWidget(button, index, 1)
            grid.addWidget(count, index, 2)
            self.buttons[kind.key] = button
            self._counts[kind.key] = count
        grid.setColumnStretch(1, 1)
        card.body.addLayout(grid)
        card.setMinimumWidth(360)
        card.setMaximumWidth(460)
        return card

    def _checklist_card(self) -> Card:
        card = Card("Profile checklist", "An item counts as long as it stays done.")
        for item in PROFILE_ITEMS:
            check = QCheckBox(f"{item.label}  (+{item.points:g})")
            check.setObjectName(f"profileItem_{item.key}")
            check.setToolTip(item.hint)
            check.toggled.connect(
                lambda done, key=item.key: self.profile_item_toggled.emit(key, done)
            )
            card.body.addWidget(check)
            self._checks[item.key] = check
        card.setMaximumWidth(460)
        return card

    def _build_details(self) -> None:
        from ssi_desktop.ui.trend import TrendPlot  # pyqtgraph: not before the first frame

        plot_card = Card("Last 90 days")
        self.plot = TrendPlot(self.pillar)
        plot_card.body.addWidget(self.plot, 1)
        self._details.addWidget(plot_card, 1)
        # Side by side, the table sized to its rows and the advice fill the same height.
        below = QHBoxLayout()
        below.setSpacing(SPACING)
        below.addWidget(self._explanation_card(), 3)
        below.addWidget(self._advice_card(), 2)
        self._details.addLayout(below, 0)

    def _explanation_card(self) -> Card:
        card = Card("Where the points come from")
        table = QTableWidget(0, 3)
        table.setObjectName(f"explanation_{self.pillar.value}")
        table.setHorizontalHeaderLabels(["Source", "In 90 days", "Points"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(EXPLAIN_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EXPLAIN_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXPLAIN_POINTS, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        self.explanation = table
        fit_rows(table, EXPLAIN_ROWS)
        card.body.addWidget(table)
        self._no_points = theme.as_caption(QLabel(NO_POINTS_HINT))
        self._no_points.setObjectName(f"noPoints_{self.pillar.value}")
        self._no_points.setWordWrap(True)
        self._no_points.hide()
        card.body.addWidget(self._no_points)
        card.body.addStretch(1)
        return card

    def _advice_card(self) -> Card:
        card = Card("What raises it")
        self._room = QLabel("")
        self._room.setWordWrap(True)
        self._room.setObjectName(f"mostRoom_{self.pillar.value}")
        card.body.addWidget(self._room)
        tips = QLabel("\n".join(f"•  {tip}" for tip in ADVICE[self.pillar]))
        tips.setWordWrap(True)
        card.body.addWidget(tips)
        card.body.addStretch(1)
        return card

    # -- showing the estimate -------------------------------------------------------------------

    def quick_add(self, index: int) -> bool:
        """Log the ``index``-th action of this tab (0-based), as its number key does."""
        if not 0 <= index < len(self.action_types):
            return False
        self.buttons[self.action_types[index].key].click()
        return True

    @Slot(object)
    def show_snapshot(self, snapshot: ScoreSnapshot) -> None:
        self._snapshot = snapshot
        self.score_label.setText(f"{snapshot.pillars[self.pillar]:.2f}")
        for number, (key, label) in enumerate(self._counts.items(), start=1):
            today = snapshot.count_today(key)
            label.setText(f"{today} today")
            self.buttons[key].setAccessibleDescription(f"{today} today; key {number}")
        for key, check in self._checks.items():
            with QSignalBlocker(check):
                check.setChecked(snapshot.profile_done.get(key, False))
        self._details_on_screen(snapshot)

    def _show_details(self, snapshot: ScoreSnapshot) -> None:
        if self.explanation is None or self._room is None or self.plot is None:
            return  # not built yet: showEvent shows the latest snapshot when it builds them
        self._show_explanation(self.explanation, snapshot)
        self._room.setText(most_room(snapshot.explanation, self.pillar))
        self.plot.set_snapshot(snapshot)

    def _show_explanation(self, table: QTableWidget, snapshot: ScoreSnapshot) -> None:
        # A source that brings nothing is noise on screen (a column of "+0.00", "-0.00"):
        # listed are the sources with points, and the actions logged in the 90 days.
        parts = sorted(
            (
                part
                for part in snapshot.explanation.pillars[self.pillar]
                if round(part.points, 2) != 0 or (part.kind == "action" and part.count)
            ),
            key=lambda c: -c.points,
        )
        table.setVisible(bool(parts))
        if self._no_points is not None:
            self._no_points.setVisible(not any(p.kind in ("action", "profile") for p in parts))
        table.setRowCount(len(parts))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, part in enumerate(parts):
            label = {"profile": f"Profile: {part.label}", "standing": f"Network: {part.label}"}.get(
                part.kind, part.label
            )
            count = str(part.count) if part.kind == "action" else ""
            cells = (label, count, f"{part.points:+.2f}")
            for column, text in enumerate(cells):
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column != EXPLAIN_SOURCE:
                        item.setTextAlignment(right)
                    table.setItem(row, column, item)
                item.setText(text)
        fit_rows(table, EXPLAIN_ROWS)

    def show_forecast(self, line: DatedValues) -> None:
        """The dashed line of this pillar ahead of today (drawn once the trend is built)."""
        self._forecast = line
        self._forecast_on_screen(line)

    def _draw_forecast(self, line: DatedValues) -> None:
        if self.plot is not None:
            self.plot.set_forecast(line)

    def showEvent(self, event: QShowEvent) -> None:
        if self.plot is None:
            self._build_details()
            if self._snapshot is not None:
                self._show_details(self._snapshot)
            if self._forecast is not None and self.plot is not None:
                self.plot.set_forecast(self._forecast)
        super().showEvent(event)
