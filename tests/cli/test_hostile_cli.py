"""The adversarial review's attacks on the command line (issue 18), each kept as a test.

Each checks the promise it broke: one line on stderr and exit 2 for a bad input, and the bytes
of every file involved unchanged when the command refuses.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ssi_desktop.cli.main import main
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
