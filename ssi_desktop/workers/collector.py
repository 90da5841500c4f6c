"""Cyclic garbage is collected on the GUI thread only, never on a worker's.

Python's collector runs in whichever thread happens to allocate past its threshold. A widget
and the slots that refer to it make a reference cycle, so a closed dialog or window lives on
as cyclic garbage. Collected on a score worker's thread, its Qt objects are destroyed there,
though Qt objects must be destroyed on the thread they belong to (anything else may crash or
hang). The test suite, which closes a window per test, showed workers collecting whole
windows, dashboards and chart scenes; one CI run hung for good in a window test.

So the window's process never collects automatically (``gc.disable()``): a timer on the GUI
thread collects what Python itself would have collected by then (collect_due), and nothing
at all while a worker builds a large result (paused). The reference counts free everything
else at once, on whichever thread, as before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, QTimer

COLLECT_EVERY_MS = 250
"""How often the GUI thread looks at the collector's counts. A collection walks every young
object still alive, so the sooner the smaller: at ten years the GUI thread's collections
during 40 back-to-back recomputes took 1.6-5.8 ms at most per run (docs/BENCHMARKS.md, fifth
round). Idle, the check costs microseconds."""

_pauses = 0
_pauses_lock = threading.Lock()


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection anywhere while the block runs (on any thread), then as before.

    A collection holds the GIL while it walks every object it watches: with the 100,000
    records of a big archive alive, one froze the window for 0.3-0.6 s at a time.
    """
    global _pauses
    was_enabled = gc.isenabled()
    gc.disable()
    with _pauses_lock:
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
        if was_enabled:
            gc.enable()


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold, as Python would have
    on its own by now, on the calling thread; the number of unreachable objects found."""
    if _pauses:
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Takes the collector over for the thread it was made on (the GUI thread) once started."""

    def __init__(self, parent: QObject | None = None, every_ms: int = COLLECT_EVERY_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop collecting; whoever started the process's collector decides whether it runs."""
        self._timer.stop()
