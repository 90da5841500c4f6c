"""Official readings in the window: the Readings tab, the "Add Reading…" menu item, and the
readings drawn on the dashboard (markers, benchmark lines, the rank under the gauge)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction, QKeySequence

from ssi_desktop.store import settings
from ssi_desktop.ui import theme
from ssi_desktop.ui.on_screen import WhenShown
from ssi_desktop.ui.widgets import LazyPage
from ssi_desktop.workers.snapshot import ScoreSnapshot

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow
    from ssi_desktop.ui.readings.page import ReadingsPage


TREND_TIP = (
    "Dots: the SSI LinkedIn showed you on the days you typed in a reading.\n"
    "Dotted lines: the average SSI of your industry and of your network."
)


def install(window: MainWindow) -> None:
    def build_page() -> ReadingsPage:
        from ssi_desktop.ui.readings.page import ReadingsPage  # loads when first shown

        page = ReadingsPage()
        page.readings_changed.connect(window.data_changed)
        page.status.connect(lambda text: window.statusBar().showMessage(text, 6000))
        page.calibration.switched.connect(set_calibrated)
        window.snapshot_shown.connect(WhenShown(page, page.show_snapshot))
        if window.snapshot is not None:
            page.show_snapshot(window.snapshot)
        return page

    tab = LazyPage("readings", build_page)
    window.add_tab(tab, "Readings", theme.icon("reading"))

    def page() -> ReadingsPage:
        return cast("ReadingsPage", tab.built())

    add = QAction(theme.icon("add"), "Add Official &Reading…", window)
    add.setObjectName("addReadingAction")
    add.setShortcut(QKeySequence("Ctrl+Shift+R"))
    add.setToolTip("Type in what LinkedIn's SSI page shows (Ctrl+Shift+R)")
    add.triggered.connect(lambda: page().add_reading())
    window.add_file_action(add)

    paste = QAction(theme.icon("reading"), "&Paste Official Reading", window)
    paste.setObjectName("pasteReadingAction")
    paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
    paste.setToolTip("Save the reading copied from LinkedIn's SSI page (Ctrl+Shift+V)")

    def paste_reading() -> None:
        window.select_tab("readings")
        page().paste_reading()

    paste.triggered.connect(paste_reading)
    window.add_file_action(paste)

    def set_calibrated(enabled: bool) -> None:
        settings.set_calibration_enabled(enabled)
        window.statusBar().showMessage(
            "The estimate is calibrated to your readings."
            if enabled
            else "The estimate uses its default scales.",
            5000,
        )
        window.data_changed.emit()

    def show(snapshot: ScoreSnapshot) -> None:
        overlay = snapshot.readings
        window.dashboard.show_readings(
            overlay.markers,
            overlay.industry_avg,
            overlay.network_avg,
            overlay.rank_caption,
            TREND_TIP if overlay.markers else "",
        )

    window.snapshot_shown.connect(WhenShown(window.dashboard, show))
