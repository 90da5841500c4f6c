"""Habit views' cost on 1, 5 and 10 years of history: what the worker adds to each snapshot.

Prints, for each history size, the median time of the next best action ranking, the 90-day
forecast, every target's progress and streak (the default plan's 19 targets), the whole habit
report, and the whole snapshot the window shows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ssi_desktop.application import estimate
from ssi_desktop.application.habits import habit_report, targets_report
from ssi_desktop.habits.default_plan import default_plan
from ssi_desktop.store import habit_targets
from ssi_desktop.store.db import close_database
from ssi_desktop.workers.snapshot import build_snapshot
from tests.benchmarks.core import TODAY, build_history, timed_ms

COLUMNS = ("plan", "forecast", "streaks", "report", "snapshot")


def run(years_list: tuple[int, ...] = (1, 5, 10)) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for years in years_list:
            count, _seconds = build_history(Path(folder) / f"habits-{years}y.sqlite3", years)
            habit_targets.replace_all(default_plan().targets)
            tasks = {
                "plan": lambda: estimate.plan(TODAY),
                "forecast": lambda: estimate.forecast(TODAY, 90),
                "streaks": lambda: targets_report(TODAY),
                "report": lambda: habit_report(TODAY),
                "snapshot": lambda: build_snapshot(TODAY),
            }
            row: dict[str, float] = {"years": years, "entries": count}
            row.update({name: timed_ms(task)[0] for name, task in tasks.items()})
            close_database()
            rows.append(row)
    return rows


def report(rows: list[dict[str, float]]) -> str:
    lines = [
        "Habits in the worker (median ms of 30 runs; goal: whole snapshot <= 100 ms at 10 years)",
        f"{'history':>8} {'entries':>8}" + "".join(f" {name:>9}" for name in COLUMNS),
    ]
    for r in rows:
        lines.append(
            f"{r['years']:>6.0f} y {r['entries']:>8.0f}"
            + "".join(f" {r[name]:>9.1f}" for name in COLUMNS)
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
