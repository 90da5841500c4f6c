"""pyqtgraph, set up once for every chart of the window: import ``pg`` from here.

Only the charts' modules import this, when a chart is first built: the first frame draws no
chart (the gauge and the bars paint themselves), and importing pyqtgraph is some 170 ms of
start-up (docs/BENCHMARKS.md). Whichever chart comes first, the options are set before it.
"""

from __future__ import annotations

import linecache
import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # never a Qt binding the app does not use

# PySide6's import hook reads the source of each module imported after Qt (looking for
# `from __feature__ import`) through linecache, which keeps it: megabytes of text of the
# window's modules and of pyqtgraph's, read once and never again. Let go of it before
# pyqtgraph comes (its modules take the freed memory) and after: peak memory is a goal.
linecache.clearcache()
import pyqtgraph as pg  # noqa: E402  (after the clearing above)

linecache.clearcache()
pg.setConfigOptions(antialias=True)

__all__ = ["pg"]
