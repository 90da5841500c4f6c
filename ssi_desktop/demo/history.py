"""Realistic made-up history: a seller who starts slowly and builds the habit.

Used by `ssi demo` (a first look, README screenshots) and by the benchmarks (years of history).
Deterministic for a given seed and span.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ssi_desktop.catalog import ACTIONS, PROFILE_ITEMS
from ssi_desktop.scoring.network import NetworkRecord
from ssi_desktop.scoring.profile import ProfileEvent
from ssi_desktop.store.actions import NewEntry

DEMO_SOURCE = "demo"


def _habit_strength(progress: float) -> float:
    """How much of a healthy pace the demo seller keeps, from 25 % at the start to ~85 %."""
    return 0.25 + 0.6 * min(1.0, progress * 1.4)


def history(first_day: dt.date, last_day: dt.date, seed: int = 7) -> Iterator[NewEntry]:
    """Entries from first_day to last_day: quieter weekends, a holiday, a slow start."""
    rng = random.Random(seed)
    span = (last_day - first_day).days + 1
    holiday_start = rng.randrange(max(1, span - 30)) if span > 60 else -1
    for offset in range(span):
        day = first_day + dt.timedelta(days=offset)
        if 0 <= offset - holiday_start < 10:
            continue
        weekday_factor = 0.15 if day.weekday() >= 5 else 1.0
        strength = _habit_strength(offset / max(1, span - 1)) * weekday_factor
        for a in ACTIONS:
            expected = a.healthy_per_week / 5.0 * strength
            count = _poisson(rng, expected)
            if a.can_lower_score:
                count = _poisson(rng, expected * 0.3)
            if count:
                yield NewEntry(
                    a.key,
                    day,
                    min(count, 200),
                    at_target=rng.random() < 0.25,
                    source=DEMO_SOURCE,
                )


def profile_events(first_day: dt.date, last_day: dt.date, seed: int = 7) -> list[ProfileEvent]:
    """Most checklist items done along the way; one or two still open at the end."""
    rng = random.Random(seed)
    span = max(1, (last_day - first_day).days)
    events = []
    for item in PROFILE_ITEMS[:-2]:
        events.append(
            ProfileEvent(item.key, first_day + dt.timedelta(days=rng.randrange(span)), True)
        )
    events.append(ProfileEvent(PROFILE_ITEMS[-2].key, first_day, True))
    return sorted(events, key=lambda e: e.day)


def network_records(first_day: dt.date, last_day: dt.date, seed: int = 7) -> list[NetworkRecord]:
    """A network growing with the habit, as the seller might note it once a month."""
    rng = random.Random(seed)
    connections = rng.randrange(450, 700)
    found = []
    day = first_day
    while day <= last_day:
        followers = round(connections * 1.3)
        found.append(NetworkRecord(day, connections, followers, round(connections * 0.12)))
        connections += rng.randrange(15, 40)
        day += dt.timedelta(days=30)
    return found


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; the means here are small."""
    if mean <= 0:
        return 0
    if mean > 30:
        return max(0, round(rng.gauss(mean, mean**0.5)))
    limit, k, product = pow(2.718281828459045, -mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k
