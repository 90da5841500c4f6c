"""`ssi reading paste`: a copied SSI page or its JSON, saved and read back with `reading list`."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import Ssi
from tests.conftest import TODAY
from tests.reading_formats import pages


def listed(ssi: Ssi) -> Any:
    code, out, err = ssi("reading", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def paste(ssi: Ssi, tmp_path: Path, text: str, *options: str) -> tuple[int, str, str]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return ssi("reading", "paste", str(page), *options)


def test_a_copied_page_is_saved_for_today_and_listed(ssi: Ssi, tmp_path: Path) -> None:
    code, out, err = paste(ssi, tmp_path, pages.PAGE_CHROME)

    assert (code, err) == (0, "")
    assert "Recorded the official SSI 53" in out and TODAY.isoformat() in out
    (row,) = listed(ssi)
    assert row == {
        "date": TODAY.isoformat(),
        "total": 53.0,
        "pillars": {"brand": 21.01, "people": 6.4, "insights": 10.25, "relationships": 15.0},
        "industry_rank": 9.0,
        "network_rank": 12.0,
        "industry_avg": 27.0,
        "network_avg": 34.0,
        "estimate": row["estimate"],
    }


def test_standard_input_and_decimal_commas(ssi: Ssi, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(pages.PAGE_DECIMAL_COMMAS.encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stdin)

    code, _, err = ssi("reading", "paste", "--date", "2026-11-20")

    assert code == 0, err
    (row,) = listed(ssi)
    assert row["date"] == "2026-11-20"
    assert row["pillars"] == {
        "brand": 20.998,
        "people": 17.5,
        "insights": 14.125,
        "relationships": 20.4,
    }
    assert (row["network_rank"], row["industry_avg"]) == (1.5, 31.5)


def test_the_payload_is_saved_with_every_decimal(ssi: Ssi, tmp_path: Path) -> None:
    code, out, err = paste(ssi, tmp_path, pages.as_json(pages.PAYLOAD_WRAPPED), "--json")

    assert code == 0, err
    printed = json.loads(out)
    (row,) = listed(ssi)
    assert printed == row
    assert row["total"] == 19.706
    assert row["pillars"] == {
        "brand": 13.118002,
        "people": 3.6800003,
        "insights": 0.29999998,
        "relationships": 2.6077502,
    }
    assert (row["industry_rank"], row["network_avg"]) == (75.0, 24.110351)


def test_a_dry_run_prints_the_reading_and_writes_nothing(
    ssi: Ssi, tmp_path: Path, db_path: Path
) -> None:
    code, out, _ = paste(ssi, tmp_path, pages.PAGE_NUMBERS_FIRST, "--dry-run")

    assert code == 0 and not db_path.exists()
    assert "Would record the official SSI 20" in out and "brand 13.118" in out
    assert "nothing was written" in out
    assert listed(ssi) == []


def test_a_dry_run_on_a_day_with_a_reading_says_it_would_replace_it(
    ssi: Ssi, tmp_path: Path
) -> None:
    paste(ssi, tmp_path, pages.PAGE_NUMBERS_FIRST)

    code, out, _ = paste(ssi, tmp_path, pages.PAGE_CHROME, "--dry-run", "--json")
    assert code == 0 and json.loads(out)["total"] == 53.0
    code, out, _ = paste(ssi, tmp_path, pages.PAGE_CHROME, "--dry-run")
    assert code == 0 and out.startswith("Would replace the official SSI 20 of that day with SSI 53")
    assert [row["total"] for row in listed(ssi)] == [20.0]


def test_a_second_paste_on_a_day_replaces_the_first_and_says_so(ssi: Ssi, tmp_path: Path) -> None:
    paste(ssi, tmp_path, pages.PAGE_NUMBERS_FIRST)

    code, out, _ = paste(ssi, tmp_path, pages.PAGE_CHROME)

    assert code == 0 and "Replaced the official SSI 20" in out
    assert [row["total"] for row in listed(ssi)] == [53.0]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Your Social Selling Index\nTop 9%\n", 'missing the total ("N out of 100")'),
        ("40 out of 100\nFind the right people 10\n", '"Build relationships"'),
        ('{"memberScore": {"overall": 40}}', "missing the pillars"),
    ],
)
def test_no_reading_is_one_line_exit_2_and_nothing_written(
    ssi: Ssi, tmp_path: Path, text: str, named: str
) -> None:
    code, out, err = paste(ssi, tmp_path, text)

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and named in err
    assert listed(ssi) == []


def test_a_reading_whose_total_does_not_match_is_refused(ssi: Ssi, tmp_path: Path) -> None:
    page = pages.PAGE_CHROME.replace("53\nout of 100", "80\nout of 100")

    code, _, err = paste(ssi, tmp_path, page)

    assert code == 2 and "does not match the pillars" in err
    assert listed(ssi) == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "cannot read"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00garbage\x00"), "not text in UTF-8"),
        (lambda p: p.mkdir(), "cannot read"),
    ],
)
def test_an_unreadable_file_is_one_line(ssi: Ssi, tmp_path: Path, setup: Any, message: str) -> None:
    target = tmp_path / "page.txt"
    setup(target)

    code, _, err = ssi("reading", "paste", str(target))

    assert code == 2 and message in err and err.count("\n") == 1


def test_a_future_date_is_refused(ssi: Ssi, tmp_path: Path, db_path: Path) -> None:
    code, _, err = paste(ssi, tmp_path, pages.PAGE_CHROME, "--date", "2099-01-01")

    assert code == 2 and "in the future" in err
    assert not db_path.exists() or listed(ssi) == []
