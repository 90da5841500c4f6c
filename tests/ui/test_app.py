"""`ssi-desktop` as a program: screenshots, start-up timing exit, version, bad arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ssi_desktop import __version__, app
from ssi_desktop.store import actions
from ssi_desktop.store.actions import NewEntry
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.tabs import TAB_NAMES
from tests.conftest import TODAY


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
        check=False,
    )


def test_screenshot_of_a_tab_at_a_given_size(db: Path, tmp_path: Path) -> None:
    actions.record(NewEntry("post_published", TODAY, 2), TODAY)
    shot = tmp_path / "shots" / "people.png"
    result = run_app(
        "--db", str(db), "--screenshot", str(shot), "--tab", "people", "--size", "1366x768"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1366, 768)


def test_quit_after_first_paint_reports_the_time(db: Path) -> None:
    result = run_app("--db", str(db), "--quit-after-first-paint")
    assert result.returncode == 0, result.stderr
    assert "first paint" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tab", "nowhere"], "no tab named 'nowhere'; the tabs are dashboard, brand,"),
        (["--size", "12by8"], "expected WIDTHxHEIGHT"),
    ],
)
def test_bad_arguments_exit_2_with_a_reason(db: Path, args: list[str], message: str) -> None:
    result = run_app("--db", str(db), "--quit-after-first-paint", *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ssi-desktop {__version__}"


def test_the_window_hands_the_interpreter_to_its_gui_thread_within_half_a_millisecond() -> None:
    """Python's default 5 ms let an import thread keep the window 40 ms from its events."""
    script = (
        "import sys; from ssi_desktop import app; code = app.main(['--self-test']);"
        " print(sys.getswitchinterval()); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert float(result.stdout.split()[-1]) == pytest.approx(app.SWITCH_INTERVAL_S)
    assert app.SWITCH_INTERVAL_S <= 0.0005


def test_once_started_the_window_runs_full_collections_rarely(db: Path) -> None:
    """After start-up's objects are frozen, Python's default ran a full collection (5-24 ms
    with the GIL held, in any thread) every tenth middle one."""
    script = (
        "import gc, sys; from ssi_desktop import app;"
        f" code = app.main(['--db', {str(db)!r}, '--quit-after-complete']);"
        " print(gc.get_threshold()[2]); sys.exit(code)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.split()[-1]) == app.FULL_COLLECTION_EVERY > 10


def test_self_test_passes_on_a_throw_away_database(db: Path) -> None:
    result = run_app("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK ssi-desktop")
    assert actions.entries() == []  # the seller's database was not touched


def test_the_help_names_every_tab_the_window_has(window: MainWindow) -> None:
    shown = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    assert shown == [f"tab_{name}" for name in TAB_NAMES]
    result = run_app("--help")
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    assert f"tab to show: {', '.join(TAB_NAMES)}" in help_text
