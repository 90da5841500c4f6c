"""`ssi network set|list` and what the network does to `ssi score`."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Ssi
from tests.conftest import TODAY


def total(ssi: Ssi, *date: str) -> float:
    code, out, _ = ssi("score", *date, "--json")
    assert code == 0
    return float(json.loads(out)["total"])


def test_set_then_list_and_the_score_follows_the_network(ssi: Ssi) -> None:
    assumed = total(ssi)
    code, out, _ = ssi("network", "set", "--connections", "2500", "--decision-makers", "400")
    assert code == 0 and "2,500 connections" in out and TODAY.isoformat() in out
    code, out, _ = ssi("network", "set", "--connections", "120", "--date", "2026-06-01")
    assert code == 0

    code, out, _ = ssi("network", "list", "--json")
    assert json.loads(out) == [
        {"date": "2026-06-01", "connections": 120, "followers": None, "decision_makers": None},
        {
            "date": TODAY.isoformat(),
            "connections": 2500,
            "followers": None,
            "decision_makers": 400,
        },
    ]
    assert total(ssi) > assumed > total(ssi, "--date", "2026-07-01")


def test_a_second_record_of_a_day_replaces_the_first_and_says_so(ssi: Ssi) -> None:
    ssi("network", "set", "--connections", "500")
    code, out, _ = ssi("network", "set", "--connections", "520", "--followers", "700")
    assert code == 0 and "replaces" in out
    code, out, _ = ssi("network", "list")
    assert out.count("\n") == 1 and "520 connections, 700 followers" in out


def test_an_empty_list_says_what_is_assumed(ssi: Ssi) -> None:
    code, out, _ = ssi("network", "list")
    assert code == 0 and "assumes 500 connections" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--connections", "-5"),
        ("--connections", "500", "--followers", "-1"),
        ("--connections", "99999999"),
        ("--connections", "500", "--decision-makers", "900"),
        ("--connections", "500", "--date", "2027-01-01"),
        ("--connections", "many"),
        ("--followers", "100"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(ssi: Ssi, args: tuple[str, ...]) -> None:
    code, out, err = ssi("network", "set", *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert json.loads(ssi("network", "list", "--json")[1]) == []
