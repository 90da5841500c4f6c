"""Small building blocks shared by the pages: cards and headings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ssi_desktop.ui import theme

MARGIN = 14
SPACING = 10


class Card(QFrame):
    """A framed panel with an optional heading; add content to ``body``."""

    def __init__(self, title: str = "", caption: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(MARGIN, MARGIN - 2, MARGIN, MARGIN)
        self.body.setSpacing(SPACING - 2)
        if title:
            self.body.addWidget(heading(title))
        if caption:
            note = theme.as_caption(QLabel(caption))
            note.setWordWrap(True)
            self.body.addWidget(note)


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def python_date(value: QDate) -> dt.date:
    """A QDate as a date (PySide6 types toPython() as returning object)."""
    return dt.date(value.year(), value.month(), value.day())
