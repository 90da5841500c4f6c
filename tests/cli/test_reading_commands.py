"""`ssi reading add|list|delete` and `ssi calibrate`, run in-process on a temp database."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ssi_desktop.catalog import Pillar
from ssi_desktop.demo.readings import LINKEDIN_LIKE
from tests.cli.conftest import Ssi
from tests.conftest import TODAY

PAGE = ("--total", "40", "--brand", "10", "--people", "12.5", "--insights", "8.25")
FULL_PAGE = (*PAGE, "--relationships", "9")


def json_of(result: tuple[int, str, str]) -> Any:
    code, out, err = result
    assert code == 0, err
    return json.loads(out)


def test_a_reading_is_added_and_listed_as_json(ssi: Ssi) -> None:
    code, out, _ = ssi(
        "reading",
        "add",
        "--date",
        "2026-11-20",
        *FULL_PAGE,
        "--industry-rank",
        "8",
        "--network-rank",
        "12",
        "--industry-avg",
        "27.5",
        "--network-avg",
        "33",
    )

    assert code == 0 and "Recorded" in out and "2026-11-20" in out
    assert json_of(ssi("reading", "list", "--json")) == [
        {
            "date": "2026-11-20",
            "total": 40.0,
            "pillars": {"brand": 10.0, "people": 12.5, "insights": 8.25, "relationships": 9.0},
            "industry_rank": 8.0,
            "network_rank": 12.0,
            "industry_avg": 27.5,
            "network_avg": 33.0,
            # nothing logged: the estimate that day is its `ssi score`, the standing part
            "estimate": json_of(ssi("score", "--date", "2026-11-20", "--json"))["total"],
        }
    ]


def test_the_date_defaults_to_today_and_unknown_benchmarks_are_null(ssi: Ssi) -> None:
    ssi("reading", "add", *FULL_PAGE)

    (listed,) = json_of(ssi("reading", "list", "--json"))
    assert listed["date"] == TODAY.isoformat()
    assert listed["industry_rank"] is listed["network_avg"] is None


def test_a_second_reading_on_a_day_replaces_the_first_and_says_so(ssi: Ssi) -> None:
    ssi("reading", "add", "--date", "2026-11-20", *FULL_PAGE)
    code, out, _ = ssi(
        "reading",
        "add",
        "--date",
        "2026-11-20",
        "--total",
        "41",
        "--brand",
        "11",
        "--people",
        "12.5",
        "--insights",
        "8.25",
        "--relationships",
        "9",
    )

    assert code == 0 and "Replaced" in out and "SSI 40" in out and "SSI 41" in out
    assert [r["total"] for r in json_of(ssi("reading", "list", "--json"))] == [41.0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((*PAGE, "--relationships", "25.01"), "must be between 0 and 25"),
        (
            (
                "--total",
                "40",
                "--brand",
                "-1",
                "--people",
                "12.5",
                "--insights",
                "9.25",
                "--relationships",
                "19.25",
            ),
            "must be between 0 and 25",
        ),
        ((*PAGE, "--relationships", "12"), "does not match the pillars"),
        ((*FULL_PAGE, "--industry-rank", "100.5"), "industry rank"),
        ((*FULL_PAGE, "--network-rank", "-3"), "network rank"),
        ((*FULL_PAGE, "--industry-avg", "101"), "industry's average"),
        ((*FULL_PAGE, "--network-avg", "nan"), "'nan' is not a number"),
        ((*FULL_PAGE, "--date", "2026-11-25"), "in the future"),
        ((*FULL_PAGE, "--date", "20/11/2026"), "YYYY-MM-DD"),
        ((*FULL_PAGE, "--total", "forty"), "'forty' is not a number"),
        (PAGE, "--relationships"),
    ],
)
def test_bad_readings_are_one_line_on_stderr_exit_2_and_nothing_written(
    ssi: Ssi, args: tuple[str, ...], message: str
) -> None:
    code, out, err = ssi("reading", "add", *args)

    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1
    assert json_of(ssi("reading", "list", "--json")) == []


def test_delete_removes_a_reading_and_refuses_a_day_without_one(ssi: Ssi) -> None:
    ssi("reading", "add", "--date", "2026-11-20", *FULL_PAGE)

    code, out, _ = ssi("reading", "delete", "--date", "2026-11-20")
    assert code == 0 and "Deleted" in out
    code, _, err = ssi("reading", "delete", "--date", "2026-11-20")
    assert code == 2 and "no reading of 2026-11-20" in err
    assert json_of(ssi("reading", "list", "--json")) == []


def test_calibrate_with_too_few_readings_keeps_the_default(ssi: Ssi) -> None:
    ssi("reading", "add", "--date", "2026-11-20", *FULL_PAGE)
    ssi("reading", "add", "--date", "2026-11-21", *FULL_PAGE)

    result = json_of(ssi("calibrate", "--json"))
    assert result == {
        "enabled": True,
        "in_use": False,
        "readings": 2,
        "min_readings": 3,
        "scales": {p.value: 1.0 for p in Pillar},
        "standing_scales": {p.value: 1.0 for p in Pillar},
        "mae_before": result["mae_before"],
        "mae_after": result["mae_before"],
        "mae_after_measured_on": "fitted_readings",
        "status": "too_few_readings",
        "at_limit": {p.value: False for p in Pillar},
        "message": result["message"],
    }
    assert "at least 3" in result["message"]
    code, out, _ = ssi("calibrate")
    assert code == 0 and "at least 3" in out


@pytest.fixture
def demo_seller(ssi: Ssi) -> None:
    """Half a year of sample history and 13 readings taken from a known scale plus noise."""
    assert ssi("demo")[0] == 0


def test_calibrate_fits_the_demo_readings_and_shows_errors_before_and_after(
    ssi: Ssi, demo_seller: None
) -> None:
    result = json_of(ssi("calibrate", "--json"))

    assert result["enabled"] is result["in_use"] is True
    assert result["readings"] == 13
    assert result["status"] == "fitted"
    assert result["mae_after_measured_on"] == "held_out_readings"
    for pillar in Pillar:  # the noise is 0.4 points at most: the fit finds the readings
        fitted = result["scales"][pillar.value]
        assert (fitted - 1.0) * (LINKEDIN_LIKE.of(pillar) - 1.0) > 0  # moved the right way
        before = result["mae_before"][pillar.value]
        after = result["mae_after"][pillar.value]
        assert after < 0.4 and (after <= before or before < 0.4)
    code, out, _ = ssi("calibrate")
    assert code == 0 and all(p.label in out for p in Pillar) and "error before" in out


def test_the_switch_changes_score_and_trend_and_is_kept(ssi: Ssi, demo_seller: None) -> None:
    calibrated_score = json_of(ssi("score", "--json"))
    calibrated_trend = json_of(ssi("trend", "--days", "30", "--json"))

    assert json_of(ssi("calibrate", "--off", "--json"))["in_use"] is False
    default_score = json_of(ssi("score", "--json"))
    assert default_score != calibrated_score
    assert json_of(ssi("trend", "--days", "30", "--json")) != calibrated_trend

    ssi("calibrate", "--on")
    assert json_of(ssi("score", "--json")) == calibrated_score
    assert json_of(ssi("trend", "--days", "30", "--json")) == calibrated_trend


def test_on_and_off_together_are_refused(ssi: Ssi) -> None:
    code, _, err = ssi("calibrate", "--on", "--off")
    assert code == 2 and "not allowed with" in err


@pytest.mark.parametrize("rank", ["Top 9%", "9%", "9", "top 9 %"])
def test_ranks_are_taken_as_linkedin_shows_them(ssi: Ssi, rank: str) -> None:
    code, _, err = ssi(
        "reading", "add", *FULL_PAGE, "--industry-rank", rank, "--network-rank", rank
    )

    assert code == 0, err
    (listed,) = json_of(ssi("reading", "list", "--json"))
    assert (listed["industry_rank"], listed["network_rank"]) == (9.0, 9.0)


def test_decimal_commas_are_taken_as_a_german_or_portuguese_page_shows_them(ssi: Ssi) -> None:
    code, _, err = ssi(
        "reading",
        "add",
        *("--total", "53", "--brand", "20,998", "--people", "6,4", "--insights", "10,25"),
        *("--relationships", "15", "--industry-avg", "27,5"),
    )

    assert code == 0, err
    (listed,) = json_of(ssi("reading", "list", "--json"))
    assert listed["pillars"]["brand"] == 20.998 and listed["industry_avg"] == 27.5
