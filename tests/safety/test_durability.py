"""Nothing lost: every add that the CLI or the window acknowledged survives a SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.system.window_lock import window_holding
from ssi_desktop.ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]
SSI = (sys.executable, "-m", "ssi_desktop.cli.main")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def killed_after_ack(command: list[str], acks: int) -> list[str]:
    """Run ``command``, read ``acks`` acknowledgement lines, then SIGKILL it."""
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    lines = []
    try:
        while len(lines) < acks:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line.strip())
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert len(lines) == acks, process.stderr.read() if process.stderr else ""
    return lines


def test_acknowledged_adds_from_the_cli_and_the_window_survive_sigkill(qapp, db_path):
    cli_acks = []
    for number in range(3):
        command = [*SSI, "add", "reaction", "--note", f"cli {number}", "--db", str(db_path)]
        cli_acks += killed_after_ack(command, 1)
    assert all(line.startswith("Logged 1 x") for line in cli_acks)

    gui = [sys.executable, "-m", "tests.safety.gui_adder", str(db_path), "6"]
    assert killed_after_ack(gui, 6) == [f"ACK {n}" for n in range(1, 7)]

    assert window_holding(db_path) is None  # the kernel let go of the killed window's flock
    relaunch = SingleInstance(db_path)
    assert relaunch.acquire()  # the killed window's lock is stale: taken over
    relaunch.release()
    open_database(db_path)
    try:
        notes = sorted(e.note for e in actions.entries() if e.key == "reaction")
        assert notes == ["cli 0", "cli 1", "cli 2"]
        assert actions.counts_on(actions.entries()[0].day)["dm_sent"] == 6
    finally:
        close_database()
