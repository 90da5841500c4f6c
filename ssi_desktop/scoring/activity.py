"""The seller's logged actions as per-day counts, the score model's input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ssi_desktop.catalog import ACTIONS, action

WINDOW_DAYS = 90
"""LinkedIn scores the last 90 days of activity; so do we (the day itself included)."""

TARGET_WEIGHT = 1.5
"""An action with a contact at a target account (or a decision-maker) counts as 1.5 actions:
LinkedIn rewards reaching the right, senior people, and so does a seller's pipeline."""

KEY_INDEX = {a.key: i for i, a in enumerate(ACTIONS)}

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Tally:
    """How many actions of one type were logged on one day (summed over entries)."""

    day: dt.date
    key: str
    count: int
    at_target: bool = False


class DailySum(NamedTuple):
    """One day's actions of one type: how many, and how many of them at a target account."""

    offset: int  # days after the first day of the span
    key: str
    total: int
    at_target: int


def window_start(day: dt.date) -> dt.date:
    """The first day whose actions still count on ``day``."""
    return day - dt.timedelta(days=WINDOW_DAYS - 1)


class Activity:
    """Counts of every action type for each day from ``first_day`` to ``last_day``.

    Holds two (action type x day) matrices in catalog order: ``raw`` counts actions as logged;
    ``weighted`` counts an action at a target account as TARGET_WEIGHT actions. Tallies outside
    the span are ignored, so callers may pass a wider query result.
    """

    def __init__(self, first_day: dt.date, last_day: dt.date, tallies: Iterable[Tally] = ()):
        if last_day < first_day:
            raise ValueError(f"empty span: {first_day} .. {last_day}")
        self.first_day = first_day
        self.last_day = last_day
        days = (last_day - first_day).days + 1
        self.raw: FloatArray = np.zeros((len(ACTIONS), days))
        self.weighted: FloatArray = np.zeros((len(ACTIONS), days))
        for tally in tallies:
            self._add(tally)

    @classmethod
    def covering(
        cls, first_day: dt.date, last_day: dt.date, tallies: Iterable[Tally] = ()
    ) -> Activity:
        """An activity span long enough to score every day from first_day to last_day."""
        return cls(window_start(first_day), last_day, tallies)

    @classmethod
    def from_sums(
        cls, first_day: dt.date, last_day: dt.date, sums: Iterable[DailySum] = ()
    ) -> Activity:
        """The same as from tallies, from sums per day and action type (see DailySum).

        The store sums the target flag in SQL, and numpy fills the matrices in one go: a
        10-year log's 180-day span is some 1,600 tallies, which took longer to build one
        object at a time than the whole score did.
        """
        activity = cls(first_day, last_day)
        activity._add_sums(first_day, sums)
        return activity

    def with_day(self, day: dt.date, sums: Iterable[DailySum]) -> Activity:
        """A copy in which ``day`` holds exactly ``sums`` (offsets counted from ``day``), every
        other day as it was: a change to one day without reloading the span."""
        other = self.copy()
        if self.first_day <= day <= self.last_day:
            column = (day - self.first_day).days
            other.raw[:, column] = 0.0
            other.weighted[:, column] = 0.0
            other._add_sums(day, sums)
        return other

    def copy(self) -> Activity:
        other = Activity.__new__(Activity)
        other.first_day, other.last_day = self.first_day, self.last_day
        other.raw, other.weighted = self.raw.copy(), self.weighted.copy()
        return other

    def _add_sums(self, origin: dt.date, sums: Iterable[DailySum]) -> None:
        """Add sums whose offsets count days from ``origin``."""
        rows = list(sums)
        if not rows:
            return
        shift = (origin - self.first_day).days
        offsets, keys, counts, target_counts = zip(*rows, strict=True)
        for key in set(keys) - KEY_INDEX.keys():
            action(key)  # raises UnknownActionError for a key the catalog does not know
        columns = np.array(offsets, dtype=np.intp) + shift
        kinds = np.array([KEY_INDEX[key] for key in keys], dtype=np.intp)
        raw = np.array(counts, dtype=np.float64)
        at_target = np.array(target_counts, dtype=np.float64)
        if (raw < 0).any() or (at_target < 0).any() or (at_target > raw).any():
            raise ValueError("negative counts, or more at target accounts than in all")
        inside = (columns >= 0) & (columns < self.days)
        where = (kinds[inside], columns[inside])
        np.add.at(self.raw, where, raw[inside])
        weighted = raw + (TARGET_WEIGHT - 1.0) * at_target
        np.add.at(self.weighted, where, weighted[inside])

    @property
    def days(self) -> int:
        return int(self.raw.shape[1])

    def plus(self, tally: Tally) -> Activity:
        """A copy with one more tally: what-if questions (the plan) ask the model itself."""
        other = self.copy()
        other._add(tally)
        return other

    def _add(self, tally: Tally) -> None:
        action(tally.key)  # raises UnknownActionError for a key the catalog does not know
        if tally.count < 0:
            raise ValueError(f"negative count for {tally.key} on {tally.day}")
        if not self.first_day <= tally.day <= self.last_day:
            return
        row, col = KEY_INDEX[tally.key], (tally.day - self.first_day).days
        self.raw[row, col] += tally.count
        self.weighted[row, col] += tally.count * (TARGET_WEIGHT if tally.at_target else 1.0)
