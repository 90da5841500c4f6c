"""`ssi reading import|export`: the readings file, imported twice, with conflicts and bad rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Ssi

HEADER = (
    "date,total,brand,people,insights,relationships,"
    "industry_rank,network_rank,industry_avg,network_avg\n"
)
GOOD = (
    HEADER + "2026-11-01,52,20.5,6.25,10,15.1,Top 9%,12,27,34\n"
    "2026-11-08,53,21.01,6.4,10.25,15,9,12,27.5,34\n"
    "2026-11-15,20,13.118002,3.6800003,0.29999998,2.6077502,,,,\n"
)


def listed(ssi: Ssi) -> Any:
    code, out, err = ssi("reading", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def write(tmp_path: Path, text: str, name: str = "readings.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_file_is_imported_once_and_a_second_import_adds_nothing(ssi: Ssi, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)

    first = ssi("reading", "import", path)
    second = ssi("reading", "import", path)

    assert first[0] == 0 and "Imported 3 new readings" in first[1]
    assert second[0] == 0 and "Imported 0 new readings" in second[1]
    assert "3 rows already stored" in second[1]
    rows = listed(ssi)
    assert [row["date"] for row in rows] == ["2026-11-01", "2026-11-08", "2026-11-15"]
    assert rows[0]["industry_rank"] == 9.0 and rows[2]["pillars"]["brand"] == 13.118002


def test_export_then_import_into_another_database_gives_the_same_readings(
    ssi: Ssi, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ssi_desktop.cli.main import main

    ssi("reading", "import", write(tmp_path, GOOD))
    out = tmp_path / "out.csv"

    code, stdout, err = ssi("reading", "export", "--out", str(out))

    assert code == 0 and stdout == "" and f"Wrote 3 readings to {out}" in err
    other = tmp_path / "other.sqlite3"
    assert main(["reading", "import", str(out), "--db", str(other)]) == 0
    assert main(["reading", "list", "--json", "--db", str(other)]) == 0
    capsys.readouterr()
    assert main(["reading", "export", "--db", str(other)]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_a_semicolon_file_with_decimal_commas_and_other_column_names(
    ssi: Ssi, tmp_path: Path
) -> None:
    text = (
        "Datum;SSI;Establish your professional brand;Find the right people;"
        "Engage with insights;Build relationships;Industry SSI rank;Industry average\n"
        "2026-11-20;53;20,998;6,4;10,25;15;Top 4%;31,5\n"
    )

    code, _, err = ssi("reading", "import", write(tmp_path, text.replace("Datum", "Date")))

    assert code == 0, err
    (row,) = listed(ssi)
    assert row["pillars"]["brand"] == 20.998
    assert (row["industry_rank"], row["industry_avg"]) == (4.0, 31.5)


def test_a_row_unlike_the_stored_reading_of_its_day_is_reported_not_written(
    ssi: Ssi, tmp_path: Path
) -> None:
    ssi("reading", "import", write(tmp_path, GOOD))
    changed = GOOD.replace("2026-11-08,53,21.01", "2026-11-08,54,22.01").replace(
        "2026-11-15", "2026-11-16"
    )

    code, out, _ = ssi("reading", "import", write(tmp_path, changed, "changed.csv"))

    assert code == 0
    assert "Imported 1 new reading " in out and "1 row already stored" in out
    assert "Left out 1 row unlike the stored reading" in out and "line 3" in out
    assert {row["date"]: row["total"] for row in listed(ssi)}["2026-11-08"] == 53.0

    code, out, _ = ssi(
        "reading", "import", write(tmp_path, changed, "changed.csv"), "--replace", "--json"
    )

    assert code == 0
    report = json.loads(out)
    assert (report["added"], report["replaced"], report["unchanged"]) == (0, 1, 2)
    assert report["conflicts"] == [
        {"line": 3, "date": "2026-11-08", "stored_total": 53.0, "file_total": 54.0}
    ]
    assert {row["date"]: row["total"] for row in listed(ssi)}["2026-11-08"] == 54.0


def test_a_file_with_bad_rows_writes_nothing_and_lists_them(ssi: Ssi, tmp_path: Path) -> None:
    bad = GOOD + "2026-11-22,80,20,6,10,15,,,,\n" + "not a date,1,1,0,0,0,,,,\n"
    path = write(tmp_path, bad)

    code, out, err = ssi("reading", "import", path)

    assert code == 2 and out == ""
    assert "has 2 bad rows, so nothing was imported" in err
    assert "line 5: the total 80 does not match the pillars" in err
    assert "line 6: 'not a date' is not a date" in err
    assert listed(ssi) == []

    code, out, _ = ssi("reading", "import", path, "--skip-bad")

    assert code == 0 and "Imported 3 new readings" in out and "2 bad rows skipped" in out
    assert len(listed(ssi)) == 3


def test_two_different_rows_for_one_day_are_a_bad_row(ssi: Ssi, tmp_path: Path) -> None:
    text = GOOD + "2026-11-01,52,21,6.25,10,15.1,,,,\n"

    code, _, err = ssi("reading", "import", write(tmp_path, text))

    assert code == 2 and "line 5: another reading of 2026-11-01 than line 2" in err


def test_a_dry_run_and_json_report_without_writing(ssi: Ssi, tmp_path: Path, db_path: Path) -> None:
    code, out, _ = ssi("reading", "import", write(tmp_path, GOOD), "--dry-run", "--json")

    assert code == 0 and not db_path.exists()
    report = json.loads(out)
    assert (report["added"], report["unchanged"], report["bad_rows"]) == (3, 0, [])
    assert listed(ssi) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("date,total\n2026-11-01,40\n", "lacks the columns brand, people"),
    ],
)
def test_a_file_that_is_not_a_readings_file_is_one_line(
    ssi: Ssi, tmp_path: Path, text: str, message: str
) -> None:
    code, _, err = ssi("reading", "import", write(tmp_path, text))

    assert code == 2 and message in err and err.count("\n") == 1


def test_a_missing_file_is_one_line(ssi: Ssi, tmp_path: Path) -> None:
    code, _, err = ssi("reading", "import", str(tmp_path / "nope.csv"))

    assert code == 2 and "cannot read" in err and "No such file" in err
