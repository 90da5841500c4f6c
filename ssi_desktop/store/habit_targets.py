"""The seller's habit targets (not target accounts): one per action type at most, so many a
day or a week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.scoring.activity import KEY_INDEX
from ssi_desktop.store.db import database
from ssi_desktop.store.models import HabitTarget, utc_now
from ssi_desktop.system.staleness import IsStale, never, stop_if

BATCH_ROWS = 2000


def set_target(target: Target) -> bool:
    """Store the target, replacing the type's earlier one; True when it replaced one."""
    with database.atomic():
        replaced = HabitTarget.select().where(HabitTarget.key == target.key).exists()
        _upsert(target)
    return bool(replaced)


def replace_all(targets: Iterable[Target]) -> int:
    """Make ``targets`` the only targets, in one transaction; returns how many there were before."""
    targets = list(targets)
    with database.atomic():
        before = HabitTarget.delete().execute()
        for target in targets:
            _upsert(target)
    return int(before)


def _upsert(target: Target) -> None:
    HabitTarget.insert(
        key=target.key, count=target.count, per=target.per.value, updated_at=utc_now()
    ).on_conflict(
        conflict_target=[HabitTarget.key],
        preserve=[HabitTarget.count, HabitTarget.per, HabitTarget.updated_at],
    ).execute()


def clear(key: str) -> bool:
    """Remove the type's target; False when it had none."""
    with database.atomic():
        return bool(HabitTarget.delete().where(HabitTarget.key == key).execute())


def all_targets() -> list[Target]:
    """Every target in catalog order (a type the catalog no longer knows is skipped)."""
    rows = [r for r in HabitTarget.select() if r.key in KEY_INDEX]
    rows.sort(key=lambda r: KEY_INDEX[r.key])
    return [Target(r.key, r.count, Period(r.per)) for r in rows]


def daily_counts(
    keys: Iterable[str], last_day: dt.date, cancelled: IsStale = never
) -> dict[str, dict[dt.date, int]]:
    """Actions logged per day up to last_day for each of ``keys`` (at target accounts or not):
    what streaks are made of, summed in SQL. Days without any are missing. ``cancelled`` is
    asked between batches of rows (years of days are tens of ms of Python)."""
    wanted = sorted(set(keys))
    by_key: dict[str, dict[dt.date, int]] = {key: {} for key in wanted}
    if not wanted:
        return by_key
    marks = ", ".join("?" * len(wanted))
    cursor = database.execute_sql(
        f"SELECT key, day, SUM(count) FROM action_entry WHERE day <= ? AND key IN ({marks}) "
        "GROUP BY key, day",
        (last_day.isoformat(), *wanted),
    )
    from_iso = dt.date.fromisoformat
    while rows := cursor.fetchmany(BATCH_ROWS):
        stop_if(cancelled)
        for key, day, total in rows:
            by_key[key][from_iso(day)] = int(total)
    return by_key
