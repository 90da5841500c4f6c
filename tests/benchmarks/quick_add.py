"""Quick-add latency: a click on a quick-add button until the new total is on the label.

The real MainWindow on a copy of a 1-, 5- and 10-year demo database: the click records the
entry on the GUI thread, the score worker recomputes, and the window shows the new score on
the dashboard and the pillar tabs in the slot of ``score_ready`` (connected before the timer's,
so the label is updated when the timer stops). The slower panels follow from a second worker
and are not part of this figure. The first clicks are a warm-up (SQLite's page cache and query
plans, first paints).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from tests.benchmarks.databases import DemoDatabases
from tests.benchmarks.session import SignalWait, open_window
from tests.benchmarks.stats import median, p95, verdict

YEARS = (1, 5, 10)
CLICKS = 30
WARM_UP = 3
BUTTON = "quickAdd_comment_thoughtful"
GOAL_P95_MS = 33.0  # two frames at 60 Hz


def click_latencies(databases: DemoDatabases, years: int, clicks: int = CLICKS) -> list[float]:
    latencies = []
    with open_window(databases.scratch_copy(years)) as window:
        button = window.findChild(QPushButton, BUTTON)
        if button is None:
            raise LookupError(f"no button named {BUTTON}")
        # As the seller does: on the pillar's tab, whose plot then follows every change too.
        page = next(p for p in window.pillar_pages.values() if p.isAncestorOf(button))
        window.tabs.setCurrentWidget(page)
        for index in range(WARM_UP + clicks):
            shown = SignalWait(window.recomputer.score_ready)
            started = time.perf_counter()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            finished = shown.wait()
            if index >= WARM_UP:
                latencies.append((finished - started) * 1000)
    return latencies


def run(databases: DemoDatabases) -> dict[int, list[float]]:
    return {years: click_latencies(databases, years) for years in YEARS}


def report(latencies: dict[int, list[float]]) -> str:
    lines = [
        f"Quick-add latency: click to totalScoreLabel updated ({CLICKS} clicks after"
        f" {WARM_UP} warm-up; goal: p95 <= {GOAL_P95_MS:.0f} ms)",
        f"{'history':>8} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}",
    ]
    for years, runs in latencies.items():
        worst = p95(runs)
        lines.append(
            f"{years:>6} y {median(runs):>10.1f} {worst:>8.1f} {max(runs):>8.1f}"
            f"   {verdict(worst, GOAL_P95_MS)}"
        )
    return "\n".join(lines)
