"""One target's progress as a compact row: the action, a thin bar, "3 / 5 this week"."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from ssi_desktop.habit_report import TargetStatus
from ssi_desktop.habits.targets import Period
from ssi_desktop.ui import theme

BAR_WIDTH = 80


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
    name = QLabel(status.target.action.label)
    name.setToolTip(f"Target: {status.target.describe()} ({status.target.action.pillar.label})")
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


def clear_layout(grid: QGridLayout) -> None:
    """Remove and delete every widget in ``grid`` (rows are rebuilt on each snapshot)."""
    while grid.count():
        item = grid.takeAt(0)
        widget: QWidget | None = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()
