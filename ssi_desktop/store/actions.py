"""The action log: record, correct, undo and aggregate the seller's actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import peewee

from ssi_desktop.catalog import Pillar, action, actions_in
from ssi_desktop.scoring.activity import DailySum, Tally
from ssi_desktop.store.db import DatabaseError, database
from ssi_desktop.store.models import (
    ActionEntry,
    Contact,
    OfficialReadingRow,
    ProfileChange,
    utc_now,
)

MAX_COUNT = 1000
"""More than this many actions of one type in one entry is a typo, not a day's work."""

MAX_NOTE_CHARS = 2000
EARLIEST_DAY = dt.date(2003, 5, 5)
"""LinkedIn opened on 5 May 2003; nothing can have happened on it before."""


class InvalidEntryError(ValueError):
    """An entry the log refuses; the message is one sentence for the seller."""


@dataclass(frozen=True)
class NewEntry:
    """What a quick-add, the CLI or an importer asks the log to record."""

    key: str
    day: dt.date
    count: int = 1
    note: str = ""
    at_target: bool = False
    source: str = "manual"
    external_id: str | None = None
    batch_id: int | None = None
    contact_id: int | None = None


def check_day(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise InvalidEntryError(
            f"{day.isoformat()} is in the future (today is {today.isoformat()})"
        )
    if day < EARLIEST_DAY:
        raise InvalidEntryError(f"{day.isoformat()} is before LinkedIn existed")


def _has_broken_characters(text: str) -> bool:
    """Undecodable bytes (from a command line or a file in another encoding) arrive as lone
    surrogates, which SQLite cannot store as text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_entry(entry: NewEntry, today: dt.date) -> None:
    """Raise InvalidEntryError unless the entry can be recorded as it is."""
    action(entry.key)
    if entry.count <= 0:
        raise InvalidEntryError(f"count must be at least 1, not {entry.count}")
    if entry.count > MAX_COUNT:
        raise InvalidEntryError(f"count {entry.count} is more than {MAX_COUNT} in one entry")
    if len(entry.note) > MAX_NOTE_CHARS:
        raise InvalidEntryError(f"the note is longer than {MAX_NOTE_CHARS} characters")
    if not entry.note.isascii() and _has_broken_characters(entry.note):
        raise InvalidEntryError("the note has bytes that are not valid UTF-8 text")
    check_day(entry.day, today)


def _check_contacts_exist(contact_ids: Iterable[int | None]) -> None:
    wanted = {i for i in contact_ids if i is not None}
    if not wanted:
        return
    found = {c.id for c in Contact.select(Contact.id).where(Contact.id.in_(list(wanted)))}
    missing = sorted(wanted - found)
    if missing:
        raise InvalidEntryError(
            f"there is no contact with id {missing[0]} (see `ssi contact list`)"
        )


def record(entry: NewEntry, today: dt.date) -> LoggedEntry:
    """Check and store one entry; it is committed when this returns."""
    check_entry(entry, today)
    with database.atomic():
        _check_contacts_exist([entry.contact_id])
        created = ActionEntry.create(
            day=entry.day,
            key=entry.key,
            count=entry.count,
            note=entry.note,
            at_target=entry.at_target,
            source=entry.source,
            external_id=entry.external_id,
            batch_id=entry.batch_id,
            contact=entry.contact_id,
        )
        return LoggedEntry.of(created)


def record_many(entries: Sequence[NewEntry], today: dt.date) -> int:
    """Store many entries in one transaction (all or none); returns how many were stored.

    Plain executemany: peewee's insert_many builds the SQL text value by value, which costs
    more than SQLite's own work for imports of many thousands of rows.
    """
    for entry in entries:
        check_entry(entry, today)
    now = utc_now().isoformat(sep=" ")
    rows = [
        (
            e.day.isoformat(),
            e.key,
            e.count,
            e.note,
            int(e.at_target),
            e.source,
            e.external_id,
            e.batch_id,
            now,
            e.contact_id,
        )
        for e in entries
    ]
    with database.atomic():
        _check_contacts_exist(e.contact_id for e in entries)
        database.cursor().executemany(
            "INSERT INTO action_entry (day, key, count, note, at_target, source, external_id, "
            "batch_id, created_at, contact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def undo_last() -> LoggedEntry | None:
    """Remove the newest entry and return it (None when the log is empty)."""
    with database.atomic():
        newest: ActionEntry | None = ActionEntry.select().order_by(ActionEntry.id.desc()).first()
        if newest is None:
            return None
        removed = LoggedEntry.of(newest)
        newest.delete_instance()
        return removed


def update(entry_id: int, changes: NewEntry, today: dt.date) -> LoggedEntry:
    """Replace an entry's key, day, count, note and target flag."""
    check_entry(changes, today)
    with database.atomic():
        entry = ActionEntry.get_by_id(entry_id)
        entry.key, entry.day, entry.count = changes.key, changes.day, changes.count
        entry.note, entry.at_target = changes.note, changes.at_target
        entry.save()
        return LoggedEntry.of(entry)


def delete(*entry_ids: int) -> int:
    """Delete these entries, all or none; returns how many existed."""
    with database.atomic():
        deleted: int = ActionEntry.delete().where(ActionEntry.id.in_(entry_ids)).execute()
        return deleted


@dataclass(frozen=True)
class LoggedEntry:
    """One line of the log as the store hands it out: a frozen value, not a database row."""

    id: int
    day: dt.date
    key: str
    count: int
    note: str
    at_target: bool
    source: str
    contact_id: int | None
    batch_id: int | None

    @classmethod
    def of(cls, row: ActionEntry) -> LoggedEntry:
        return cls(
            row.id,
            row.day,
            row.key,
            row.count,
            row.note,
            bool(row.at_target),
            row.source,
            row.contact_id,
            row.batch_id,
        )


def entries(
    since: dt.date | None = None,
    until: dt.date | None = None,
    pillar: Pillar | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[LoggedEntry]:
    """Entries newest first, optionally within days and one pillar's action types; ``limit``
    and ``offset`` read one page of them."""
    # Plain SQL and plain rows: the History tab reads a page on the GUI thread after every
    # change made elsewhere, and peewee's query building and per-column conversion cost four
    # times the query itself (docs/BENCHMARKS.md, "What the History tab reads").
    where, parameters = _entry_filter(since, until, pillar)
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        parameters = [*parameters, limit, offset]
    rows = cast(
        "list[_EntryTuple]",
        database.execute_sql(
            "SELECT id, day, key, count, note, at_target, source, contact_id, batch_id"
            f" FROM action_entry WHERE {where} ORDER BY day DESC, id DESC{page}",
            parameters,
        ).fetchall(),
    )
    return [
        LoggedEntry(i, _day(d), k, n, t, bool(a), s, c, b) for i, d, k, n, t, a, s, c, b in rows
    ]


def _entry_filter(
    since: dt.date | None, until: dt.date | None, pillar: Pillar | None
) -> tuple[str, list[object]]:
    """The WHERE clause entries() and count_entries() share, and its parameters."""
    terms: list[str] = ["1"]
    parameters: list[object] = []
    if since is not None:
        terms.append("day >= ?")
        parameters.append(since.isoformat())
    if until is not None:
        terms.append("day <= ?")
        parameters.append(until.isoformat())
    if pillar is not None:
        keys = [kind.key for kind in actions_in(pillar)]
        terms.append(f"key IN ({', '.join('?' * len(keys))})")
        parameters.extend(keys)
    return " AND ".join(terms), parameters


_EntryTuple = tuple[int, "dt.date | str", str, int, str, int, str, "int | None", "int | None"]


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


TALLIES_SQL = """
SELECT e.day, e.key,
       e.at_target OR IFNULL(c.is_decision_maker, 0) OR IFNULL(a.is_target, 0) AS targeted,
       SUM(e.count)
FROM action_entry AS e
LEFT JOIN contact AS c ON c.id = e.contact_id
LEFT JOIN account AS a ON a.id = c.account_id
WHERE e.day BETWEEN ? AND ?
GROUP BY e.day, e.key, targeted
"""


def daily_tallies(first_day: dt.date, last_day: dt.date) -> list[Tally]:
    """Counts per day, action type and target flag: the score model's input, summed in SQL.

    An entry counts as at a target when its own flag says so, or when its contact is a
    decision-maker or works at a target account. The flag is read through the contact at query
    time, so marking an account as a target re-weighs every entry with its people.
    """
    cursor = database.execute_sql(TALLIES_SQL, (first_day.isoformat(), last_day.isoformat()))
    try:
        return [
            Tally(dt.date.fromisoformat(day), key, int(total), bool(target))
            for day, key, target, total in cursor
        ]
    except (TypeError, ValueError) as error:
        # SQLite's own checks pass, but a row holds what this app never writes.
        raise DatabaseError(f"the log holds a damaged entry ({error})") from error


def daily_sums(first_day: dt.date, last_day: dt.date) -> list[DailySum]:
    """Per day and action type: the count, and the count with a target, summed in SQL.

    "With a target" is what daily_tallies calls targeted (the entry's flag, a decision-maker
    contact, or a contact at a target account). Days come as offsets from first_day (SQLite's
    julianday), so nothing is parsed in Python: the score model's input for a 90-day trend in
    about a millisecond, even at 10 years.
    """
    cursor = database.execute_sql(
        "SELECT CAST(julianday(e.day) - julianday(?) AS INTEGER), e.key, SUM(e.count),"
        " SUM(CASE WHEN e.at_target OR IFNULL(c.is_decision_maker, 0) OR IFNULL(a.is_target, 0)"
        " THEN e.count ELSE 0 END)"
        " FROM action_entry AS e"
        " LEFT JOIN contact AS c ON c.id = e.contact_id"
        " LEFT JOIN account AS a ON a.id = c.account_id"
        " WHERE e.day BETWEEN ? AND ? GROUP BY e.day, e.key",
        (first_day.isoformat(), first_day.isoformat(), last_day.isoformat()),
    )
    found = [DailySum(*row) for row in cursor]
    if any(row.offset is None or row.total is None for row in found):
        # SQLite's own checks pass, but a row holds what this app never writes.
        raise DatabaseError("the log holds a damaged entry (a day that is not a date)")
    return found


def log_fingerprint(until: dt.date) -> tuple[int, int]:
    """Changes whenever an entry dated up to ``until``, or a contact or account, changes.

    Triggers keep a revision per day of the log (schema 6, store/migrations.py) that only
    ever goes up, so the sum of revisions up to a day is a change counter for everything
    scored up to that day: a result computed from them (the calibration fit) can be reused
    until it moves, instead of reloading years of history.
    """
    count, total = database.execute_sql(
        "SELECT COUNT(*), TOTAL(revision) FROM log_day_revision WHERE day <= ?",
        (until.isoformat(),),
    ).fetchone()
    return int(count), int(total)


def counts_on(day: dt.date) -> dict[str, int]:
    """How many of each action type were logged on ``day``."""
    cursor = database.execute_sql(
        "SELECT key, SUM(count) FROM action_entry WHERE day = ? GROUP BY key", (day.isoformat(),)
    )
    return {key: int(total) for key, total in cursor}


def count_entries(
    since: dt.date | None = None, until: dt.date | None = None, pillar: Pillar | None = None
) -> int:
    """How many entries entries() would list with the same filter (one indexed COUNT)."""
    where, parameters = _entry_filter(since, until, pillar)
    found = database.execute_sql(f"SELECT COUNT(*) FROM action_entry WHERE {where}", parameters)
    return int(found.fetchone()[0])


def entry_count() -> int:
    # Plain SQL: the score worker asks on every recompute.
    return int(database.execute_sql("SELECT COUNT(*) FROM action_entry").fetchone()[0])


def known_external_ids(ids: Iterable[str]) -> set[str]:
    """Which of these external ids are already in the log (re-imports add nothing twice)."""
    found: set[str] = set()
    for batch in peewee.chunked(list(ids), 900):  # SQLite's default limit is 999 parameters
        marks = ", ".join("?" * len(batch))
        cursor = database.execute_sql(
            f"SELECT external_id FROM action_entry WHERE external_id IN ({marks})", batch
        )
        found.update(row[0] for row in cursor)
    return found


def first_recorded_day() -> dt.date | None:
    """The first day anything was recorded: an action, a profile change or a reading."""
    found = [
        model.select(peewee.fn.MIN(model.day)).scalar()
        for model in (ActionEntry, ProfileChange, OfficialReadingRow)
    ]
    days = [d if isinstance(d, dt.date) else dt.date.fromisoformat(d) for d in found if d]
    return min(days, default=None)


def entries_from(source: str) -> int:
    """How many entries came from ``source`` ("manual", "linkedin", "demo")."""
    return int(ActionEntry.select().where(ActionEntry.source == source).count())


def delete_entries_from(source: str) -> int:
    """Remove every entry that came from ``source`` (the demo's, before fresh ones)."""
    with database.atomic():
        return int(ActionEntry.delete().where(ActionEntry.source == source).execute())
