"""Median and 95th percentile of a handful of timings."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (interpolated between the samples, as numpy's default does)."""
    if len(values) < 2:
        return max(values)
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def verdict(value: float, goal: float) -> str:
    return "ok" if value <= goal else "MISSED"
