"""Review outcomes, posts and conversations, and delete the ones entered by mistake.

The lists are read on the GUI thread when the dialog opens: a few hundred small rows at most.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ssi_desktop.outcomes.kinds import OutcomeKind
from ssi_desktop.store import conversations, outcomes, posts, records
from ssi_desktop.ui import dates, theme
from ssi_desktop.ui.outcomes.currency import money_text

Row = tuple[int, Sequence[str]]  # the record's id, and its cells


@dataclass(frozen=True)
class Section:
    """One tab of the dialog: a kind of record, its columns and how to read its rows."""

    title: str
    singular: records.Deletable
    headers: Sequence[str]
    rows: Callable[[], list[Row]]


def outcome_rows() -> list[Row]:
    return [
        (
            o.id,
            (
                dates.day_text(o.day),
                OutcomeKind(o.kind).label,
                "" if o.value is None else money_text(o.value, 2),
                o.contact_name,
                o.note,
            ),
        )
        for o in outcomes.outcomes()
    ]


def post_rows() -> list[Row]:
    return [
        (
            p.id,
            (
                dates.day_text(p.day),
                p.title,
                f"{p.views:,}",
                f"{p.engagers:,}",
                f"{p.comments:,}",
                f"{posts.rate_of(p):.2f} %",
            ),
        )
        for p in reversed(posts.posts())
    ]


def conversation_rows() -> list[Row]:
    return [
        (
            t.id,
            (
                dates.day_text(t.started_on),
                f"{t.contact_name} · {t.account_name}",
                "me" if t.started_by == "me" else "them",
                dates.day_text(t.answered_on) if t.answered_on else "waiting",
            ),
        )
        for t in conversations.conversations()
    ]


SECTIONS = (
    Section("Outcomes", "outcome", ("Date", "Outcome", "Value", "With", "Note"), outcome_rows),
    Section(
        "Posts",
        "post",
        ("Published", "Title", "Views", "Engagers", "Comments", "Rate"),
        post_rows,
    ),
    Section(
        "Conversations",
        "conversation",
        ("Started", "With", "Started by", "Answered"),
        conversation_rows,
    ),
)


class RecordsDialog(QDialog):
    """One tab per kind of record; Delete removes the selected rows of the tab shown."""

    deleted = Signal(str)  # one sentence for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Outcomes, Posts and Conversations")
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        note = theme.as_caption(
            QLabel(
                "Delete what was entered by mistake, then add it again. Actions logged with "
                "a record stay in your log; remove them from the History tab if need be."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tabs = QTabWidget()
        self.tables: list[QTableWidget] = []
        self.ids: list[list[int]] = []
        for section in SECTIONS:
            table = QTableWidget(0, len(section.headers))
            table.setObjectName(f"records_{section.singular}")
            table.setHorizontalHeaderLabels(list(section.headers))
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            self.tabs.addTab(table, section.title)
            self.tables.append(table)
            self.ids.append([])
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.delete_button = QPushButton("Delete selected")
        self.delete_button.setObjectName("recordsDelete")
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        for index, section in enumerate(SECTIONS):
            rows = section.rows()
            table = self.tables[index]
            table.setRowCount(len(rows))
            self.ids[index] = [record_id for record_id, _ in rows]
            for row, (_, cells) in enumerate(rows):
                for column, text in enumerate(cells):
                    table.setItem(row, column, QTableWidgetItem(text))
            count = f"{section.title} ({len(rows)})"
            self.tabs.setTabText(index, count)

    @Slot()
    def delete_selected(self, confirm: bool = True) -> int:
        index = self.tabs.currentIndex()
        section, table = SECTIONS[index], self.tables[index]
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        if not rows:
            return 0
        many = f"{len(rows)} {section.singular}{'' if len(rows) == 1 else 's'}"
        if confirm:
            answer = QMessageBox.question(self, "Delete", f"Delete {many}? This cannot be undone.")
            if answer != QMessageBox.StandardButton.Yes:
                return 0
        deleted = records.delete(section.singular, [self.ids[index][r] for r in rows])
        self.reload()
        self.deleted.emit(f"Deleted {many}.")
        return deleted


def open_records(parent: QWidget, deleted: Callable[[str], None]) -> RecordsDialog:
    dialog = RecordsDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.deleted.connect(deleted)
    dialog.open()
    return dialog
