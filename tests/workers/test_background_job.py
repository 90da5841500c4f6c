"""The background job: one result, progress on the GUI thread, cancel, and the quiet collector."""

from __future__ import annotations

import gc
import threading

import pytest

from ssi_desktop.importers.linkedin import ImportCancelled
from ssi_desktop.workers.background_job import BackgroundJob, quiet_garbage_collector, running_jobs


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, db) -> None:
    seen: list[tuple[int, int, bool]] = []

    def work(cancelled, progress):
        progress(1, 2)
        return threading.current_thread() is not threading.main_thread()

    job = BackgroundJob(work, (ImportCancelled,))
    job.progressed.connect(
        lambda done, total: seen.append(
            (done, total, threading.current_thread() is threading.main_thread())
        )
    )
    with qtbot.waitSignal(job.succeeded, timeout=5000) as result:
        job.start()
    job.stop()
    assert result.args == [True]  # the work ran in another thread
    assert seen == [(1, 2, True)]
    assert running_jobs() == []


def test_cancel_and_failure(qtbot, db) -> None:
    def until_cancelled(cancelled, progress):
        while not cancelled():
            threading.Event().wait(0.001)
        raise ImportCancelled

    job = BackgroundJob(until_cancelled, (ImportCancelled,))
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.start()
        job.cancel()
    job.stop()

    def broken(cancelled, progress):
        raise ValueError("the archive is broken")

    failing = BackgroundJob(broken, (ImportCancelled,))
    with qtbot.waitSignal(failing.failed, timeout=5000) as failure:
        failing.start()
    failing.stop()
    assert failure.args == ["the archive is broken"]
    assert running_jobs() == []


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_then_restored(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with quiet_garbage_collector():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
