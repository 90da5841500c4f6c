"""What a member publishes, computed from the local log: aggregates, never the log itself.

Per day the estimated total and four pillars (the same estimate as `ssi score`), the official
readings' totals and pillars, and per week the number of actions of each pillar.
"""

from __future__ import annotations

import datetime as dt

from ssi_desktop.application import estimate
from ssi_desktop.catalog import Pillar, action
from ssi_desktop.store import actions, readings
from ssi_desktop.store.team_rows import Aggregates, Scored

PUBLISHED_DAYS = 730
"""How far back a publish goes: two years of days, enough for any contest and for the
90-day trends of the Team tab."""


def first_published_day(today: dt.date) -> dt.date:
    first = actions.first_recorded_day() or today
    return max(first, today - dt.timedelta(days=PUBLISHED_DAYS - 1))


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def collect(today: dt.date) -> Aggregates:
    """Everything to publish, from the first published day to ``today``."""
    first = first_published_day(today)
    span = estimate.series(first, today)
    days = [Scored(s.day, s.total, dict(s.pillars)) for s in span.each_day()]
    # Today exactly as `ssi score` computes it, so that the board shows the same number.
    latest = estimate.series(today, today).on(today)
    days[-1] = Scored(today, latest.total, dict(latest.pillars))
    official = [
        Scored(r.day, r.total, dict(r.pillars)) for r in readings.all_readings() if r.day <= today
    ]
    weeks: dict[tuple[dt.date, Pillar], int] = {}
    first_week = week_of(first)
    for row in actions.daily_sums(first_week, today):
        key = (week_of(first_week + dt.timedelta(days=row.offset)), action(row.key).pillar)
        weeks[key] = weeks.get(key, 0) + row.total
    return Aggregates(first, today, days, official, weeks)
