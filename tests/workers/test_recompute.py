"""The score worker: newest request wins, the GUI thread never waits, threads end on close."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QSignalSpy
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.demo import history as demo
from ssi_desktop.store import actions
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.workers.recompute import Recomputer, running_threads
from ssi_desktop.workers.snapshot import ScoreSnapshot, add_details, build_score, build_snapshot
from tests.conftest import TODAY
from tests.ui.conftest import WindowFactory

TEN_YEARS = 3652


def test_a_burst_of_requests_shows_only_the_newest(db: Path, qtbot: QtBot) -> None:
    release = threading.Event()
    started: list[dt.date] = []

    def slow_task(day: dt.date, stale: Callable[[], bool]) -> ScoreSnapshot:
        started.append(day)
        release.wait(10)
        return build_snapshot(day, stale)

    recomputer = Recomputer(slow_task)
    shown: list[ScoreSnapshot] = []
    recomputer.snapshot_ready.connect(shown.append)
    days = [TODAY - dt.timedelta(days=n) for n in (3, 2, 1, 0)]
    try:
        recomputer.request(days[0])
        qtbot.waitUntil(lambda: started == days[:1])
        for day in days[1:]:
            recomputer.request(day)
        release.set()
        qtbot.waitUntil(lambda: len(shown) == 1 and not recomputer.busy)
    finally:
        recomputer.stop()
    assert [snapshot.day for snapshot in shown] == [TODAY]
    assert started == [days[0], TODAY]  # the two requests in between were never computed
    assert running_threads() == []


def test_the_gui_thread_serves_a_fast_timer_during_a_ten_year_recompute(
    db: Path, make_window: WindowFactory, qtbot: QtBot
) -> None:
    actions.record_many(list(demo.history(TODAY - dt.timedelta(days=TEN_YEARS), TODAY)), TODAY)
    ticks_seen = threading.Event()
    ticks = 0

    def ten_year_task(day: dt.date, stale: Callable[[], bool]) -> ScoreSnapshot:
        snapshot = build_snapshot(day, stale, trend_days=TEN_YEARS)
        # Finish only once the GUI thread has served the timer while this ran: if anything
        # made the GUI wait for the worker, the timer could not tick and this would time out.
        assert ticks_seen.wait(10), "the GUI thread stopped serving its timer"
        return snapshot

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        if ticks >= 20:
            ticks_seen.set()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    try:
        window = make_window(task=ten_year_task)
    finally:
        timer.stop()
    assert ticks >= 20
    assert window.snapshot is not None and len(window.snapshot.trend_days) == TEN_YEARS
    assert window.snapshot.entry_count > 20_000


def test_the_score_is_shown_before_the_slower_details(
    db: Path, make_window: WindowFactory, qtbot: QtBot
) -> None:
    details_may_finish = threading.Event()
    details_may_finish.set()  # the first snapshot goes straight through

    def slow_details(snapshot: ScoreSnapshot, stale: Callable[[], bool]) -> ScoreSnapshot:
        assert details_may_finish.wait(10)
        return add_details(snapshot, stale)

    window = make_window(details=slow_details)
    details_may_finish.clear()
    details_done: list[ScoreSnapshot] = []
    window.snapshot_shown.connect(details_done.append)
    with qtbot.waitSignal(window.recomputer.score_ready, timeout=10_000) as scored:
        window.quick_add("post_published")
    assert scored.args[0].total > 0
    assert window.dashboard.total_label.text() == f"{scored.args[0].total:.1f}"
    assert float(window.pillar_pages[Pillar.BRAND].score_label.text()) > 0
    assert details_done == []  # the outcome panels are still being gathered
    details_may_finish.set()
    qtbot.waitUntil(lambda: len(details_done) == 1)
    assert details_done[0].pipeline is not None


def test_the_panels_wait_for_a_pause_in_changes(db: Path, qtbot: QtBot) -> None:
    completed: list[dt.date] = []

    def details(snapshot: ScoreSnapshot, stale: Callable[[], bool]) -> ScoreSnapshot:
        completed.append(snapshot.day)
        return snapshot

    recomputer = Recomputer(build_score, None, details, details_delay_ms=500)
    days = [TODAY - dt.timedelta(days=n) for n in (2, 1, 0)]
    try:
        with qtbot.waitSignal(recomputer.snapshot_ready, timeout=10_000):
            recomputer.request(days[0])  # a window's first panels come at once
        with qtbot.waitSignal(recomputer.score_ready, timeout=10_000):
            recomputer.request(days[1])
        with qtbot.waitSignal(recomputer.score_ready, timeout=10_000):
            recomputer.request(days[2])  # within the pause: the panels of days[1] never start
        with qtbot.waitSignal(recomputer.snapshot_ready, timeout=10_000) as shown:
            pass
    finally:
        recomputer.stop()
    assert shown.args[0].day == days[2]
    assert completed == [days[0], days[2]]


def test_held_details_start_only_when_released(db: Path, qtbot: QtBot) -> None:
    started: list[dt.date] = []

    def details(snapshot: ScoreSnapshot, stale: Callable[[], bool]) -> ScoreSnapshot:
        started.append(snapshot.day)
        return snapshot

    recomputer = Recomputer(build_score, None, details)
    handed_over = QSignalSpy(recomputer._scored)  # the details worker's queue
    recomputer.hold_details()
    try:
        with qtbot.waitSignal(recomputer.score_ready, timeout=10_000):
            recomputer.request(TODAY)
        assert handed_over.count() == 0
        with qtbot.waitSignal(recomputer.snapshot_ready, timeout=10_000) as shown:
            recomputer.release_details()
        assert handed_over.count() == 1
        recomputer.release_details()  # a second release has nothing left to start
        assert handed_over.count() == 1
    finally:
        recomputer.stop()
    assert started == [TODAY] and shown.args[0].day == TODAY


def test_a_window_starts_its_first_panels_after_its_first_paint_with_the_score(
    db: Path, settings: QSettings, qtbot: QtBot
) -> None:
    order: list[str] = []

    def details(snapshot: ScoreSnapshot, stale: Callable[[], bool]) -> ScoreSnapshot:
        order.append("panels started")
        return add_details(snapshot, stale)

    window = MainWindow(db, settings, details=details, details_delay_ms=0)
    qtbot.addWidget(window)
    window.first_score_painted.connect(lambda: order.append("score painted"))
    try:
        with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
            window.show()
    finally:
        window.shutdown()
    assert order == ["score painted", "panels started"]


def test_a_window_never_shown_still_gets_its_panels(
    db: Path, settings: QSettings, qtbot: QtBot
) -> None:
    window = MainWindow(db, settings, details_delay_ms=0)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
            pass
        assert not window._painted_with_score
    finally:
        window.shutdown()


def test_a_worker_keeps_one_database_connection_for_all_its_steps(db: Path, qtbot: QtBot) -> None:
    """Python forgot a Qt thread's state after each slot, and with it peewee's connection:
    every recompute opened the database again (and its pragmas), with the GIL held."""
    from ssi_desktop.store.db import database

    connections: list[object] = []

    def task(day: dt.date, stale: Callable[[], bool]) -> ScoreSnapshot:
        connections.append(database.connection())
        return build_score(day, stale)

    recomputer = Recomputer(task)
    try:
        for _ in range(3):
            with qtbot.waitSignal(recomputer.snapshot_ready, timeout=10_000):
                recomputer.request(TODAY)
    finally:
        recomputer.stop()
    assert len(connections) == 3 and len({id(c) for c in connections}) == 1
