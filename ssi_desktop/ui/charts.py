"""pyqtgraph, set up once for every chart of the window: import ``pg`` from here.

Only the charts' modules import this, when a chart is first built: the first frame draws no
chart (the gauge and the bars paint themselves), and importing pyqtgraph is some 60 ms of
start-up (docs/BENCHMARKS.md). Whichever chart comes first, the options are set before it.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # never a Qt binding the app does not use

import pyqtgraph as pg

pg.setConfigOptions(antialias=True)

__all__ = ["pg"]
