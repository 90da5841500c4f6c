"""`ssi plan`, `ssi forecast`, `ssi target`, `ssi streaks` and `ssi rest`, end to end."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.habits.default_plan import default_plan
from tests.cli.test_cli import as_json
from tests.conftest import TODAY

SOME_HISTORY = [
    ("comment_thoughtful", "3", "2026-11-24"),
    ("dm_sent", "5", "2026-11-20"),
    ("post_published", "1", "2026-10-30"),
    ("profile_viewed", "12", "2026-09-15"),
]


def log_history(ssi) -> None:
    for key, count, day in SOME_HISTORY:
        assert ssi("add", key, "--count", count, "--date", day)[0] == 0


def test_plan_ranks_every_action_and_the_top_one_raises_the_score_by_its_gain(ssi):
    log_history(ssi)
    plan = as_json(ssi("plan", "--json"))
    assert sorted(item["key"] for item in plan) == sorted(a.key for a in ACTIONS)
    gains = [item["gain"] for item in plan]
    assert gains == sorted(gains, reverse=True)
    for top in plan[:3]:  # each step: log the current top action, see the gain it promised
        before = as_json(ssi("score", "--json"))["total"]
        best = as_json(ssi("plan", "--json"))[0]
        assert ssi("add", best["key"])[0] == 0
        after = as_json(ssi("score", "--json"))["total"]
        assert after - before == pytest.approx(best["gain"], abs=0.01)
        assert best["gain"] > 0 and top["gain"] > 0
    code, out, _ = ssi("plan")
    assert code == 0 and f"{as_json(ssi('plan', '--json'))[0]['gain']:+5.2f}" in out


def test_the_gain_holds_at_the_calibration_in_use(ssi):
    """Calibrated to readings before today, the gain shown is exactly what logging adds."""
    log_history(ssi)
    for back, pillars in ((28, (6, 3, 9, 5)), (14, (7, 4, 10, 6)), (1, (9, 5, 12, 8))):
        day = (TODAY - dt.timedelta(days=back)).isoformat()
        brand, people, insights, relationships = (str(p) for p in pillars)
        total = str(sum(pillars))
        assert ssi("reading", "add", "--date", day, "--total", total, "--brand", brand,
                   "--people", people, "--insights", insights,
                   "--relationships", relationships)[0] == 0  # fmt: skip
    for _step in range(2):
        before = as_json(ssi("score", "--json"))["total"]
        best = as_json(ssi("plan", "--json"))[0]
        assert ssi("add", best["key"])[0] == 0
        after = as_json(ssi("score", "--json"))["total"]
        assert after - before == pytest.approx(best["gain"], abs=1e-9)


def test_forecast_shows_30_and_90_days_or_every_day_up_to_n(ssi):
    log_history(ssi)
    default = as_json(ssi("forecast", "--json"))
    assert [p["date"] for p in default["points"]] == [
        (TODAY + dt.timedelta(days=n)).isoformat() for n in (30, 90)
    ]
    assert default["pace_to"] == TODAY.isoformat()
    daily = as_json(ssi("forecast", "--days", "5", "--json"))
    assert len(daily["points"]) == 5
    for point in daily["points"]:
        assert point["total"] == pytest.approx(sum(point["pillars"].values()))
    code, out, err = ssi("forecast", "--days", "0")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--days" in err


def test_targets_set_list_reset_and_streaks(ssi):
    assert ssi("target", "set", "comment_thoughtful", "2", "--per", "day")[0] == 0
    assert ssi("target", "set", "post_published", "2", "--per", "week")[0] == 0
    for offset in (1, 2):
        day = (TODAY - dt.timedelta(days=offset)).isoformat()
        assert ssi("add", "comment_thoughtful", "--count", "2", "--date", day)[0] == 0
    assert ssi("add", "post_published")[0] == 0
    listed = as_json(ssi("target", "list", "--json"))
    assert [(t["key"], t["count"], t["per"], t["done"], t["met"]) for t in listed] == [
        ("post_published", 2, "week", 1, False),
        ("comment_thoughtful", 2, "day", 0, False),
    ]
    streaks = as_json(ssi("streaks", "--json"))
    comments = next(s for s in streaks if s["key"] == "comment_thoughtful")
    assert (comments["current"], comments["best"], comments["open"]) == (2, 2, True)

    assert ssi("target", "reset")[0] == 0
    reset = as_json(ssi("target", "list", "--json"))
    assert [(t["key"], t["count"], t["per"]) for t in reset] == [
        (t.key, t.count, t.per.value) for t in default_plan().targets
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("target", "set", "no_such_action", "2", "--per", "day"),
        ("target", "set", "dm_sent", "0", "--per", "day"),
        ("target", "set", "dm_sent", "2", "--per", "month"),
        ("rest", "add", "2026-12-24", "--to", "2026-12-20"),
        ("rest", "add", "24/12/2026"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(ssi, args):
    code, out, err = ssi(*args)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert as_json(ssi("target", "list", "--json")) == []
    assert as_json(ssi("rest", "list", "--json")) == []


def test_rest_days_freeze_a_streak(ssi):
    assert ssi("target", "set", "dm_sent", "1", "--per", "day")[0] == 0
    for offset in (4, 1):
        day = (TODAY - dt.timedelta(days=offset)).isoformat()
        assert ssi("add", "dm_sent", "--date", day)[0] == 0
    [before] = as_json(ssi("streaks", "--json"))
    assert before["current"] == 1
    first = (TODAY - dt.timedelta(days=3)).isoformat()
    last = (TODAY - dt.timedelta(days=2)).isoformat()
    assert ssi("rest", "add", first, "--to", last, "--note", "trip")[0] == 0
    [after] = as_json(ssi("streaks", "--json"))
    assert after["current"] == 2
    assert as_json(ssi("rest", "list", "--json")) == [
        {"date": first, "note": "trip"},
        {"date": last, "note": "trip"},
    ]
