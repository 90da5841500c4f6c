"""Whatever the log holds, a publish leaves the server with exactly its aggregates."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import ACTIONS, Pillar
from ssi_desktop.store import actions, readings, team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.store.team_server import session
from ssi_desktop.team import aggregates, server
from tests.conftest import TODAY

KEYS = sorted(a.key for a in ACTIONS)
_names = itertools.count(1)

entries = st.lists(
    st.tuples(st.integers(0, 900), st.sampled_from(KEYS), st.integers(1, 30)), max_size=25
)
reading_days = st.sets(st.integers(1, 400), max_size=4)


def held(url: str) -> dict[str, object]:
    """What the server holds for the member of ``url``."""
    with session(url) as db:
        days = db.execute_sql(
            "SELECT day, total FROM ssi_team.day_score WHERE member = current_user ORDER BY day"
        ).fetchall()
        weeks = db.execute_sql(
            "SELECT week, pillar, actions FROM ssi_team.week_actions WHERE member = current_user"
        ).fetchall()
        official = db.execute_sql(
            "SELECT day FROM ssi_team.reading WHERE member = current_user ORDER BY day"
        ).fetchall()
    return {
        "days": [d for d, _ in days],
        "totals": [t for _, t in days],
        "weeks": {(w, p): n for w, p, n in weeks},
        "readings": [d for (d,) in official],
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(first=entries, second=entries, first_readings=reading_days, second_readings=reading_days)
def test_after_a_publish_the_server_holds_exactly_the_logs_aggregates(
    team_server, first, second, first_readings, second_readings
):
    """Two logs in turn publish as one member (a log replaced, say by a restore)."""
    team_schema.init_team(team_server.admin_url)
    name = f"member{next(_names)}"
    url = team_schema.invite(team_server.admin_url, name)
    try:
        publish_two_logs(url, first, second, first_readings, second_readings)
    finally:
        team_schema.remove(team_server.admin_url, name)


def publish_two_logs(url, first, second, first_readings, second_readings) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index, (log, official) in enumerate(
            ((first, first_readings), (second, second_readings))
        ):
            path = Path(folder) / f"log{index}.sqlite3"
            open_database(path)
            try:
                new = [
                    actions.NewEntry(key, TODAY - dt.timedelta(days=ago), count)
                    for ago, key, count in log
                ]
                actions.record_many(new, TODAY)
                for ago in official:
                    readings.record(
                        OfficialReading(
                            TODAY - dt.timedelta(days=ago),
                            40.0,
                            dict.fromkeys(Pillar, 10.0),
                        ),
                        TODAY,
                    )
                server.join(path, url, TODAY)
                server.publish(path, TODAY)
                expected = aggregates.collect(TODAY)
                assert server.publish(path, TODAY).sent == 0  # nothing left to send
            finally:
                close_database()
            found = held(url)
            assert found["days"] == [s.day for s in expected.days]
            assert found["totals"] == [s.total for s in expected.days]
            assert found["weeks"] == {(w, p.value): n for (w, p), n in expected.weeks.items()}
            assert found["readings"] == [s.day for s in expected.readings]
