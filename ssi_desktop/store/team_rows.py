"""A member's rows on the team server: publish what changed, read the leaderboard and trends.

Only aggregates ever travel: PUBLISHED_COLUMNS lists every column a member writes, and a test
fails if a publish sends anything else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ssi_desktop.catalog import Pillar
from ssi_desktop.store.team_server import SCHEMA, TeamDatabase

PILLAR_COLUMNS = tuple(p.value for p in Pillar)
PUBLISHED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "day_score": ("day", "total", *PILLAR_COLUMNS),
    "reading": ("day", "total", *PILLAR_COLUMNS),
    "week_actions": ("week", "pillar", "actions"),
}
"""Table -> the columns a publish fills (the member column is the server's current_user)."""

SAME = 1e-9
"""Scores closer than this are the same score (a day computed alone or inside a span can
differ in the last bit): nothing is sent for them."""


@dataclass(frozen=True)
class Scored:
    """A day's estimate, or an official reading: the total and the four pillars."""

    day: dt.date
    total: float
    pillars: Mapping[Pillar, float] = field(hash=False)

    def values(self) -> tuple[float, ...]:
        return (self.total, *(self.pillars[p] for p in Pillar))


@dataclass(frozen=True)
class Aggregates:
    """Everything a member publishes, for the days from first_day to last_day."""

    first_day: dt.date
    last_day: dt.date
    days: Sequence[Scored]
    readings: Sequence[Scored]
    weeks: Mapping[tuple[dt.date, Pillar], int]  # (Monday, pillar) -> actions that week


@dataclass(frozen=True)
class PublishReport:
    days: int
    readings: int
    weeks: int
    removed: int

    @property
    def sent(self) -> int:
        return self.days + self.readings + self.weeks + self.removed


def _differs(old: Sequence[float] | None, new: Sequence[float]) -> bool:
    return old is None or any(abs(a - b) > SAME for a, b in zip(old, new, strict=True))


def _upsert(
    db: TeamDatabase, table: str, key: tuple[str, ...], rows: Sequence[tuple[object, ...]]
) -> None:
    if not rows:
        return
    columns = PUBLISHED_COLUMNS[table]
    changed = [c for c in columns if c not in key]
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    db.execute_sql(
        f"INSERT INTO {SCHEMA}.{table} ({', '.join(columns)}) VALUES "
        + ", ".join([row_sql] * len(rows))
        + f" ON CONFLICT (member, {', '.join(key)}) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in changed),
        [value for row in rows for value in row],
    )


def _scored_rows(
    db: TeamDatabase, table: str, since: dt.date | None
) -> dict[dt.date, tuple[float, ...]]:
    columns = ", ".join(PUBLISHED_COLUMNS[table])
    where = "member = current_user" + ("" if since is None else " AND day >= %s")
    cursor = db.execute_sql(
        f"SELECT {columns} FROM {SCHEMA}.{table} WHERE {where}", () if since is None else (since,)
    )
    return {row[0]: tuple(float(v) for v in row[1:]) for row in cursor}


def publish(db: TeamDatabase, aggregates: Aggregates) -> PublishReport:
    """Send the rows that differ from what the server holds for this member; one transaction.

    The server's own rows are the record of the last publish: a publish after one that failed
    halfway, or from a second computer, still sends exactly what is missing. Afterwards the
    server holds exactly ``aggregates`` for this member: days and weeks before its first day
    (older than the published span, or before a log that was emptied) and after its last
    day are removed.
    """
    first_week = aggregates.first_day - dt.timedelta(days=aggregates.first_day.weekday())
    with db.atomic():
        removed = 0
        last_week = aggregates.last_day - dt.timedelta(days=aggregates.last_day.weekday())
        for table, column, since, until in (
            ("day_score", "day", aggregates.first_day, aggregates.last_day),
            ("week_actions", "week", first_week, last_week),
        ):
            removed += db.execute_sql(
                f"DELETE FROM {SCHEMA}.{table} WHERE member = current_user"
                f" AND ({column} < %s OR {column} > %s)",
                (since, until),
            ).rowcount
        held_days = _scored_rows(db, "day_score", aggregates.first_day)
        days = [
            (s.day, *s.values())
            for s in aggregates.days
            if _differs(held_days.get(s.day), s.values())
        ]
        _upsert(db, "day_score", ("day",), days)

        held_readings = _scored_rows(db, "reading", None)
        readings = [
            (s.day, *s.values())
            for s in aggregates.readings
            if _differs(held_readings.get(s.day), s.values())
        ]
        _upsert(db, "reading", ("day",), readings)
        gone_readings = sorted(set(held_readings) - {s.day for s in aggregates.readings})
        if gone_readings:
            removed += db.execute_sql(
                f"DELETE FROM {SCHEMA}.reading WHERE member = current_user AND day = ANY(%s)",
                (gone_readings,),
            ).rowcount

        cursor = db.execute_sql(
            f"SELECT week, pillar, actions FROM {SCHEMA}.week_actions"
            " WHERE member = current_user AND week >= %s",
            (first_week,),
        )
        held_weeks = {(week, Pillar(pillar)): int(n) for week, pillar, n in cursor}
        weeks = [
            (week, pillar.value, n)
            for (week, pillar), n in sorted(aggregates.weeks.items())
            if held_weeks.get((week, pillar)) != n
        ]
        _upsert(db, "week_actions", ("week", "pillar"), weeks)
        for week, pillar in sorted(set(held_weeks) - set(aggregates.weeks)):
            removed += db.execute_sql(
                f"DELETE FROM {SCHEMA}.week_actions"
                " WHERE member = current_user AND week = %s AND pillar = %s",
                (week, pillar.value),
            ).rowcount
    return PublishReport(len(days), len(readings), len(weeks), removed)


def erase(db: TeamDatabase) -> int:
    """Delete all of this member's rows; returns how many."""
    with db.atomic():
        return sum(
            db.execute_sql(f"DELETE FROM {SCHEMA}.{table} WHERE member = current_user").rowcount
            for table in PUBLISHED_COLUMNS
        )


@dataclass(frozen=True)
class BoardRow:
    """One member on the leaderboard: their latest published day."""

    name: str
    latest: Scored
    change_7d: float
    official: tuple[dt.date, float] | None

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "date": self.latest.day.isoformat(),
            "total": self.latest.total,
            "pillars": {p.value: self.latest.pillars[p] for p in Pillar},
            "change_7d": self.change_7d,
            "official": None
            if self.official is None
            else {"date": self.official[0].isoformat(), "total": self.official[1]},
        }


BOARD_SQL = f"""
SELECT m.name, d.day, d.total, {", ".join(f"d.{c}" for c in PILLAR_COLUMNS)},
       d.total - COALESCE(week_ago.total, d.total),
       r.day, r.total
FROM {SCHEMA}.member AS m
CROSS JOIN LATERAL (
    SELECT * FROM {SCHEMA}.day_score WHERE member = m.name ORDER BY day DESC LIMIT 1
) AS d
LEFT JOIN LATERAL (
    SELECT total FROM {SCHEMA}.day_score
    WHERE member = m.name AND day <= d.day - 7 ORDER BY day DESC LIMIT 1
) AS week_ago ON true
LEFT JOIN LATERAL (
    SELECT day, total FROM {SCHEMA}.reading WHERE member = m.name ORDER BY day DESC LIMIT 1
) AS r ON true
ORDER BY d.total DESC, m.name
"""


def board(db: TeamDatabase) -> list[BoardRow]:
    """Every member who published, best first, each on their latest published day.

    The 7-day change compares with the latest published day at least a week before (0 when
    the member has published for less than a week).
    """
    rows = []
    for name, day, total, *rest in db.execute_sql(BOARD_SQL):
        pillars = dict(zip(Pillar, (float(v) for v in rest[:4]), strict=True))
        change, official_day, official_total = rest[4:]
        official = None if official_day is None else (official_day, float(official_total))
        rows.append(
            BoardRow(str(name), Scored(day, float(total), pillars), float(change), official)
        )
    return rows


def trend(db: TeamDatabase, name: str, first_day: dt.date) -> list[Scored]:
    """One member's published days from first_day on, oldest first."""
    columns = ", ".join(PUBLISHED_COLUMNS["day_score"])
    cursor = db.execute_sql(
        f"SELECT {columns} FROM {SCHEMA}.day_score WHERE member = %s AND day >= %s ORDER BY day",
        (name, first_day),
    )
    return [
        Scored(row[0], float(row[1]), dict(zip(Pillar, map(float, row[2:]), strict=True)))
        for row in cursor
    ]


def is_member(db: TeamDatabase) -> bool:
    """Whether the connection's login is a member of the team on this server."""
    found = db.execute_sql("SELECT to_regclass(%s)", (f"{SCHEMA}.member",)).fetchone()[0]
    if found is None:
        return False
    return bool(
        db.execute_sql(
            f"SELECT count(*) FROM {SCHEMA}.member WHERE name = current_user"
        ).fetchone()[0]
    )
