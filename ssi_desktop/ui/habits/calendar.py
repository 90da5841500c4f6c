"""The habit calendar: a year of days as squares, weeks as columns, darker for busier days.

Like a contribution graph: Monday on top, the current week on the right, rest days outlined.
Hovering a square tells its date and what was logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence, Set

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QWidget

from ssi_desktop.application.habits import CALENDAR_WEEKS, HabitReport
from ssi_desktop.habits.days import each_day
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.charts import pg
from ssi_desktop.ui.widgets import chart_stop, same_when_inactive

LEVELS = 4
"""Shades of activity besides "nothing": split at the quartiles of the active days' counts."""

CELL = 0.82
"""A square's side, in columns: the rest is the gap between squares."""

WEEKDAY_TICKS = [(0, "Mon"), (2, "Wed"), (4, "Fri")]
ACTIVE_COLOR = "#009E73"
"""Okabe-Ito's bluish green: shades of it read well on light and dark backgrounds."""


def cell_of(day: dt.date, first_monday: dt.date) -> tuple[int, int]:
    """(week column, weekday row) of ``day`` in a calendar starting on ``first_monday``."""
    offset = (day - first_monday).days
    return offset // 7, offset % 7


def level_bounds(counts: Sequence[int]) -> list[float]:
    """The upper bounds of the shades 1..LEVELS-1 (a count above the last is the darkest)."""
    active = [c for c in counts if c > 0]
    if not active:
        return [1.0] * (LEVELS - 1)
    return [float(q) for q in np.quantile(active, [0.25, 0.5, 0.75])]


def level_of(count: int, bounds: Sequence[float]) -> int:
    """0 for no activity, else 1..LEVELS."""
    if count <= 0:
        return 0
    return 1 + sum(count > bound for bound in bounds)


def month_ticks(first_monday: dt.date, weeks: int) -> list[tuple[int, str]]:
    """A month's short name above the first week column that holds its 1st day."""
    ticks = []
    for column in range(weeks):
        monday = first_monday + dt.timedelta(weeks=column)
        sunday = monday + dt.timedelta(days=6)
        if sunday.day <= 7:
            ticks.append((column, dates.month_text(sunday)))
    return ticks


def describe_day(day: dt.date, count: int, resting: bool) -> str:
    what = f"{count} action{'s' * (count != 1)} logged" if count else "nothing logged"
    rest = " · rest day" if resting else ""
    return f"{dates.weekday_text(day)} {dates.day_text(day)}: {what}{rest}"


class HabitCalendar(pg.PlotWidget):  # type: ignore[misc]
    """objectName ``habitCalendar``; feed it a HabitReport with show_report()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("habitCalendar")
        chart_stop(self, "Active days of the last 12 months")
        same_when_inactive(self)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.invertY(True)
        plot.setAspectLocked(True)
        plot.hideAxis("bottom")
        plot.showAxis("top")
        plot.getAxis("left").setTicks([WEEKDAY_TICKS])
        plot.getAxis("left").setWidth(34)
        plot.setXRange(-0.6, CALENDAR_WEEKS - 0.4, padding=0)
        plot.setYRange(-0.6, 6.6, padding=0)
        self.setMinimumHeight(150)
        self.squares = pg.ScatterPlotItem(
            symbol="s", size=CELL, pxMode=False, hoverable=True, tip=self._tip
        )
        plot.addItem(self.squares)
        self._report: HabitReport | None = None
        self._drawn = False
        self._apply_palette()

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        return str(data)

    def show_report(self, report: HabitReport) -> None:
        """Draw the year now if the calendar is on screen, else when it is next shown (a
        year of squares takes ~15 ms to redraw: not for nothing after every quick-add)."""
        self._report = report
        self._drawn = False
        active = sum(1 for count in report.active_days.values() if count > 0)
        self.setAccessibleDescription(
            f"{active} active days from {dates.day_text(report.calendar_start)} "
            f"to {dates.day_text(report.day)}"
        )
        if self.isVisible():
            self._draw_report()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._drawn:
            self._draw_report()
        super().showEvent(event)

    def _draw_report(self) -> None:
        report = self._report
        if report is None:
            return
        self._drawn = True
        first = report.calendar_start
        self.getPlotItem().getAxis("top").setTicks([month_ticks(first, CALENDAR_WEEKS)])
        self._draw(report.active_days, report.rest_days, first, report.day)

    def _draw(
        self, active: Mapping[dt.date, int], resting: Set[dt.date], first: dt.date, today: dt.date
    ) -> None:
        days = list(each_day(first, today))
        bounds = level_bounds([active.get(day, 0) for day in days])
        brushes = self._level_brushes()
        rest_pen = pg.mkPen(theme.text_color(), width=2)  # an outline that shows on any shade
        spots = []
        for day in days:
            column, row = cell_of(day, first)
            count = active.get(day, 0)
            spots.append(
                {
                    "pos": (column, row),
                    "brush": brushes[level_of(count, bounds)],
                    "pen": rest_pen if day in resting else pg.mkPen(None),
                    "data": describe_day(day, count, day in resting),
                }
            )
        self.squares.setData(spots)

    def _level_brushes(self) -> list[QColor]:
        pal = theme.palette()
        empty = theme.with_alpha(pal.color(QPalette.ColorRole.Text), 22)
        shades = [theme.with_alpha(QColor(ACTIVE_COLOR), a) for a in (80, 135, 195, 255)]
        return [empty, *shades]

    # -- look -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # Qt sends palette events while the base class builds, before there are squares.
        if theme.is_palette_change(event) and hasattr(self, "squares"):
            self._apply_palette()
            if self._report is not None:
                self.show_report(self._report)
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        pal = theme.palette()
        text = pal.color(QPalette.ColorRole.Text)
        self.setBackground(pal.color(QPalette.ColorRole.Base))
        for name in ("left", "top"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(theme.with_alpha(text, 0)))  # labels only, no axis line
            axis.setStyle(tickLength=0)
            axis.setTextPen(pg.mkPen(text))
