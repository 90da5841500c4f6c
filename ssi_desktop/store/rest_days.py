"""Rest days: days off that freeze streaks. They may be planned ahead (next month's vacation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssi_desktop.habits.days import each_day
from ssi_desktop.store.actions import EARLIEST_DAY, MAX_NOTE_CHARS, InvalidEntryError
from ssi_desktop.store.db import database
from ssi_desktop.store.models import RestDay, utc_now

MAX_SPAN_DAYS = 366
"""More than a year off in one go is a typo in a date."""


def check_span(first: dt.date, last: dt.date) -> None:
    """Raise InvalidEntryError unless first..last is a sensible run of rest days."""
    if last < first:
        raise InvalidEntryError(f"{last.isoformat()} is before {first.isoformat()}")
    if first < EARLIEST_DAY:
        raise InvalidEntryError(f"{first.isoformat()} is before LinkedIn existed")
    if (last - first).days + 1 > MAX_SPAN_DAYS:
        raise InvalidEntryError(f"that is more than {MAX_SPAN_DAYS} rest days at once")


def add(first: dt.date, last: dt.date, note: str = "") -> int:
    """Make every day from first to last a rest day; returns how many were not one already.

    A day that already was a rest day keeps its note unless a new one is given.
    """
    check_span(first, last)
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidEntryError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    now = utc_now()
    rows = [{"day": day, "note": note, "created_at": now} for day in each_day(first, last)]
    insert = RestDay.insert_many(rows)
    if note:
        insert = insert.on_conflict(conflict_target=[RestDay.day], preserve=[RestDay.note])
    else:
        insert = insert.on_conflict_ignore()
    with database.atomic():
        known = RestDay.select().where(RestDay.day.between(first, last)).count()
        insert.execute()
    return len(rows) - int(known)


def clear(first: dt.date, last: dt.date) -> int:
    """Make the days from first to last ordinary days again; returns how many were rest days."""
    check_span(first, last)
    with database.atomic():
        return int(RestDay.delete().where(RestDay.day.between(first, last)).execute())


@dataclass(frozen=True)
class RestDayInfo:
    day: dt.date
    note: str


def listed(since: dt.date | None = None) -> list[RestDayInfo]:
    """Rest days, oldest first, optionally from ``since`` on."""
    query = RestDay.select().order_by(RestDay.day)
    if since is not None:
        query = query.where(RestDay.day >= since)
    return [RestDayInfo(r.day, r.note) for r in query]


def days() -> frozenset[dt.date]:
    return frozenset(r.day for r in RestDay.select(RestDay.day))
