"""`ssi-desktop --self-test`: prove that this build works end to end, without a display.

It opens a throw-away database, logs one action, has the worker compute the score, renders the
window offscreen and checks that every icon loaded. One line on stdout says OK with the figures;
anything else is a failure with its reason and a non-zero exit code. The seller's own data and
settings are never touched.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from ssi_desktop import __version__
from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.system import clock
from ssi_desktop.system.resources import resources_dir

TIMEOUT_MS = 30_000
EXIT_FAILED = 1


class SelfTestError(Exception):
    """One check failed; the message says which."""


def run(started: float) -> int:
    """Run every check; prints one line and returns the exit code."""
    try:
        with tempfile.TemporaryDirectory(prefix="ssi-self-test-") as folder:
            summary = _check_everything(Path(folder), started)
    except Exception as error:  # the self-test reports any failure, whatever its kind
        print(f"FAILED ssi-desktop {__version__} self-test: {error}")
        return EXIT_FAILED
    print(f"OK ssi-desktop {__version__} self-test: {summary}")
    return 0


def _check_everything(folder: Path, started: float) -> str:
    from ssi_desktop.ui import theme
    from ssi_desktop.ui.main_window import MainWindow

    icons = sorted(resources_dir().joinpath("icons").glob("*.svg"))
    blank = [path.stem for path in icons if theme.icon(path.stem).pixmap(32, 32).isNull()]
    if not icons or blank:
        raise SelfTestError(f"icons did not load: {blank or 'none found'}")

    path = folder / "self-test.sqlite3"
    open_database(path)
    try:
        today = clock.today()
        actions.record(actions.NewEntry("post_published", today), today)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, settings)
        window.remember_settings = False
        try:
            computed = time.perf_counter()
            if not window.showing_score:
                _wait_for(window.recomputer.score_ready, "the score worker gave no result")
            compute_ms = (time.perf_counter() - computed) * 1000
            # Never shown, the window holds its slower panels back until its first paint.
            window.recomputer.release_details()
            if window.snapshot is None:
                _wait_for(window.snapshot_shown, "the details worker gave no result")
            snapshot = window.snapshot
            if snapshot is None or snapshot.total <= 0 or snapshot.entry_count != 1:
                raise SelfTestError("the score of one logged post is not above zero")
            image = window.grab().toImage()
            if image.isNull() or image.width() < 100:
                raise SelfTestError("the window did not render")
            driver = _team_driver()
            total_ms = (time.perf_counter() - started) * 1000
            return (
                f"score {snapshot.total:.2f} from the worker {compute_ms:.0f} ms after the window"
                " was built, "
                f"window rendered at {image.width()}x{image.height()}, {len(icons)} icons, "
                f"{driver}, {total_ms:.0f} ms in all"
            )
        finally:
            window.close()
            window.shutdown()
    finally:
        close_database()


def _team_driver() -> str:
    """The team feature's driver and its libpq load (a packaged app must bundle both); no
    team is configured and nothing connects."""
    try:
        from ssi_desktop.store import team_server
    except ImportError as error:
        raise SelfTestError(f"the team feature's driver did not load ({error})") from error
    return f"team driver with libpq {team_server.libpq_version()}"


def _wait_for(signal: object, failure: str) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    timer.start(TIMEOUT_MS)
    loop.exec()
    if not timer.isActive():
        raise SelfTestError(failure)
    QApplication.processEvents()
