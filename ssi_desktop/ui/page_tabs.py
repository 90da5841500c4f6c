"""The window's tab widget, which lays itself out again only when its pages' sizes ask it to.

Every layout a label's new text touches ends with a layout request that climbs to the top
(QLayout::activate calls updateGeometry on its widget whether or not a size changed). A
QTabWidget answers each with a full repaint of itself: after every quick-add the whole
dashboard (chart, cards, legend) was painted again because a Next best label changed width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QTabWidget, QWidget


class PageTabs(QTabWidget):
    """A QTabWidget (objectName ``mainTabs``) that skips layout requests which change none of
    the sizes its layout is made from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainTabs")
        self._laid_out_for: tuple[QSize, ...] | None = None

    def _sizes(self) -> tuple[QSize, ...]:
        """What its layout depends on besides its own size (a resize is not a layout request):
        its tab bar's size, and its own hints, which its parent lays it out by."""
        return (self.minimumSizeHint(), self.sizeHint(), self.tabBar().sizeHint())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            sizes = self._sizes()
            if sizes == self._laid_out_for:
                return True  # nothing it lays out would move: no repaint of every page
            self._laid_out_for = sizes
        return super().event(event)
