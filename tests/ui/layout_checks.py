"""What a person sees as a broken screen, found by walking the real widgets.

- two widgets of one layout drawn over each other (a caption printed over a table's last row);
- a widget of a layout pushed outside its parent (a layout squeezed below what it needs);
- a label or a button narrower or shorter than its text (text clipped or elided beside room);
- a table that hides rows it could show (a table of 4 rows showing 2);
- a chart's value axis without its end labels (0 and the maximum).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLayout,
    QTableView,
    QTabWidget,
    QWidget,
)

TABLE_ROWS_SHOWN = 6
"""A table holding more rows than this shows at least this many (and scrolls for the rest);
one holding fewer shows them all."""


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = ""
    if isinstance(widget, QLabel | QAbstractButton) and widget.text():
        text = f" {widget.text()[:40]!r}"
    return f"{name}{text}"


def layout_widgets(layout: QLayout) -> Iterator[QWidget]:
    """The widgets a layout places, its nested layouts' included."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield widget
        elif item.layout() is not None:
            yield from layout_widgets(item.layout())


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def overlaps(root: QWidget) -> list[str]:
    """Siblings placed by one layout that overlap, or that stick out of their parent."""
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if not shown(parent) or layout is None or isinstance(parent, QTabWidget):
            continue
        placed = [w for w in layout_widgets(layout) if w.parent() is parent and shown(w)]
        inside = parent.rect()
        for index, widget in enumerate(placed):
            box = widget.geometry()
            if not inside.contains(box):
                problems.append(f"{describe(widget)} sticks out of {describe(parent)}")
            for other in placed[index + 1 :]:
                common = box.intersected(other.geometry())
                if common.width() > 1 and common.height() > 1:
                    problems.append(f"{describe(widget)} overlaps {describe(other)}")
    return problems


def visible_rect(widget: QWidget) -> QRect:
    return widget.visibleRegion().boundingRect()


def elided(label: QLabel) -> bool:
    """A one-line plain label narrower than its text (to the fraction of a pixel)."""
    text = label.text()
    if "\n" in text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return False
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    return label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) != text


def clipped_text(root: QWidget) -> list[str]:
    """Labels and buttons on screen whose text does not fit them."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not shown(widget) or not visible_rect(widget).isValid():
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(
                        f"{describe(widget)} needs {needed} px of height, has {widget.height()}"
                    )
            elif widget.sizeHint().width() > widget.width() + 1 or elided(widget):
                problems.append(
                    f"{describe(widget)} needs {widget.sizeHint().width()} px, has {widget.width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            problems.append(
                f"{describe(widget)} needs {widget.sizeHint().width()} px, has {widget.width()}"
            )
    return problems


def hidden_rows(root: QWidget) -> list[str]:
    """Tables that show fewer rows than they hold while they could show more."""
    problems = []
    for table in root.findChildren(QTableView):
        model = table.model()
        if not shown(table) or model is None or model.rowCount() == 0:
            continue
        rows = model.rowCount()
        wanted = min(rows, TABLE_ROWS_SHOWN)
        needed = sum(table.rowHeight(row) for row in range(wanted))
        room = table.viewport().height()
        if needed > room + 1:
            problems.append(
                f"{describe(table)} holds {rows} rows but shows {room} px of the {needed} "
                f"its first {wanted} need"
            )
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QTableView) or not shown(view) or view.model() is None:
            continue
        rows = view.model().rowCount()
        if rows and view.viewport().height() < min(rows, 3) * view.sizeHintForRow(0):
            problems.append(f"{describe(view)} holds {rows} rows but has no room for 3")
    return problems


def axis_labels(axis: pg.AxisItem) -> list[str]:
    """The tick labels an axis draws at its present size."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    return [text for _rect, _flags, text in specs[2]]


def missing_axis_ends(root: QWidget) -> list[str]:
    """Value axes (with fixed ticks) that leave out their lowest or highest label."""
    problems = []
    for plot in root.findChildren(pg.PlotWidget):
        if not shown(plot):
            continue
        axis = plot.getPlotItem().getAxis("left")
        ticks = axis._tickLevels  # fixed ticks set with setTicks(); None: pyqtgraph picks them
        if not ticks:
            continue
        low, high = sorted(axis.range)
        values = [text for value, text in ticks[0] if low <= value <= high]
        drawn = axis_labels(axis)
        for end in {values[0], values[-1]} if values else ():
            if end not in drawn:
                problems.append(f"{describe(plot)}'s axis leaves out {end!r} (shows {drawn})")
    return problems


def problems_on(root: QWidget) -> list[str]:
    return [
        *overlaps(root),
        *clipped_text(root),
        *hidden_rows(root),
        *missing_axis_ends(root),
    ]
