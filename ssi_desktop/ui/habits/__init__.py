"""Keep the habits (issue 8): the Today card, target progress on the pillar tabs, the Habits tab
(calendar, targets, streaks, rest days), the forecast line, and the tray with its reminder.

Everything shown comes from ``ScoreSnapshot.habits``, computed by the worker; the widgets only
write small changes to the store and ask for a recompute.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from ssi_desktop.ui import theme
from ssi_desktop.ui.habits.pillar_targets import PillarTargets
from ssi_desktop.ui.habits.today_card import TodayCard
from ssi_desktop.ui.habits.tray import HabitTray
from ssi_desktop.ui.on_screen import WhenShown
from ssi_desktop.ui.widgets import LazyPage

if TYPE_CHECKING:
    from ssi_desktop.ui.habits.page import HabitsPage
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.workers.snapshot import ScoreSnapshot

TODAY_STRETCH = 3
"""The Today card's share of the dashboard's top row (gauge 2, pillars 3)."""


TREND_FORECAST_DAYS = 30
"""How far the dashed forecast runs on the 90-day trends: a third of their width, so the past
stays the main thing (the Habits tab gives the 90-day figures)."""


def install(window: MainWindow) -> None:
    today = TodayCard()
    today.add_requested.connect(window.quick_add)
    window.dashboard.add_card(today, TODAY_STRETCH, tab_between=today.tab_between)
    window.snapshot_shown.connect(WhenShown(window.dashboard, today.show_snapshot))

    for pillar, pillar_page in window.pillar_pages.items():
        strip = PillarTargets(pillar)
        pillar_page.add_strip(strip)
        window.snapshot_shown.connect(WhenShown(pillar_page, strip.show_snapshot))

    def build_page() -> HabitsPage:
        from ssi_desktop.ui.habits.page import HabitsPage  # charts and tables load when first shown

        page = HabitsPage()
        page.changed.connect(window.data_changed)
        window.snapshot_shown.connect(WhenShown(page, page.show_snapshot))
        if window.snapshot is not None:
            page.show_snapshot(window.snapshot)
        return page

    window.add_tab(LazyPage("habits", build_page), "Habits", theme.icon("habits"))
    today.habits_tab_requested.connect(lambda: window.select_tab("habits"))

    @Slot()
    def use_default_plan() -> None:
        if window.snapshot is not None and window.snapshot.habits is not None:
            from ssi_desktop.store import habit_targets

            habit_targets.replace_all(window.snapshot.habits.default_targets)
            window.data_changed.emit()

    today.default_plan_requested.connect(use_default_plan)

    def draw_forecasts(snapshot: ScoreSnapshot) -> None:
        """The dashed lines: the total's on the dashboard, each pillar's on its tab's trend
        (each page draws its own once on screen)."""
        if snapshot.habits is None:
            return
        forecast = snapshot.habits.forecast
        shown = TREND_FORECAST_DAYS + 1  # today, then the days ahead
        draw_total(forecast.line()[:shown])
        for pillar, pillar_page in window.pillar_pages.items():
            pillar_page.show_forecast(forecast.line(pillar)[:shown])

    draw_total = WhenShown(window.dashboard, window.dashboard.show_forecast)
    window.snapshot_shown.connect(draw_forecasts)

    tray = HabitTray(window)
    window.add_file_action(tray.settings_action)
    tray.tell_about_tray()
