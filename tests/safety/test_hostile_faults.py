"""Faults from the adversarial review (issue 18) that need real processes or a real clock mess:
backups named by a wrong clock, a backup killed by SIGKILL, concurrent first openers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from ssi_desktop.cli.main import main
from ssi_desktop.store import backup
from tests.safety.bad_files import healthy


def _ssi(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backups_named_in_the_future_never_push_out_the_new_one(tmp_path, capsys):
    db = healthy(tmp_path / "log.sqlite3", entries=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    first = backup.write_backup(db, folder / "log-20260101-000000.sqlite3")
    future = [folder / f"log-2099{month:02d}01-120000.sqlite3" for month in range(1, 13)]
    future += [folder / "log-21000101-120000.sqlite3", folder / "log-21000102-120000.sqlite3"]
    for name in future:
        shutil.copy(first.path, name)
    code, out, err = _ssi(capsys, "backup", "--json", "--db", str(db))
    assert code == 0, err
    made = json.loads(out)
    assert Path(made["file"]).exists()
    assert len(made["pruned"]) == 2
    assert all(Path(old).name.startswith(("log-2099", "log-2100")) for old in made["pruned"])
    assert first.path.exists()  # a backup with a believable time outlives the wrong-clock ones
    for _ in range(3):  # later backups survive too, and say what they removed
        code, out, err = _ssi(capsys, "backup", "--db", str(db))
        assert code == 0 and "Removed 1 older backups" in out
        newest = Path(out.split(" to ", 1)[1].split(".sqlite3", 1)[0] + ".sqlite3")
        assert newest.exists()
    assert len(list(folder.glob("log-*.sqlite3"))) == backup.KEEP


_HOLD_A_TEMP = """
import sys, time
from pathlib import Path
from ssi_desktop.store import backup
with backup._private_temp(Path(sys.argv[1]), "log-20260101-000000.sqlite3") as temp:
    temp.write_bytes(b"half a copy" * 1000)
    print("holding", flush=True)
    sys.stdin.read()
"""


def _holder(folder: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD_A_TEMP, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "holding\n"
    return child


def test_a_backup_killed_half_way_leaves_nothing_after_the_next_one(tmp_path, capsys):
    db = healthy(tmp_path / "log.sqlite3", entries=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    child = _holder(folder)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    leftover = folder / ".log-20260101-000000.sqlite3.tmp"
    assert leftover.exists()
    code, _, err = _ssi(capsys, "backup", "--db", str(db))
    assert code == 0, err
    assert not leftover.exists()


def test_a_backup_running_in_another_process_keeps_its_temporary_file(tmp_path, capsys):
    db = healthy(tmp_path / "log.sqlite3", entries=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    child = _holder(folder)
    try:
        code, _, err = _ssi(capsys, "backup", "--db", str(db))
        assert code == 0, err
        assert (folder / ".log-20260101-000000.sqlite3.tmp").exists()
    finally:
        child.communicate("")


_OPEN_WHEN_TOLD = """
import sys
from ssi_desktop.cli.main import main
sys.stdin.readline()
sys.exit(main(["add", "dm_sent", "--db", sys.argv[1]]))
"""


def test_six_processes_creating_one_new_database_at_once_all_succeed(tmp_path):
    for attempt in range(4):
        db = tmp_path / f"new-{attempt}.sqlite3"
        children = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_WHEN_TOLD, str(db)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(6)
        ]
        for child in children:  # all are started and waiting: let them go together
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        results = [child.communicate(timeout=60) for child in children]
        assert [child.returncode for child in children] == [0] * 6, results
        code = main(["log", "--json", "--db", str(db)])
        assert code == 0


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ssi_desktop.cli.main", *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_an_open_window_is_found_by_the_file_not_by_its_path_or_environment(tmp_path):
    from ssi_desktop.system.window_lock import window_holding

    db = tmp_path / "g.db"
    assert _cli(tmp_path / "home", "add", "dm_sent", "--db", str(db)).returncode == 0
    spare = tmp_path / "spare.sqlite3"
    assert _cli(tmp_path / "home", "backup", "--out", str(spare), "--db", str(db)).returncode == 0
    link = tmp_path / "other-folder" / "hard-link.db"
    link.parent.mkdir()
    os.link(db, link)
    window = subprocess.Popen(
        [sys.executable, "-m", "ssi_desktop", "--db", str(db)],
        env=_env(tmp_path / "home"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while window_holding(link) is None:  # the window is up once it holds its file
            assert window.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        before = db.read_bytes()
        elsewhere = tmp_path / "elsewhere"
        for path, command in (
            (db, ("restore", str(spare))),
            (db, ("start-fresh",)),
            (link, ("restore", str(spare))),
            (link, ("start-fresh",)),
        ):
            done = _cli(elsewhere, *command, "--db", str(path))
            assert done.returncode == 2, done
            assert "open" in done.stderr and len(done.stderr.splitlines()) == 1
        assert db.read_bytes() == before and link.exists()
    finally:
        window.kill()
        window.wait(timeout=30)
    assert window_holding(db) is None  # the kernel let go of the window's hold


def test_a_database_another_process_is_writing_is_not_called_damaged(tmp_path):
    """Its size runs ahead of or behind its header while a connection writes, and a lock may
    keep a reader waiting: neither is damage (six processes creating one file met both)."""
    from ssi_desktop.store.health import diagnose
    from ssi_desktop.store.migrations import LATEST_VERSION

    path = healthy(tmp_path / "busy.sqlite3")
    with path.open("ab") as grown:  # half a page more, as while a checkpoint extends the file
        grown.write(b"\0" * 512)
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"")  # a connection's rollback journal beside it
    assert diagnose(path, LATEST_VERSION) is None
    for suffix in ("-journal", "-wal", "-shm"):  # the reader's own companions too
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    found = diagnose(path, LATEST_VERSION)  # quiescent again: the size is evidence now
    assert found is not None and "whole number of pages" in found.detail
