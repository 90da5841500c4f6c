"""Where the score is heading: the last four weeks' pace, continued.

The pace is the average daily count of each action type over the 28 days up to today (today
included, so what was just logged counts), kept apart for actions at target accounts. Each day
ahead gets the pace's average worth: what whole actions on evenly spaced days (see steady.py)
are worth per day on average, so the line moves smoothly instead of stepping on the days an
action would fall. The model scores those days as it scores real history; the profile and the
network stay as they are today.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring import Activity, DayScore, ProfileHistory, ScoreSeries, Sensitivity, Tally
from ssi_desktop.scoring.activity import KEY_INDEX, TARGET_WEIGHT
from ssi_desktop.scoring.model import DAILY_EXPONENT, NO_NETWORK_RECORDED, compute
from ssi_desktop.scoring.network import NetworkHistory

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
    network: NetworkHistory = NO_NETWORK_RECORDED,
) -> Forecast:
    """Forecast ``days`` days past today from the tallies of the 90 days up to today."""
    if days < 1:
        raise ValueError(f"a forecast needs at least one day ahead, not {days}")
    past = list(tallies)
    pace = pace_over(past, today)
    last_day = today + dt.timedelta(days=days)
    activity = Activity.covering(today, last_day, past)
    _fill_ahead(activity, pace, first_column=activity.days - days)
    return Forecast(pace, compute(activity, profile, today, last_day, sensitivity, network))


def average_worth(per_day: float) -> float:
    """What a steady pace is worth per day, laid out as whole actions on evenly spaced days:
    between n and n + 1 actions a day, the share of days with n + 1 (the model counts a day's
    n actions as n ** DAILY_EXPONENT)."""
    whole = math.floor(per_day)
    extra = per_day - whole
    return float((1 - extra) * whole**DAILY_EXPONENT + extra * (whole + 1) ** DAILY_EXPONENT)


def _fill_ahead(activity: Activity, pace: Pace, first_column: int) -> None:
    """Give every day from first_column on the pace's average worth (see average_worth)."""
    plain: dict[str, float] = {}
    weighted: dict[str, float] = {}
    for (key, at_target), per_day in pace.per_day.items():
        plain[key] = plain.get(key, 0.0) + per_day
        weight = TARGET_WEIGHT if at_target else 1.0
        weighted[key] = weighted.get(key, 0.0) + weight * per_day
    for key, per_day in plain.items():
        row = KEY_INDEX[key]
        activity.raw[row, first_column:] = per_day
        # The model raises a day's weighted count to DAILY_EXPONENT: store the count whose
        # power is the average worth.
        worth = average_worth(weighted[key])
        activity.weighted[row, first_column:] = worth ** (1.0 / DAILY_EXPONENT)
