"""The `ssi` command line, run in-process on a fresh temporary database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ssi_desktop.catalog import ACTIONS, PROFILE_ITEMS, Pillar
from ssi_desktop.cli.main import main
from ssi_desktop.scoring import Activity, ProfileHistory, score_on
from tests.conftest import TODAY


def as_json(result: tuple[int, str, str]) -> object:
    code, out, _ = result
    assert code == 0
    return json.loads(out)


def test_types_lists_every_action_with_key_pillar_and_label(ssi):
    listed = as_json(ssi("types", "--json"))
    assert listed == [
        {"key": a.key, "pillar": a.pillar.value, "label": a.label, "ssi_points": a.key != MEETING}
        for a in ACTIONS
    ]
    shown = ssi("types")[1]
    assert [line for line in shown.splitlines() if "no SSI points" in line] == [
        line for line in shown.splitlines() if line.startswith(MEETING)
    ]


MEETING = "meeting_booked"  # an outcome outside LinkedIn: logged, but worth no SSI points


def test_add_then_score_and_trend(ssi):
    empty = as_json(ssi("score", "--json"))
    standing = score_on(TODAY, Activity.covering(TODAY, TODAY), ProfileHistory())
    assert empty == standing.as_json()  # nothing logged: the assumed network's standing part
    assert ssi("add", "comment_thoughtful", "--count", "3", "--note", "on AI in sales")[0] == 0
    assert ssi("add", "post_published", "--date", "2026-11-20")[0] == 0
    score = as_json(ssi("score", "--json"))
    assert score["total"] > 0
    assert score["total"] == pytest.approx(sum(score["pillars"].values()))
    trend = as_json(ssi("trend", "--days", "10", "--json"))
    assert [d["date"] for d in trend][-1] == TODAY.isoformat()
    assert len(trend) == 10 and trend == sorted(trend, key=lambda d: d["date"])
    assert trend[0]["total"] == pytest.approx(standing.total) and trend[-1] == score
    past = as_json(ssi("score", "--date", "2026-11-21", "--json"))
    assert standing.total < past["total"] < score["total"]


def test_log_and_undo(ssi):
    ssi("add", "dm_sent", "--count", "2")
    ssi("add", "meeting_booked", "--date", "2026-11-01", "--note", "demo with ACME")
    log = as_json(ssi("log", "--since", "2026-10-01", "--json"))
    assert [(e["key"], e["count"], e["date"]) for e in log] == [
        ("dm_sent", 2, TODAY.isoformat()),
        ("meeting_booked", 1, "2026-11-01"),
    ]
    code, out, _ = ssi("undo")
    assert code == 0 and "Meeting booked" in out
    assert [e["key"] for e in as_json(ssi("log", "--json"))] == ["dm_sent"]
    ssi("undo")
    assert ssi("undo")[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        ("add", "not_a_key"),
        ("add", "reaction", "--count", "0"),
        ("add", "reaction", "--count", "-3"),
        ("add", "reaction", "--count", "1000000"),
        ("add", "reaction", "--count", "many"),
        ("add", "reaction", "--date", "2099-01-01"),
        ("add", "reaction", "--date", "24/11/2026"),
        ("add", "reaction", "--date", "2026-02-30"),
        ("score", "--date", "2099-01-01"),
        ("trend", "--days", "0"),
        ("profile", "set", "photo", "--done", "--date", "2099-01-01"),
        ("profile", "set", "tattoo", "--done"),
        ("export", "--format", "xml"),
    ],
)
def test_bad_input_gives_one_line_exit_2_and_writes_nothing(ssi, db_path, args):
    code, _out, err = ssi(*args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "error" in err
    assert not db_path.exists() or json.loads(main_json_log(db_path)) == []


def main_json_log(db_path: Path) -> str:
    buffer = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(buffer):
        main(["log", "--since", "2003-05-05", "--json", "--db", str(db_path)])
    return buffer.getvalue()


def test_an_unreadable_database_gives_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 500)
    assert main(["score", "--db", str(bad)]) == 2
    assert "not a usable" in capsys.readouterr().err


def test_the_database_comes_from_the_environment_when_no_flag(tmp_path, monkeypatch, capsys):
    path = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("SSI_DESKTOP_DB", str(path))
    assert main(["add", "reaction"]) == 0
    assert path.exists()


def test_profile_set_and_list(ssi):
    assert ssi("profile", "set", "photo", "--done")[0] == 0
    assert ssi("profile", "set", "banner", "--done", "--date", "2026-10-01")[0] == 0
    assert ssi("profile", "set", "banner", "--undone")[0] == 0
    items = {i["item"]: i["done"] for i in as_json(ssi("profile", "list", "--json"))}
    assert items == {p.key: p.key == "photo" for p in PROFILE_ITEMS}
    standing = score_on(TODAY, Activity.covering(TODAY, TODAY), ProfileHistory())
    brand = as_json(ssi("score", "--json"))["pillars"]["brand"]
    assert brand - standing.pillars[Pillar.BRAND] == pytest.approx(1.5)


def test_export_csv_and_json(ssi, tmp_path):
    ssi("add", "dm_sent", "--note", '=HYPERLINK("http://example.invalid")')
    out = tmp_path / "log.csv"
    assert ssi("export", "--format", "csv", "--out", str(out))[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["key"] == "dm_sent" and rows[0]["note"].startswith("'=")
    document = as_json(ssi("export", "--format", "json"))
    assert document["entries"][0]["note"].startswith("=")  # JSON keeps the text as typed


def test_demo_fills_about_six_months_and_can_be_rerun(ssi):
    code, _out, _ = ssi("demo")
    assert code == 0
    first = as_json(ssi("log", "--since", "2003-05-05", "--json"))
    assert min(e["date"] for e in first) >= "2026-05-26"
    assert len(first) > 500
    assert ssi("demo")[0] == 0
    again = as_json(ssi("log", "--since", "2003-05-05", "--json"))
    assert len(again) == len(first)  # demo replaced itself
    assert as_json(ssi("score", "--json"))["total"] > 40
