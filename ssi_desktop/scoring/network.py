"""The seller's network over time: connections, followers and decision-makers among them.

LinkedIn scores what a member already has as well as what they did lately: a large network with
senior people in it holds "Build relationships" up without a single recent message. The seller
records the network now and then as dated values (``ssi network set``, the archive import); the
network on a day is the newest record on or before it. Days before the first record take the
first record's values: a seller who types "500 connections" today had a network before today,
and scoring those days with none would invent a cliff.

A record may leave followers or decision-makers unknown. On LinkedIn every connection follows
you unless they opt out, so unknown followers are taken to be the connections; unknown
decision-makers are DECISION_MAKER_SHARE of the connections. A seller who never recorded a
network is scored with ASSUMED_CONNECTIONS, said so in the explanation.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ssi_desktop.scoring.activity import FloatArray

ASSUMED_CONNECTIONS = 500
"""The network assumed until the seller records theirs: LinkedIn shows "500+" from this size
on, and it is where a working seller's network usually stands."""

DECISION_MAKER_SHARE = 0.10
"""Share of connections taken to be decision-makers (director, VP, head, chief, owner,
founder, partner) when the seller did not say: about what a seller's network holds when it is
not built on purpose."""

MAX_CONNECTIONS = 30_000
"""LinkedIn's own limit on first-degree connections."""

MAX_FOLLOWERS = 100_000_000
"""Bigger than any member's following: a bound against typing mistakes, not a LinkedIn rule."""


class NetworkRecord(NamedTuple):
    """What the network was on ``day``; None where the seller did not say."""

    day: dt.date
    connections: int
    followers: int | None = None
    decision_makers: int | None = None


@dataclass(frozen=True)
class Network:
    """The network on one day, unknowns filled in (see the module's docstring)."""

    connections: float
    followers: float
    decision_makers: float
    assumed: bool = False


def filled(record: NetworkRecord) -> Network:
    followers = record.connections if record.followers is None else record.followers
    dms = (
        record.connections * DECISION_MAKER_SHARE
        if record.decision_makers is None
        else record.decision_makers
    )
    return Network(float(record.connections), float(followers), float(dms))


ASSUMED = Network(
    float(ASSUMED_CONNECTIONS),
    float(ASSUMED_CONNECTIONS),
    ASSUMED_CONNECTIONS * DECISION_MAKER_SHARE,
    assumed=True,
)


class NetworkHistory:
    """The network on any day, from dated records (several on one day: the last given wins)."""

    def __init__(self, records: Iterable[NetworkRecord] = ()):
        by_day: dict[dt.date, NetworkRecord] = {}
        for record in records:
            by_day[record.day] = record
        self._days = sorted(by_day)
        self._networks = [filled(by_day[day]) for day in self._days]

    @property
    def recorded(self) -> bool:
        return bool(self._days)

    def fingerprint(self) -> tuple[tuple[dt.date, Network], ...]:
        return tuple(zip(self._days, self._networks, strict=True))

    def recorded_on(self, day: dt.date) -> dt.date | None:
        """The day of the record that holds on ``day`` (None when nothing is recorded)."""
        if not self._days:
            return None
        return self._days[max(bisect.bisect_right(self._days, day) - 1, 0)]

    def on(self, day: dt.date) -> Network:
        if not self._days:
            return ASSUMED
        index = max(bisect.bisect_right(self._days, day) - 1, 0)
        return self._networks[index]

    def over(self, first_day: dt.date, days: int) -> dict[str, FloatArray]:
        """Each measure ("connections", "followers", "decision_makers") on each of ``days``
        days from first_day."""
        if not self._days:
            return {
                name: np.full(days, float(getattr(ASSUMED, name)))
                for name in ("connections", "followers", "decision_makers")
            }
        offsets = np.array([(day - first_day).days for day in self._days])
        # For each scored day, the newest record on or before it (or the first record).
        index = np.searchsorted(offsets, np.arange(days), side="right") - 1
        index = np.maximum(index, 0)
        return {
            name: np.array([getattr(n, name) for n in self._networks], dtype=np.float64)[index]
            for name in ("connections", "followers", "decision_makers")
        }
