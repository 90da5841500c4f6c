"""What the dashboard draws from the official readings: markers on the trend, the industry's
and the network's average SSI as lines, and the seller's rank under the gauge. No Qt: the
worker builds it (workers/snapshot.py) and the dashboard only shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ssi_desktop.store import readings
from ssi_desktop.store.readings import OfficialReading


@dataclass(frozen=True)
class ReadingOverlay:
    """Ready for the trend's set_readings / set_benchmarks and the gauge's set_rank_caption."""

    markers: tuple[tuple[dt.date, float], ...]  # (day, LinkedIn's total), oldest first
    industry_avg: float | None  # the latest known; None until a reading has one
    network_avg: float | None
    rank_caption: str  # "Top N % of your industry" (or network); "" when no rank is known


def _latest(
    found: Sequence[OfficialReading], value: Callable[[OfficialReading], float | None]
) -> float | None:
    return next((v for r in reversed(found) if (v := value(r)) is not None), None)


def rank_caption(found: Sequence[OfficialReading]) -> str:
    """The latest known rank, the industry's before the network's (LinkedIn's order)."""
    industry = _latest(found, lambda r: r.industry_rank)
    if industry is not None:
        return f"Top {industry:g} % of your industry"
    network = _latest(found, lambda r: r.network_rank)
    if network is not None:
        return f"Top {network:g} % of your network"
    return ""


def from_readings(
    found: Sequence[OfficialReading],
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> ReadingOverlay:
    """The overlay of readings given oldest first; markers only within the trend's days.

    The averages and the rank come from all readings: the latest known value is the best guess
    even when it was typed in before the trend's first day.
    """
    shown = tuple(
        (r.day, r.total)
        for r in found
        if (first_day is None or r.day >= first_day) and (last_day is None or r.day <= last_day)
    )
    return ReadingOverlay(
        markers=shown,
        industry_avg=_latest(found, lambda r: r.industry_avg),
        network_avg=_latest(found, lambda r: r.network_avg),
        rank_caption=rank_caption(found),
    )


def load(first_day: dt.date | None = None, last_day: dt.date | None = None) -> ReadingOverlay:
    """The overlay from the database: one small indexed read."""
    return from_readings(readings.all_readings(), first_day, last_day)


NO_OVERLAY = ReadingOverlay(markers=(), industry_avg=None, network_avg=None, rank_caption="")
"""No readings yet: no markers, no lines, no caption."""
