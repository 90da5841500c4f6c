"""Calibration speed: fitting the four pillars to a reading a week, and the worker's whole
snapshot (which fits on every recompute), on 1, 3 and 5 years of history; and the refit after
an action logged on the day of the newest reading, from scratch and as the window meets it
(the older readings' costs kept, scoring/kept_costs.py)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from ssi_desktop.application import estimate
from ssi_desktop.catalog import Pillar
from ssi_desktop.demo.readings import LINKEDIN_LIKE
from ssi_desktop.scoring import kept_costs
from ssi_desktop.store import readings
from ssi_desktop.store.db import close_database
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.workers.snapshot import build_snapshot
from tests.benchmarks.core import TODAY, build_history, quick_add, timed_ms


def add_weekly_readings(years: int) -> int:
    """A reading every 7 days, as LinkedIn would show them if it scored at LINKEDIN_LIKE."""
    days = [TODAY - dt.timedelta(days=d) for d in range(0, 365 * years - 90, 7)]
    truth = estimate.series(min(days), TODAY, LINKEDIN_LIKE)
    for day in days:
        pillars = {p: round(v, 2) for p, v in truth.on(day).pillars.items()}
        total = float(round(sum(pillars[p] for p in Pillar)))
        readings.record(OfficialReading(day, total, pillars), TODAY)
    return len(days)


def _logged_and_forgotten() -> None:
    quick_add()
    kept_costs.forget()


def run(years_list: tuple[int, ...] = (1, 3, 5)) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for years in years_list:
            build_history(Path(folder) / f"calibration-{years}y.sqlite3", years)
            count = add_weekly_readings(years)
            fit_ms = timed_ms(estimate.calibrate)
            snapshot_ms = timed_ms(lambda: build_snapshot(TODAY))
            scratch_ms = timed_ms(estimate.calibrate, before=_logged_and_forgotten)
            refit_ms = timed_ms(estimate.calibrate, before=quick_add)
            close_database()
            rows.append(
                {
                    "years": years,
                    "readings": count,
                    "fit_ms": fit_ms[0],
                    "fit_max_ms": fit_ms[1],
                    "snapshot_ms": snapshot_ms[0],
                    "snapshot_max_ms": snapshot_ms[1],
                    "scratch_ms": scratch_ms[0],
                    "refit_ms": refit_ms[0],
                }
            )
    return rows


def report(rows: list[dict[str, float]]) -> str:
    lines = [
        "Calibration (median of 30 runs; the worker refits on every recompute; refit: after an"
        " action logged on the newest reading's day, from scratch and with the costs kept)",
        f"{'history':>8} {'readings':>9} {'fit ms':>8} {'(max)':>7}"
        f" {'snapshot ms':>12} {'(max)':>7} {'refit scratch':>13} {'refit kept':>10}",
    ]
    for r in rows:
        lines.append(
            f"{r['years']:>6.0f} y {r['readings']:>9.0f} {r['fit_ms']:>8.2f}"
            f" {r['fit_max_ms']:>7.2f} {r['snapshot_ms']:>12.2f} {r['snapshot_max_ms']:>7.2f}"
            f" {r['scratch_ms']:>13.2f} {r['refit_ms']:>10.2f}"
        )
    return "\n".join(lines)
