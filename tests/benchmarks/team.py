"""The team leaderboard at scale: 1,000 members with two years of published days each.

Starts a throw-away PostgreSQL cluster (tests/team/postgres_cluster.py), sets up a team as its
admin, fills it as 998 members would have (straight SQL: the same rows a publish writes), and
then times, for two real members with their own logins: `board` (the query alone, and with a
new connection as `ssi team board` makes), one member's publish after a day's work (the
local two-year aggregate, the connection, the diff and the upsert), and the server's table
sizes per member and year.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ssi_desktop.demo import history as demo
from ssi_desktop.store import actions, team_rows, team_schema
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.store.team_server import session
from ssi_desktop.team import server
from tests.team import postgres_cluster

TODAY = dt.date(2026, 11, 24)
MEMBERS = 1000
DAYS = 730
GOALS_MS = {"board": 100.0, "publish": 200.0}

FILL_SQL = f"""
INSERT INTO ssi_team.member (name) SELECT 'm' || n FROM generate_series(3, {MEMBERS}) AS n;
INSERT INTO ssi_team.day_score
SELECT 'm' || n, d::date, 4 * s, s, s, s, s
FROM generate_series(3, {MEMBERS}) AS n,
     generate_series(%(first)s::date, %(last)s::date, '1 day') AS d,
     LATERAL (SELECT ((n * 7 + extract(doy FROM d)::int) %% 250) / 10.0 AS s) AS v;
INSERT INTO ssi_team.week_actions
SELECT 'm' || n, w::date, p, 1 + (n + extract(week FROM w)::int) %% 40
FROM generate_series(3, {MEMBERS}) AS n,
     generate_series(%(first_week)s::date, %(last)s::date, '7 days') AS w,
     unnest(ARRAY['brand', 'people', 'insights', 'relationships']) AS p;
INSERT INTO ssi_team.reading
SELECT 'm' || n, d::date, 40, 10, 10, 10, 10
FROM generate_series(3, {MEMBERS}) AS n,
     generate_series(%(first)s::date, %(last)s::date, '30 days') AS d;
ANALYZE;
"""


def median_ms(task: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        task()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def two_years_of_work(path: Path, url: str) -> None:
    open_database(path)
    entries = list(demo.history(TODAY - dt.timedelta(days=DAYS), TODAY, seed=20))
    actions.record_many(entries, TODAY)
    server.join(path, url, TODAY)
    server.publish(path, TODAY)  # the first publish: two years at once
    close_database()


def run() -> dict[str, float]:
    bin_dir = postgres_cluster.binaries()
    if bin_dir is None:
        raise SystemExit("the team benchmark needs PostgreSQL (apt-get install postgresql)")
    first = TODAY - dt.timedelta(days=DAYS - 1)
    with postgres_cluster.running_cluster(bin_dir) as cluster, tempfile.TemporaryDirectory() as tmp:
        postgres_cluster.create_database(cluster, "bench")
        admin = cluster.admin_url("bench")
        team_schema.init_team(admin)
        urls = [team_schema.invite(admin, name) for name in ("m1", "m2")]
        with session(admin) as db:
            monday = first - dt.timedelta(first.weekday())
            db.execute_sql(FILL_SQL, {"first": first, "last": TODAY, "first_week": monday})
        dbs = [Path(tmp) / f"m{i}.sqlite3" for i in (1, 2)]
        started = time.perf_counter()
        two_years_of_work(dbs[0], urls[0])
        first_publish_ms = (time.perf_counter() - started) * 1000
        two_years_of_work(dbs[1], urls[1])

        open_database(dbs[0])
        with session(urls[0]) as db:
            board_query = median_ms(lambda: team_rows.board(db), 15)
            rows = len(team_rows.board(db))
        board_cli = median_ms(lambda: server.board(dbs[0]), 15)
        publish_runs = []
        for round_ in range(5):
            actions.record(actions.NewEntry("comment_thoughtful", TODAY, 2 + round_), TODAY)
            actions.record(actions.NewEntry("dm_sent", TODAY, 1), TODAY)
            started = time.perf_counter()
            report = server.publish(dbs[0], TODAY)
            publish_runs.append((time.perf_counter() - started) * 1000)
            assert report.days == 1 and report.weeks == 2, report
        unchanged = median_ms(lambda: server.publish(dbs[0], TODAY), 5)
        close_database()

        with session(cluster.superuser_url("bench")) as db:
            sizes = {
                table: float(
                    db.execute_sql(
                        "SELECT pg_total_relation_size(%s)", (f"ssi_team.{table}",)
                    ).fetchone()[0]
                )
                for table in ("day_score", "week_actions", "reading")
            }
    years = DAYS / 365
    return {
        "members": rows,
        "board_query_ms": board_query,
        "board_cli_ms": board_cli,
        "publish_ms": statistics.median(publish_runs),
        "publish_unchanged_ms": unchanged,
        "first_publish_ms": first_publish_ms,
        **{f"{t}_kb": v / MEMBERS / years / 1024 for t, v in sizes.items()},
    }


def report(r: dict[str, float]) -> str:
    def ok(value: float, goal: float) -> str:
        return "ok" if value < goal else "OVER"

    return "\n".join(
        [
            f"Team server: {r['members']:.0f} members x {DAYS} published days (medians)",
            f"  board, query alone               {r['board_query_ms']:7.1f} ms"
            f"  (goal < 100: {ok(r['board_query_ms'], GOALS_MS['board'])})",
            f"  board, new connection included   {r['board_cli_ms']:7.1f} ms"
            f"  (goal < 100: {ok(r['board_cli_ms'], GOALS_MS['board'])})",
            f"  publish after a day's work       {r['publish_ms']:7.1f} ms"
            f"  (goal < 200: {ok(r['publish_ms'], GOALS_MS['publish'])})",
            f"  publish with nothing new         {r['publish_unchanged_ms']:7.1f} ms",
            f"  first publish (join, two years)  {r['first_publish_ms']:7.1f} ms",
            "  server size per member and year: "
            f"day_score {r['day_score_kb']:.1f} kB, week_actions {r['week_actions_kb']:.1f} kB,"
            f" reading {r['reading_kb']:.1f} kB (indexes included)",
        ]
    )
