"""A real MainWindow on a temp database, shown offscreen, with its first score on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.workers.recompute import running_threads
from tests.ui.palettes import dark_palette

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(db: Path, settings: QSettings, qtbot: QtBot) -> Iterator[WindowFactory]:
    """Builds windows on the test database; each is shown and has shown its first score."""
    made: list[MainWindow] = []

    def make(**kwargs: object) -> MainWindow:
        kwargs.setdefault("details_delay_ms", 0)  # tests wait for the panels: no pause
        window = MainWindow(db, settings, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        made.append(window)
        with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
            window.show()
        return window

    yield make
    for window in made:
        window.close()
    assert running_threads() == []


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> Iterator[str]:
    """The application in the platform's own (light) palette, then in a dark one."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    if request.param == "dark":
        app.setPalette(dark_palette())
    yield request.param
    app.setPalette(before)
