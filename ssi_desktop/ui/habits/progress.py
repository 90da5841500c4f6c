"""One target's progress as a compact row: the action, a thin bar, "3 / 5 this week"."""

from __future__ import annotations

import math
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


def add_progress_row(
    grid: QGridLayout, row: int, status: TargetStatus, first_column: int = 0
) -> None:
    """Put one target's label, bar, count and streak in four columns of ``grid``'s ``row``."""
    name = ElidedLabel(status.target.action.label)
    name.setToolTip(
        f"{status.target.action.label}: {status.target.describe()}"
        f" ({status.target.action.pillar.label})"
    )
    bar = QProgressBar()
    bar.setObjectName(f"targetBar_{status.target.key}")
    bar.setRange(0, status.target.count)
    bar.setValue(min(status.progress.done, status.target.count))
    bar.setTextVisible(False)
    bar.setFixedSize(BAR_WIDTH, 8)
    count = QLabel(done_text(status))
    count.setObjectName(f"targetDone_{status.target.key}")
    streak = theme.as_caption(QLabel(streak_text(status)))
    for offset, widget in enumerate((name, bar, count, streak)):
        grid.addWidget(widget, row, first_column + offset)
    # The name's size policy is Ignored (it elides): the grid gives its column room only when
    # told, or the bar is drawn over it. It is told the whole name's width: names elide only
    # when the window is too narrow for them, never beside free space.
    needed = max(NAME_MIN_WIDTH, name.sizeHint().width(), grid.columnMinimumWidth(first_column))
    grid.setColumnMinimumWidth(first_column, needed)
    grid.setColumnStretch(first_column, max(1, grid.columnStretch(first_column)))


def clear_layout(grid: QGridLayout) -> None:
    """Remove and delete every widget in ``grid`` (rows are rebuilt on each snapshot)."""
    while grid.count():
        item = grid.takeAt(0)
        widget: QWidget | None = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
