"""The adversarial review's attacks on the importer, each in a real `ssi` process.

Memory is the child's own peak RSS (resource.getrusage), printed by a tiny wrapper around
``ssi``'s main(); the worst archives are written on the fly (tests/importers/hostile_archives.py).
"""

from __future__ import annotations

import json
import os
import struct
import zipfile
from pathlib import Path

import pytest

from ssi_desktop.importers.linkedin.archive import MAX_MEMBERS
from ssi_desktop.importers.linkedin.csvread import SKIP_OVERSIZED
from ssi_desktop.importers.linkedin.reader import SKIP_TOO_MANY

from . import archive_factory as factory
from .hostile_archives import WORST, run_ssi

MEMORY_LIMIT_MB = 300


# Full size where reading is quick; the row floods at a fifth (still past the row cap).
SCALES = {
    "continuation lines": 1.0,
    "one 100 MB line": 1.0,
    "no newline": 1.0,
    "unclosed quote": 1.0,
    "3 million rows": 0.2,
    "2 million messages": 0.2,
    "unique wide messages": 1.0,
    "unique wide connections": 1.0,
}
EXPECTED_SKIP = {
    "continuation lines": SKIP_OVERSIZED,
    "one 100 MB line": SKIP_OVERSIZED,
    "no newline": SKIP_OVERSIZED,
    "unclosed quote": SKIP_OVERSIZED,
    "3 million rows": SKIP_TOO_MANY,
    "2 million messages": SKIP_TOO_MANY,
    "unique wide messages": SKIP_TOO_MANY,
    "unique wide connections": SKIP_TOO_MANY,
}
SLOW = {"3 million rows", "unique wide messages", "unique wide connections"}


@pytest.mark.parametrize(
    "attack",
    [pytest.param(name, marks=pytest.mark.slow) if name in SLOW else name for name in WORST],
)
def test_the_worst_archives_import_in_bounded_memory(tmp_path: Path, attack: str) -> None:
    archive = tmp_path / "attack.zip"
    WORST[attack](archive, SCALES[attack])
    code, out, err, peak = run_ssi(
        "import", "linkedin", str(archive), "--json", "--db", str(tmp_path / "x.db")
    )
    assert code == 0, err
    assert 0 < peak <= MEMORY_LIMIT_MB, f"{attack}: peak {peak} MB"
    summary = json.loads(out)
    assert summary["skipped"][EXPECTED_SKIP[attack]] >= 1
    assert summary["problems"] == []


def test_the_row_after_an_oversized_one_still_counts(tmp_path: Path) -> None:
    archive = tmp_path / "attack.zip"
    WORST["continuation lines"](archive, 0.05)
    code, out, err, _peak = run_ssi(
        "import", "linkedin", str(archive), "--json", "--dry-run", "--db", str(tmp_path / "x.db")
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["entries"] == 1
    assert summary["first_day"] == "2024-03-02"


def _refused(tmp_path: Path, target: Path, words: str) -> None:
    code, out, err, _peak = run_ssi(
        "import", "linkedin", str(target), "--db", str(tmp_path / "x.db"), timeout=30
    )
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and words in err, err
    assert "Traceback" not in err


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "archive.zip"
    os.mkfifo(fifo)
    _refused(tmp_path, fifo, "named pipe")


def test_a_device_is_refused_before_reading_a_byte(tmp_path: Path) -> None:
    _refused(tmp_path, Path("/dev/zero"), "device")


def test_a_symlink_to_a_device_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "Basic_LinkedInDataExport.zip"
    link.symlink_to("/dev/zero")
    _refused(tmp_path, link, "device")


def test_a_pipe_inside_an_unpacked_folder_is_not_read(tmp_path: Path) -> None:
    folder = factory.write_folder(tmp_path / "export", {"Shares.csv": "Date,ShareLink\n"})
    os.mkfifo(folder / "Comments.csv")
    code, out, err, _peak = run_ssi(
        "import", "linkedin", str(folder), "--json", "--db", str(tmp_path / "x.db"), timeout=30
    )
    assert code == 0, err
    assert "Comments" not in json.loads(out)["files"]


def _set_encrypted_flag(path: Path) -> None:
    """Mark every entry encrypted (flag bit 0), as `zip -e` does, in both ZIP headers."""
    data = bytearray(path.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            (flags,) = struct.unpack_from("<H", data, found + flag_offset)
            struct.pack_into("<H", data, found + flag_offset, flags | 1)
            start = found + 4
    path.write_bytes(bytes(data))


def test_a_password_protected_archive_is_refused(tmp_path: Path) -> None:
    archive = factory.write_zip(
        tmp_path / "locked.zip",
        {"Reactions.csv": "Date,Type,Link\n2024-01-01 10:00:00,LIKE,https://x/1\n"},
    )
    _set_encrypted_flag(archive)
    with zipfile.ZipFile(archive) as opened:
        assert opened.infolist()[0].flag_bits & 1
    _refused(tmp_path, archive, "password-protected")


def test_a_zip_listing_too_many_files_is_refused_before_its_list_is_read(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Reactions.csv", "Date,Type,Link\n2024-01-01 10:00:00,LIKE,https://x/1\n")
        for index in range(MAX_MEMBERS):
            zf.writestr(f"{index}", b"")
    _refused(tmp_path, archive, "50,001 files")


def test_a_zip_of_enormous_file_names_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "names.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("Reactions.csv", "Date,Type,Link\n2024-01-01 10:00:00,LIKE,https://x/1\n")
        for index in range(300):
            zf.writestr(f"{index:05d}" + "n" * 60_000, b"")
    _refused(tmp_path, archive, "a LinkedIn archive holds a few hundred")


def test_a_folder_of_too_many_files_is_refused(tmp_path: Path) -> None:
    folder = factory.write_folder(tmp_path / "export", {"Shares.csv": "Date,ShareLink\n"})
    for index in range(MAX_MEMBERS):
        (folder / f"{index}.txt").touch()
    _refused(tmp_path, folder, "more than 50,000 files")
