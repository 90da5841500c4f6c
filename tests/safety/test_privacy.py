"""Nothing leaked: private files and folders, and not one network connection in a session."""

from __future__ import annotations

import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ssi_desktop.store import backup
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.ui.safety.backup_actions import BackupActions
from tests.conftest import TODAY
from tests.safety.qt_helpers import run_app

PROC = Path("/proc/self")
INET_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_new_folders_are_for_the_user_alone(tmp_path):
    mine = tmp_path / "shared-with-my-team"
    mine.mkdir(mode=0o755)
    mine.chmod(0o755)
    path = mine / "new" / "deeper" / "ssi.sqlite3"
    open_database(path)
    close_database()
    assert mode(path) == 0o600
    assert mode(mine / "new") == mode(mine / "new" / "deeper") == 0o700
    assert mode(mine) == 0o755  # a folder the seller made keeps the mode they gave it


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse and record any Internet socket; local (Unix) sockets stay allowed."""
    attempts: list[str] = []  # what tried to reach the network
    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family != socket.AF_UNIX:
                attempts.append(f"socket(family={family})")
                raise OSError("the app must not open network sockets")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str):
        def refused(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args}")
            raise OSError("the app must not use the network")

        return refused

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "create_server"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def internet_sockets_held() -> set[str]:
    """Inodes of this process's open sockets that are TCP/UDP/raw (Qt's C++ ones included)."""
    if not (PROC / "net").is_dir():
        return set()
    inet = set()
    for table in INET_TABLES:
        listing = PROC / "net" / table
        if listing.exists():
            inet |= {line.split()[9] for line in listing.read_text().splitlines()[1:]}
    held = set()
    for fd in (PROC / "fd").iterdir():
        try:
            target = fd.readlink().name
        except OSError:
            continue
        if target.startswith("socket:["):
            held.add(target[len("socket:[") : -1])
    return held & inet


def test_a_full_gui_session_opens_no_network_connection(qtbot, qapp, db_path, no_network):
    assert run_app("--db", str(db_path), "--quit-after-first-paint") == 0
    assert internet_sockets_held() == set()

    from PySide6.QtCore import QSettings

    from ssi_desktop.ui.main_window import MainWindow

    open_database(db_path)
    settings = QSettings(str(db_path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(db_path, settings)
    window.remember_settings = False
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.snapshot_shown, timeout=10000):
        window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
    window.select_tab("relationships")
    qtbot.mouseClick(window.findChild(QPushButton, "quickAdd_dm_sent"), Qt.MouseButton.LeftButton)
    window.open_finder()
    assert window.finder is not None
    window.finder.close()
    controller = window.findChild(BackupActions)
    controller.back_up_now()
    qtbot.waitUntil(lambda: controller.back_up_action.isEnabled(), timeout=10000)
    controller.restore(backup.backups(db_path)[0].path)
    qtbot.waitUntil(lambda: window.snapshot.entry_count == 1, timeout=10000)
    assert window.snapshot.day == TODAY
    assert internet_sockets_held() == set()
    window.shutdown()
    close_database()
    assert list(no_network) == []
