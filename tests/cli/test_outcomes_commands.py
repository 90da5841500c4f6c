"""`ssi account|contact|conversation|post|engagement|outcome`, and `ssi add --contact`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ssi_desktop.cli.main import main


def ssi(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--db", str(db_path)])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], db_path: Path, *args: str) -> Any:
    code, out, _ = ssi(capsys, db_path, *args, "--json")
    assert code == 0
    return json.loads(out)


def test_engagement_contract(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    assert ssi(capsys, db_path, "post", "add", "--views", "1000", "--engagers", "20")[0] == 0
    assert as_json(capsys, db_path, "engagement") == {
        "posts": [
            {
                "id": 1,
                "date": "2026-11-24",
                "title": "",
                "views": 1000,
                "engagers": 20,
                "comments": 0,
                "engagement_rate": 2.0,
            }
        ],
        "average_rate_90d": 2.0,
        "target_rate": 1.5,
    }


def test_engagement_without_posts_has_no_average(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    report = as_json(capsys, db_path, "engagement")
    assert report == {"posts": [], "average_rate_90d": None, "target_rate": 1.5}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["post", "add", "--views", "0", "--engagers", "0"], "views must be at least 1"),
        (["post", "add", "--views", "10", "--engagers", "11"], "more than the 10 views"),
        (["post", "add", "--views", "10", "--engagers", "1", "--date", "2027-01-01"], "future"),
        (["outcome", "add", "lunch"], "unknown outcome 'lunch'"),
        (["outcome", "add", "meeting", "--value", "300"], "a meeting has no value"),
        (["outcome", "add", "deal", "--value", "-5"], "zero or more"),
        (["account", "add", " "], "name is empty"),
        (["contact", "add", " ", "--account", "Acme"], "name is empty"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, args: list[str], message: str
) -> None:
    code, out, err = ssi(capsys, db_path, *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert out == ""
    assert not db_path.exists()


def test_an_amount_with_thousands_separators_is_read(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = ssi(capsys, db_path, "outcome", "add", "Deal-Won", "--value", "12,500.50")
    assert code == 0
    assert "12,500.50" in out
    (row,) = as_json(capsys, db_path, "outcome", "list")
    assert (row["kind"], row["value"]) == ("deal_won", 12500.5)


def test_a_seller_session_from_account_to_deal(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert ssi(capsys, db_path, "account", "add", "Acme", "--target", "--note", "ICP")[0] == 0
    assert ssi(capsys, db_path, "account", "add", "Globex")[0] == 0
    code, _, err = ssi(capsys, db_path, "account", "add", "ACME")
    assert code == 2 and "already an account named 'Acme'" in err
    assert (
        ssi(
            capsys,
            db_path,
            "contact",
            "add",
            "Ann",
            "--account",
            "acme",
            "--role",
            "CFO",
            "--decision-maker",
        )[0]
        == 0
    )
    assert ssi(capsys, db_path, "contact", "add", "Ned", "--account", "2")[0] == 0
    code, _, err = ssi(capsys, db_path, "contact", "add", "Zed", "--account", "Initech")
    assert code == 2 and "no account 'Initech'" in err

    assert as_json(capsys, db_path, "account", "list") == [
        {
            "id": 1,
            "name": "Acme",
            "target": True,
            "note": "ICP",
            "contacts": 1,
            "decision_makers": 1,
        },
        {
            "id": 2,
            "name": "Globex",
            "target": False,
            "note": "",
            "contacts": 1,
            "decision_makers": 0,
        },
    ]
    contacts = as_json(capsys, db_path, "contact", "list")
    assert [(c["name"], c["account"], c["decision_maker"]) for c in contacts] == [
        ("Ann", "Acme", True),
        ("Ned", "Globex", False),
    ]

    assert ssi(capsys, db_path, "add", "dm_sent", "--contact", "1")[0] == 0
    code, _, err = ssi(capsys, db_path, "add", "dm_sent", "--contact", "9")
    assert code == 2 and "no contact with id 9" in err
    (entry,) = as_json(capsys, db_path, "log")
    assert entry["contact_id"] == 1
    assert "with Ann" in ssi(capsys, db_path, "log")[1]

    assert (
        ssi(capsys, db_path, "conversation", "add", "--contact", "1", "--date", "2026-11-20")[0]
        == 0
    )
    assert (
        ssi(capsys, db_path, "conversation", "add", "--contact", "2", "--started-by", "them")[0]
        == 0
    )
    code, out, _ = ssi(capsys, db_path, "conversation", "answer", "1")
    assert code == 0 and "after 4 days" in out
    code, _, err = ssi(capsys, db_path, "conversation", "answer", "1")
    assert code == 2 and "already answered" in err
    threads = as_json(capsys, db_path, "conversation", "list")
    assert threads["reply_rate_90d"] == 100.0
    assert [t["started_by"] for t in threads["conversations"]] == ["them", "me"]

    assert ssi(capsys, db_path, "outcome", "add", "meeting", "--contact", "1")[0] == 0
    assert (
        ssi(
            capsys,
            db_path,
            "outcome",
            "add",
            "won",
            "--value",
            "900",
            "--date",
            "2026-11-01",
            "--note",
            "pilot",
        )[0]
        == 0
    )
    listed = as_json(capsys, db_path, "outcome", "list")
    assert [(o["kind"], o["date"], o["contact_id"]) for o in listed] == [
        ("meeting", "2026-11-24", 1),
        ("deal_won", "2026-11-01", None),
    ]


def test_lists_say_how_to_start_when_empty(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    for noun, hint in [
        ("account", "ssi account add"),
        ("contact", "ssi contact add"),
        ("post", "ssi post add"),
        ("outcome", "ssi outcome add"),
    ]:
        code, out, _ = ssi(capsys, db_path, noun, "list")
        assert code == 0 and hint in out


def test_also_log_turns_threads_and_meetings_into_logged_actions(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    assert ssi(capsys, db_path, "contact", "add", "Ann", "--account", "1")[0] == 2
    assert ssi(capsys, db_path, "account", "add", "Acme", "--target")[0] == 0
    assert ssi(capsys, db_path, "contact", "add", "Ann", "--account", "1")[0] == 0
    steps = [
        ("conversation", "add", "--contact", "1", "--date", "2026-11-20", "--also-log"),
        ("conversation", "answer", "1", "--also-log"),
        ("outcome", "add", "meeting", "--contact", "1", "--also-log"),
        ("outcome", "add", "meeting"),
    ]
    for step in steps:
        assert ssi(capsys, db_path, *step)[0] == 0
    logged = as_json(capsys, db_path, "log")
    assert [(e["key"], e["date"], e["contact_id"]) for e in logged] == [
        ("meeting_booked", "2026-11-24", 1),
        ("dm_reply_received", "2026-11-24", 1),
        ("dm_sent", "2026-11-20", 1),
    ]
    assert len(as_json(capsys, db_path, "outcome", "list")) == 2


def test_delete_removes_mistakes_all_or_none(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    for views in ("100", "200"):
        assert ssi(capsys, db_path, "post", "add", "--views", views, "--engagers", "1")[0] == 0
    code, _, err = ssi(capsys, db_path, "post", "delete", "2", "7")
    assert code == 2 and err.count("\n") == 1 and "no post with id 7" in err
    assert ssi(capsys, db_path, "post", "delete", "2") == (0, "Deleted 1 post.\n", "")
    assert [p["views"] for p in as_json(capsys, db_path, "post", "list")] == [100]
    code, _, err = ssi(capsys, db_path, "outcome", "delete", "1")
    assert code == 2 and "no outcome with id 1" in err
    code, _, err = ssi(capsys, db_path, "conversation", "delete", "0")
    assert code == 2 and err.count("\n") == 1


def test_demo_adds_a_sample_pipeline_once(capsys: pytest.CaptureFixture[str], db_path: Path):
    assert ssi(capsys, db_path, "account", "list")[0] == 0
    assert ssi(capsys, db_path, "demo")[0] == 0
    engagement = as_json(capsys, db_path, "engagement")
    outcomes = as_json(capsys, db_path, "outcome", "list")
    assert len(engagement["posts"]) >= 20
    assert engagement["average_rate_90d"] is not None
    assert {o["kind"] for o in outcomes} >= {"meeting", "opportunity"}
    assert ssi(capsys, db_path, "demo")[0] == 0  # a second demo keeps the same samples
    assert as_json(capsys, db_path, "outcome", "list") == outcomes
