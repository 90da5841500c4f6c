"""Shared builders for the readings and calibration tests."""

from __future__ import annotations

import datetime as dt

from ssi_desktop.catalog import Pillar
from ssi_desktop.store.readings import OfficialReading


def make_reading(
    day: dt.date,
    brand: float = 10.0,
    people: float = 12.5,
    insights: float = 8.25,
    relationships: float = 9.0,
    total: float | None = None,
    **benchmarks: float | None,
) -> OfficialReading:
    """A reading as LinkedIn shows it: the total is the rounded sum unless given."""
    pillars = {
        Pillar.BRAND: brand,
        Pillar.PEOPLE: people,
        Pillar.INSIGHTS: insights,
        Pillar.RELATIONSHIPS: relationships,
    }
    shown = round(sum(pillars.values())) if total is None else total
    return OfficialReading(day, float(shown), pillars, **benchmarks)
