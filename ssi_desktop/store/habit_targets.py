"""The seller's habit targets (not target accounts): one per action type at most, so many a
day or a week."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ssi_desktop.habits.days import ONE_DAY
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


@dataclass
class _History:
    """Every day's counts before ``today`` for ``keys``: read in one pass, or over several
    when a pass is told to stop, each batch kept (rows come in (day, key) order, and the next
    pass reads on from the last one read)."""

    database: object
    keys: tuple[str, ...]
    today: dt.date
    revisions: tuple[int, int]  # actions.log_fingerprint of the day before today
    by_key: dict[str, dict[dt.date, int]]
    after: tuple[str, str] = ("", "")  # the last (ISO day, key) read
    complete: bool = False

    @property
    def made_from(self) -> tuple[object, tuple[str, ...], dt.date, tuple[int, int]]:
        return (self.database, self.keys, self.today, self.revisions)


_history: _History | None = None
"""The days before today read last; changed only with _history_lock held."""
_history_lock = threading.Lock()


def daily_counts(
    keys: Iterable[str], last_day: dt.date, cancelled: IsStale = never
) -> Mapping[str, Mapping[dt.date, int]]:
    """Actions logged per day up to last_day for each of ``keys`` (at target accounts or not):
    what streaks are made of, summed in SQL. Days without any are missing. ``cancelled`` is
    asked between batches of rows (years of days are tens of ms of Python).

    The days before last_day are kept while the log's revisions say nothing dated before it
    changed, and only last_day is read again: at ten years of demo data a quick-add then costs
    the streaks 1 ms of reading instead of 100. A first read that a newer change cancels keeps
    what it read, and the next call reads on from there instead of starting again.
    """
    global _history
    wanted = tuple(sorted(set(keys)))
    if not wanted:
        return {}
    with _history_lock, database.atomic():  # one snapshot of the file for revisions and sums
        made_from = (database.obj, wanted, last_day, actions.log_fingerprint(last_day - ONE_DAY))
        if _history is None or _history.made_from != made_from:
            _history = _History(*made_from, by_key={key: {} for key in wanted})
        _read_history(_history, cancelled)
        by_key = {key: dict(days) for key, days in _history.by_key.items()}
        today = actions.counts_on(last_day)
    for key, days in by_key.items():
        if key in today:
            days[last_day] = today[key]
    return by_key


def _read_history(history: _History, cancelled: IsStale) -> None:
    if history.complete:
        return
    # In the day index's order: the first rows come without sorting ten years first, and a
    # read that goes on after a cancelled one starts at its day instead of scanning them all.
    marks = ", ".join("?" * len(history.keys))
    first_day, _key = history.after
    cursor = database.execute_sql(
        f"SELECT day, key, SUM(count) FROM action_entry WHERE day >= ? AND day < ? "
        f"AND key IN ({marks}) AND (day, key) > (?, ?) GROUP BY day, key ORDER BY day, key",
        (first_day, history.today.isoformat(), *history.keys, *history.after),
    )
    from_iso = dt.date.fromisoformat
    while rows := cursor.fetchmany(BATCH_ROWS):
        stop_if(cancelled)  # before the batch: what is kept ends at history.after
        for day, key, total in rows:
            history.by_key[key][from_iso(day)] = int(total)
        history.after = (rows[-1][0], rows[-1][1])
    history.complete = True
