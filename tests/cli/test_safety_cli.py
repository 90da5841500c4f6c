"""`ssi backup`, `ssi restore`, `ssi start-fresh`, bad database files and safe CSV exports."""

from __future__ import annotations

import csv
import io
import json
import os
import shlex
import stat
from pathlib import Path

import pytest

from ssi_desktop.store.health import Problem
from tests.safety.bad_files import spoiled
from tests.store.test_database import make_v1_database


def logged_keys(ssi) -> list[str]:
    code, out, _ = ssi("log", "--since", "2003-05-05", "--json")
    assert code == 0
    return [entry["key"] for entry in json.loads(out)]


def test_backup_list_and_restore_round_trip(ssi, db_path):
    ssi("add", "dm_sent")
    code, out, _ = ssi("backup", "--json")
    assert code == 0
    made = json.loads(out)
    assert made["entries"] == 1 and Path(made["file"]).parent == db_path.parent / "backups"
    ssi("add", "reaction")
    listed = json.loads(ssi("backup", "list", "--json")[1])
    assert [b["file"] for b in listed] == [made["file"]]
    assert set(listed[0]) == {"file", "taken_at", "entries", "bytes"}
    code, out, _ = ssi("restore", made["file"])
    assert code == 0 and "Restored 1 entry from" in out and "kept as" in out
    assert logged_keys(ssi) == ["dm_sent"]
    aside = [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]
    assert len([p for p in aside if not p.name.endswith(("-wal", "-shm"))]) == 1


def test_backup_out_writes_a_file_and_refuses_to_overwrite(ssi, tmp_path):
    ssi("add", "dm_sent", "--count", "2")
    out = tmp_path / "copy.sqlite3"
    code, text, _ = ssi("backup", "--out", str(out))
    assert code == 0 and str(out) in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    code, _, err = ssi("backup", "--out", str(out))
    assert code == 2 and "already exists" in err and len(err.splitlines()) == 1
    assert out.read_bytes() == before
    code, _, err = ssi("backup", "--out", str(tmp_path / "missing" / "x.sqlite3"))
    assert code == 2 and "does not exist" in err


def test_backup_of_a_database_that_does_not_exist_creates_nothing(ssi, db_path):
    code, _, err = ssi("backup")
    assert code == 2 and "nothing to back up" in err
    assert not db_path.exists()


@pytest.mark.parametrize("problem", list(Problem))
def test_a_bad_database_gives_one_line_naming_the_case_and_the_way_out(ssi, db_path, problem):
    ssi("add", "dm_sent")
    assert ssi("backup")[0] == 0
    newest = json.loads(ssi("backup", "list", "--json")[1])[0]["file"]
    before = spoiled(db_path, problem)
    code, out, err = ssi("add", "reaction")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert problem.reason in err and "left as it is" in err
    assert f"ssi restore {shlex.quote(newest)} --db" in err and "ssi start-fresh" in err
    assert db_path.read_bytes() == before
    assert ssi("restore", newest)[0] == 0  # the advice works: the backup is back
    assert logged_keys(ssi) == ["dm_sent"]
    assert any(".bad-" in p.name for p in db_path.parent.iterdir())


def test_a_bad_database_without_backups_offers_to_start_fresh(ssi, db_path):
    before = spoiled(db_path, Problem.NOT_SQLITE)
    code, _, err = ssi("score")
    assert code == 2 and "no backup was found" in err and "ssi start-fresh" in err
    code, out, _ = ssi("start-fresh")
    assert code == 0 and ".bad-" in out
    [aside] = [p for p in db_path.parent.iterdir() if ".bad-" in p.name]
    assert aside.read_bytes() == before
    assert ssi("add", "reaction")[0] == 0 and logged_keys(ssi) == ["reaction"]


def test_restore_refuses_a_bad_file_and_the_database_itself(ssi, db_path, tmp_path):
    ssi("add", "dm_sent")
    before = db_path.read_bytes()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(4096))
    for target in (junk, tmp_path / "missing.sqlite3", db_path):
        code, _, err = ssi("restore", str(target))
        assert code == 2 and len(err.strip().splitlines()) == 1
    assert db_path.read_bytes() == before and logged_keys(ssi) == ["dm_sent"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_exported_notes_that_a_spreadsheet_would_run_are_neutralised(ssi, tmp_path, start):
    note = f'{start}HYPERLINK("http://example.invalid","click")'
    assert ssi("add", "dm_sent", f"--note={note}")[0] == 0
    out = tmp_path / "log.csv"
    assert ssi("export", "--out", str(out))[0] == 0
    [row] = csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline=""))
    assert row["note"] == "'" + note
    assert row["count"] == "1"  # numbers stay numbers


def test_export_for_excel_starts_with_a_bom_and_keeps_accents(ssi, tmp_path):
    ssi("add", "dm_sent", "--note", "Rencontre à Zürich — ½ journée")
    out = tmp_path / "log.csv"
    assert ssi("export", "--excel", "--out", str(out))[0] == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    [row] = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert row["note"] == "Rencontre à Zürich — ½ journée"
    plain = tmp_path / "plain.csv"
    ssi("export", "--out", str(plain))
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_backup_from_the_first_schema_restores_and_is_brought_up_to_date(ssi, tmp_path):
    old = tmp_path / "from-2025.sqlite3"
    make_v1_database(old)
    assert ssi("add", "reaction")[0] == 0
    code, out, _ = ssi("restore", str(old))
    assert code == 0 and "Restored 1 entry" in out
    assert logged_keys(ssi) == ["dm_sent"]  # the v1 file's one entry, now in today's schema
