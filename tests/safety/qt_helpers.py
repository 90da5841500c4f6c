"""Running the app in-process from a test."""

from PySide6.QtCore import QCoreApplication, QEvent

from ssi_desktop import app


def run_app(*args: str) -> int:
    """``ssi-desktop ARGS`` in this process, leaving no Quit behind for the next event loop.

    Closing the app's last window posts a Quit event; in its own process that ends the app,
    in a test it would end the next test's wait at once.
    """
    code = app.main(list(args))
    QCoreApplication.removePostedEvents(QCoreApplication.instance(), QEvent.Type.Quit)
    return code
