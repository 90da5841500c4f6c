"""The window's background publisher: at most one publish per interval, and it catches up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ssi_desktop.store import actions, settings, team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.team import membership, server
from ssi_desktop.workers.team import TeamSync
from tests.conftest import TODAY
from tests.team.conftest import TeamServer


@pytest.fixture
def joined(team_server: TeamServer, db_path: Path) -> Iterator[Path]:
    team_schema.init_team(team_server.admin_url)
    open_database(db_path)
    actions.record(actions.NewEntry("dm_sent", TODAY, 2), TODAY)
    server.join(db_path, team_schema.invite(team_server.admin_url, "dana"), TODAY)
    yield db_path
    close_database()


def stop(sync: TeamSync) -> None:
    sync.stop()
    assert sync.wait_idle(30)


def test_a_burst_of_score_changes_publishes_once(qtbot, joined):
    sync = TeamSync(joined, publish_every_s=3600)
    published = []
    sync.published.connect(published.append)
    with qtbot.waitSignal(sync.board_ready, timeout=20000):
        sync.publish_soon()
    for _ in range(5):
        sync.publish_soon()
    assert sync.publish_waiting
    assert len(published) == 1
    stop(sync)
    assert not sync.publish_waiting


def test_a_shorter_interval_sends_the_waiting_publish_now(qtbot, joined):
    sync = TeamSync(joined, publish_every_s=3600)
    published = []
    sync.published.connect(published.append)
    with qtbot.waitSignal(sync.published, timeout=20000):
        sync.publish_soon()
    sync.publish_soon()
    assert sync.publish_waiting
    with qtbot.waitSignal(sync.published, timeout=20000):
        sync.publish_every(0)
    assert not sync.publish_waiting and len(published) == 2
    stop(sync)


def test_publishing_catches_up_once_the_server_answers(qtbot, joined):
    real_server = settings.get(membership.URL_KEY)
    assert real_server is not None
    # Port 1 refuses at once: the server is out of reach.
    settings.put(membership.URL_KEY, "postgresql://dana@127.0.0.1:1/team?sslmode=disable")
    sync = TeamSync(joined, publish_every_s=0.2, timeout_s=2)
    with qtbot.waitSignal(sync.offline, timeout=20000) as offline:
        sync.publish_soon()
    assert "cannot reach the team server" in offline.args[0]
    assert membership.current().published_at is None
    settings.put(membership.URL_KEY, real_server)
    # Nobody asks again: the publisher retries by itself once the interval has passed.
    with qtbot.waitSignal(sync.published, timeout=20000) as published:
        pass
    assert published.args[0].days >= 1
    qtbot.waitUntil(lambda: membership.current().published_at is not None, timeout=5000)
    stop(sync)
