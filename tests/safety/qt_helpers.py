"""What the GUI tests here share: a marker for offscreen dialogs, and running the app in-process."""

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from ssi_desktop import app

OFFSCREEN_DIALOGS = pytest.mark.qt_log_ignore(
    # What the offscreen platform plugin says when a dialog is shown or raised: its limits,
    # not a problem of the app (a real display supports both).
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)


def run_app(*args: str) -> int:
    """``ssi-desktop ARGS`` in this process, leaving no Quit behind for the next event loop.

    Closing the app's last window posts a Quit event; in its own process that ends the app,
    in a test it would end the next test's wait at once.
    """
    code = app.main(list(args))
    QCoreApplication.removePostedEvents(QCoreApplication.instance(), QEvent.Type.Quit)
    return code
