"""Small building blocks shared by the pages: cards, headings and notices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.ui import theme

MARGIN = 14
SPACING = 10
CARD_RADIUS = 8.0
NOTICE_RADIUS = 4.0
ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)
"""The events a window's widgets get when it gains or loses the keyboard."""


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
        edges_follow_palette(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            edges_follow_palette(self)
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded panel of the palette's base colour with a light edge."""
        palette = self.palette()
        _rounded_outline(
            self,
            QPen(palette.color(QPalette.ColorRole.Midlight), 1.0),
            palette.color(QPalette.ColorRole.Base),
            CARD_RADIUS,
        )


def edges_follow_palette(widget: QWidget) -> None:
    """In a dark palette, give the inputs, check boxes and progress bars in ``widget`` visible
    edges (call again when the application's palette changes).

    Styles draw those edges a shade darker than the palette's window colour: on a dark card
    or table that is their own colour, and text fields, unticked boxes and the empty part of a
    progress bar vanished. Inside ``widget`` (which must not fill its background), the window
    colour is raised toward the text so the edges stand out; a light palette is left as the
    system gives it.
    """
    pal = theme.palette()
    if not theme.is_dark(pal):
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
            widget.setPalette(QPalette())
        return
    ours = QPalette(pal)
    ours.setColor(QPalette.ColorRole.Window, theme.blend(pal, QPalette.ColorRole.Text, 0.4))
    widget.setPalette(ours)


class Notice(QLabel):
    """A message that must not be missed (a refused entry, an empty log): text in a thin
    frame of the accent colour. Hidden until there is something to say, if asked."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setContentsMargins(9, 5, 9, 5)  # inside the 1-pixel frame

    def paintEvent(self, event: QPaintEvent) -> None:
        _rounded_outline(self, QPen(theme.accent_color(), 1.0), None, NOTICE_RADIUS)
        super().paintEvent(event)


def _rounded_outline(widget: QWidget, pen: QPen, fill: QColor | None, radius: float) -> None:
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush if fill is None else fill)
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.end()


def heading(text: str) -> QLabel:
    return theme.as_heading(QLabel(text))


def python_date(value: QDate) -> dt.date:
    """A QDate as a date (PySide6 types toPython() as returning object)."""
    return dt.date(value.year(), value.month(), value.day())


class LazyPage(QWidget):
    """A tab page (objectName ``tab_<name>``) whose content is built the first time it shows.

    Start-up builds only what the first paint needs; a page the seller may never open that day
    (charts, tables) costs nothing until then.
    """

    def __init__(self, name: str, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self.setObjectName(f"tab_{name}")
        self._build = build
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        """The page's content, built now if it was not yet."""
        if self.content is None:
            self.content = self._build()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self.content)
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        self.built()
        super().showEvent(event)

    # A tab switch made while the keyboard was on the page before hands it to this page itself
    # (Qt's stacked layout, when the page was not built yet). Qt repaints a widget that gains
    # or loses the keyboard, here the whole page, twice per Ctrl+K: 4.7 ms each on Readings.
    # A page draws no focus of its own, so it need not.
    def focusInEvent(self, event: QFocusEvent) -> None:
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        event.accept()


def chart_stop(view: QWidget, name: str) -> None:
    """Make a chart one stop of the Tab key, with ``name`` for a screen reader.

    A chart is a picture: its name and description (set with its data) are what a screen
    reader says. Only Tab stops on it (a click on a chart moves no focus).
    """
    view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    view.setAccessibleName(name)


def scrolling_content(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless vertical scroll area and return the layout to fill it with.

    A window smaller than the page needs (1280x700 with every card shown) scrolls the page
    instead of squeezing its cards over each other; a larger one shows it whole, as before.
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea(page)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard moves between its contents
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = QWidget()
    content.setObjectName(f"{page.objectName()}_content")
    area.setWidget(content)
    outer.addWidget(area)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
    layout.setSpacing(SPACING)
    return layout


def fit_rows(table: QTableView, most: int) -> None:
    """Make ``table`` exactly as tall as its rows, up to ``most`` of them (then it scrolls).

    A table left to stretch showed two rows on a small screen and mostly blank space on a
    large one; sized to what it holds, it shows the same on both.
    """
    model = table.model()
    rows = min(model.rowCount() if model is not None else 0, most)
    row_height = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader()
    header_height = 0 if header.isHidden() else header.sizeHint().height()
    frame = 2 * table.frameWidth()
    table.setFixedHeight(header_height + max(rows, 1) * row_height + frame)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)


def save_or_cancel(dialog: QDialog, save: Callable[[], object]) -> QDialogButtonBox:
    """A dialog's Save and Cancel buttons: Save calls ``save`` (which accepts the dialog once
    what was typed is stored, or keeps it open to say why not), Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _SameWhenInactive(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in ACTIVATION or not isinstance(watched, QWidget):
            return False
        palette = watched.palette()
        return palette.isEqual(QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def same_when_inactive(view: QAbstractScrollArea) -> None:
    """No repaint of a table or a chart when its window gains or loses the keyboard, while the
    palette paints both alike (ours does). Qt repaints then every row a table shows and its
    headers, for the inactive selection colours, and every item of a chart's scene: 5-9 ms for
    the History or Readings table or the trend chart, and 1.2 more for a table's header, twice
    per Ctrl+K (the finder takes the keyboard, and gives it back when it closes)."""
    painted = [view.viewport()]
    if isinstance(view, QTableView):
        painted += [
            header.viewport() for header in (view.horizontalHeader(), view.verticalHeader())
        ]
    keeper = _SameWhenInactive(view)
    for each in painted:
        each.installEventFilter(keeper)
