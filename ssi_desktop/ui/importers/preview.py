"""The preview shown before an archive import writes anything: what was found, and what not."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.catalog import ACTION_BY_KEY
from ssi_desktop.importers.backfill import ImportPlan
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.table_model import AnyIndex, RowsModel
from ssi_desktop.ui.widgets import SPACING, heading

SOURCE_LABELS = {
    "connections": "Connections (named)",
    "invitations_sent": "Invitations you sent",
    "invitations_accepted": "… of them accepted",
    "conversations": "Conversations",
    "conversations_started": "… started by you",
    "conversations_replied": "… started by you and answered",
    "posts": "Posts and reposts",
    "comments": "Comments",
    "reactions": "Reactions",
    "recommendations_received": "Recommendations received",
    "endorsements_received": "Endorsements received",
}


class CountsModel(RowsModel):
    """A read-only table of (label, count, …) rows; counts are right-aligned."""

    def __init__(
        self, headers: Sequence[str], rows: Sequence[Sequence[str | int]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(headers)
        self._rows = [tuple(row) for row in rows]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:,}" if isinstance(value, int) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(name: str, model: CountsModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    # Compact rows: the eleven counts of the Found tab fit without scrolling.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


def overview(plan: ImportPlan) -> str:
    """One paragraph: how much, over which days, and how much is new."""
    report = plan.report
    if report.first_day is None or report.last_day is None:
        span = "No dated activity was found"
    else:
        span = (
            f"{len(plan.entries):,} actions from {dates.day_text(report.first_day)} "
            f"to {dates.day_text(report.last_day)}"
        )
    if plan.new_entries == 0 and plan.new_profile_items:
        items = len(plan.new_profile_items)
        news = f"all are already in your log; importing marks {items} profile items done."
    elif plan.new_entries == 0:
        news = "all of them are already in your log, so importing adds nothing."
    elif plan.already_known:
        news = f"{plan.new_entries:,} are new; {plan.already_known:,} are already in your log."
    else:
        news = "all of them are new to your log."
    skipped = sum(plan.skipped.values())
    rest = f" {skipped:,} rows were left out (see Skipped)." if skipped else ""
    return f"{span}; {news}{rest}"


class PreviewDialog(QDialog):
    """Counts per file and per action type, the date range and the skipped rows; then Import."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("importPreview")
        self.setWindowTitle("Import LinkedIn Archive")
        self.setMinimumSize(520, 460)
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(heading(plan.archive_name))
        self.overview = QLabel(overview(plan))
        self.overview.setObjectName("importOverview")
        self.overview.setWordWrap(True)
        layout.addWidget(self.overview)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tabs.addTab(self._found(), "Found")
        self.tabs.addTab(self._actions(), "As actions")
        self.tabs.addTab(self._files(), "Files")
        skipped = sum(plan.skipped.values())
        self.tabs.addTab(self._skipped(), f"Skipped ({skipped:,})")
        layout.addWidget(self.tabs, 1)

        note = theme.as_caption(
            QLabel(
                "Importing runs in the background and can be cancelled without leaving anything "
                "half done. File > Undo Last Import takes the whole import back."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            f"Import {plan.new_entries:,} Entries", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(plan.adds_anything)
        self.import_button.setDefault(plan.adds_anything)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _found(self) -> QTableView:
        rows: list[tuple[str, str | int]] = [
            (SOURCE_LABELS[key], count) for key, count in self.plan.report.sources.items()
        ]
        items = ", ".join(item for item, _day in self.plan.profile_items) or "none"
        rows.append(("Profile items present", items))
        return _table("importFound", CountsModel(("In the archive", "Count"), rows, self))

    def _actions(self) -> QTableView:
        rows = [
            (ACTION_BY_KEY[key].label, ACTION_BY_KEY[key].pillar.short_label, count)
            for key, count in self.plan.actions_per_type.items()
        ]
        return _table("importActions", CountsModel(("Action", "Pillar", "Count"), rows, self))

    def _files(self) -> QTableView:
        rows = sorted(self.plan.report.files.items(), key=lambda item: item[0].lower())
        return _table("importFiles", CountsModel(("File", "Rows read"), rows, self))

    def _skipped(self) -> QTableView:
        rows: list[tuple[str, str | int]] = list(self.plan.skipped.items())
        if not rows:
            rows = [("Nothing was skipped", "")]
        return _table("importSkipped", CountsModel(("Reason", "Rows"), rows, self))
