"""The seller's habit targets (not target accounts): one per action type at most, so many a
day or a week."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.scoring.activity import KEY_INDEX
from ssi_desktop.store import actions
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


@dataclass(frozen=True)
class _KeptCounts:
    """Counts read earlier, and what the days before their last one were read from."""

    database: object
    before_last_day: tuple[int, int]  # actions.log_fingerprint of the day before the last
    by_key: Mapping[str, Mapping[dt.date, int]]


_kept: dict[tuple[tuple[str, ...], dt.date], _KeptCounts] = {}
"""The counts read last, whichever thread read them; each value is never changed after."""


def daily_counts(
    keys: Iterable[str], last_day: dt.date, cancelled: IsStale = never
) -> Mapping[str, Mapping[dt.date, int]]:
    """Actions logged per day up to last_day for each of ``keys`` (at target accounts or not):
    what streaks are made of, summed in SQL. Days without any are missing. ``cancelled`` is
    asked between batches of rows (years of days are tens of ms of Python).

    When the same keys were read up to the same day before and nothing dated before that day
    changed since (the log's revisions say so), only the last day is read again: at ten years
    of demo data a quick-add then costs the streaks 1 ms of reading instead of 100.
    """
    wanted = tuple(sorted(set(keys)))
    if not wanted:
        return {}
    with database.atomic():  # one snapshot of the file for the revisions and the sums
        before = actions.log_fingerprint(last_day - dt.timedelta(days=1))
        seen = _kept.get((wanted, last_day))
        if seen is not None and seen.database is database.obj and seen.before_last_day == before:
            by_key = {key: dict(days) for key, days in seen.by_key.items()}
            for days in by_key.values():
                days.pop(last_day, None)
            _read_into(by_key, last_day, last_day, cancelled)
        else:
            by_key = {key: {} for key in wanted}
            _read_into(by_key, dt.date.min, last_day, cancelled)
    _kept.clear()  # one set of counts at a time: the window asks for one day's
    _kept[(wanted, last_day)] = _KeptCounts(database.obj, before, by_key)
    return by_key


def _read_into(
    by_key: dict[str, dict[dt.date, int]],
    first_day: dt.date,
    last_day: dt.date,
    cancelled: IsStale,
) -> None:
    """Add each day's sum from first_day to last_day to ``by_key``, for each of its keys."""
    marks = ", ".join("?" * len(by_key))
    cursor = database.execute_sql(
        "SELECT key, day, SUM(count) FROM action_entry WHERE day BETWEEN ? AND ? "
        f"AND key IN ({marks}) GROUP BY key, day",
        (first_day.isoformat(), last_day.isoformat(), *by_key),
    )
    from_iso = dt.date.fromisoformat
    while rows := cursor.fetchmany(BATCH_ROWS):
        stop_if(cancelled)
        for key, day, total in rows:
            by_key[key][from_iso(day)] = int(total)
