"""The quick-add button: a push button whose icon and label sit on its left.

A column of them reads like a list of actions. Qt centres a push button's label; this one
draws the button without it, then the icon and the label from the left edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

PADDING = 10  # between the frame and the icon, and after the label
ICON_GAP = 6
MIN_HEIGHT = 30


class QuickAddButton(QPushButton):
    def __init__(self, icon: QIcon, text: str, parent: QWidget | None = None) -> None:
        super().__init__(icon, text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + PADDING, max(hint.height(), MIN_HEIGHT))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        label, icon = self.text(), self.icon()
        option.text, option.icon = "", QIcon()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

        inside = self.rect().adjusted(PADDING, 0, -PADDING, 0)
        left = inside.left()
        if not icon.isNull():
            size = self.iconSize()
            mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
            pixmap = icon.pixmap(size, self.devicePixelRatioF(), mode)
            painter.drawPixmap(left, inside.center().y() - size.height() // 2 + 1, pixmap)
            left += size.width() + ICON_GAP
        text_area = QRect(left, inside.top(), inside.right() - left, inside.height())
        shown = self.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, text_area.width())
        painter.drawItemText(
            text_area,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            QPalette.ColorRole.ButtonText,
        )
