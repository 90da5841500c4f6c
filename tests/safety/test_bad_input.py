"""Bad input everywhere: whatever the command line or a file throws at the app, the answer is
one clear line and exit code 2, with nothing half-written."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.cli.main import main
from ssi_desktop.store.health import SQLITE_MAGIC
from tests.conftest import TODAY
from tests.safety.bad_files import healthy

SHARED_FILES = settings(
    max_examples=60,
    deadline=None,
    # One database for all examples on purpose: each must leave it as consistent as it found it.
    # And the machine may be busy: slow generation is not what these tests are about.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

keys = st.one_of(st.sampled_from([a.key for a in ACTIONS]), st.text(max_size=30))
counts = st.one_of(st.integers(-(10**30), 10**30).map(str), st.text(max_size=12))
days = st.one_of(st.dates().map(dt.date.isoformat), st.text(max_size=14))
undecodable = st.binary(min_size=1, max_size=40).map(lambda b: b.decode("utf-8", "surrogateescape"))
notes = st.one_of(
    st.text(max_size=60), st.text(min_size=2001, max_size=2100), undecodable, st.just("=1+1")
)


def entry_count(path: Path) -> int:
    if not path.exists():
        return 0
    with sqlite3.connect(path) as con:
        found = con.execute("SELECT name FROM sqlite_master WHERE name = 'action_entry'").fetchone()
        total = con.execute("SELECT COUNT(*) FROM action_entry").fetchone()[0] if found else 0
    con.close()
    return int(total)


def one_line_error(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "error" in err


@SHARED_FILES
@given(key=keys, count=counts, day=days, note=notes, target=st.booleans())
def test_ssi_add_stores_exactly_what_it_acknowledges(
    db_path, capsys, key, count, day, note, target
):
    before = entry_count(db_path)
    args = ["add", key, f"--count={count}", f"--date={day}", f"--note={note}", "--db", str(db_path)]
    code = main(args + (["--target"] if target else []))
    out, err = capsys.readouterr()
    if code == 0:
        assert out.startswith("Logged") and entry_count(db_path) == before + 1
        with sqlite3.connect(db_path) as con:
            stored = con.execute("SELECT note FROM action_entry ORDER BY id DESC").fetchone()[0]
        con.close()
        assert stored == note
    else:
        assert code == 2 and one_line_error(err) and out == ""
        assert entry_count(db_path) == before


@pytest.mark.parametrize(
    "day", ["0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-2026-01-01", "2026-00-10"]
)
def test_dates_far_out_of_range_are_refused(db_path, capsys, day):
    assert main(["add", "dm_sent", f"--date={day}", "--db", str(db_path)]) == 2
    assert one_line_error(capsys.readouterr().err)
    assert entry_count(db_path) == 0


def test_a_huge_note_is_refused_whole(db_path, capsys):
    assert main(["add", "dm_sent", "--note", "x" * 5_000_000, "--db", str(db_path)]) == 2
    assert "longer than" in capsys.readouterr().err
    assert entry_count(db_path) == 0


@SHARED_FILES
@given(
    content=st.one_of(
        st.binary(min_size=1, max_size=4096),
        st.binary(max_size=8192).map(lambda b: SQLITE_MAGIC + b),
        st.text(min_size=1, max_size=2000).map(lambda t: t.encode("utf-16")),
    )
)
def test_random_bytes_as_the_database_give_exit_2_and_stay_as_they_were(tmp_path, capsys, content):
    path = tmp_path / "random.sqlite3"
    path.write_bytes(content)
    assert main(["add", "dm_sent", "--db", str(path)]) == 2
    assert one_line_error(capsys.readouterr().err)
    assert path.read_bytes() == content


@functools.cache
def healthy_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return healthy(Path(folder) / "ssi.sqlite3", entries=120).read_bytes()


@settings(SHARED_FILES, max_examples=int(os.environ.get("SSI_FUZZ_EXAMPLES", "30")))
@given(flips=st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1))
def test_a_damaged_database_is_refused_or_read_but_never_crashes(tmp_path, capsys, flips):
    damaged = bytearray(healthy_bytes())
    for offset, value in flips:
        damaged[offset % len(damaged)] = value
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(bytes(damaged))
    code = main(["score", "--json", "--db", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert one_line_error(err) and out == ""
        assert path.read_bytes() == bytes(damaged)


@SHARED_FILES
@given(content=st.binary(max_size=4096).map(lambda b: SQLITE_MAGIC + b) | st.binary(max_size=4096))
def test_restoring_random_bytes_changes_nothing(db_path, capsys, content):
    if not db_path.exists():
        assert main(["add", "dm_sent", "--db", str(db_path)]) == 0
    before = db_path.read_bytes()
    source = db_path.with_name("from-somewhere.sqlite3")
    source.write_bytes(content)
    assert main(["restore", str(source), "--db", str(db_path)]) == 2
    assert one_line_error(capsys.readouterr().err)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(".")) == []


def test_a_million_rows_of_something_else_are_refused_at_once(db_path, tmp_path, capsys):
    main(["add", "dm_sent", "--db", str(db_path)])
    big = tmp_path / "Connections.csv"
    big.write_bytes(f"Dana,Doe,ACME,{TODAY}\n".encode() * 1_000_000)
    assert main(["restore", str(big), "--db", str(db_path)]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    assert entry_count(db_path) == 1


@SHARED_FILES
@given(content=st.binary(max_size=4096) | st.binary(max_size=4096).map(lambda b: b"PK\x03\x04" + b))
def test_importing_random_bytes_as_an_archive_writes_nothing(db_path, capsys, content):
    if not db_path.exists():
        assert main(["add", "dm_sent", "--db", str(db_path)]) == 0
    before = entry_count(db_path)
    archive = db_path.with_name("Basic_LinkedInDataExport.zip")
    archive.write_bytes(content)
    assert main(["import", "linkedin", str(archive), "--db", str(db_path)]) == 2
    assert one_line_error(capsys.readouterr().err)
    assert entry_count(db_path) == before
