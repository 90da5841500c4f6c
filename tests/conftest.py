"""Shared test set-up: offscreen Qt, a fresh temp database per test, a fixed "today"."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: no display in CI, and pyqtgraph must pick PySide6. The offscreen
# screen is desktop-sized (its default 800x800 is smaller than the window's minimum size).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = (
        f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}"
    )
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"

from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.workers.collector import collect_due

TODAY = dt.date(2026, 11, 24)


def pytest_configure(config: pytest.Config) -> None:
    """As in the window's process, cyclic garbage is collected on the main thread only: a
    test's worker threads never destroy the Qt objects of a window an earlier test closed."""
    gc.disable()


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    yield
    collect_due()


@pytest.fixture(autouse=True)
def _isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test may touch the real user's data folder, settings or today's date."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("SSI_DESKTOP_TODAY", TODAY.isoformat())
    monkeypatch.delenv("SSI_DESKTOP_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ssi.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Path]:
    """A fresh database file, opened and bound for this test; closed afterwards."""
    open_database(db_path)
    yield db_path
    close_database()
