"""Cyclic garbage is collected on the GUI thread only: never by a worker, never mid-job."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ssi_desktop.workers import collector
from ssi_desktop.workers.background_job import quiet_garbage_collector
from ssi_desktop.workers.collector import GuiThreadCollector, collect_due


class Cycle:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """The name of the thread each collection ran on, in order; gc as it was afterwards."""
    seen: list[str] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    was_enabled = gc.isenabled()
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)
        (gc.enable if was_enabled else gc.disable)()


def garbage(cycles: int) -> weakref.ref[Cycle]:
    """Leaves ``cycles`` objects in cycles behind; a reference that dies with the last one."""
    last = Cycle()
    for _ in range(cycles - 1):
        Cycle()
    return weakref.ref(last)


def test_a_worker_leaves_its_garbage_to_the_gui_thread(
    qtbot: QtBot, collections: list[str]
) -> None:
    gc.enable()  # as Python starts: the worker below would collect its own garbage
    gui = GuiThreadCollector(every_ms=10)
    gui.start()
    left: list[weakref.ref[Cycle]] = []
    worker = threading.Thread(target=lambda: left.append(garbage(20_000)), name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: left[0]() is None, timeout=5000)  # freed by the GUI thread's timer
    gui.stop()
    assert collections and set(collections) == {threading.main_thread().name}


def test_collect_due_waits_for_the_threshold_as_python_would(collections: list[str]) -> None:
    gc.disable()
    collect_due()  # counts start from a collection, not from what the test run left
    young = gc.get_threshold()[0]
    below = garbage(young // 2)
    assert collect_due() == 0 and below() is not None
    above = garbage(young)
    assert collect_due() >= young and above() is None and below() is None
    assert collections


def test_nothing_is_collected_while_a_job_builds_its_result(collections: list[str]) -> None:
    gc.enable()
    with quiet_garbage_collector():
        assert not gc.isenabled()
        kept = garbage(5 * gc.get_threshold()[0])
        assert collect_due() == 0 and kept() is not None
        assert collections == []
    assert gc.isenabled()
    assert not collector._pauses
