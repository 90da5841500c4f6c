"""Where the score is heading: the last four weeks' pace, continued.

The pace is the average daily count of each action type over the 28 days up to today (today
included, so what was just logged counts), kept apart for actions at target accounts. The future
is filled with that pace as whole actions on evenly spaced days (see steady.py) and scored by the
model as it would score real history. The profile stays as it is today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ssi_desktop.catalog import Pillar
from ssi_desktop.habits.steady import steady_tallies
from ssi_desktop.scoring import Activity, DayScore, ProfileHistory, ScoreSeries, Sensitivity, Tally
from ssi_desktop.scoring.model import compute

PACE_DAYS = 28
MILESTONES = (30, 90)
"""Days ahead that `ssi forecast` shows when no --days is given."""


@dataclass(frozen=True)
class Pace:
    """Average actions per day of each (type, at a target account) over first_day..last_day."""

    first_day: dt.date
    last_day: dt.date
    per_day: Mapping[tuple[str, bool], float]


def pace_over(tallies: Iterable[Tally], last_day: dt.date, days: int = PACE_DAYS) -> Pace:
    """The pace of the ``days`` days up to last_day (tallies outside them are ignored)."""
    first_day = last_day - dt.timedelta(days=days - 1)
    totals: dict[tuple[str, bool], int] = {}
    for t in tallies:
        if first_day <= t.day <= last_day:
            totals[(t.key, t.at_target)] = totals.get((t.key, t.at_target), 0) + t.count
    return Pace(first_day, last_day, {kind: n / days for kind, n in sorted(totals.items())})


@dataclass(frozen=True)
class Forecast:
    """Today's real estimate followed by the estimates at the same pace for the days ahead."""

    pace: Pace
    series: ScoreSeries

    @property
    def today(self) -> dt.date:
        return self.series.first_day

    def ahead(self, days: int) -> DayScore:
        """The estimate ``days`` days after today."""
        return self.series.on(self.today + dt.timedelta(days=days))

    def line(self, pillar: Pillar | None = None) -> list[tuple[dt.date, float]]:
        """(day, total), or one pillar's points, from today on: a trend chart's dashed
        continuation starts at today."""
        values = self.series.totals if pillar is None else self.series.pillars[pillar]
        return [(day, float(v)) for day, v in zip(self.series.days, values, strict=True)]


def forecast(
    tallies: Iterable[Tally],
    profile: ProfileHistory,
    today: dt.date,
    days: int,
    sensitivity: Sensitivity,
) -> Forecast:
    """Forecast ``days`` days past today from the tallies of the 90 days up to today."""
    if days < 1:
        raise ValueError(f"a forecast needs at least one day ahead, not {days}")
    past = list(tallies)
    pace = pace_over(past, today)
    tomorrow = today + dt.timedelta(days=1)
    future = [
        tally
        for (key, at_target), per_day in pace.per_day.items()
        for tally in steady_tallies(key, per_day, tomorrow, days, at_target)
    ]
    last_day = today + dt.timedelta(days=days)
    activity = Activity.covering(today, last_day, [*past, *future])
    return Forecast(pace, compute(activity, profile, today, last_day, sensitivity))
