"""The GUI thread while the team thread publishes: a member's window on ten years of demo
history, joined to a throw-away team server (tests/team/postgres_cluster.py), logs actions at
a seller's pace and publishes after each, as the window does once a change is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from ssi_desktop.store import team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.team import server
from tests.benchmarks.databases import TODAY, DemoDatabases
from tests.benchmarks.session import idle, open_window
from tests.benchmarks.stall import YEARS, measure
from tests.team import postgres_cluster

PUBLISHES = 5
GAP_MS = 400
SETTLE_MS = 2000


def run(databases: DemoDatabases) -> list[float] | None:
    """The timer's lateness during PUBLISHES publishes; None without PostgreSQL."""
    bin_dir = postgres_cluster.binaries()
    if bin_dir is None:
        return None
    with postgres_cluster.running_cluster(bin_dir) as cluster:
        postgres_cluster.create_database(cluster, "bench")
        admin = cluster.admin_url("bench")
        team_schema.init_team(admin)
        url = team_schema.invite(admin, "seller")
        path = databases.scratch_copy(YEARS)
        open_database(path)
        try:
            server.join(path, url, TODAY)
            server.publish(path, TODAY)  # ten years at once, before the window: its own figure
        finally:
            close_database()
        with open_window(path) as window:
            sync = window.team_sync  # type: ignore[attr-defined]
            idle(SETTLE_MS)  # the window's own publish, on opening, ends first
            sync.publish_every(0)  # every change shown is published at once

            def work(done: Callable[[], None]) -> None:
                left = [PUBLISHES]

                def next_publish(_report: object = None) -> None:
                    if left[0] == 0:
                        sync.published.disconnect(next_publish)
                        done()
                        return
                    left[0] -= 1
                    QTimer.singleShot(GAP_MS, lambda: window.quick_add("comment_thoughtful"))

                def offline(reason: str) -> None:
                    raise RuntimeError(f"the team server refused a publish: {reason}")

                sync.published.connect(next_publish)
                sync.offline.connect(offline)
                next_publish()

            return measure(work)
