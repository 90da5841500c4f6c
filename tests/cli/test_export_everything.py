"""`ssi export`: the JSON holds everything the seller owns, `--everything` writes a folder of
CSV files, and an export to a file says where it went."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssi_desktop.cli.main import main
from ssi_desktop.store.export_all import FILES
from tests.cli.conftest import Ssi

LOG_KEYS = {"app", "version", "exported_at", "entries", "profile", "accounts", "contacts",
            "posts", "conversations", "outcomes"}  # fmt: skip


@pytest.fixture
def owned(ssi: Ssi) -> Ssi:
    """One of each kind the seller owns."""
    for command in (
        ("add", "reaction", "--count", "2", "--note", "=cmd"),
        ("reading", "add", "--date", "2026-11-20", "--total", "40", "--brand", "10",
         "--people", "12.5", "--insights", "8.25", "--relationships", "9", "--industry-rank", "9"),
        ("profile", "set", "photo", "--done", "--date", "2026-11-01"),
        ("target", "set", "reaction", "3", "--per", "day"),
        ("rest", "add", "2026-11-10", "--note", "holiday"),
        ("account", "add", "Northwind", "--target"),
        ("contact", "add", "Dana Reyes", "--account", "Northwind", "--decision-maker"),
        ("post", "add", "--views", "1000", "--engagers", "20"),
        ("conversation", "add", "--contact", "1"),
        ("outcome", "add", "meeting", "--contact", "1"),
        ("network", "set", "--connections", "640", "--date", "2026-11-05"),
    ):  # fmt: skip
        code, _, err = ssi(*command)
        assert code == 0, (command, err)
    return ssi


def test_the_json_keeps_the_log_keys_and_adds_the_rest(owned: Ssi) -> None:
    code, out, _ = owned("export", "--format", "json")

    document = json.loads(out)
    assert code == 0 and set(document) >= LOG_KEYS
    assert document["readings"] == [
        {
            "date": "2026-11-20",
            "total": 40.0,
            "pillars": {"brand": 10.0, "people": 12.5, "insights": 8.25, "relationships": 9.0},
            "industry_rank": 9.0,
            "network_rank": None,
            "industry_avg": None,
            "network_avg": None,
        }
    ]
    assert document["targets"] == [{"key": "reaction", "count": 3, "per": "day"}]
    assert document["rest_days"] == [{"date": "2026-11-10", "note": "holiday"}]
    assert document["profile"] == [{"item": "photo", "date": "2026-11-01", "done": True}]
    assert document["network"] == [
        {"date": "2026-11-05", "connections": 640, "followers": None, "decision_makers": None}
    ]
    for kind in ("entries", "accounts", "contacts", "posts", "conversations", "outcomes"):
        assert len(document[kind]) == 1, kind


def test_everything_as_one_csv_per_kind(owned: Ssi, tmp_path: Path) -> None:
    folder = tmp_path / "export"

    code, out, err = owned("export", "--format", "csv", "--everything", "--out", str(folder))

    assert code == 0 and out == ""
    assert err == f"Wrote 11 files to {folder}: {', '.join(FILES)}.\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    for name in FILES:
        _, *rows = (folder / name).read_text(encoding="utf-8").splitlines()
        assert len(rows) == 1, name
    assert (folder / "log.csv").read_bytes().decode("utf-8") == owned("export")[1]
    assert "'=cmd" in (folder / "log.csv").read_text(encoding="utf-8")  # neutralised
    assert (folder / "rest_days.csv").read_bytes().endswith(b"2026-11-10,holiday\r\n")


def test_the_readings_file_of_everything_imports_into_another_database(
    owned: Ssi, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "export"
    owned("export", "--everything", "--out", str(folder))
    other = str(tmp_path / "other.sqlite3")

    assert main(["reading", "import", str(folder / "readings.csv"), "--db", other]) == 0
    capsys.readouterr()
    assert main(["reading", "list", "--json", "--db", other]) == 0
    imported = json.loads(capsys.readouterr().out)
    original = json.loads(owned("reading", "list", "--json")[1])
    for row in (*imported, *original):
        del row["estimate"]  # the other database has no log to estimate from
    assert imported == original


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--everything",), "name it with --out FOLDER"),
        (("--everything", "--format", "json", "--out", "x"), "use it with --format csv"),
    ],
)
def test_everything_needs_a_folder_and_csv(
    ssi: Ssi, options: tuple[str, ...], message: str
) -> None:
    code, out, err = ssi("export", *options)

    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_everything_into_a_file_is_refused(ssi: Ssi, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("mine", encoding="utf-8")

    code, _, err = ssi("export", "--everything", "--out", str(tmp_path / "taken"))

    assert code == 2 and "is a file, not a folder" in err
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("fmt", "what"), [("csv", "the log as CSV"), ("json", "everything as JSON")]
)
def test_an_export_to_a_file_says_where_it_went(
    owned: Ssi, tmp_path: Path, fmt: str, what: str
) -> None:
    target = tmp_path / f"out.{fmt}"

    code, out, err = owned("export", "--format", fmt, "--out", str(target))

    assert code == 0 and out == ""
    assert err == f"Wrote {what} to {target}.\n"
    assert target.stat().st_size > 0


def test_an_export_to_standard_output_prints_only_the_export(owned: Ssi) -> None:
    code, out, err = owned("export", "--format", "json")

    assert code == 0 and err == "" and json.loads(out)
