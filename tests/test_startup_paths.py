"""What start-up builds at once, what waits for its tab, and the first paint with the score.

Start-up builds only what the dashboard shows, plus every quick-add button (number keys,
the finder and external tests reach them at once); hidden plots catch up when shown. The
first frame needs no pyqtgraph: the dashboard's chart is built right after it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ssi_desktop.catalog import Pillar
from ssi_desktop.store import actions
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.workers.recompute import running_threads
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(qtbot: QtBot, db: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(db, settings)
    shown.remember_settings = False
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.first_score_painted, timeout=10_000):
        shown.show()
    yield shown
    shown.shutdown()
    assert running_threads() == []


def trend_end(line: Any) -> float:
    """The last day's value of a pyqtgraph line."""
    _, ys = line.getData()
    return float(ys[-1])


def test_the_first_paint_shows_the_score(window: MainWindow) -> None:
    total = window.findChild(QLabel, "totalScoreLabel")
    assert total is not None
    assert float(total.text()) >= 0  # the score, to one decimal as every screen shows it


def test_quick_add_buttons_exist_at_once_and_a_tab_builds_its_details_when_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = window.pillar_pages[Pillar.PEOPLE]
    assert window.findChild(QPushButton, "quickAdd_prospect_search") is not None
    assert page.plot is None and page.explanation is None

    window.select_tab("people")

    assert page.plot is not None and page.explanation is not None
    # The snapshot that came before is shown at once: on this empty log, the network's
    # points and the hint that says how to earn more.
    assert page._no_points is not None and not page._no_points.isHidden()
    assert page.explanation.rowCount() > 0


def test_a_hidden_trend_catches_up_when_shown(window: MainWindow, qtbot: QtBot) -> None:
    dashboard_line = window.dashboard.trend._line
    before = trend_end(dashboard_line)
    window.select_tab("people")
    button = window.findChild(QPushButton, "quickAdd_connection_accepted")
    assert button is not None

    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000) as shown:
        button.click()

    assert actions.counts_on(TODAY) == {"connection_accepted": 1}
    assert shown.args[0].total != pytest.approx(before)
    assert trend_end(dashboard_line) == before  # hidden: not redrawn for nothing
    window.select_tab("dashboard")
    assert trend_end(dashboard_line) == pytest.approx(shown.args[0].total)


def test_quit_after_first_paint_exits_0_and_reports_when_it_painted(db: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    spawned = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "ssi_desktop", "--db", str(db), "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    exited = time.monotonic()

    assert result.returncode == 0, result.stderr
    painted = re.search(
        r"first paint with the score after \d+ ms \(monotonic ([\d.]+) s\)", result.stdout
    )
    assert painted is not None, result.stdout
    assert spawned < float(painted.group(1)) < exited


WATCH_FIRST_FRAME = """
import sys
from ssi_desktop import app

finish = app._finish


def watched(window, *args, **kwargs):
    print("pyqtgraph loaded:", "pyqtgraph" in sys.modules, flush=True)
    finish(window, *args, **kwargs)


app._finish = watched
sys.exit(app.main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("option", "reported", "loaded"),
    [
        ("--quit-after-first-paint", "first paint with the score", False),
        ("--quit-after-complete", "the dashboard complete", True),
    ],
)
def test_the_first_frame_is_painted_before_pyqtgraph_is_imported(
    db: Path, option: str, reported: str, loaded: bool
) -> None:
    """A process of its own: this one has imported pyqtgraph long ago."""
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, count=3), TODAY)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", WATCH_FIRST_FRAME, "--db", str(db), option],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert f"pyqtgraph loaded: {loaded}" in result.stdout
    assert f"{reported} after" in result.stdout


def test_the_chart_comes_right_after_the_first_frame_with_the_snapshot_s_trend(
    qtbot: QtBot, db: Path, tmp_path: Path
) -> None:
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, count=3), TODAY)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    window.remember_settings = False
    qtbot.addWidget(window)
    dashboard = window.dashboard
    in_first_frame: list[bool] = []
    window.first_score_painted.connect(
        lambda: in_first_frame.append(
            dashboard.trend_card.built
            or dashboard.trend_card.findChild(QWidget, "trendPlaceholder") is None
        )
    )
    with qtbot.waitSignal(dashboard.trend_built, timeout=10_000):
        window.show()

    assert in_first_frame == [False], "the first frame has the chart's room, not the chart"

    plot = dashboard.trend
    assert plot.isVisible()
    assert window._scored is not None
    assert trend_end(plot._line) == pytest.approx(window._scored.total)
    assert window._scored.total > 0
    window.shutdown()


def test_what_comes_before_the_chart_is_shown_on_it(qtbot: QtBot, db: Path, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    dashboard = window.dashboard
    with qtbot.waitSignal(window.recomputer.score_ready, timeout=10_000):
        pass
    dashboard.show_readings([(TODAY, 50.0)], 27.0, 34.0, "Top 8 %", "Dots: the readings")
    dashboard.show_forecast([(TODAY, 40.0), (TODAY + dt.timedelta(days=7), 42.0)])
    assert not dashboard.trend_card.built
    legend = dashboard.legend.entries
    assert not legend["readings"].isHidden() and not legend["forecast"].isHidden()

    plot = dashboard.trend  # built when asked for, with what came before it

    assert dashboard.trend_card.built
    assert plot.has_readings and plot.has_averages and plot.has_forecast
    assert plot.toolTip() == "Dots: the readings"
    assert dashboard.gauge.rank_caption == "Top 8 %"
    with qtbot.waitSignal(window.snapshot_shown, timeout=10_000):
        window.show()
    assert window.snapshot is not None
    assert trend_end(plot._line) == pytest.approx(window.snapshot.total)
    window.shutdown()
