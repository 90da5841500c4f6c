"""The Readings tab, its dialog and calibration panel, and the readings on the dashboard,
driven through real widgets in a real window with its score worker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pyqtgraph as pg
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from ssi_desktop.application.estimate import UNCALIBRATED_STATE, CalibrationState
from ssi_desktop.catalog import Pillar
from ssi_desktop.cli.main import main
from ssi_desktop.demo import history as demo
from ssi_desktop.demo import readings as demo_readings
from ssi_desktop.store import readings, settings
from ssi_desktop.store.actions import record_many
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.readings.dialog import ReadingDialog
from ssi_desktop.ui.readings.model import ReadingsModel
from ssi_desktop.ui.readings.page import ReadingsPage
from ssi_desktop.ui.widgets import LazyPage
from ssi_desktop.workers.snapshot import ScoreSnapshot
from tests.conftest import TODAY
from tests.readings_helpers import make_reading

DAY = TODAY - dt.timedelta(days=3)

# Qt's offscreen platform warns that it cannot size a dialog's window on show; harmless there.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def page_of(window: MainWindow) -> ReadingsPage:
    """The Readings page, built when its tab is first shown."""
    tab = window.findChild(LazyPage, "tab_readings")
    assert tab is not None
    page = tab.built()
    assert isinstance(page, ReadingsPage)
    return page


def recompute(window: MainWindow, qtbot: QtBot) -> ScoreSnapshot:
    with qtbot.waitSignal(window.snapshot_shown, timeout=5000) as shown:
        window.request_recompute()
    snapshot: ScoreSnapshot = shown.args[0]
    return snapshot


def fill(dialog: ReadingDialog, qtbot: QtBot, total: str | None, *pillars: float) -> None:
    """Type the reading in as the seller would: pillars first, then (maybe) the total."""
    for spin, value in zip(dialog.pillar_spins.values(), pillars, strict=True):
        spin.selectAll()
        qtbot.keyClicks(spin, f"{value:.2f}")
    if total is not None:
        dialog.total_spin.selectAll()
        qtbot.keyClicks(dialog.total_spin, total)


def save(dialog: ReadingDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_tab_and_the_menu_item_are_there(window: MainWindow) -> None:
    page = page_of(window)

    assert window.select_tab("readings") and window.tabs.currentWidget().isAncestorOf(page)
    assert page.empty_hint.isVisible() and page.model.rowCount() == 0
    assert "Reading" in window.findChild(type(window.find_action), "addReadingAction").text()


def test_a_reading_typed_in_reaches_the_table_and_the_dashboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = page_of(window)
    window.select_tab("readings")
    dialog = page.add_reading()
    fill(dialog, qtbot, None, 10, 12.5, 8.25, 9)
    assert dialog.total_spin.value() == 40  # filled in from the pillars
    qtbot.keyClicks(dialog.industry_rank, "8")
    qtbot.keyClicks(dialog.network_avg, "34")

    with qtbot.waitSignal(window.snapshot_shown, timeout=5000) as shown:
        save(dialog, qtbot)

    assert readings.all_readings() == [make_reading(TODAY, industry_rank=8, network_avg=34)]
    assert page.model.rowCount() == 1 and not page.empty_hint.isVisible()
    assert page.model.index(0, ReadingsModel.COL_TOTAL).data() == "40"
    assert "Recorded" in window.statusBar().currentMessage()
    snapshot: ScoreSnapshot = shown.args[0]
    assert snapshot.readings.markers == ((TODAY, 40.0),)
    window.select_tab("dashboard")  # the dashboard catches up when shown
    plot = window.dashboard.trend.getPlotItem()
    (markers,) = [i for i in plot.items if isinstance(i, pg.ScatterPlotItem)]
    assert list(markers.getData()[1]) == [40.0]
    lines = [i.value() for i in plot.items if isinstance(i, pg.InfiniteLine)]
    assert lines == [34.0]  # the network's average; no industry average was typed in
    assert window.dashboard.gauge.rank_caption == "Top 8 % of your industry"
    assert window.dashboard.trend.toolTip().startswith("Dots: the SSI LinkedIn showed")


def test_a_reading_that_does_not_add_up_is_refused_in_the_dialog(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = page_of(window).add_reading()
    fill(dialog, qtbot, "45", 10, 12.5, 8.25, 9)

    save(dialog, qtbot)

    assert dialog.isVisible() and readings.reading_count() == 0
    assert "does not match the pillars" in dialog.message.text()
    dialog.reject()


def test_the_dialog_says_a_reading_of_that_day_will_be_replaced(
    window: MainWindow, qtbot: QtBot
) -> None:
    readings.record(make_reading(DAY, brand=5.0), TODAY)
    page = page_of(window)
    recompute(window, qtbot)  # the page shows the readings the worker read
    dialog = page.add_reading()
    assert not dialog.message.isVisible()

    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-3))
    assert "saving replaces it" in dialog.message.text()
    fill(dialog, qtbot, None, 10, 12.5, 8.25, 9)
    save(dialog, qtbot)

    assert [r.pillars[Pillar.BRAND] for r in readings.all_readings()] == [10.0]
    assert "Replaced" in window.statusBar().currentMessage()


def test_double_click_corrects_a_reading(window: MainWindow, qtbot: QtBot) -> None:
    readings.record(make_reading(DAY, industry_avg=27.0), TODAY)
    page = page_of(window)
    recompute(window, qtbot)  # the page shows the readings the worker read
    window.select_tab("readings")
    table = page.table
    cell = table.visualRect(page.model.index(0, ReadingsModel.COL_TOTAL)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    dialog = page.findChild(ReadingDialog)
    assert dialog is not None and dialog.industry_avg.text() == "27"
    assert dialog.pillar_spins[Pillar.INSIGHTS].value() == 8.25
    fill(dialog, qtbot, None, 10, 12.5, 8.25, 10)
    dialog.total_spin.setValue(41)
    save(dialog, qtbot)

    (corrected,) = readings.all_readings()
    assert corrected.total == 41 and corrected.industry_avg == 27.0


def test_delete_asks_first_and_removes_the_selected_reading(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in (DAY, TODAY):
        readings.record(make_reading(day), TODAY)
    page = page_of(window)
    recompute(window, qtbot)  # the page shows the readings the worker read
    window.select_tab("readings")
    assert not page.delete_button.isEnabled()
    page.table.selectRow(1)  # newest first: row 1 is DAY
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: next(answers))

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert readings.reading_count() == 2  # "No" keeps it
    with qtbot.waitSignal(window.snapshot_shown, timeout=5000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    assert [r.day for r in readings.all_readings()] == [TODAY]
    assert page.model.rowCount() == 1  # as the worker read them after the change


@pytest.fixture
def demo_seller(db: Path) -> None:
    first = TODAY - dt.timedelta(days=181)
    record_many(list(demo.history(first, TODAY)), TODAY)
    assert demo_readings.add_when_none(first, TODAY, seed=7) == 13


def test_the_switch_turns_calibration_off_and_on_everywhere(
    demo_seller: None, window: MainWindow, qtbot: QtBot
) -> None:
    page = page_of(window)
    window.select_tab("readings")
    calibrated = recompute(window, qtbot)
    panel = page.calibration
    assert calibrated.calibration.in_use and panel.switch.isChecked()
    before, after = (panel.cells[Pillar.PEOPLE.value][i].text() for i in (1, 2))
    assert float(after) < float(before)
    assert "Fitted to your 13 official readings" in panel.status.text()

    with qtbot.waitSignal(window.snapshot_shown, timeout=5000) as shown:
        qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton, pos=panel.switch.rect().center())
    default: ScoreSnapshot = shown.args[0]

    assert not settings.calibration_enabled()
    assert not default.calibration.in_use and default.total != calibrated.total
    assert "Calibration is off" in panel.status.text()
    assert window.dashboard.total_label.text() == f"{default.total:.1f}"

    with qtbot.waitSignal(window.snapshot_shown, timeout=5000) as shown:
        qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton, pos=panel.switch.rect().center())
    assert shown.args[0].total == calibrated.total


def test_the_panel_asks_for_more_readings_until_there_are_three(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = page_of(window).calibration
    window.select_tab("readings")
    assert "Add an official reading" in panel.status.text()
    for day in (DAY, TODAY):
        readings.record(make_reading(day), TODAY)

    recompute(window, qtbot)

    assert "2 official readings: the fit needs at least 3" in panel.status.text()
    assert panel.cells[Pillar.BRAND.value][0].text() == "1.00 / 1.00"
    assert panel.cells[Pillar.BRAND.value][2].text() == "–"


def test_the_readings_model_passes_qt_checks(db: Path, qtmodeltester: object) -> None:
    for day in (DAY, TODAY):
        readings.record(make_reading(day, network_rank=20), TODAY)
    model = ReadingsModel()
    model.set_readings(readings.all_readings())

    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, ReadingsModel.COL_NETWORK).data() == "Top 20 %"
    assert model.index(0, ReadingsModel.COL_ESTIMATE).data() == "…"  # before the worker's fit
    # Qt's items are editable unless told otherwise: a reading is corrected in its dialog.
    assert not any(
        model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )


def test_one_estimate_of_a_day_on_every_screen(
    window: MainWindow, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    """The dashboard, the Readings tab, its calibration panel and `ssi score --date` show the
    same estimate for a reading's day, calibrated or not."""
    first = TODAY - dt.timedelta(days=120)
    record_many(list(demo.history(first, TODAY, seed=5)), TODAY)
    for back in (0, 7, 14, 21):
        day = TODAY - dt.timedelta(days=back)
        readings.record(make_reading(day, 14.0, 9.0, 11.0, 12.0), TODAY)
    snapshot = recompute(window, qtbot)
    assert snapshot.calibration.in_use
    page = page_of(window)
    page.show_calibration(snapshot.calibration)
    window.select_tab("readings")

    def cli_total(day: dt.date) -> float:
        args = ["score", "--date", day.isoformat(), "--json", "--db", str(window.db_path)]
        assert main(args) == 0
        return float(json.loads(capsys.readouterr().out)["total"])

    today = cli_total(TODAY)
    assert window.dashboard.total_label.text() == f"{today:.1f}"
    assert snapshot.total == pytest.approx(today, abs=1e-9)
    model = page.model
    for row in range(model.rowCount()):
        day = model.reading_at(row).day
        shown = model.index(row, model.COL_ESTIMATE).data()
        assert shown == f"{cli_total(day):.1f}", day
    assert "its own day" in page.calibration.measured.text()

    # An action logged on the day of a reading: shown at once, then refitted, as `ssi score`.
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000) as shown:
        window.quick_add("comment_thoughtful")
    assert shown.args[0].calibration.calibration.settled
    assert shown.args[0].total == pytest.approx(cli_total(TODAY), abs=1e-9)
    assert window.dashboard.total_label.text() == f"{cli_total(TODAY):.1f}"
    for row in range(model.rowCount()):  # the refit's estimates, on every reading's row
        day = model.reading_at(row).day
        assert model.index(row, model.COL_ESTIMATE).data() == f"{cli_total(day):.1f}", day


READING_DAYS = [TODAY - dt.timedelta(days=7 * week) for week in range(4)]
estimates_on_days = st.dictionaries(
    st.sampled_from(READING_DAYS), st.sampled_from([20.0, 20.04, 31.5, 52.96])
)


def estimate_column(model: ReadingsModel) -> list[tuple[str, str]]:
    cells = [model.index(row, model.COL_ESTIMATE) for row in range(model.rowCount())]
    return [(cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)) for cell in cells]


@given(st.lists(estimates_on_days, min_size=1, max_size=6))
def test_the_estimate_column_follows_each_fit_as_a_fresh_table_shows_the_last(
    qapp: object, fits: list[dict[dt.date, float]]
) -> None:
    """The column tells only the cells whose estimate moved; what it shows is still exactly
    what a table made for the last fit shows."""

    def state(totals: dict[dt.date, float]) -> CalibrationState:
        fit = dataclasses.replace(UNCALIBRATED_STATE.calibration, totals_before=totals)
        return CalibrationState(enabled=True, calibration=fit)

    shown = [make_reading(day, total=30) for day in reversed(READING_DAYS)]  # oldest first
    followed = ReadingsModel()
    followed.set_readings(shown)
    for totals in fits:
        followed.set_calibration(state(totals))
    fresh = ReadingsModel()
    fresh.set_calibration(state(fits[-1]))
    fresh.set_readings(shown)
    assert estimate_column(followed) == estimate_column(fresh)
    assert estimate_column(fresh)[0][0] == (f"{fits[-1][TODAY]:.1f}" if TODAY in fits[-1] else "…")
