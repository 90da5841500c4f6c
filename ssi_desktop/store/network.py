"""The seller's network over time: connections, followers and decision-makers, one row a day.

Typed in with ``ssi network set`` (or the window's Network dialog) or filled by the archive
import. A second record of a day replaces the first; a record typed in by hand is never
replaced by an import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ssi_desktop.scoring.network import (
    MAX_CONNECTIONS,
    MAX_FOLLOWERS,
    NetworkHistory,
    NetworkRecord,
)
from ssi_desktop.store.actions import InvalidEntryError, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import NetworkRow


def check_record(record: NetworkRecord, today: dt.date) -> None:
    """Raise InvalidEntryError unless the record can be a LinkedIn member's network."""
    check_day(record.day, today)
    limits = (
        ("connections", record.connections, MAX_CONNECTIONS),
        ("followers", record.followers, MAX_FOLLOWERS),
        ("decision-makers", record.decision_makers, MAX_CONNECTIONS),
    )
    for what, value, most in limits:
        if value is None:
            continue
        if value < 0:
            raise InvalidEntryError(f"{what} cannot be negative ({value})")
        if value > most:
            raise InvalidEntryError(f"{what} cannot be more than {most:,} ({value:,})")
    if record.decision_makers is not None and record.decision_makers > record.connections:
        raise InvalidEntryError(
            f"decision-makers ({record.decision_makers:,}) cannot outnumber your "
            f"connections ({record.connections:,})"
        )


def _row_to_record(row: NetworkRow) -> NetworkRecord:
    return NetworkRecord(row.day, row.connections, row.followers, row.decision_makers)


def record(entry: NetworkRecord, today: dt.date) -> NetworkRecord | None:
    """Save the network of a day typed in by the seller; returns the record it replaced."""
    check_record(entry, today)
    with database.atomic():
        old = NetworkRow.get_or_none(NetworkRow.day == entry.day)
        NetworkRow.delete().where(NetworkRow.day == entry.day).execute()
        NetworkRow.create(
            day=entry.day,
            connections=entry.connections,
            followers=entry.followers,
            decision_makers=entry.decision_makers,
        )
    return None if old is None else _row_to_record(old)


def fill_from_import(entries: Iterable[NetworkRecord], batch_id: int) -> int:
    """Add the records an archive import found, inside the caller's transaction.

    Days that already hold a record keep it (a value typed in by hand wins, and a re-import
    adds nothing twice); returns how many records were added.
    """
    taken = {row.day for row in NetworkRow.select(NetworkRow.day)}
    rows = [
        {
            "day": e.day,
            "connections": e.connections,
            "followers": e.followers,
            "decision_makers": e.decision_makers,
            "source": "linkedin",
            "batch_id": batch_id,
        }
        for e in entries
        if e.day not in taken
    ]
    for start in range(0, len(rows), 500):
        NetworkRow.insert_many(rows[start : start + 500]).execute()
    return len(rows)


def all_records() -> list[NetworkRecord]:
    """Every record, oldest first (plain SQL: the score worker reads them on every recompute,
    and a model object per row cost 3 ms at ten years of weekly records)."""
    cursor = database.execute_sql(
        "SELECT day, connections, followers, decision_makers FROM network_record ORDER BY day"
    )
    return [
        NetworkRecord(dt.date.fromisoformat(day), connections, followers, decision_makers)
        for day, connections, followers, decision_makers in cursor
    ]


def history() -> NetworkHistory:
    return NetworkHistory(all_records())
