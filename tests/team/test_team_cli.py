"""`ssi team ...` against a real PostgreSQL server, as an admin and two members would use it."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import psycopg2
import pytest

from ssi_desktop.cli.main import main
from ssi_desktop.team import membership
from tests.team.conftest import TeamServer

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `ssi ARGS`; returns (exit code, stdout, stderr)."""

    def ssi(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return ssi


def invite(run: Run, server: TeamServer, name: str, *options: str) -> str:
    code, out, err = run("team", "invite", name, "--server", server.admin_url, *options)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 1  # one line to hand over: the member's URL
    return lines[0]


def member_with_log(run: Run, db: Path, url: str, *entries: tuple[str, str]) -> None:
    for key, count in entries:
        assert run("add", key, "--count", count, "--db", str(db))[0] == 0
    code, _, err = run("team", "join", url, "--db", str(db))
    assert code == 0, err


@pytest.fixture
def team(run: Run, team_server: TeamServer, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Two members with different logs, each in their own database, both joined."""
    assert run("team", "init", "--server", team_server.admin_url)[0] == 0
    dana, lee = tmp_path / "dana.sqlite3", tmp_path / "lee.sqlite3"
    dana_url, lee_url = invite(run, team_server, "dana"), invite(run, team_server, "lee")
    member_with_log(run, dana, dana_url, ("comment_thoughtful", "6"), ("dm_sent", "4"))
    member_with_log(run, lee, lee_url, ("connection_request_personalized", "9"))
    return {"dana": (dana, dana_url), "lee": (lee, lee_url)}


def test_init_twice_changes_nothing(run: Run, team_server: TeamServer) -> None:
    code, out, _ = run("team", "init", "--server", team_server.admin_url)
    assert code == 0 and "set up" in out
    code, out, _ = run("team", "init", "--server", team_server.admin_url)
    assert code == 0 and "nothing changed" in out


def test_board_totals_are_each_members_score(run: Run, team: dict[str, tuple[Path, str]]):
    dana, lee = team["dana"][0], team["lee"][0]
    for db in (dana, lee):
        code, _, err = run("team", "publish", "--db", str(db))
        assert code == 0, err
    assert (
        run(
            "reading",
            "add",
            "--date",
            "2026-11-20",
            "--total",
            "41",
            "--brand",
            "11",
            "--people",
            "10",
            "--insights",
            "10",
            "--relationships",
            "10",
            "--db",
            str(dana),
        )[0]
        == 0
    )
    assert run("team", "publish", "--db", str(dana))[0] == 0

    code, out, err = run("team", "board", "--json", "--db", str(lee))
    assert code == 0, err
    board = json.loads(out)
    assert [row["name"] for row in board] == sorted(
        ["dana", "lee"], key=lambda n: -next(r["total"] for r in board if r["name"] == n)
    )
    for row in board:
        assert set(row) == {"name", "date", "total", "pillars", "change_7d", "official"}
        assert set(row["pillars"]) == {"brand", "people", "insights", "relationships"}
        db = team[row["name"]][0]
        score = json.loads(run("score", "--json", "--date", row["date"], "--db", str(db))[1])
        assert row["total"] == score["total"]
        assert row["pillars"] == score["pillars"]
        assert isinstance(row["change_7d"], float)
    by_name = {row["name"]: row for row in board}
    assert by_name["dana"]["official"] == {"date": "2026-11-20", "total": 41.0}
    assert by_name["lee"]["official"] is None
    assert board[0]["total"] >= board[1]["total"]


def test_publish_again_sends_only_what_changed(run: Run, team: dict[str, tuple[Path, str]]):
    dana = str(team["dana"][0])
    first = json.loads(run("team", "publish", "--json", "--db", dana)[1])
    assert first["days"] >= 1 and first["weeks"] >= 1
    again = json.loads(run("team", "publish", "--json", "--db", dana)[1])
    assert again == {"days": 0, "readings": 0, "weeks": 0, "removed": 0}
    assert run("add", "dm_sent", "--db", dana)[0] == 0
    after_work = json.loads(run("team", "publish", "--json", "--db", dana)[1])
    assert after_work["days"] >= 1 and after_work["weeks"] == 1


def test_the_password_is_private_and_not_in_the_database(
    run: Run, team: dict[str, tuple[Path, str]]
):
    dana, url = team["dana"]
    password = url.split(":")[2].split("@")[0]
    secret = membership.secret_path(dana)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert secret.read_text() == password
    assert password.encode() not in dana.read_bytes()
    code, out, _ = run("export", "--format", "json", "--db", str(dana))
    assert code == 0 and password not in out
    assert run("backup", "--db", str(dana))[0] == 0
    for backup in (dana.parent / "backups").iterdir():
        assert password.encode() not in backup.read_bytes()
    status = json.loads(run("team", "status", "--json", "--db", str(dana))[1])
    assert status["joined"] is True and status["name"] == "dana"
    assert password not in json.dumps(status)


def test_leave_forgets_the_team_and_its_password(run: Run, team: dict[str, tuple[Path, str]]):
    dana = team["dana"][0]
    assert run("team", "leave", "--db", str(dana))[0] == 0
    assert not membership.secret_path(dana).exists()
    assert json.loads(run("team", "status", "--json", "--db", str(dana))[1]) == {"joined": False}
    code, _, err = run("team", "publish", "--db", str(dana))
    assert code == 2 and err.count("\n") == 1 and "not in a team" in err


def test_a_manager_removes_a_member_and_their_rows(
    run: Run, team_server: TeamServer, team: dict[str, tuple[Path, str]]
):
    boss = invite(run, team_server, "boss", "--manager")
    assert run("team", "publish", "--db", str(team["lee"][0]))[0] == 0
    code, _, err = run("team", "remove", "lee", "--server", team["dana"][1])
    assert code == 2 and "permission denied" in err  # the server says no, not the app
    code, _, err = run("team", "remove", "lee", "--server", boss)
    assert code == 0, err
    board = json.loads(run("team", "board", "--json", "--db", str(team["dana"][0]))[1])
    assert "lee" not in [row["name"] for row in board]
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(team["lee"][1]).close()  # the login is gone too
    code, _, err = run("team", "remove", "lee", "--server", team_server.admin_url)
    assert code == 2 and "not a member" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("team", "join", "https://example.com/x"), "not a PostgreSQL URL"),
        (("team", "invite", "Dana Reyes", "--server", "postgresql://a:b@/x"), "cannot be a member"),
        (("team", "invite", "pg_dana", "--server", "postgresql://a:b@/x"), "cannot be a member"),
        (("team", "board"), "not in a team"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run: Run, db_path: Path, args, message) -> None:
    code, out, err = run(*args, "--db", str(db_path)) if args[1] != "invite" else run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_wrong_password_is_refused_at_join_and_nothing_is_stored(
    run: Run, team_server: TeamServer, db_path: Path
) -> None:
    assert run("team", "init", "--server", team_server.admin_url)[0] == 0
    url = invite(run, team_server, "dana")
    wrong = url.replace(url.split(":")[2].split("@")[0], "not-the-password")
    code, _, err = run("team", "join", wrong, "--db", str(db_path))
    assert code == 2 and err.count("\n") == 1 and "cannot reach the team server" in err
    assert json.loads(run("team", "status", "--json", "--db", str(db_path))[1]) == {"joined": False}


def test_leave_erase_deletes_what_the_member_published(run: Run, team: dict[str, tuple[Path, str]]):
    dana, lee = str(team["dana"][0]), str(team["lee"][0])
    for db in (dana, lee):
        assert run("team", "publish", "--db", db)[0] == 0
    code, out, err = run("team", "leave", "--erase", "--db", dana)
    assert code == 0, err
    assert "Deleted the" in out
    board = json.loads(run("team", "board", "--json", "--db", lee)[1])
    assert [row["name"] for row in board] == ["lee"]


def test_a_name_with_capitals_and_a_dot_shows_as_given(
    run: Run, team_server: TeamServer, db_path: Path
):
    assert run("team", "init", "--server", team_server.admin_url)[0] == 0
    url = invite(run, team_server, "Priya.K-2")
    assert run("team", "join", url, "--db", str(db_path))[0] == 0
    assert run("team", "publish", "--db", str(db_path))[0] == 0
    board = json.loads(run("team", "board", "--json", "--db", str(db_path))[1])
    assert [row["name"] for row in board] == ["Priya.K-2"]
    code, out, _ = run("team", "status", "--db", str(db_path))
    assert code == 0 and "as Priya.K-2" in out and "(0 days waiting)" in out
