"""Nothing lost, nothing leaked: backups in the File menu, and writes from outside shown live.

The start-up side (the error log and dialog, one window per database, recovering from a bad
file, the daily backup) lives in ``startup`` and is called by the app's entry point. The
objects made here are children of the window: ``window.findChild(BackupActions)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssi_desktop.ui.safety.backup_actions import BackupActions
from ssi_desktop.ui.safety.outside_changes import OutsideChanges

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    backups = BackupActions(window)
    outside = OutsideChanges(window)
    outside.noticed.connect(window.data_changed)
    backups.reopened.connect(outside.forget)
