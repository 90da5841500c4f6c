"""Targets per action type (so many a day or a week) and the progress toward them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ssi_desktop.catalog import ActionType, action
from ssi_desktop.habits.days import each_day, week_start

DailyCounts = Mapping[dt.date, int]
"""How many actions of one type were logged on each day (days without any may be missing)."""


class Period(StrEnum):
    """How often a target asks for its count."""

    DAY = "day"
    WEEK = "week"

    def span(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The first and last day of the period that contains ``day``."""
        if self is Period.DAY:
            return day, day
        monday = week_start(day)
        return monday, monday + dt.timedelta(days=6)

    @property
    def per_week(self) -> int:
        """How many of these periods make a week."""
        return 7 if self is Period.DAY else 1


@dataclass(frozen=True)
class Target:
    """``count`` actions of type ``key`` each day or each week."""

    key: str
    count: int
    per: Period

    def __post_init__(self) -> None:
        action(self.key)  # an unknown key is a bug in the caller
        if self.count < 1:
            raise ValueError(f"a target needs a count of at least 1, not {self.count}")

    @property
    def action(self) -> ActionType:
        return action(self.key)

    @property
    def per_week(self) -> int:
        return self.count * self.per.per_week

    def describe(self) -> str:
        """In the seller's words, e.g. "5 a day"."""
        return f"{self.count} a {self.per.value}"


@dataclass(frozen=True)
class Progress:
    """How far the period containing ``day`` has come toward a target."""

    target: Target
    first_day: dt.date
    last_day: dt.date
    done: int

    @property
    def met(self) -> bool:
        return self.done >= self.target.count

    @property
    def remaining(self) -> int:
        return max(0, self.target.count - self.done)

    @property
    def share(self) -> float:
        """Done over asked, at most 1 (a progress bar's fill)."""
        return min(1.0, self.done / self.target.count)


def progress(target: Target, counts: DailyCounts, day: dt.date) -> Progress:
    """Progress toward ``target`` in its period containing ``day``, counting up to ``day``."""
    first, last = target.per.span(day)
    done = sum(counts.get(d, 0) for d in each_day(first, day))
    return Progress(target, first, last, done)
