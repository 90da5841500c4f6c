"""Quick-add as the seller meets it: from every tab, by every way in, at a seller's pace and in
bursts, timed from the click to the pillar labels showing the new score, while a 5 ms timer on
the GUI thread records the longest stall.

The real MainWindow (every feature) on a copy of each database, with a fresh settings folder
(no remembered tab). In each place the window shows that tab and the clicks alternate between
the ways in that the tab offers:

- a pillar tab: a mouse click on a quick-add button, and its number key (QShortcut);
- the dashboard, History and Readings: the tray's "Log for Today" menu item, and Ctrl+K (the
  finder opened beforehand, the timed event is its Enter key).

At a seller's pace the clicks come 0.25-1 s apart (seeded), so the slower panels, the History
tab's update and the tray menu run between clicks, as they do for a seller; in a burst they
come BURST_GAP_MS apart. A click's latency ends when the pillar tab's total label shows the
score that includes it: the slot of the score worker's ``score_ready`` has run (connected
after the window's own, so every page is updated by then).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from ssi_desktop.ui.main_window import MainWindow
from tests.benchmarks.databases import DemoDatabases
from tests.benchmarks.session import SignalWait, idle, open_window
from tests.benchmarks.stall import StallMeter
from tests.benchmarks.stats import median, p95, verdict

YEARS = (1, 5, 10)
SELLER_CLICKS = 16
BURST_CLICKS = 16
BURST_GAP_MS = 60
SELLER_GAP_S = (0.25, 1.0)
WARM_UP = 2
KEY = "comment_thoughtful"
GOAL_P95_MS = 16.0  # one frame at 60 Hz
GOAL_STALL_MS = 16.0

Click = Callable[[], None]


@dataclass
class Place:
    name: str
    tab: str
    ways: list[tuple[str, Callable[[MainWindow], Click]]]


@dataclass
class Figures:
    latencies: dict[str, list[float]] = field(default_factory=dict)  # pace -> ms
    stalls: dict[str, float] = field(default_factory=dict)  # pace -> longest lateness ms


def _button(window: MainWindow) -> Click:
    button = window.findChild(QPushButton, f"quickAdd_{KEY}")
    if button is None:
        raise LookupError(f"no button quickAdd_{KEY}")
    return lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _number_key(window: MainWindow) -> Click:
    page = window.current_pillar_page()
    assert page is not None
    digit = 1 + [kind.key for kind in page.action_types].index(KEY)
    return lambda: QTest.keyClick(page, Qt.Key(Qt.Key.Key_0.value + digit))


def _tray(window: MainWindow) -> Click:
    def click() -> None:
        items = [
            item
            for item in window.findChildren(QAction)
            if item.objectName().startswith("trayAdd_")
        ]
        if not items:
            raise LookupError("the tray's Log for Today menu is empty")
        # The plan decides the items; any of them logs one entry just the same.
        wanted = [item for item in items if item.objectName() == f"trayAdd_{KEY}"]
        (wanted or items)[0].trigger()

    return click


def _finder(window: MainWindow) -> Click:
    def click() -> None:
        finder = window.finder
        assert finder is not None
        QTest.keyClick(finder.search, Qt.Key.Key_Return)

    return click


def _open_finder(window: MainWindow) -> None:
    window.open_finder()
    assert window.finder is not None
    window.finder.search.setText("thoughtful comment")


PLACES = (
    Place("pillar tab", "insights", [("mouse", _button), ("number key", _number_key)]),
    Place("dashboard", "dashboard", [("tray", _tray), ("Ctrl+K", _finder)]),
    Place("History", "history", [("tray", _tray), ("Ctrl+K", _finder)]),
    Place("Readings", "readings", [("tray", _tray), ("Ctrl+K", _finder)]),
)


def _one_click(window: MainWindow, click: Click, way: str) -> float:
    if way == "Ctrl+K":
        _open_finder(window)
    shown = SignalWait(window.recomputer.score_ready)
    started = time.perf_counter()
    click()
    return (shown.wait() - started) * 1000


def measure_place(window: MainWindow, place: Place, seed: int) -> Figures:
    if not window.select_tab(place.tab):
        raise LookupError(f"no tab {place.tab}")
    idle(300)  # the tab's first show settles (History loads its first page)
    clicks = [(name, make(window)) for name, make in place.ways]
    pace = random.Random(seed)
    figures = Figures()
    for name, count, gap in (
        ("seller", SELLER_CLICKS, lambda: pace.uniform(*SELLER_GAP_S)),
        ("burst", BURST_CLICKS, lambda: BURST_GAP_MS / 1000),
    ):
        meter = StallMeter()
        runs = []
        for index in range(WARM_UP + count):
            way, click = clicks[index % len(clicks)]
            if index == WARM_UP:
                meter.start()
            latency = _one_click(window, click, way)
            if index >= WARM_UP:
                runs.append(latency)
            idle(max(0, round(gap() * 1000 - latency)))
        idle(400)  # what the last click set off (the slower panels) is in the stall figure
        meter.stop()
        figures.latencies[name] = runs
        figures.stalls[name] = max(meter.lateness_ms, default=0.0)
    if window.finder is not None:
        window.finder.hide()
    return figures


@contextmanager
def _window(path: Path) -> Iterator[MainWindow]:
    with open_window(path) as window:
        window.activateWindow()
        QApplication.processEvents()
        yield window


Results = dict[tuple[str, int], dict[str, Figures]]


def run(databases: DemoDatabases, years: tuple[int, ...] = YEARS) -> Results:
    results: Results = {}
    for source, copy in (("demo", databases.scratch_copy), ("synthetic", databases.synthetic)):
        for each in years:
            with _window(copy(each)) as window:
                results[(source, each)] = {
                    place.name: measure_place(window, place, seed=each) for place in PLACES
                }
    return results


def report(results: Results) -> str:
    lines = [
        "Quick-add: click to the pillar labels updated, from every tab (goal: p95 <="
        f" {GOAL_P95_MS:.0f} ms), and the GUI thread's longest stall meanwhile"
        f" (goal: <= {GOAL_STALL_MS:.0f} ms)",
        f"seller: {SELLER_CLICKS} clicks 0.25-1 s apart; burst: {BURST_CLICKS} clicks"
        f" {BURST_GAP_MS} ms apart; fresh settings",
        f"{'data':>9} {'years':>5}  {'place':<11} {'pace':<6} {'median ms':>9} {'p95 ms':>7}"
        f" {'max ms':>7} {'stall ms':>8}",
    ]
    worst_p95 = worst_stall = 0.0
    for (source, years), places in results.items():
        for place, figures in places.items():
            for pace, runs in figures.latencies.items():
                stall = figures.stalls[pace]
                worst_p95 = max(worst_p95, p95(runs))
                worst_stall = max(worst_stall, stall)
                lines.append(
                    f"{source:>9} {years:>5}  {place:<11} {pace:<6} {median(runs):>9.1f}"
                    f" {p95(runs):>7.1f} {max(runs):>7.1f} {stall:>8.1f}"
                )
    lines.append(
        f"worst p95 {worst_p95:.1f} ms: {verdict(worst_p95, GOAL_P95_MS)};"
        f" longest stall {worst_stall:.1f} ms: {verdict(worst_stall, GOAL_STALL_MS)}"
    )
    return "\n".join(lines)
