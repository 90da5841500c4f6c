"""Test helper: a real window that logs N quick-adds, printing ``ACK n`` once each is reported.

``python -m tests.safety.gui_adder DB N`` clicks the "DM sent" quick-add button N times; after
each click it checks that the window reported the add in its status bar, prints the
acknowledgement and flushes. Then it waits, like a seller's open window, to be killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from ssi_desktop.store.db import open_database
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.single_instance import SingleInstance


def main() -> int:
    db, wanted = Path(sys.argv[1]), int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    claim = SingleInstance(db)
    if not claim.acquire():
        print("LOCKED", flush=True)
        return 2
    open_database(db)
    window = MainWindow(db, QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    window.show()
    button = window.findChild(QPushButton, "quickAdd_dm_sent")

    def add(number: int) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        if not window.statusBar().currentMessage().startswith("Added"):
            print(f"NOT ADDED {number}", flush=True)
            return
        print(f"ACK {number}", flush=True)
        if number < wanted:
            QTimer.singleShot(0, lambda: add(number + 1))

    QTimer.singleShot(0, lambda: add(1))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
