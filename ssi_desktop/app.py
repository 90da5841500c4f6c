"""`ssi-desktop` / `python -m ssi_desktop`: open the window on the seller's database."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_desktop import __version__
from ssi_desktop.ui.tabs import TAB_NAMES

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from ssi_desktop.ui.main_window import MainWindow

START = time.perf_counter()

ORGANIZATION = APP_NAME = "ssi-desktop"
EXIT_OK = 0
EXIT_USAGE = EXIT_DATABASE = 2  # as the ssi command: bad input or an unusable file
FIRST_SCORE_WAIT_MS = 400
"""How long start-up waits for the first estimate before it shows the window without it."""
SWITCH_INTERVAL_S = 0.0005
"""How long a thread may keep the interpreter once another asks for it (Python's default is
5 ms). A thread writing an import row by row hands the interpreter back between rows and took
it again before the GUI thread woke: the window's 5 ms timer came 36-41 ms late through a
whole import at 5 ms, 1 ms or 2 ms, and 2 ms late at 0.5 ms, with the import no slower
(`bash build/dev.sh bench import`)."""
AFTER_START_LATEST_MS = 3000
"""What waits for the first paint with the score (the daily backup, answering later launches)
starts this long after the window shows if the score never comes."""


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT, e.g. 1366x768, not {text!r}"
        ) from None
    if not (320 <= width <= 10000 and 240 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"{text} is not a sensible window size")
    return width, height


def database_option(text: str) -> str:
    """An empty --db names no file; it must not quietly mean the default database."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no database file")
    return text


def _tab(text: str) -> str:
    name = text.lower().removeprefix("tab_")
    if name not in TAB_NAMES:
        raise argparse.ArgumentTypeError(
            f"no tab named {text!r}; the tabs are {', '.join(TAB_NAMES)}"
        )
    return name


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="ssi-desktop", description="Track the habits behind your LinkedIn SSI, offline."
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=database_option,
        help="database file (default: SSI_DESKTOP_DB, then your data folder)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help="save a screenshot of the window once the score is shown, then exit",
    )
    parser.add_argument(
        "--tab",
        metavar="NAME",
        type=_tab,
        help=f"tab to show: {', '.join(TAB_NAMES)}",
    )
    parser.add_argument("--size", metavar="WxH", type=_size, help="window size, e.g. 1366x768")
    timing = parser.add_mutually_exclusive_group()
    timing.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help="exit right after the window first shows the score (start-up timing)",
    )
    timing.add_argument(
        "--quit-after-complete",
        action="store_true",
        help="exit once the dashboard's chart, which comes after the first frame, is drawn and"
        " the slower panels are shown (timing and memory of the whole dashboard)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a throw-away database (no display needed), then exit",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(None if argv is None else list(argv))


def report_database_error(error: Exception, path: Path) -> int:
    """Tell the seller the database cannot be opened; returns the exit code (2)."""
    from PySide6.QtWidgets import QMessageBox

    print(f"ssi-desktop: {error}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "SSI Desktop cannot open your data",
        "SSI Desktop could not open its database, so nothing was changed.",
    )
    box.setInformativeText(str(error))
    box.setDetailedText(f"Database file: {path}")
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        box.exec()
    return EXIT_DATABASE


def import_core_before_qt() -> None:
    """Import numpy, the database, the score model and the other Qt-free modules the window
    loads before its first paint, before any Qt module.

    Once imported, PySide6 reads the source of every module imported after it, looking for
    ``from __feature__ import``. None of these modules uses Qt, and importing them first
    spares start-up that reading (tests/benchmarks/startup.py).
    """
    import numpy  # noqa: F401

    from ssi_desktop.habits import targets  # noqa: F401  (the Today card's)
    from ssi_desktop.store import accounts, backup, imports  # noqa: F401  (pages, safety)
    from ssi_desktop.system import day_format, logs, resources, window_lock  # noqa: F401
    from ssi_desktop.team import membership  # noqa: F401  (whether to add the Team tab)
    from ssi_desktop.workers import snapshot  # noqa: F401  (store, scoring, estimate)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    collecting = gc.isenabled()
    # No collection until the window has painted its score, then on the GUI thread only:
    # see settle_start_up_objects().
    gc.disable()
    try:
        return _start(args)
    finally:
        if collecting:
            gc.enable()
        else:
            gc.disable()


def share_interpreter() -> None:
    """Let the GUI thread have the interpreter within half a millisecond of asking for it."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def _start(args: argparse.Namespace) -> int:
    share_interpreter()
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # runs where there is no display
    else:
        import_core_before_qt()

    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("SSI Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)

    if args.self_test:
        from ssi_desktop import self_test

        return self_test.run(START)

    from ssi_desktop.ui.safety import startup

    reporter = startup.report_errors(app)
    try:
        return _run(app, args)
    finally:
        reporter.uninstall()


def _run(app: QApplication, args: argparse.Namespace) -> int:
    """One window on one database, once it is locked for this window and known to be good."""
    import datetime as dt

    from PySide6.QtCore import QSettings, Qt, QTimer

    from ssi_desktop.store.db import DatabaseError, close_database, open_database
    from ssi_desktop.store.health import BadDatabaseError
    from ssi_desktop.system import window_lock
    from ssi_desktop.system.paths import database_path
    from ssi_desktop.ui.safety import recovery, startup

    path = database_path(args.db)
    claim = startup.claim_database(path)
    if isinstance(claim, int):
        return claim
    daily_backup = startup.DailyBackup(path)
    try:
        try:
            open_database(path)
        except BadDatabaseError as error:
            if not recovery.recover(path, error, recovery.ask, dt.datetime.now()):
                print(f"ssi-desktop: {error}; the file was left as it is", file=sys.stderr)
                return EXIT_DATABASE
        except DatabaseError as error:
            return report_database_error(error, path)
        window_lock.hold_database_file(path)

        from ssi_desktop.ui.main_window import MainWindow

        window = MainWindow(path, QSettings(ORGANIZATION, APP_NAME))
        claim.come_forward.connect(lambda: startup.bring_forward(window))
        if args.tab and not window.select_tab(args.tab):
            print(f"ssi-desktop: no tab named {args.tab!r}", file=sys.stderr)
            window.shutdown()
            close_database()
            return EXIT_USAGE
        if args.size:
            window.resize(*args.size)
        if args.quit_after_first_paint and not args.screenshot:
            window.remember_settings = False
            window.first_score_painted.connect(
                lambda: QTimer.singleShot(0, lambda: _finish(window))
            )
        elif args.quit_after_complete and not args.screenshot:
            window.remember_settings = False
            window.dashboard.trend_built.connect(lambda: _finish_once_drawn(window))
        # Begun earlier, these competed with building and painting the window. The signal
        # comes from the window's own paintEvent, before its children paint: they start
        # once the whole frame is painted.
        settle = _once(partial(settle_start_up_objects, window))
        for start in (settle, claim.start_answering, daily_backup.start):
            window.first_score_painted.connect(partial(QTimer.singleShot, 0, start))
            QTimer.singleShot(AFTER_START_LATEST_MS, start)
        # The chart (and pyqtgraph) loads after the first paint: out of the collector's sight too.
        window.dashboard.trend_built.connect(_settle_chart_objects)
        wait_for_first_score(window, FIRST_SCORE_WAIT_MS)
        window.show()
        if args.screenshot:
            window.remember_settings = False
            shoot = partial(QTimer.singleShot, 0, lambda: _finish(window, args.screenshot))
            # A screenshot shows the finished window: the score and the slower panels after it.
            if window.snapshot is not None:
                shoot()
            else:
                window.snapshot_shown.connect(
                    lambda _snapshot: shoot(), Qt.ConnectionType.SingleShotConnection
                )
        code = app.exec()
        window.shutdown()
        close_database()
        return code
    finally:
        daily_backup.stop()
        window_lock.release_database_file()
        claim.release()


def wait_for_first_score(window: MainWindow, timeout_ms: int) -> None:
    """Let the worker finish the first estimate before the window is shown.

    Shown at once, the window painted itself with dashes, then again with the score a few
    milliseconds later: a wasted frame on the way to the first useful one, and a flash of
    placeholders. While the GUI thread waits here, the worker also has the GIL to itself.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if window.showing_score:
        return
    loop = QEventLoop()
    window.recomputer.score_ready.connect(loop.quit)
    window.snapshot_shown.connect(loop.quit)
    window.recomputer.failed.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop, loop.quit)
    loop.exec()


def _settle_chart_objects() -> None:
    """The chart's objects out of the collector's sight, once what building it left behind is
    collected (frozen, that garbage would never be freed: 4-5 MB of peak memory)."""
    gc.collect()
    gc.freeze()


FULL_COLLECTION_EVERY = 100
"""Middle-generation collections between two full ones (Python's default: 10)."""


def settle_start_up_objects(window: QObject) -> None:
    """Take everything start-up built out of the garbage collector's sight, for good, and
    let the collector run again, on the GUI thread only (workers/collector.py), for as long
    as ``window`` lives.

    Start-up builds hundreds of thousands of objects and no garbage worth collecting: with
    the collector on, it walked them some 170 times, 34 ms of a 5-year start-up. Modules,
    widgets and plots then live as long as the window. Left in sight, every full collection
    walks all of them with the GIL held: an import allocating thousands of entries on a worker
    thread stalled the GUI thread for 40-100 ms at a time (tests/benchmarks/stall.py). Frozen,
    a collection walks only what came later.

    With nothing but frozen objects before them, the young objects always passed Python's test
    for a full collection (a quarter more than the long-lived ones), so one ran every tenth
    middle collection: 5-24 ms each with the GIL held. A full collection now comes every
    FULL_COLLECTION_EVERY middle collections: cyclic garbage waits longer, the reference
    counts free the rest as before.
    """
    from ssi_desktop.workers.collector import GuiThreadCollector

    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
    GuiThreadCollector(window).start()


def _once(action: Callable[[], None]) -> Callable[[], None]:
    """``action`` the first time the result is called, nothing after."""
    done = False

    def run() -> None:
        nonlocal done
        if not done:
            done = True
            action()

    return run


def _finish_once_drawn(window: MainWindow) -> None:
    """_finish() once the dashboard's new chart has painted (at once if another tab shows)
    and the slower panels (the Today card's targets) are shown: the whole dashboard."""
    from PySide6.QtCore import Qt, QTimer

    from ssi_desktop.ui.window_parts import after_next_paint

    def finish() -> None:
        if window.snapshot is None:
            window.snapshot_shown.connect(
                lambda _snapshot: QTimer.singleShot(0, finish),
                Qt.ConnectionType.SingleShotConnection,
            )
            return
        _finish(window, done="the dashboard complete")

    if window.tabs.currentWidget() is window.dashboard:
        after_next_paint(window.dashboard.trend.viewport(), finish)
    else:
        QTimer.singleShot(0, finish)


def _finish(
    window: object, screenshot: Path | None = None, done: str = "first paint with the score"
) -> None:
    """Save the screenshot (if asked), report the start-up time, close the window."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ssi_desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    elapsed_ms = (time.perf_counter() - START) * 1000
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        window.dashboard.trend_card.build()  # the picture shows the chart, not its empty room
        # Panels rebuilt by the last snapshot lay themselves out in posted events: let them,
        # so the picture is the window as the seller sees it a frame later.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        if not window.grab().save(str(screenshot)):
            print(f"ssi-desktop: could not write {screenshot}", file=sys.stderr)
            QApplication.exit(EXIT_USAGE)
            return
    elif sys.stdout is not None:
        # The monotonic clock is shared across processes: a benchmark compares it with the
        # moment it spawned this one (tests/benchmarks/startup.py).
        print(
            f"{done} after {elapsed_ms:.0f} ms (monotonic {time.monotonic():.6f} s)",
            flush=True,
        )
    window.close()
    QApplication.exit(EXIT_OK)
