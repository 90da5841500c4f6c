"""A real main window on the test's database, stopped cleanly with nothing left running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.safety.jobs import wait_for_all
from ssi_desktop.workers.recompute import running_threads


@pytest.fixture
def window(db: Path, qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(db, settings)
    main.remember_settings = False
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.snapshot_shown, timeout=10000):
        main.show()
    yield main
    main.shutdown()
    wait_for_all()
    assert running_threads() == []
