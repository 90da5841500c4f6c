"""What keeping the data safe costs: the check at opening, backups, restores, the live poll.

Prints, for 10 years of demo history and for a log of a million entries: the health check
every open runs (header + PRAGMA quick_check), one online backup, one restore, listing 14
backups with their entry counts, and one ``PRAGMA data_version`` poll of the window.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ssi_desktop.demo import history as demo
from ssi_desktop.store import actions, backup, health
from ssi_desktop.store.db import close_database, data_version, open_database
from ssi_desktop.store.migrations import LATEST_VERSION

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 0)


def median_ms(task: Callable[[], object], repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        task()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def ten_years(path: Path) -> int:
    entries = list(demo.history(TODAY - dt.timedelta(days=3650), TODAY, seed=10))
    open_database(path)
    actions.record_many(entries, TODAY)
    close_database()
    return len(entries)


def a_million(path: Path) -> int:
    open_database(path)
    close_database()
    rows = ((TODAY.isoformat(), "dm_sent", 1, "", "2026-11-24 09:00:00") for _ in range(10**6))
    with sqlite3.connect(path) as con:
        con.executemany(
            "INSERT INTO action_entry (day, key, count, note, created_at) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
    con.close()
    return 10**6


def measure(folder: Path, name: str, build: Callable[[Path], int]) -> dict[str, float]:
    path = folder / f"{name}.sqlite3"
    entries = build(path)
    repeats = 3 if entries > 100_000 else 15
    check = median_ms(lambda: health.diagnose(path, LATEST_VERSION), repeats)
    made: list[backup.Backup] = []
    stamps = iter(NOW + dt.timedelta(minutes=m) for m in range(10_000))
    back_up = median_ms(lambda: made.append(backup.back_up_now(path, next(stamps))), repeats)
    listing = median_ms(lambda: backup.backups(path), repeats)
    restore = median_ms(lambda: backup.restore(made[-1].path, path, next(stamps)), repeats)
    open_database(path)
    poll = median_ms(data_version, 200)
    close_database()
    return {
        "entries": entries,
        "mb": path.stat().st_size / 1e6,
        "check_ms": check,
        "backup_ms": back_up,
        "list_ms": listing,
        "restore_ms": restore,
        "poll_us": poll * 1000,
    }


def run() -> list[dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        return [
            measure(Path(folder), "ten-years", ten_years),
            measure(Path(folder), "a-million", a_million),
        ]


def report(rows: list[dict[str, float]]) -> str:
    lines = [
        "Data safety (medians; the check runs at every open, the poll every 1.5 s in the window)",
        f"{'entries':>9} {'MB':>6} {'check ms':>9} {'backup ms':>10} {'list 14 ms':>11}"
        f" {'restore ms':>11} {'poll µs':>8}",
    ]
    for r in rows:
        lines.append(
            f"{r['entries']:>9,.0f} {r['mb']:>6.1f} {r['check_ms']:>9.1f} {r['backup_ms']:>10.1f}"
            f" {r['list_ms']:>11.1f} {r['restore_ms']:>11.1f} {r['poll_us']:>8.1f}"
        )
    return "\n".join(lines)
