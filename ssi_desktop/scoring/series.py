"""What a score is made of: each day's pillars and total, and why (the contributions).

The model (scoring/model.py) computes a ScoreSeries; everything that shows a score or explains
it reads these frozen values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ssi_desktop.catalog import ACTION_BY_KEY, PILLAR_MAX, PROFILE_ITEM_BY_KEY, Pillar
from ssi_desktop.scoring.activity import FloatArray
from ssi_desktop.scoring.standing import STANDING_PARTS


@dataclass(frozen=True)
class Contribution:
    """Points one source earned in one pillar on one day."""

    source: str  # an action key, a profile item key, a network part, or "spam_cost"
    kind: str  # "action", "profile", "standing" or "penalty"
    label: str
    points: float
    count: int = 0  # actions of this type inside the 90-day window (0 for other kinds)


@dataclass(frozen=True)
class Explanation:
    """Why the score is what it is: each pillar's contributions, which sum to the pillar."""

    day: dt.date
    pillars: Mapping[Pillar, tuple[Contribution, ...]]

    def pillar_total(self, pillar: Pillar) -> float:
        return float(sum(c.points for c in self.pillars[pillar]))


@dataclass(frozen=True)
class DayScore:
    day: dt.date
    pillars: Mapping[Pillar, float]
    total: float

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "total": self.total,
            "pillars": {p.value: self.pillars[p] for p in Pillar},
        }


@dataclass(frozen=True)
class ScoreSeries:
    """Every pillar's contributions for each day from first_day to last_day."""

    first_day: dt.date
    last_day: dt.date
    contributions: Mapping[Pillar, Mapping[tuple[str, str], FloatArray]]
    window_counts: Mapping[str, FloatArray]
    pillars: Mapping[Pillar, FloatArray] = field(init=False)
    totals: FloatArray = field(init=False)

    def __post_init__(self) -> None:
        # The clip only removes float noise (a spam cost equal to what was earned can leave
        # -1e-16): the parts already keep each pillar within 0..PILLAR_MAX.
        pillars = {
            p: np.clip(np.sum(list(parts.values()), axis=0), 0.0, PILLAR_MAX)
            for p, parts in self.contributions.items()
        }
        object.__setattr__(self, "pillars", pillars)
        object.__setattr__(self, "totals", np.sum([pillars[p] for p in Pillar], axis=0))

    @property
    def days(self) -> list[dt.date]:
        return [self.first_day + dt.timedelta(days=i) for i in range(len(self.totals))]

    def _index(self, day: dt.date) -> int:
        if not self.first_day <= day <= self.last_day:
            raise ValueError(f"{day} is outside {self.first_day} .. {self.last_day}")
        return (day - self.first_day).days

    def on(self, day: dt.date) -> DayScore:
        i = self._index(day)
        pillars = {p: float(self.pillars[p][i]) for p in Pillar}
        return DayScore(day, pillars, float(sum(pillars[p] for p in Pillar)))

    def each_day(self) -> list[DayScore]:
        return [self.on(day) for day in self.days]

    def explain(self, day: dt.date) -> Explanation:
        i = self._index(day)
        pillars: dict[Pillar, tuple[Contribution, ...]] = {}
        for pillar, parts in self.contributions.items():
            rows = [
                Contribution(
                    source,
                    kind,
                    _label(source, kind, pillar),
                    float(points[i]),
                    int(self.window_counts[source][i]) if kind == "action" else 0,
                )
                for (kind, source), points in parts.items()
            ]
            pillars[pillar] = tuple(rows)
        return Explanation(day, pillars)


def _label(source: str, kind: str, pillar: Pillar) -> str:
    if kind == "action":
        return ACTION_BY_KEY[source].label
    if kind == "profile":
        return PROFILE_ITEM_BY_KEY[source].label
    if kind == "standing":
        return next(p.label for p in STANDING_PARTS if p.pillar is pillar and p.source == source)
    return "Generic requests few accept"
