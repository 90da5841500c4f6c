"""The CLI explains itself: counts in the right number, a header over `ssi trend`, a "did you
mean" for a mistyped action, and the profile's real dates."""

from __future__ import annotations

import json

import pytest

from ssi_desktop.catalog import PROFILE_ITEM_BY_KEY, similar_keys
from tests.cli.conftest import Ssi
from tests.conftest import TODAY


def test_profile_list_says_1_point_and_1_5_points(ssi: Ssi) -> None:
    code, out, _ = ssi("profile", "list")

    assert code == 0 and "(1 points)" not in out
    one = [key for key, item in PROFILE_ITEM_BY_KEY.items() if item.points == 1]
    for line in out.splitlines():
        key = line[4:].split()[0]
        assert ("(1 point)" in line) == (key in one), line


def test_calibrate_counts_readings_in_the_right_number(ssi: Ssi) -> None:
    code, out, _ = ssi("calibrate")
    assert code == 0 and "0 official readings" in out and "(s)" not in out

    ssi("reading", "add", *("--total", "40", "--brand", "10", "--people", "12.5"),
        *("--insights", "8.25", "--relationships", "9"))  # fmt: skip
    assert "1 official reading:" in ssi("calibrate")[1]


def test_the_forecast_says_in_1_day(ssi: Ssi) -> None:
    ssi("add", "comment_thoughtful", "--count", "3")

    code, out, _ = ssi("forecast", "--days", "1")

    assert code == 0 and "in   1 day " in out and "1 days" not in out


def test_trend_has_a_header_naming_its_columns_and_json_is_unchanged(ssi: Ssi) -> None:
    ssi("add", "comment_thoughtful", "--count", "3")

    code, out, _ = ssi("trend", "--days", "3")
    header, *rows = out.splitlines()

    assert code == 0
    assert header.split() == ["date", "SSI", "brand", "people", "insights", "relationships"]
    assert len(rows) == 3 and rows[-1].startswith(TODAY.isoformat())
    assert all(len(row.split()) == 6 for row in rows)
    listed = json.loads(ssi("trend", "--days", "3", "--json")[1])
    assert set(listed[0]) >= {"date", "total", "pillars"}
    assert [f"{day['total']:.1f}" for day in listed] == [row.split()[1] for row in rows]


@pytest.mark.parametrize("typed", ["Reaction", "REACTION", " reaction ", "Comment-Thoughtful"])
def test_action_keys_are_matched_whatever_their_case(ssi: Ssi, typed: str) -> None:
    code, _, err = ssi("add", typed)

    assert code == 0, err
    assert json.loads(ssi("log", "--json")[1])[0]["key"] == typed.strip().lower().replace("-", "_")


def test_a_mistyped_action_gets_a_did_you_mean_and_nothing_is_written(ssi: Ssi) -> None:
    code, out, err = ssi("add", "comment")

    assert code == 2 and out == ""
    assert "did you mean: comment_thoughtful, comment_short?" in err
    assert err.count("\n") == 1
    assert json.loads(ssi("log", "--json")[1]) == []


def test_target_keys_get_the_same_help(ssi: Ssi) -> None:
    assert ssi("target", "set", "Reaction", "3", "--per", "day")[0] == 0
    code, _, err = ssi("target", "set", "reacton", "3", "--per", "day")
    assert code == 2 and "did you mean: reaction?" in err


def test_similar_keys_finds_nothing_for_nonsense() -> None:
    assert similar_keys("xyzzy") == []
    assert similar_keys("dm") == ["dm_sent", "dm_reply_received"]


def test_marking_a_done_item_done_again_tells_the_truth(ssi: Ssi) -> None:
    ssi("profile", "set", "photo", "--done", "--date", "2026-11-01")

    code, out, _ = ssi("profile", "set", "photo", "--done")

    assert code == 0
    assert out == "photo: already done since 2026-11-01; nothing changed.\n"
    (photo,) = [i for i in json.loads(ssi("profile", "list", "--json")[1]) if i["item"] == "photo"]
    assert (photo["done"], photo["since"]) == (True, "2026-11-01")
    assert "done since 2026-11-01" in ssi("profile", "list")[1]


def test_a_change_before_a_later_one_says_until_when(ssi: Ssi) -> None:
    ssi("profile", "set", "banner", "--done", "--date", "2026-11-10")
    ssi("profile", "set", "banner", "--undone", "--date", "2026-11-20")
    code, out, _ = ssi("profile", "set", "banner", "--done", "--date", "2026-11-05")

    assert code == 0
    assert out == "banner: done from 2026-11-05 until 2026-11-20, when it was marked not done.\n"


def test_a_post_with_one_engager_and_one_comment(ssi: Ssi) -> None:
    ssi("post", "add", "--views", "1", "--engagers", "1", "--comments", "1", "--title", "Hello")

    code, out, _ = ssi("post", "list")

    assert code == 0 and out.split() == ["1", TODAY.isoformat(), "1", "view", "1", "engager",
                                         "1", "comment", "Hello"]  # fmt: skip


def test_a_demo_of_one_day_works_and_counts_right(ssi: Ssi) -> None:
    code, out, err = ssi("demo", "--days", "1")

    assert code == 0, err
    assert "1 sample official reading," in out
    assert len(json.loads(ssi("reading", "list", "--json")[1])) == 1


def test_an_import_summary_of_one_of_each_is_singular() -> None:
    from ssi_desktop.cli.import_commands import describe

    summary = {
        "archive": "archive.zip",
        "first_day": "2026-11-01",
        "last_day": "2026-11-01",
        "entries": 1,
        "sources": {"connections": 1, "comments": 2},
        "actions": {},
        "profile_items": [],
        "skipped": {},
        "added": 1,
        "already_known": 1,
        "dry_run": False,
        "batch": 3,
    }

    text = "\n".join(describe(summary))

    assert "1 action from" in text and "1 connection," in text and "2 comments" in text
    assert "Added 1 entry as import #3 (1 was already in your log)" in text
