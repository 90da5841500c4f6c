"""Updates that only a widget on screen needs: a tab not shown does no work per change.

Every change sends the window a new snapshot. Redrawing a chart, a table or a row of progress
bars on a tab nobody looks at cost the GUI thread milliseconds per page on each quick-add, and
the sum stalled it (tests/benchmarks/quick_add.py). Wrapped in ``WhenShown``, such an update
runs at once when its widget is on screen, and otherwise once, with the newest value, when the
widget is next shown (before it paints: the seller never sees the old picture).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

T = TypeVar("T")

_NOTHING = object()


class WhenShown(QObject, Generic[T]):
    """Call it with a value: ``update(value)`` now if ``widget`` is on screen or its window is
    not (a window in the tray), else with the newest value at the widget's next show.

    ``widget`` is the page the update draws on (a tab), not a card that may hide itself: a
    hidden card gets no show event when its page is shown.
    """

    def __init__(self, widget: QWidget, update: Callable[[T], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._update = update
        self._pending: object = _NOTHING
        self._waiting = False

    def __call__(self, value: T) -> None:
        widget = self._widget
        if widget.isVisible() or not widget.window().isVisible():
            self._pending = _NOTHING
            self._update(value)
            return
        self._pending = value
        if not self._waiting:
            # A filter only while an update waits: no Python call per event otherwise.
            self._waiting = True
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._waiting:
            self._waiting = False
            self._widget.removeEventFilter(self)
            value, self._pending = self._pending, _NOTHING
            if value is not _NOTHING:
                self._update(value)  # type: ignore[arg-type]
        return False
