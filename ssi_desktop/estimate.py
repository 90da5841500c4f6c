"""Load the seller's log from the store and score it: the one path from data to estimate."""

from __future__ import annotations

import datetime as dt

from ssi_desktop.scoring import Activity, ScoreSeries, Sensitivity, compute
from ssi_desktop.scoring.activity import window_start
from ssi_desktop.scoring.model import DEFAULT_SENSITIVITY
from ssi_desktop.store import actions, profile


def load_activity(first_day: dt.date, last_day: dt.date) -> Activity:
    """The activity needed to score each day from first_day to last_day (one SQL aggregate)."""
    first = window_start(first_day)
    return Activity.from_sums(first, last_day, actions.daily_sums(first, last_day))


def series(
    first_day: dt.date, last_day: dt.date, sensitivity: Sensitivity = DEFAULT_SENSITIVITY
) -> ScoreSeries:
    """Scores for every day from first_day to last_day, read from the database."""
    return compute(
        load_activity(first_day, last_day), profile.history(), first_day, last_day, sensitivity
    )


def trend(
    last_day: dt.date, days: int, sensitivity: Sensitivity = DEFAULT_SENSITIVITY
) -> ScoreSeries:
    """The last ``days`` days up to last_day."""
    return series(last_day - dt.timedelta(days=days - 1), last_day, sensitivity)
