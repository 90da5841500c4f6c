"""LinkedIn archive import in the window: File > Import LinkedIn Archive… and its undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from ssi_desktop.ui.importers.controller import ImportController

if TYPE_CHECKING:
    from ssi_desktop.ui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add the two File menu items; the controller is a child of the window (findChild)."""
    controller = ImportController(window)
    separator = QAction(window)
    separator.setSeparator(True)
    window.add_file_action(separator)
    window.add_file_action(controller.import_action)
    window.add_file_action(controller.undo_action)
