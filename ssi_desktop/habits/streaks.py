"""Streaks: how many days (or weeks) in a row a target was met, now and at best.

The rules, in the seller's words (docs/SCORING.md has the long form):

- A daily target's day counts when that day's actions reach the target. A weekly target's week
  (Monday to Sunday) counts when the week's actions reach it.
- Rest days (vacation, sick days, holidays) freeze a streak: a rest day that falls short neither
  breaks the streak nor adds to it. Work done on a rest day still counts.
- A week with rest days asks for its share of the target: the count times the share of the week
  that is not rest, rounded up. A week made only of rest days freezes the streak, unless
  something was done in it: then it counts.
- Today (or this week) is open until it is over: not having met it yet never breaks a streak.

Everything here is pure: the day is passed in, counts and rest days are plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import numpy.typing as npt

from ssi_desktop.habits.days import ONE_DAY, week_start
from ssi_desktop.habits.targets import DailyCounts, Period, Target

Marks = npt.NDArray[np.int8]
Integers = npt.NDArray[np.int64]


class Mark(IntEnum):
    """What one period (a day or a week) did to a streak."""

    MET = 0
    MISSED = 1
    RESTED = 2
    OPEN = 3


@dataclass(frozen=True)
class Streak:
    """The current and the best run of met periods of one target."""

    current: int
    best: int
    per: Period
    open: bool
    """Today (or this week) is not met yet but is not over either."""

    def describe(self) -> str:
        unit = self.per.value if self.current == 1 else f"{self.per.value}s"
        return f"{self.current} {unit} in a row"


def week_ask(target: Target, rest_days_in_week: int) -> int:
    """A weekly target's count, cut to the share of the week that is not rest (rounded up)."""
    working_days = 7 - rest_days_in_week
    return -(-target.count * working_days // 7)


def _logged(counts: DailyCounts, today: dt.date) -> tuple[Integers, Integers]:
    """The days with actions up to today, as ordinals, and their counts.

    Converted in one pass each (np.fromiter): ten years of a target's days are 3,650 items, and
    a loop in Python over every item of every target was most of the streaks' time.
    """
    days = np.fromiter((day.toordinal() for day in counts), np.int64, len(counts))
    done = np.fromiter(counts.values(), np.int64, len(counts))
    logged = (done > 0) & (days <= today.toordinal())
    return days[logged], done[logged]


def _daily_arrays(
    logged: tuple[Integers, Integers], rest_days: Set[dt.date], first: dt.date, last: dt.date
) -> tuple[Integers, npt.NDArray[np.bool_]]:
    """Actions done (``logged``, from _logged) and rest flags for each day from first to last."""
    days, counts = logged
    done = np.zeros((last - first).days + 1, dtype=np.int64)
    shown = days >= first.toordinal()
    done[days[shown] - first.toordinal()] = counts[shown]  # a mapping holds each day once
    resting = np.zeros(done.shape, dtype=bool)
    for day in rest_days:
        if first <= day <= last:
            resting[(day - first).days] = True
    return done, resting


def marks(target: Target, counts: DailyCounts, rest_days: Set[dt.date], today: dt.date) -> Marks:
    """A Mark for each period from the first one with logged actions up to today's, oldest
    first (numpy, so that ten years of history cost milliseconds)."""
    logged = _logged(counts, today)
    first = dt.date.fromordinal(int(logged[0].min())) if len(logged[0]) else today
    if target.per is Period.DAY:
        done, resting = _daily_arrays(logged, rest_days, first, today)
        met = done >= target.count
        ask = np.where(resting, 0, target.count)
    else:
        monday, sunday = week_start(first), week_start(today) + 6 * ONE_DAY
        daily, resting_days = _daily_arrays(logged, rest_days, monday, sunday)
        done = daily.reshape(-1, 7).sum(axis=1)
        rests = resting_days.reshape(-1, 7).sum(axis=1)
        ask = -(-target.count * (7 - rests) // 7)
        # A week of rest asks for nothing, so any work in it meets it: resting more can never
        # turn a met week into a frozen one (a shorter streak).
        met = (done >= target.count) | ((done > 0) & (ask <= done))
    result = np.where(met, Mark.MET, np.where(ask == 0, Mark.RESTED, Mark.MISSED)).astype(np.int8)
    if not met[-1]:
        result[-1] = Mark.OPEN  # today, or this week, is not over
    return result


def streak(target: Target, counts: DailyCounts, rest_days: Set[dt.date], today: dt.date) -> Streak:
    """The target's streak as it stands on ``today``."""
    history = marks(target, counts, rest_days, today)
    decided = history[(history == Mark.MET) | (history == Mark.MISSED)]  # rest and open: frozen
    met = np.concatenate(([False], decided == Mark.MET, [False]))
    edges = np.flatnonzero(np.diff(met.astype(np.int8)))
    runs = edges[1::2] - edges[::2]  # each run of met periods: where it ends minus where it starts
    current = int(runs[-1]) if len(decided) and decided[-1] == Mark.MET else 0
    best = int(runs.max()) if len(runs) else 0
    return Streak(current, best, target.per, open=bool(history[-1] == Mark.OPEN))
