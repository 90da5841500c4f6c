"""Sample official readings for `ssi demo`: what LinkedIn might have shown the demo seller.

LinkedIn is pretended to score like the model at LINKEDIN_LIKE, a sensitivity away from the
default, plus a little noise: so a first look shows markers off the default estimate, and a
calibration that brings the estimate back onto them.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from ssi_desktop.application import estimate
from ssi_desktop.catalog import PILLAR_MAX
from ssi_desktop.scoring import Sensitivity
from ssi_desktop.store import readings
from ssi_desktop.store.readings import OfficialReading

LINKEDIN_LIKE = Sensitivity(brand=1.25, people=0.8, insights=1.4, relationships=0.9)
EVERY_DAYS = 14
NOISE = 0.4  # points a pillar may differ from the pretend formula, either way
INDUSTRY_AVG, NETWORK_AVG = 27.0, 34.0


def _top_percent(total: float, average: float) -> float:
    """A plausible "Top N %": half of the field above the average, very few above 70."""
    return float(max(1, round(100 / (1 + math.exp((total - average) / 13)))))


def sample(first_day: dt.date, last_day: dt.date, seed: int) -> list[OfficialReading]:
    """One reading every EVERY_DAYS days, ending on last_day; reads the demo log."""
    rng = random.Random(seed)
    # Today's reading at least, even for a history of a single day.
    days = [
        last_day - dt.timedelta(days=d)
        for d in range(0, max(1, (last_day - first_day).days), EVERY_DAYS)
    ]
    truth = estimate.series(min(days), last_day, LINKEDIN_LIKE)
    found = []
    for day in sorted(days):
        pillars = {
            p: round(min(PILLAR_MAX, max(0.0, v + rng.uniform(-NOISE, NOISE))), 2)
            for p, v in truth.on(day).pillars.items()
        }
        total = float(round(sum(pillars.values())))
        industry_avg = round(INDUSTRY_AVG + rng.uniform(-1, 1), 1)
        found.append(
            OfficialReading(
                day,
                total,
                pillars,
                industry_rank=_top_percent(total, industry_avg),
                network_rank=_top_percent(total, NETWORK_AVG),
                industry_avg=industry_avg,
                network_avg=NETWORK_AVG,
            )
        )
    return found


def add_when_none(first_day: dt.date, last_day: dt.date, seed: int) -> int:
    """Store sample readings unless the seller has readings (never replace theirs)."""
    if readings.reading_count():
        return 0
    found = sample(first_day, last_day, seed)
    for reading in found:
        readings.record(reading, last_day)
    return len(found)
