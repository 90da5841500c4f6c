"""The habits in the window: Today card, pillar progress, Habits tab, forecast line, reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ssi_desktop.catalog import Pillar
from ssi_desktop.habits.default_plan import default_plan
from ssi_desktop.habits.plan import worth_doing
from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.store import actions, habit_targets, readings, rest_days
from ssi_desktop.ui.habits import TREND_FORECAST_DAYS
from ssi_desktop.ui.habits.calendar import HabitCalendar, cell_of, level_bounds, level_of
from ssi_desktop.ui.habits.page import HabitsPage, qdate
from ssi_desktop.ui.habits.pillar_targets import PillarTargets
from ssi_desktop.ui.habits.settings import NO_TRAY, ReminderDialog, ReminderSettings
from ssi_desktop.ui.habits.today_card import TARGET_ROWS, TodayCard
from ssi_desktop.ui.habits.tray import HabitTray
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.trend import timestamp
from ssi_desktop.workers.snapshot import ScoreSnapshot
from tests.conftest import TODAY

WAIT_MS = 10_000


def recompute(qtbot, window: MainWindow) -> ScoreSnapshot:
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        window.data_changed.emit()
    snapshot: ScoreSnapshot = shown.args[0]
    return snapshot


def today_card(window: MainWindow) -> TodayCard:
    card = window.dashboard.findChild(TodayCard)
    assert card is not None
    return card


def shown_texts(widget: QWidget) -> set[str]:
    """The texts of the labels shown in ``widget`` (new rows show once events are processed)."""
    return {label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)}


def test_one_click_on_the_top_action_raises_the_estimate_by_its_gain(qtbot, window):
    actions.record(actions.NewEntry("comment_thoughtful", TODAY - dt.timedelta(days=3), 2), TODAY)
    snapshot = recompute(qtbot, window)
    assert snapshot.habits is not None
    top = snapshot.habits.plan[0]
    card = today_card(window)
    assert list(card.add_buttons) == [s.key for s in snapshot.habits.plan[:3]]
    assert card.add_buttons[top.key].objectName() == f"nextBestAdd_{top.key}"
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(card.add_buttons[top.key], Qt.MouseButton.LeftButton)
    after: ScoreSnapshot = shown.args[0]
    assert after.count_today(top.key) == snapshot.count_today(top.key) + 1
    assert after.total - snapshot.total == pytest.approx(top.gain, abs=1e-9)


def test_the_window_gain_holds_when_calibrated(qtbot, window):
    actions.record(actions.NewEntry("dm_sent", TODAY - dt.timedelta(days=5), 6), TODAY)
    for back, points in ((28, 4.0), (14, 5.0), (1, 6.0)):
        pillars = dict.fromkeys(Pillar, points)
        reading = readings.OfficialReading(TODAY - dt.timedelta(days=back), 4 * points, pillars)
        readings.record(reading, TODAY)
    snapshot = recompute(qtbot, window)
    assert snapshot.calibration.in_use
    top = snapshot.habits.plan[0]
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(today_card(window).add_buttons[top.key], Qt.MouseButton.LeftButton)
    assert shown.args[0].total - snapshot.total == pytest.approx(top.gain, abs=1e-9)


def test_today_card_lists_targets_due_and_offers_the_default_plan(qtbot, window):
    card = today_card(window)
    assert card.start_plan.isVisibleTo(window)
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(card.start_plan, Qt.MouseButton.LeftButton)
    assert habit_targets.all_targets() == list(default_plan().targets)
    assert not card.start_plan.isVisibleTo(window)
    report = shown.args[0].habits
    assert card.more.isVisibleTo(window)
    assert card.more.text().startswith(f"{len(report.targets) - TARGET_ROWS} more targets")

    habit_targets.replace_all([Target("dm_sent", 3, Period.DAY)])
    actions.record(actions.NewEntry("dm_sent", TODAY, 1), TODAY)
    recompute(qtbot, window)
    assert card.start_plan.isHidden() and card.more.isHidden()
    qtbot.waitUntil(lambda: shown_texts(card) >= {"Direct message sent", "1 / 3 today"})


def test_pillar_tabs_show_progress_only_for_their_own_targets(qtbot, window):
    habit_targets.replace_all(
        [Target("dm_sent", 3, Period.DAY), Target("reaction", 5, Period.WEEK)]
    )
    actions.record(actions.NewEntry("reaction", TODAY, 2), TODAY)
    recompute(qtbot, window)
    shown = {}
    for pillar, page in window.pillar_pages.items():
        window.select_tab(pillar.value)  # a tab not on screen catches up when shown
        shown[pillar] = page.findChild(PillarTargets).isVisibleTo(page)
    assert shown == {
        Pillar.BRAND: False,
        Pillar.PEOPLE: False,
        Pillar.INSIGHTS: True,
        Pillar.RELATIONSHIPS: True,
    }
    insights = window.pillar_pages[Pillar.INSIGHTS].findChild(PillarTargets)
    qtbot.waitUntil(lambda: "2 / 5 this week" in shown_texts(insights))


def test_habits_tab_sets_and_removes_targets_and_rest_days(qtbot, window):
    assert window.select_tab("habits")
    page = window.findChild(HabitsPage)
    assert page is not None and window.tabs.currentWidget().isAncestorOf(page)
    page.action_box.setCurrentIndex(page.action_box.findData("post_published"))
    page.count_box.setValue(2)
    page.per_box.setCurrentIndex(page.per_box.findData("week"))
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.set_button, Qt.MouseButton.LeftButton)
    assert habit_targets.all_targets() == [Target("post_published", 2, Period.WEEK)]
    assert page.model.rowCount() == 1

    page.table.selectRow(0)
    assert page.remove_button.isEnabled()
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert habit_targets.all_targets() == [] and page.model.rowCount() == 0

    first = TODAY + dt.timedelta(days=10)
    page.rest_from.setDate(qdate(first))
    assert page.rest_to.date() == qdate(first)  # the end never comes before the start
    page.rest_to.setDate(qdate(first + dt.timedelta(days=2)))
    page.rest_note.setText("trip")
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        qtbot.mouseClick(page.add_rest_button, Qt.MouseButton.LeftButton)
    assert rest_days.days() == {first + dt.timedelta(days=n) for n in range(3)}
    assert shown.args[0].habits.rest_days == rest_days.days()
    assert page.rest_list.count() == 1
    page.rest_list.setCurrentRow(0)
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.clear_rest_button, Qt.MouseButton.LeftButton)
    assert rest_days.days() == frozenset()


def test_targets_model_passes_qt_model_checks(qtbot, qtmodeltester, window):
    habit_targets.replace_all(default_plan().targets)
    recompute(qtbot, window)
    assert window.select_tab("habits")
    page = window.findChild(HabitsPage)
    assert page.model.rowCount() == len(default_plan().targets)
    qtmodeltester.check(page.model)


def test_calendar_has_a_square_per_day_and_shades_by_quartile(qtbot, window):
    for back, count in ((0, 9), (1, 1), (40, 3), (300, 5)):
        actions.record(actions.NewEntry("reaction", TODAY - dt.timedelta(days=back), count), TODAY)
    snapshot = recompute(qtbot, window)
    report = snapshot.habits
    assert window.findChild(HabitCalendar) is None  # the Habits tab is built on first show
    assert window.select_tab("habits")
    calendar = window.findChild(HabitCalendar)
    days = (report.day - report.calendar_start).days + 1
    assert 365 <= days <= 371
    qtbot.waitUntil(lambda: len(calendar.squares.data) == days)  # drawn once Qt shows it
    assert cell_of(report.day, report.calendar_start) == (52, report.day.weekday())
    bounds = level_bounds([9, 1, 3, 5])
    assert [level_of(c, bounds) for c in (0, 1, 3, 5, 9)] == [0, 1, 2, 3, 4]


def test_forecast_continues_the_dashboard_trend(qtbot, window):
    actions.record(actions.NewEntry("dm_sent", TODAY, 4), TODAY)
    snapshot = recompute(qtbot, window)
    line = snapshot.habits.forecast.line()
    assert line[0] == (TODAY, pytest.approx(snapshot.total))
    assert line[-1][0] == TODAY + dt.timedelta(days=90)
    (_first, x_max), _ = window.dashboard.trend.getPlotItem().viewRange()
    shown_until = timestamp(TODAY + dt.timedelta(days=TREND_FORECAST_DAYS))
    assert shown_until <= x_max < timestamp(TODAY + dt.timedelta(days=90))


def test_without_a_tray_the_app_says_so_and_reminds_in_the_window(qtbot, window):
    tray = window.findChild(HabitTray)
    assert tray is not None and not tray.available and tray.icon is None
    assert window.statusBar().currentMessage() == NO_TRAY
    dialog = ReminderDialog(tray.preferences, tray.available, window)
    assert not dialog.tray_box.isEnabled() and dialog.findChild(QLabel, "noTrayNote")
    dialog.deleteLater()

    tray.preferences = ReminderSettings(remind=True, remind_at=dt.time(17, 0))
    tray.now = lambda: dt.datetime.combine(TODAY, dt.time(16, 59)).astimezone()
    tray.check_reminder()
    assert tray.reminders_shown == 0
    tray.now = lambda: dt.datetime.combine(TODAY, dt.time(17, 0, 30)).astimezone()
    tray.check_reminder()
    tray.check_reminder()
    assert tray.reminders_shown == 1
    assert "Nothing logged today" in window.statusBar().currentMessage()


def test_no_reminder_once_something_is_logged(qtbot, window):
    tray = window.findChild(HabitTray)
    actions.record(actions.NewEntry("reaction", TODAY, 1), TODAY)
    recompute(qtbot, window)
    tray.now = lambda: dt.datetime.combine(TODAY, dt.time(21)).astimezone()
    tray.check_reminder()
    assert tray.reminders_shown == 0


def test_closing_keeps_running_in_the_tray_and_quit_really_quits(qtbot, window, monkeypatch):
    monkeypatch.setattr(HabitTray, "can_hide_to_tray", property(lambda _self: True))
    tray = window.findChild(HabitTray)
    tray.preferences = ReminderSettings(keep_in_tray=True)
    closed: list[bool] = []
    window.closing.connect(lambda: closed.append(True))
    assert not window.close()  # the close was turned into a hide
    assert window.isHidden() and tray.timer.isActive()
    assert closed == [] and window.recomputer._score.thread.isRunning()  # nothing stopped
    window.show()  # as the tray menu's "Show SSI Desktop" does (offscreen Qt cannot raise)
    window.quit_action.trigger()
    assert window.isHidden() and not tray.timer.isActive()
    assert closed == [True] and not window.recomputer._score.thread.isRunning()


def test_reminder_settings_round_trip(settings):
    chosen = ReminderSettings(remind=False, remind_at=dt.time(8, 45), keep_in_tray=True)
    chosen.save(settings)
    assert ReminderSettings.load(settings) == chosen
    settings.setValue("habits/remind_at", "late")
    assert ReminderSettings.load(settings).remind_at == ReminderSettings().remind_at


def test_tray_menu_quick_adds_the_best_actions_and_favourites(qtbot, window):
    actions.record(actions.NewEntry("reaction", TODAY - dt.timedelta(days=2), 30), TODAY)
    snapshot = recompute(qtbot, window)
    tray = window.findChild(HabitTray)
    items = tray.quick_add_menu.actions()
    keys = [item.objectName().removeprefix("trayAdd_") for item in items]
    assert keys[0] == snapshot.habits.plan[0].key and "reaction" in keys
    assert len(keys) == len(set(keys)) <= 6
    assert tray.settings_action in window.file_menu.actions()
    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        items[0].trigger()
    assert shown.args[0].count_today(keys[0]) == snapshot.count_today(keys[0]) + 1


def test_reminder_dialog_returns_what_the_seller_chose(qtbot):
    dialog = ReminderDialog(ReminderSettings(), tray_available=True)
    qtbot.addWidget(dialog)
    dialog.show()  # laid out, so that clicks land on the boxes
    qtbot.waitExposed(dialog)
    assert dialog.tray_box.isEnabled() and dialog.findChild(QLabel, "noTrayNote") is None
    dialog.time_edit.setTime(dialog.time_edit.time().addSecs(-3600 * 9))  # 17:00 -> 08:00
    qtbot.mouseClick(dialog.tray_box, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == ReminderSettings(remind_at=dt.time(8, 0), keep_in_tray=True)
    qtbot.mouseClick(dialog.remind_box, Qt.MouseButton.LeftButton)
    assert not dialog.time_edit.isEnabled() and not dialog.chosen().remind


def test_each_pillar_tab_continues_its_own_trend(qtbot, window):
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, 3), TODAY)
    snapshot = recompute(qtbot, window)
    assert window.select_tab(Pillar.INSIGHTS.value)
    plot = window.pillar_pages[Pillar.INSIGHTS].plot
    assert plot is not None
    # The tab's plot is built on its first show and draws once Qt has shown it.
    shown_until = timestamp(TODAY + dt.timedelta(days=TREND_FORECAST_DAYS))
    qtbot.waitUntil(lambda: plot.getPlotItem().viewRange()[0][1] >= shown_until)
    line = snapshot.habits.forecast.line(Pillar.INSIGHTS)
    assert line[0] == (TODAY, pytest.approx(snapshot.pillars[Pillar.INSIGHTS]))


def test_the_today_card_updates_its_rows_in_place(qtbot, window):
    """Rows made anew on each change laid out, and repainted, the whole dashboard."""
    habit_targets.replace_all(
        [Target("dm_sent", 3, Period.DAY), Target("reaction", 5, Period.WEEK)]
    )
    first = recompute(qtbot, window)
    card = today_card(window)
    rows = {widget.objectName(): widget for widget in card.findChildren(QWidget)}
    buttons = list(card.add_buttons.values())
    assert first.habits is not None and len(buttons) == 3

    with qtbot.waitSignal(window.snapshot_shown, timeout=WAIT_MS) as shown:
        window.quick_add("dm_sent")
    after: ScoreSnapshot = shown.args[0]
    assert after.habits is not None
    done = card.findChild(QLabel, "targetDone_dm_sent")
    assert done is rows["targetDone_dm_sent"] and done.text() == "1 / 3 today"
    assert list(card.add_buttons.values()) == [
        card.findChild(QWidget, f"nextBestAdd_{key}") for key in card.add_buttons
    ]
    # The same three buttons, now standing for the new plan's best actions.
    assert sorted(map(id, card.add_buttons.values())) == sorted(map(id, buttons))
    assert list(card.add_buttons) == [s.key for s in worth_doing(after.habits.plan)[:3]]
