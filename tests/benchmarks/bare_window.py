"""The start-up reference: a bare PySide6 window holding one pyqtgraph plot of 90 points.

The start-up benchmark runs it as a fresh process next to ``ssi-desktop
--quit-after-first-paint``. Like the app, it prints the monotonic time of its first painted
frame (taken once the paint pass is over, from a zero timer) and exits 0 at once.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

SIZE = (1280, 800)


class FirstPaint(QObject):
    """Quits the application right after the watched widget's first paint."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        print(f"first paint (monotonic {time.monotonic():.6f} s)", flush=True)
        self._app.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    plot = pg.PlotWidget()
    days = np.arange(90, dtype=float)
    plot.plot(days, 50 + 10 * np.sin(days / 9))
    window.setCentralWidget(plot)
    # The plot covers the whole window, so the window itself never gets a paint event.
    first_paint = FirstPaint(app)
    plot.viewport().installEventFilter(first_paint)
    window.resize(*SIZE)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
