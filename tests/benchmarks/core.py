"""Score model and store speed on 1, 5 and 10 years of realistic history.

Prints, for each history size: bulk-insert speed, the median / worst time to compute today's
score and the 90-day trend straight from the database (SQL aggregate + numpy), the score
worker's step after a change to past days (build_score: both of those, today's counts, the
profile, the calibration and the explanation), the same step after a quick-add today (which
reads only today's part of the log again: what a quick-add waits for), and the details
worker's step that follows it off the quick-add's path (add_details: outcomes, targets,
streaks, the plan and the forecast).
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ssi_desktop.application import estimate
from ssi_desktop.demo import history as demo
from ssi_desktop.store import actions
from ssi_desktop.store.db import close_database, open_database
from ssi_desktop.workers.snapshot import add_details, build_score
from tests.benchmarks.databases import TODAY

REPEATS = 30


def build_history(path: Path, years: int) -> tuple[int, float]:
    """A database with ``years`` of demo history; returns (entries, seconds to insert)."""
    first = TODAY - dt.timedelta(days=365 * years)
    entries = list(demo.history(first, TODAY, seed=years))
    open_database(path)
    started = time.perf_counter()
    actions.record_many(entries, TODAY)
    return len(entries), time.perf_counter() - started


def timed_ms(
    task: Callable[[], object], before: Callable[[], object] = estimate.forget_loaded_spans
) -> tuple[float, float]:
    """Median and worst of REPEATS runs of ``task``, each after ``before`` (not timed): by
    default the log is read in full each time, as after a change to past days."""
    before()
    task()  # warm-up: first query plans, numpy imports
    runs = []
    for _ in range(REPEATS):
        before()
        started = time.perf_counter()
        task()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), max(runs)


def quick_add() -> None:
    actions.record(actions.NewEntry("comment_thoughtful", TODAY), TODAY)


def run(years_list: tuple[int, ...] = (1, 5, 10)) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for years in years_list:
            path = Path(folder) / f"history-{years}y.sqlite3"
            count, insert_s = build_history(path, years)
            score_ms = timed_ms(lambda: estimate.series(TODAY, TODAY).on(TODAY))
            trend_ms = timed_ms(lambda: estimate.trend(TODAY, 90).each_day())
            recompute_ms = timed_ms(lambda: build_score(TODAY))
            after_add_ms = timed_ms(lambda: build_score(TODAY), before=quick_add)
            scored = build_score(TODAY)
            details_ms = timed_ms(partial(add_details, scored))
            close_database()
            rows.append(
                {
                    "years": years,
                    "entries": count,
                    "insert_per_s": count / insert_s,
                    "score_ms": score_ms[0],
                    "score_max_ms": score_ms[1],
                    "trend_ms": trend_ms[0],
                    "trend_max_ms": trend_ms[1],
                    "recompute_ms": recompute_ms[0],
                    "recompute_max_ms": recompute_ms[1],
                    "after_add_ms": after_add_ms[0],
                    "after_add_max_ms": after_add_ms[1],
                    "details_ms": details_ms[0],
                }
            )
    return rows


def report(rows: list[dict[str, float]]) -> str:
    lines = [
        "Score model and store (median of 30 runs; goal: recompute of today's score and the"
        " 90-day trend <= 20 ms at 10 years)",
        f"{'history':>8} {'entries':>8} {'insert/s':>10} {'score ms':>9} {'(max)':>7}"
        f" {'trend90 ms':>11} {'(max)':>7} {'recompute ms':>13} {'(max)':>7}"
        f" {'after add ms':>13} {'(max)':>7} {'details ms':>11}",
    ]
    for r in rows:
        lines.append(
            f"{r['years']:>6.0f} y {r['entries']:>8.0f} {r['insert_per_s']:>10,.0f}"
            f" {r['score_ms']:>9.2f} {r['score_max_ms']:>7.2f}"
            f" {r['trend_ms']:>11.2f} {r['trend_max_ms']:>7.2f}"
            f" {r['recompute_ms']:>13.2f} {r['recompute_max_ms']:>7.2f}"
            f" {r['after_add_ms']:>13.2f} {r['after_add_max_ms']:>7.2f}"
            f" {r['details_ms']:>11.1f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
