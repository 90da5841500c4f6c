"""Post engagement rate: unique engagers / views, in percent, against the 1.5 % target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ssi_desktop.scoring.activity import window_start

TARGET_RATE = 1.5
"""Percent. Social sellers aim for at least 1.5 % of viewers engaging; 2-5 % is called good."""


@dataclass(frozen=True)
class PostRate:
    """One post as the engagement chart draws it."""

    day: dt.date
    title: str
    rate: float


def engagement_rate(views: int, engagers: int) -> float:
    """Unique engagers per 100 views (2.0 means 2.0 %)."""
    if views < 1:
        raise ValueError(f"a post needs at least one view to have a rate, not {views}")
    return 100.0 * engagers / views


def average_rate(rates_by_day: Iterable[tuple[dt.date, float]], today: dt.date) -> float | None:
    """The mean rate of the posts published in the 90 days up to today (None without posts).

    Each post counts once, whatever its reach: the question is whether the seller's typical post
    engages, and one viral post should not hide ten that nobody read.
    """
    first = window_start(today)
    recent = [rate for day, rate in rates_by_day if first <= day <= today]
    return sum(recent) / len(recent) if recent else None
