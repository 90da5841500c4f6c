"""The profile checklist over time: which items were done on which day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from ssi_desktop.catalog import PROFILE_ITEM_BY_KEY, PROFILE_ITEMS
from ssi_desktop.scoring.activity import FloatArray


class ProfileEvent(NamedTuple):
    """On ``day`` the item became done (or undone)."""

    item: str
    day: dt.date
    done: bool


class ProfileHistory:
    """The state of each checklist item on any day.

    Events are applied in day order; for several events on one day the one given last wins, so
    callers pass them in the order they were recorded.
    """

    def __init__(self, events: Iterable[ProfileEvent] = ()):
        by_item: dict[str, list[tuple[dt.date, int, bool]]] = {}
        for seq, event in enumerate(events):
            if event.item not in PROFILE_ITEM_BY_KEY:
                raise KeyError(f"unknown profile item {event.item!r}")
            by_item.setdefault(event.item, []).append((event.day, seq, event.done))
        self._changes = {item: sorted(changes) for item, changes in by_item.items()}

    def fingerprint(self) -> tuple[tuple[str, tuple[tuple[dt.date, int, bool], ...]], ...]:
        """Equal for two histories that give every item the same state on every day."""
        return tuple(sorted((item, tuple(changes)) for item, changes in self._changes.items()))

    def done_on(self, day: dt.date) -> dict[str, bool]:
        """Each checklist item's state at the end of ``day``."""
        state = {item.key: False for item in PROFILE_ITEMS}
        for item, changes in self._changes.items():
            for when, _seq, done in changes:
                if when > day:
                    break
                state[item] = done
        return state

    def points_over(self, first_day: dt.date, days: int) -> dict[str, FloatArray]:
        """For each item, its points on each of ``days`` days from ``first_day``."""
        result: dict[str, FloatArray] = {}
        for item in PROFILE_ITEMS:
            done = np.zeros(days, dtype=bool)
            for when, _seq, is_done in self._changes.get(item.key, []):
                offset = max(0, (when - first_day).days)
                if offset < days:
                    done[offset:] = is_done
            result[item.key] = done * item.points
        return result
