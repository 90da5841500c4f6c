"""A seller who never joined a team: no driver loaded, no thread, no socket, nothing sent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ssi_desktop.cli.main import main
from tests.safety.test_privacy import internet_sockets_held, no_network  # noqa: F401

PROBE = """
import sys
{work}
print(sorted(name for name in ("psycopg2", "psycopg") if name in sys.modules))
"""


def loaded_drivers(work: str, tmp_path: Path) -> list[str]:
    """Which PostgreSQL drivers a fresh interpreter holds after ``work``."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(work=work)],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_the_window_and_the_cli_start_without_the_driver(tmp_path: Path) -> None:
    db = tmp_path / "ssi.sqlite3"
    cli = f"from ssi_desktop.cli.main import main; main(['score', '--db', {str(db)!r}])"
    assert loaded_drivers(cli, tmp_path) == []
    window = (
        f"from ssi_desktop import app; app.main(['--db', {str(db)!r}, '--quit-after-first-paint'])"
    )
    assert loaded_drivers(window, tmp_path) == []


def test_the_driver_loads_when_a_team_command_needs_it(tmp_path: Path) -> None:
    work = "from ssi_desktop.team import server"
    assert loaded_drivers(work, tmp_path) == ["psycopg2"]


def test_team_commands_of_a_database_that_never_joined_open_no_socket(
    db_path: Path,
    capsys,
    no_network,  # noqa: F811
) -> None:
    for args in (("status",), ("status", "--json"), ("board",), ("publish",), ("leave",)):
        main(["team", *args, "--db", str(db_path)])
    out, err = capsys.readouterr()
    assert "Not in a team" in out and '"joined": false' in out
    assert err.count("not in a team") == 3
    assert no_network == []
    assert internet_sockets_held() == set()
