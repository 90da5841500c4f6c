"""Every tab at the sizes sellers' screens have, in a light and a dark palette, on a first run
and with six months of demo data: nothing overlaps, no text is cut, tables show their rows and
charts keep their axis ends (layout_checks.py says what each check looks for)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ssi_desktop.cli.main import main as ssi
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.tabs import TAB_NAMES
from tests.ui.conftest import WindowFactory
from tests.ui.layout_checks import problems_on

SIZES = ((1280, 700), (1366, 720), (1366, 768), (1920, 1080))
"""The three sizes asked for, and a maximised window on a 1366x768 laptop (panel included)."""


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the module (`ssi demo` takes seconds); each test gets a copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SSI_DESKTOP_TODAY", "2026-11-24")
        assert ssi(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture(params=["first run", "demo data"])
def seller_db(request: pytest.FixtureRequest, db_path: Path, demo_template: Path) -> Iterator[Path]:
    if request.param == "demo data":
        shutil.copyfile(demo_template, db_path)
    open_database(db_path)
    yield db_path
    close_database()


def settle(qtbot: QtBot) -> None:
    """Let posted layout requests and lazy page builds run (no timing involved)."""
    for _ in range(3):
        QApplication.processEvents()
    qtbot.waitUntil(lambda: True)


def test_every_tab_at_every_size_and_palette(
    seller_db: Path, palette: str, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window: MainWindow = make_window()
    found: list[str] = []
    walked = 0
    for width, height in SIZES:
        window.resize(width, height)
        for name in TAB_NAMES:
            assert window.select_tab(name), name
            settle(qtbot)
            assert window.size().width() == width
            walked += 1
            found += [f"{width}x{height} {name}: {p}" for p in problems_on(window)]
    assert walked == len(SIZES) * len(TAB_NAMES)
    assert not found, "\n".join(found)


def test_the_checks_see_a_squeezed_card(make_window: WindowFactory, qtbot: QtBot) -> None:
    """The checks themselves: a window made smaller than its pages need shows the faults."""
    window = make_window()
    window.setMinimumSize(200, 200)
    window.resize(420, 300)
    assert window.select_tab("dashboard")
    settle(qtbot)
    assert problems_on(window)
