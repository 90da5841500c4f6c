"""One target's progress as a compact row: the action, a thin bar, "3 / 5 this week"."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from ssi_desktop.habits.targets import Period
from ssi_desktop.ui import theme

if TYPE_CHECKING:
    from ssi_desktop.application.habits import TargetStatus

BAR_WIDTH = 56
NAME_MIN_WIDTH = 90


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when narrower than its text (the tooltip has it all)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(NAME_MIN_WIDTH)

    def sizeHint(self) -> QSize:
        # The text's exact width, rounded up: a whole-pixel width a fraction short elided it.
        width = math.ceil(QFontMetricsF(self.font()).horizontalAdvance(self.text())) + 1
        return QSize(width, super().sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        elide = Qt.TextElideMode.ElideRight
        shown = self.fontMetrics().elidedText(self.text(), elide, self.width())
        painter = QPainter(self)  # takes the label's font and text colour
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()


def period_word(per: Period) -> str:
    return "today" if per is Period.DAY else "this week"


def done_text(status: TargetStatus) -> str:
    """E.g. "3 / 5 this week", with a tick once met."""
    done, target = status.progress, status.target
    tick = "  ✓" if done.met else ""
    return f"{done.done} / {target.count} {period_word(target.per)}{tick}"


def streak_text(status: TargetStatus) -> str:
    streak = status.streak
    if not streak.current:
        return f"best {streak.best}" if streak.best else ""
    return f"{streak.describe()}"


class ProgressRow:
    """One target's label, bar, count and streak, in four columns of a grid's row."""

    def __init__(
        self, grid: QGridLayout, row: int, status: TargetStatus, first_column: int = 0
    ) -> None:
        self.key = status.target.key
        self.name = ElidedLabel(status.target.action.label)
        self.bar = QProgressBar()
        self.bar.setObjectName(f"targetBar_{status.target.key}")
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(BAR_WIDTH, 8)
        self.count = QLabel()
        self.count.setObjectName(f"targetDone_{status.target.key}")
        self.streak = theme.as_caption(QLabel())
        self.show(status)
        for offset, widget in enumerate(self.widgets()):
            grid.addWidget(widget, row, first_column + offset)
        # The name's size policy is Ignored (it elides): the grid gives its column room only
        # when told, or the bar is drawn over it. It is told the whole name's width: names
        # elide only when the window is too narrow for them, never beside free space.
        needed = max(
            NAME_MIN_WIDTH, self.name.sizeHint().width(), grid.columnMinimumWidth(first_column)
        )
        grid.setColumnMinimumWidth(first_column, needed)
        grid.setColumnStretch(first_column, max(1, grid.columnStretch(first_column)))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.bar, self.count, self.streak)

    def show(self, status: TargetStatus) -> None:
        """The same target's progress now: values only, so nothing around it is laid out
        again (rebuilding the rows repainted the whole dashboard after every quick-add)."""
        target = status.target
        self.name.setToolTip(
            f"{target.action.label}: {target.describe()} ({target.action.pillar.label})"
        )
        self.bar.setRange(0, target.count)
        self.bar.setValue(min(status.progress.done, target.count))
        self.count.setText(done_text(status))
        self.streak.setText(streak_text(status))


class ProgressRows:
    """The rows of a grid's targets, kept while the same targets are shown in the same places.

    ``place(index)`` gives a target's (row, first column). Whatever else the grid holds (a
    note in place of the rows) is the caller's, and is deleted when the rows are made anew."""

    def __init__(self, grid: QGridLayout, place: Callable[[int], tuple[int, int]]) -> None:
        self.grid = grid
        self._place = place
        self.rows: list[ProgressRow] = []

    def show(self, statuses: Sequence[TargetStatus]) -> bool:
        """Show these targets; False when the rows had to be made anew (the grid was cleared)."""
        if [status.target.key for status in statuses] == [row.key for row in self.rows]:
            for shown, status in zip(self.rows, statuses, strict=True):
                shown.show(status)
            return True
        clear_layout(self.grid)
        self.rows = []
        for index, status in enumerate(statuses):
            line, column = self._place(index)
            self.rows.append(ProgressRow(self.grid, line, status, first_column=column))
        return False


def clear_layout(grid: QGridLayout) -> None:
    """Remove and delete every widget in ``grid``."""
    while grid.count():
        item = grid.takeAt(0)
        widget: QWidget | None = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
