"""The Team tab and background publishing, with a real server and with one that never answers."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from ssi_desktop.store import actions, team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.team import membership, server
from ssi_desktop.ui.main_window import MainWindow
from ssi_desktop.ui.team import offline_text
from ssi_desktop.ui.team.board_model import BAR_ROLE, BoardModel
from ssi_desktop.workers import team as team_worker
from tests.conftest import TODAY
from tests.team.conftest import TeamServer


def open_window(qtbot, db_path: Path) -> MainWindow:
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings)
    window.remember_settings = False
    qtbot.addWidget(window)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    assert window.team_sync.wait_idle(30)  # the test leaves no thread behind


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port on this machine that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_a_server_that_never_answers_never_blocks_the_window(
    qtbot, db_path, silent_server, monkeypatch
):
    # Long enough for a quick-add and its new score to come and go while the team waits.
    monkeypatch.setattr(team_worker, "TIMEOUT_S", 6.0)
    open_database(db_path)
    membership.save(
        db_path,
        f"postgresql://dana@127.0.0.1:{silent_server}/team?sslmode=disable",
        "dana",
        "secret",
        TODAY - dt.timedelta(days=3),
    )
    window = open_window(qtbot, db_path)
    state = window.findChild(QLabel, "teamState")
    with qtbot.waitSignal(window.snapshot_shown, timeout=10000):
        window.show()
    qtbot.waitUntil(lambda: state.text() == "team: publishing…", timeout=5000)

    # While the team's thread waits on the silent server, the window works as always.
    window.select_tab("relationships")
    with qtbot.waitSignal(
        window.snapshot_shown, timeout=10000, check_params_cb=lambda s: s.entry_count == 1
    ):
        qtbot.mouseClick(
            window.findChild(QPushButton, "quickAdd_dm_sent"), Qt.MouseButton.LeftButton
        )
    window.tabs.setCurrentWidget(window.findChild(QWidget, "tab_team"))
    assert state.text() == "team: publishing…"  # still waiting, and nobody waited for it

    qtbot.waitUntil(lambda: state.text().startswith("team: offline"), timeout=20000)
    assert state.text() == "team: offline, 3 days waiting"
    assert "timeout" in state.toolTip()
    close_window(window)
    close_database()


def test_offline_text_counts_days():
    assert offline_text(1) == "team: offline, 1 day waiting"
    assert offline_text(4) == "team: offline, 4 days waiting"


@pytest.fixture
def joined_pair(team_server: TeamServer, tmp_path: Path, db_path: Path) -> str:
    """This test's database joined as dana; lee, from another database, published already."""
    team_schema.init_team(team_server.admin_url)
    lee_db = tmp_path / "lee.sqlite3"
    open_database(lee_db)
    actions.record(actions.NewEntry("comment_thoughtful", TODAY, 12), TODAY)
    server.join(lee_db, team_schema.invite(team_server.admin_url, "lee"), TODAY)
    server.publish(lee_db)
    close_database()
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", TODAY, 2), TODAY)
    server.join(db_path, team_schema.invite(team_server.admin_url, "dana"), TODAY)
    return "dana"


def test_the_team_tab_shows_the_board_and_a_members_trend(qtbot, db_path, joined_pair):
    window = open_window(qtbot, db_path)
    sync = window.team_sync
    with qtbot.waitSignals([sync.published, sync.board_ready], timeout=20000):
        window.show()
    state = window.findChild(QLabel, "teamState")
    assert state.text().startswith("team: online")
    window.tabs.setCurrentWidget(window.findChild(QWidget, "tab_team"))
    table = window.findChild(QTableView, "teamBoard")
    model: BoardModel = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
    names = [model.index(r, 0).data() for r in range(2)]
    assert set(names) == {"dana", "lee"}
    totals = [float(model.index(r, 1).data()) for r in range(2)]
    assert totals == sorted(totals, reverse=True)
    assert all(0 <= model.index(r, 2).data(BAR_ROLE) <= 1 for r in range(2))
    with qtbot.waitSignal(sync.trend_ready, timeout=10000) as trend:
        table.selectRow(names.index("lee"))
    assert trend.args[0] == "lee" and trend.args[1][-1].day == TODAY
    assert window.findChild(QLabel, "teamTrendTitle").text().startswith("lee")
    close_window(window)
    close_database()


def test_the_board_model_passes_qt_checks(qtmodeltester, joined_pair, db_path):
    server.publish(db_path)
    model = BoardModel()
    model.set_rows(server.board(db_path))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    close_database()


def test_a_window_that_never_joined_has_no_team_tab_or_thread(qtbot, db):
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.snapshot_shown, timeout=10000):
        window.show()
    assert window.findChild(QLabel, "teamState") is None
    assert not hasattr(window, "team_sync")
    assert "team-sync" not in {t.name for t in threading.enumerate()}
    window.close()
