"""Streaks: how many days (or weeks) in a row a target was met, now and at best.

The rules, in the seller's words (docs/SCORING.md has the long form):

- A daily target's day counts when that day's actions reach the target. A weekly target's week
  (Monday to Sunday) counts when the week's actions reach it.
- Rest days (vacation, sick days, holidays) freeze a streak: a rest day that falls short neither
  breaks the streak nor adds to it. Work done on a rest day still counts.
- A week with rest days asks for its share of the target: the count times the share of the week
  that is not rest, rounded up. A week made only of rest days freezes the streak.
- Today (or this week) is open until it is over: not having met it yet never breaks a streak.

Everything here is pure: the day is passed in, counts and rest days are plain values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Set
from dataclasses import dataclass
from enum import Enum

from ssi_desktop.habits.days import ONE_DAY, each_day, week_start
from ssi_desktop.habits.targets import DailyCounts, Period, Target


class Mark(Enum):
    """What one period (a day or a week) did to a streak."""

    MET = "met"
    MISSED = "missed"
    RESTED = "rested"
    OPEN = "open"


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


def marks(
    target: Target, counts: DailyCounts, rest_days: Set[dt.date], today: dt.date
) -> Iterator[tuple[dt.date, Mark]]:
    """Each period from the first one with logged actions up to today's, oldest first."""
    logged = [day for day, count in counts.items() if count > 0 and day <= today]
    first = min(logged, default=today)
    if target.per is Period.DAY:
        yield from _day_marks(target, counts, rest_days, first, today)
    else:
        yield from _week_marks(target, counts, rest_days, first, today)


def _day_marks(
    target: Target, counts: DailyCounts, rest_days: Set[dt.date], first: dt.date, today: dt.date
) -> Iterator[tuple[dt.date, Mark]]:
    for day in each_day(first, today):
        if counts.get(day, 0) >= target.count:
            yield day, Mark.MET
        elif day == today:
            yield day, Mark.OPEN
        elif day in rest_days:
            yield day, Mark.RESTED
        else:
            yield day, Mark.MISSED


def _week_marks(
    target: Target, counts: DailyCounts, rest_days: Set[dt.date], first: dt.date, today: dt.date
) -> Iterator[tuple[dt.date, Mark]]:
    monday, this_monday = week_start(first), week_start(today)
    while monday <= this_monday:
        week = list(each_day(monday, monday + 6 * ONE_DAY))
        done = sum(counts.get(day, 0) for day in week if day <= today)
        ask = week_ask(target, sum(day in rest_days for day in week))
        if done >= target.count or 0 < ask <= done:
            yield monday, Mark.MET
        elif monday == this_monday:
            yield monday, Mark.OPEN
        elif ask == 0:
            yield monday, Mark.RESTED
        else:
            yield monday, Mark.MISSED
        monday += 7 * ONE_DAY


def streak(target: Target, counts: DailyCounts, rest_days: Set[dt.date], today: dt.date) -> Streak:
    """The target's streak as it stands on ``today``."""
    history = [mark for _day, mark in marks(target, counts, rest_days, today)]
    best = run = 0
    for mark in history:
        if mark is Mark.MET:
            run += 1
            best = max(best, run)
        elif mark is Mark.MISSED:
            run = 0
    return Streak(run, best, target.per, open=history[-1] is Mark.OPEN)
