"""A bad database at start-up: say what is wrong, then restore a backup, start fresh or quit.

The choice is asked by a function passed in (a dialog in the app, a fixed answer in tests), so
the whole path can be run offscreen. Both ways out move the bad file aside first: it is never
overwritten or deleted, only renamed to ``<name>.bad-<time>`` next to where it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox

from ssi_desktop.store import backup, health
from ssi_desktop.store.backup import Backup
from ssi_desktop.store.db import open_database
from ssi_desktop.store.health import BadDatabaseError


class Recovery(Enum):
    RESTORE_BACKUP = "restore"
    START_FRESH = "fresh"
    QUIT = "quit"


Chooser = Callable[[BadDatabaseError, Backup | None], Recovery]


def taken_on(item: Backup) -> str:
    """``Tuesday 24 November 2026 at 12:00``: how the dialogs name a backup."""
    when = item.taken_at
    return f"{when:%A} {when.day} {when:%B %Y} at {when:%H:%M}"


def recovery_box(
    error: BadDatabaseError, newest: Backup | None
) -> tuple[QMessageBox, dict[QAbstractButton, Recovery]]:
    """The dialog and which of its buttons means which choice."""
    box = QMessageBox(QMessageBox.Icon.Warning, "SSI Desktop cannot open your data", "")
    box.setObjectName("recoveryDialog")
    box.setText(f"SSI Desktop cannot use its database: {error.problem.reason}.")
    kept = f"{error.path.name}.bad-…"
    if newest is None:
        advice = "No backup of it was found. You can start again with an empty log."
    else:
        advice = (
            f"The newest good backup was taken on {taken_on(newest)} and holds "
            f"{newest.entries}. You can restore it, or start with an empty log."
        )
    box.setInformativeText(
        f"Nothing has been changed yet. {advice} Either way the file is kept, renamed to "
        f"{kept} in the same folder."
    )
    box.setDetailedText(f"Database file: {error.path}\nWhat SQLite reported: {error.detail}")
    choices: dict[QAbstractButton, Recovery] = {}
    if newest is not None:
        restore = box.addButton("Restore Newest Good Backup", QMessageBox.ButtonRole.AcceptRole)
        choices[restore] = Recovery.RESTORE_BACKUP
        box.setDefaultButton(restore)
    fresh = box.addButton("Start Fresh", QMessageBox.ButtonRole.DestructiveRole)
    choices[fresh] = Recovery.START_FRESH
    quit_ = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    choices[quit_] = Recovery.QUIT
    box.setEscapeButton(quit_)
    return box, choices


def ask(error: BadDatabaseError, newest: Backup | None) -> Recovery:
    """Show the dialog and wait for the answer; offscreen (no one to ask) it quits."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return Recovery.QUIT
    box, choices = recovery_box(error, newest)
    box.exec()
    return choices.get(box.clickedButton(), Recovery.QUIT)


def recover(path: Path, error: BadDatabaseError, choose: Chooser, now: dt.datetime) -> bool:
    """Ask, then act: True when the database at ``path`` is open and bound again."""
    newest = backup.newest_good_backup(path)
    choice = choose(error, newest)
    if choice is Recovery.QUIT:
        return False
    if choice is Recovery.RESTORE_BACKUP and newest is not None:
        backup.restore(newest.path, path, now)  # moves the bad file aside as <name>.bad-<time>
    else:
        health.move_aside(path, "bad", now)
    open_database(path)
    return True
