"""The adversarial review's attacks on the command line (issue 18), each kept as a test.

Each checks the promise it broke: one line on stderr and exit 2 for a bad input, and the bytes
of every file involved unchanged when the command refuses.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pty
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ssi_desktop.cli.main import main
from tests.importers.hostile_archives import many_rows
from tests.safety.bad_files import foreign_with_schema_version, healthy, incomplete


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_line_refusal(result: tuple[int, str, str], *words: str) -> None:
    code, out, err = result
    assert code == 2, (out, err)
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def test_restore_refuses_a_backup_missing_tables(ssi, db_path, tmp_path):
    ssi("add", "dm_sent")
    bad = healthy(tmp_path / "elsewhere" / "bad.sqlite3")
    incomplete(bad)
    before = _files(db_path.parent)
    _one_line_refusal(ssi("restore", str(bad)), "nothing was changed", "table contact")
    assert _files(db_path.parent) == before
    code, out, _ = ssi("log", "--json")
    assert code == 0 and "dm_sent" in out


def test_restore_refuses_a_file_with_only_a_version_and_a_malformed_log(ssi, db_path, tmp_path):
    ssi("add", "dm_sent")
    bad = tmp_path / "elsewhere.sqlite3"
    with sqlite3.connect(bad) as con:
        con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY)")
        con.execute("INSERT INTO schema_version VALUES (6)")
        con.execute("CREATE TABLE action_entry (id INTEGER PRIMARY KEY, what TEXT)")
    con.close()
    before = _files(db_path.parent)
    _one_line_refusal(ssi("restore", str(bad)), "nothing was changed")
    assert _files(db_path.parent) == before


def run(capsys, *args: str) -> tuple[int, str, str]:
    """`ssi ARGS` in-process, for tests that choose their own --db."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_another_programs_database_with_a_schema_version_is_never_touched(capsys, tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir()
    theirs = folder / "recipes.db"
    foreign_with_schema_version(theirs)
    before = _files(folder)
    for command in (("score",), ("add", "dm_sent"), ("log",), ("backup",)):
        _one_line_refusal(run(capsys, *command, "--db", str(theirs)), "another program")
    assert _files(folder) == before


def test_an_empty_db_path_is_an_error_not_the_default(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("SSI_DESKTOP_DB", str(tmp_path / "env.sqlite3"))
    _one_line_refusal(run(capsys, "add", "dm_sent", "--db", ""), "empty path")
    assert not (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("folder", "is a folder"),
        ("pipe", "is a named pipe"),
        ("/dev/zero", "is a device"),
        ("a" * 300 + ".db", "too long"),
        ("no/such", "not a folder"),
    ],
)
def test_an_unusable_db_path_is_one_line(capsys, tmp_path, name, cause):
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "no").write_text("a file where a folder should be")
    commands = [("log",), ("add", "dm_sent"), ("start-fresh",)]
    if name != "no/such":  # there, backup rightly finds no database to back up
        commands.append(("backup",))
    for command in commands:
        _one_line_refusal(run(capsys, *command, "--db", str(tmp_path / name)), cause)
    assert (tmp_path / "folder").is_dir() and stat.S_ISFIFO((tmp_path / "pipe").lstat().st_mode)


def test_a_permission_error_at_opening_is_one_line(capsys, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.db"))

    monkeypatch.setattr("ssi_desktop.store.db._private_file", refuse)
    _one_line_refusal(run(capsys, "add", "dm_sent", "--db", str(tmp_path / "x.db")), "permission")


def test_export_on_a_full_disk_names_the_cause(ssi, tmp_path, monkeypatch):
    ssi("add", "dm_sent")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fdopen", full)
    out = tmp_path / "export.csv"
    _one_line_refusal(ssi("export", "--out", str(out)), "disk is full")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 400 KB tmpfs (skipped where this process may not mount one)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as out:
        while True:
            out.write(b"\0" * 4096)
            out.flush()


def test_a_full_disk_is_named_not_called_corruption(capsys, small_disk, tmp_path):
    db = str(small_disk / "log.sqlite3")
    assert run(capsys, "add", "dm_sent", "--db", db)[0] == 0
    _fill(small_disk)
    before = Path(db).read_bytes()
    for command in (("add", "dm_sent"), ("log",)):
        result = run(capsys, *command, "--db", db)
        _one_line_refusal(result, "full")
        assert "corrupt" not in result[2] and "start-fresh" not in result[2]
    assert Path(db).read_bytes() == before


def test_an_import_that_fills_the_disk_says_so(capsys, small_disk, tmp_path):
    db = str(small_disk / "log.sqlite3")
    assert run(capsys, "add", "dm_sent", "--db", db)[0] == 0
    archive = tmp_path / "many.zip"
    many_rows(archive, 0.01)
    with (small_disk / "filler").open("wb") as out:
        out.write(b"\0" * 200 * 1024)
    result = run(capsys, "import", "linkedin", str(archive), "--db", db)
    _one_line_refusal(result, "disk is full", "nothing was changed")
    assert "no transaction" not in result[2]


def test_a_database_in_a_read_only_place_can_still_be_read(capsys, small_disk):
    db = str(small_disk / "log.sqlite3")
    assert run(capsys, "add", "dm_sent", "--note", "kept", "--db", db)[0] == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, out, err = run(capsys, "log", "--db", db)
    assert code == 0 and "kept" in out, err
    result = run(capsys, "add", "dm_sent", "--db", db)
    _one_line_refusal(result, "read-only")
    assert "corrupt" not in result[2]


def test_export_never_overwrites_without_force(ssi, tmp_path):
    ssi("add", "dm_sent")
    out = tmp_path / "mine.csv"
    out.write_text("my own spreadsheet\n")
    _one_line_refusal(ssi("export", "--out", str(out)), "already exists", "--force")
    assert out.read_text() == "my own spreadsheet\n"
    code, _, err = ssi("export", "--out", str(out), "--force")
    assert code == 0, err
    assert "dm_sent" in out.read_text()


def _special_paths(tmp_path: Path) -> dict[str, Path]:
    special = {"folder": tmp_path / "a-folder", "pipe": tmp_path / "a-pipe"}
    special["folder"].mkdir()
    os.mkfifo(special["pipe"])
    target = tmp_path / "target.csv"
    target.write_text("the link's target\n")
    special["link"] = tmp_path / "link.csv"
    special["link"].symlink_to(target)
    special["dangling link"] = tmp_path / "dangling.csv"
    special["dangling link"].symlink_to(tmp_path / "nowhere.csv")
    with contextlib.suppress(PermissionError):  # a device node needs root
        os.mknod(tmp_path / "a-device", stat.S_IFCHR | 0o600, os.makedev(1, 7))
        special["device"] = tmp_path / "a-device"
    return special


def _snapshot(path: Path) -> tuple[int, int, str]:
    info = path.lstat()
    inside = path.read_text() if stat.S_ISREG(path.stat().st_mode) else ""
    return info.st_ino, info.st_mode, inside


@pytest.mark.parametrize("force", [False, True])
def test_export_never_replaces_anything_but_a_regular_file(ssi, tmp_path, force):
    ssi("add", "dm_sent")
    for kind, path in _special_paths(tmp_path).items():
        exists = kind != "dangling link"
        before = _snapshot(path) if exists else None
        flags = ["--force"] if force else []
        _one_line_refusal(ssi("export", "--out", str(path), *flags), str(path))
        assert path.is_symlink() or (_snapshot(path) == before), kind
    assert (tmp_path / "target.csv").read_text() == "the link's target\n"
    assert not (tmp_path / "nowhere.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_backup_out_never_writes_through_a_dangling_link(ssi, tmp_path):
    ssi("add", "dm_sent")
    link = tmp_path / "copy.sqlite3"
    link.symlink_to(tmp_path / "elsewhere.sqlite3")
    _one_line_refusal(ssi("backup", "--out", str(link)), "symbolic link")
    assert link.is_symlink() and not (tmp_path / "elsewhere.sqlite3").exists()


HOSTILE_NOTE = "\x1b]0;pwned\x07\x1b[2J cleared \u202eevil"


def test_control_characters_in_notes_are_escaped_on_the_terminal_only(ssi, tmp_path):
    code, _, err = ssi("add", "dm_sent", "--note", HOSTILE_NOTE)
    assert code == 0, err
    code, out, _ = ssi("log")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[2J cleared \\u202eevil" in out
    code, out, _ = ssi("log", "--json")
    assert "\x1b" not in out and "\u202e" not in out  # escaped the JSON way
    assert json.loads(out)[0]["note"] == HOSTILE_NOTE
    exported = tmp_path / "log.csv"
    assert ssi("export", "--out", str(exported))[0] == 0
    assert HOSTILE_NOTE in exported.read_text(encoding="utf-8")


def test_export_to_a_terminal_is_escaped_and_to_a_pipe_is_intact(ssi, db_path):
    assert ssi("add", "dm_sent", "--note", HOSTILE_NOTE)[0] == 0
    command = [sys.executable, "-m", "ssi_desktop.cli.main", "export", "--db", str(db_path)]
    piped = subprocess.run(command, capture_output=True, check=True)
    assert HOSTILE_NOTE.encode() in piped.stdout
    leader, follower = pty.openpty()
    try:
        child = subprocess.Popen(command, stdout=follower, stderr=subprocess.PIPE)
        os.close(follower)
        seen = b""
        with contextlib.suppress(OSError):  # EIO once the child has closed its side
            while chunk := os.read(leader, 65536):
                seen += chunk
        assert child.wait(timeout=60) == 0
    finally:
        os.close(leader)
    assert b"\x1b" not in seen and "\u202e".encode() not in seen
    assert b"\\x1b]0;pwned" in seen


def test_demo_refuses_a_log_with_entries_of_ones_own(ssi, db_path):
    for _ in range(3):
        assert ssi("add", "dm_sent")[0] == 0
    before = ssi("log", "--since", "2003-05-05", "--json")[1]
    result = ssi("demo")
    _one_line_refusal(result, "3 entries of your own", "ssi demo --db", "-demo.sqlite3")
    assert ssi("log", "--since", "2003-05-05", "--json")[1] == before
    suggested = result[2].rsplit("--db ", 1)[1].strip()
    code = main(["demo", "--days", "14", "--db", suggested])
    assert code == 0 and Path(suggested).exists()


def test_the_window_refuses_an_empty_db_path_too(capsys):
    from ssi_desktop.app import parse_args

    with pytest.raises(SystemExit) as stopped:
        parse_args(["--db", ""])
    assert stopped.value.code == 2
    assert "empty path" in capsys.readouterr().err


def test_output_redirected_to_a_full_disk_is_one_line(small_disk, tmp_path):
    db = tmp_path / "log.sqlite3"
    assert main(["add", "dm_sent", "--note", "x" * 1500, "--db", str(db)]) == 0
    _fill(small_disk)
    for command in (("export",), ("log",), ("types",)):
        with (small_disk / "out.txt").open("w") as out:
            done = subprocess.run(
                [sys.executable, "-m", "ssi_desktop.cli.main", *command, "--db", str(db)],
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == ["ssi: error: the disk is full"]


def test_control_characters_in_an_archive_are_escaped_in_the_import_summary(ssi, tmp_path):
    import zipfile

    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Reactions.csv", "Date,Type,Link\n2024-01-01 10:00:00,LIKE,https://x/1\n")
        zf.writestr("\x1b]0;pwned\x07/Comments.csv", "no header here\n")
        zf.writestr("\x1b]0;pwned\x07/Shares.csv", "no header here\n")
    code, out, err = ssi("import", "linkedin", str(archive), "--dry-run")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07/Comments.csv" in out
    assert "\\x0a" not in out  # the summary's own wrapped lines stay lines
