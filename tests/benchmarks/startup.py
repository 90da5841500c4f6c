"""Cold start to the first painted window, and peak memory: the app against a bare window.

All run as fresh processes with the same environment, alternated (A B C C B A ...) so that a
burst of load on the machine hits them alike. Each prints the monotonic time of its first
painted frame; CLOCK_MONOTONIC is shared by all processes on Linux, so the start-up time is
that minus the parent's monotonic time just before it spawned the process. Peak memory is
the child's own maximum resident set size, from wait4().

The app runs twice: until its first frame with the score (``--quit-after-first-paint``: the
start-up figure), and until its dashboard is complete (``--quit-after-complete``: the trend's
chart, which pyqtgraph draws and which comes right after the first frame, has painted too,
and the slower panels are shown).
A process that quits at its first frame never loads pyqtgraph, so its memory would flatter
the app: the memory goal is the complete dashboard's.

The app's bytecode is compiled first, as ``pip install`` does for PySide6, numpy and pyqtgraph:
with PYTHONDONTWRITEBYTECODE set (or a read-only clone) every launch would otherwise compile
the whole package again, which no installed copy ever does.
"""

from __future__ import annotations

import compileall
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.databases import DemoDatabases
from tests.benchmarks.stats import median, verdict

RUNS = 11
STARTUP_YEARS = 5
WINDOW_SIZE = "1280x800"  # the bare window's size too
ROOT = Path(__file__).resolve().parents[2]
BARE_WINDOW = Path(__file__).with_name("bare_window.py")
FIRST_PAINT = re.compile(r"monotonic (\d+\.\d+) s")
GOAL_RATIO = 1.15
"""App's first paint with the score / the bare window's first paint (medians)."""
GOAL_MEMORY_RATIO = 1.2
"""Peak memory of the app with its dashboard complete / the bare window's (medians)."""
PROGRAMS = ("bare", "app", "complete")
LABELS = {
    "bare": "bare PySide6 + pyqtgraph window",
    "app": "ssi-desktop, first paint",
    "complete": "ssi-desktop, dashboard complete",
}


@dataclass(frozen=True)
class Launch:
    startup_ms: float  # spawn to the first painted frame
    exit_ms: float  # first painted frame to the process's exit
    peak_mb: float
    cpu_ms: float  # user + system time of the whole run: steadier than wall time on a busy machine


def environment(home: Path) -> dict[str, str]:
    """The same environment for both: offscreen Qt (unless set), no user settings."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYQTGRAPH_QT_LIB"] = "PySide6"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def launch(command: list[str], env: dict[str, str]) -> Launch:
    spawned = time.monotonic()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True
    )
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)  # the child's own peak memory, not all children's
    exited = time.monotonic()
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    painted = FIRST_PAINT.search(output)
    if child.returncode != 0 or painted is None:
        raise RuntimeError(f"{command} exited {child.returncode}:\n{output}")
    first_paint = float(painted.group(1))
    return Launch(
        startup_ms=(first_paint - spawned) * 1000,
        exit_ms=(exited - first_paint) * 1000,
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        cpu_ms=(usage.ru_utime + usage.ru_stime) * 1000,
    )


def commands(databases: DemoDatabases) -> dict[str, list[str]]:
    app = [sys.executable, "-m", "ssi_desktop"]
    options = ["--db", str(databases.path(STARTUP_YEARS)), "--size", WINDOW_SIZE]
    return {
        "bare": [sys.executable, str(BARE_WINDOW)],
        "app": [*app, "--quit-after-first-paint", *options],
        "complete": [*app, "--quit-after-complete", *options],
    }


def run(databases: DemoDatabases, runs: int = RUNS) -> dict[str, list[Launch]]:
    """``runs`` launches of each (after one unmeasured warm-up each, for the disk cache)."""
    launches: dict[str, list[Launch]] = {name: [] for name in PROGRAMS}
    compileall.compile_dir(ROOT / "ssi_desktop", quiet=1)
    with tempfile.TemporaryDirectory(prefix="ssi-bench-home-") as home:
        env = environment(Path(home))
        programs = commands(databases)
        for command in programs.values():
            launch(command, env)
        for index in range(runs):
            order = PROGRAMS if index % 2 == 0 else PROGRAMS[::-1]
            for name in order:
                launches[name].append(launch(programs[name], env))
    return launches


def report(launches: dict[str, list[Launch]]) -> str:
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    runs = len(launches["app"])
    lines = [
        f"Cold start to first painted window (median of {runs} alternated runs each;"
        f" QT_QPA_PLATFORM={platform}; app on a {STARTUP_YEARS}-year database)",
        f"{'':32} {'start ms':>9} {'(min)':>7} {'(max)':>7} {'peak MB':>8} {'cpu ms':>7}"
        f" {'exit ms':>8}",
    ]
    medians = {}
    for name in PROGRAMS:
        starts = [launch.startup_ms for launch in launches[name]]
        medians[name] = (median(starts), median([launch.peak_mb for launch in launches[name]]))
        lines.append(
            f"{LABELS[name]:32} {medians[name][0]:>9.0f} {min(starts):>7.0f} {max(starts):>7.0f}"
            f" {medians[name][1]:>8.1f}"
            f" {median([launch.cpu_ms for launch in launches[name]]):>7.0f}"
            f" {median([launch.exit_ms for launch in launches[name]]):>8.0f}"
        )
    bare_start, bare_memory = medians["bare"]
    for name, label in (("app", "ratio first paint / bare"), ("complete", "ratio complete / bare")):
        lines.append(
            f"{label:32} {medians[name][0] / bare_start:>9.2f} {'':>7} {'':>7}"
            f" {medians[name][1] / bare_memory:>8.2f}"
        )
    start_ratio = medians["app"][0] / bare_start
    memory_ratio = medians["complete"][1] / bare_memory
    lines.append(
        f"goals: first paint <= {GOAL_RATIO}: {verdict(start_ratio, GOAL_RATIO)},"
        f" memory of the complete dashboard <= {GOAL_MEMORY_RATIO}:"
        f" {verdict(memory_ratio, GOAL_MEMORY_RATIO)}"
    )
    return "\n".join(lines)
