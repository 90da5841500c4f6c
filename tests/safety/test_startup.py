"""Start-up: a bad database file, one window per database, and uncaught errors."""

from __future__ import annotations

import datetime as dt
import gc
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer

from ssi_desktop import app
from ssi_desktop.store import actions, backup
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.health import BadDatabaseError, Problem
from ssi_desktop.system.window_lock import window_holding
from ssi_desktop.ui.safety.recovery import Recovery, recover, recovery_box
from ssi_desktop.ui.single_instance import SingleInstance
from tests.safety.bad_files import spoiled
from tests.safety.qt_helpers import run_app

ROOT = Path(__file__).resolve().parents[2]
NOON = dt.datetime(2026, 11, 24, 12, 0)


def bad_database(path: Path, problem: Problem) -> tuple[bytes, BadDatabaseError]:
    before = spoiled(path, problem)
    with pytest.raises(BadDatabaseError) as raised:
        open_database(path)
    return before, raised.value


def the_file_moved_aside(path: Path) -> Path:
    [aside] = [
        p
        for p in path.parent.iterdir()
        if ".bad-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    return aside


@pytest.mark.parametrize("problem", list(Problem))
def test_starting_fresh_moves_each_kind_of_bad_file_aside_untouched(db_path, problem):
    before, error = bad_database(db_path, problem)
    assert error.problem is problem
    assert recover(db_path, error, lambda _e, _b: Recovery.START_FRESH, NOON)
    try:
        assert actions.entry_count() == 0
    finally:
        close_database()
    assert the_file_moved_aside(db_path).read_bytes() == before


@pytest.mark.parametrize("problem", list(Problem))
def test_restoring_the_newest_good_backup_after_each_kind_of_bad_file(db_path, problem):
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", NOON.date(), 7), NOON.date())
    backup.back_up_now(db_path, NOON - dt.timedelta(days=1))
    close_database()
    before, error = bad_database(db_path, problem)
    offered: list[backup.Backup | None] = []

    def choose(_error: BadDatabaseError, newest: backup.Backup | None) -> Recovery:
        offered.append(newest)
        return Recovery.RESTORE_BACKUP

    assert recover(db_path, error, choose, NOON)
    try:
        assert [(e.key, e.count) for e in actions.entries()] == [("dm_sent", 7)]
    finally:
        close_database()
    assert offered[0] is not None and offered[0].entry_count == 1
    assert the_file_moved_aside(db_path).read_bytes() == before


def test_quitting_changes_nothing(db_path):
    before, error = bad_database(db_path, Problem.CORRUPT)
    assert not recover(db_path, error, lambda _e, _b: Recovery.QUIT, NOON)
    assert db_path.read_bytes() == before
    assert not any(".bad-" in p.name for p in db_path.parent.iterdir())


def test_the_dialog_says_what_is_wrong_and_what_each_way_out_keeps(qtbot, db_path):
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", NOON.date()), NOON.date())
    made = backup.back_up_now(db_path, NOON)
    close_database()
    _, error = bad_database(db_path, Problem.TRUNCATED)
    box, choices = recovery_box(error, made)
    qtbot.addWidget(box)
    assert "it is truncated" in box.text()
    assert "Tuesday 24 November 2026 at 12:00" in box.informativeText()
    assert "holds 1 entry." in box.informativeText()
    assert "ssi.sqlite3.bad-" in box.informativeText() and str(db_path) in box.detailedText()
    assert sorted(c.value for c in choices.values()) == ["fresh", "quit", "restore"]
    [fresh] = [b for b, c in choices.items() if c is Recovery.START_FRESH]
    fresh.click()
    assert choices[box.clickedButton()] is Recovery.START_FRESH
    no_backup, fewer_choices = recovery_box(error, None)
    qtbot.addWidget(no_backup)
    assert "No backup" in no_backup.informativeText()
    assert sorted(c.value for c in fewer_choices.values()) == ["fresh", "quit"]


def test_the_app_on_a_bad_file_exits_2_with_one_line_and_keeps_it(qapp, db_path, capsys):
    before = spoiled(db_path, Problem.NOT_SQLITE)
    assert run_app("--db", str(db_path)) == app.EXIT_DATABASE
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not an SQLite database" in err
    assert db_path.read_bytes() == before


def test_one_window_per_database(qapp, tmp_path):
    first = SingleInstance(tmp_path / "a.sqlite3")
    assert first.acquire()
    try:
        second = SingleInstance(tmp_path / "a.sqlite3")
        assert not second.acquire()
        assert f"process {os.getpid()}" in second.holder()
        other = SingleInstance(tmp_path / "b.sqlite3")
        assert other.acquire()
        other.release()
    finally:
        first.release()
    assert SingleInstance(tmp_path / "a.sqlite3").acquire()


def launch_on(db_path: Path) -> subprocess.Popen[str]:
    """``ssi-desktop --db db_path`` as a second launch, in its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "ssi_desktop", "--db", str(db_path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def assert_brought_forward(second: subprocess.Popen[str]) -> None:
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "brought forward" in out


def test_a_second_launch_brings_the_first_window_forward(qtbot, db_path):
    first = SingleInstance(db_path)
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.come_forward, timeout=20000):
            second = launch_on(db_path)
        assert_brought_forward(second)
    finally:
        first.release()


def test_a_launch_waits_for_a_window_that_is_still_starting(qtbot, db_path):
    first = SingleInstance(db_path)
    assert first.take_lock()  # locked, but not answering before its first paint
    try:
        second = launch_on(db_path)
        with qtbot.waitSignal(first.come_forward, timeout=20000):
            QTimer.singleShot(1500, first.start_answering)  # after its first knocks
        assert_brought_forward(second)
    finally:
        first.release()


def test_a_launch_says_why_when_the_holder_does_not_answer(qapp, db_path, capsys):
    silent = QLockFile(str(SingleInstance(db_path).lock_path))
    assert silent.tryLock(0)
    try:
        assert run_app("--db", str(db_path)) == 2
    finally:
        silent.unlock()
    err = capsys.readouterr().err
    assert "already open" in err and f"process {os.getpid()}" in err
    assert not db_path.exists()  # the database was not even opened


def test_the_cli_will_not_swap_the_file_under_an_open_window(qapp, db_path, capsys):
    from ssi_desktop.cli.main import main

    assert main(["add", "dm_sent", "--db", str(db_path)]) == 0
    assert main(["backup", "--db", str(db_path)]) == 0  # a backup is safe while open
    [made] = backup.backups(db_path)
    capsys.readouterr()
    window = SingleInstance(db_path)
    assert window.acquire()
    try:
        assert window_holding(db_path) == os.getpid()
        for command in (["restore", str(made.path)], ["start-fresh"]):
            assert main([*command, "--db", str(db_path)]) == 2
            err = capsys.readouterr().err
            assert "close its window first" in err and len(err.strip().splitlines()) == 1
    finally:
        window.release()
    assert window_holding(db_path) is None
    assert main(["restore", str(made.path), "--db", str(db_path)]) == 0


def test_a_data_folder_that_cannot_hold_the_lock_does_not_lock_the_seller_out(qapp, tmp_path):
    instance = SingleInstance(tmp_path / "ssi.sqlite3")
    locks = instance.lock_path.parent
    locks.rmdir()
    locks.write_text("a file where the lock folder should be")
    assert SingleInstance(tmp_path / "ssi.sqlite3").acquire()
    assert locks.read_text() == "a file where the lock folder should be"


def test_the_first_start_of_a_day_backs_up_and_later_starts_do_not(qapp, db_path):
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", NOON.date(), 2), NOON.date())
    close_database()
    for _ in range(2):
        assert run_app("--db", str(db_path), "--quit-after-first-paint") == 0
    [made] = backup.backups(db_path)
    assert made.entry_count == 1 and made.taken_at.date() == dt.date.today()


def test_start_up_pauses_the_garbage_collector_until_the_first_paint(qapp, db_path):
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", NOON.date(), 2), NOON.date())
    close_database()
    frozen_before = gc.get_freeze_count()
    early: list[int] = []  # generations collected before start-up froze its objects
    threads: set[str] = set()  # where collections ran

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and gc.get_freeze_count() == frozen_before:
            early.append(info["generation"])
        threads.add(threading.current_thread().name)

    gc.enable()  # as Python starts (the test session collects on its main thread only)
    gc.callbacks.append(seen)
    try:
        assert run_app("--db", str(db_path), "--quit-after-first-paint") == 0
        assert gc.isenabled()  # as the app found it
    finally:
        gc.callbacks.remove(seen)
        gc.disable()
    assert early == []
    assert gc.get_freeze_count() > frozen_before  # the window's objects are out of sight
    assert threads <= {threading.main_thread().name}  # never on a worker's thread
