"""The default plan: weekly targets that take a beginner to "proficient" in 90 days.

Every target is the same fraction of its type's healthy weekly pace (catalog.py), rounded to
whole actions a week; types that round to none, and generic connection requests (they can only
cost points), are left out. The fraction is the smallest multiple of FRACTION_STEP for which the
score model, fed exactly these targets as whole actions on evenly spaced days from an empty log,
scores PROFICIENT or more on day 90 for a beginner with a typical profile: the photo, headline
and current role that LinkedIn asks for at sign-up, nothing else. Each further checklist item
adds its points on top; an empty profile would fall a few points short (docs/SCORING.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass

from ssi_desktop.catalog import ACTIONS
from ssi_desktop.habits.steady import steady_tallies
from ssi_desktop.habits.targets import Period, Target
from ssi_desktop.scoring import Activity, DayScore, ProfileEvent, ProfileHistory, score_on
from ssi_desktop.scoring.model import DEFAULT_SENSITIVITY

PROFICIENT = 51.0
"""The lowest total the seller community calls "proficient" (51-75)."""

PLAN_DAYS = 90
TYPICAL_START = ("photo", "headline", "experience")
"""The profile checklist items a beginner has done: the ones LinkedIn's sign-up asks for."""
FRACTION_STEP = 0.05
_START = dt.date(2000, 1, 3)
"""Any Monday will do: the model only cares about how many days ago things happened."""


@dataclass(frozen=True)
class DefaultPlan:
    fraction: float
    targets: tuple[Target, ...]
    score: DayScore
    """What the model says on day PLAN_DAYS for a beginner with a typical profile."""


def targets_at(fraction: float) -> tuple[Target, ...]:
    """Weekly targets of ``fraction`` of each type's healthy pace, in whole actions."""
    targets = []
    for a in ACTIONS:
        per_week = math.floor(a.healthy_per_week * fraction + 0.5)  # half up: 2.5 a week is 3
        if per_week >= 1 and not a.can_lower_score:
            targets.append(Target(a.key, per_week, Period.WEEK))
    return tuple(targets)


def profile_with(items: tuple[str, ...]) -> ProfileHistory:
    """A profile on which these checklist items were done before the plan started."""
    return ProfileHistory(ProfileEvent(item, _START - dt.timedelta(days=1), True) for item in items)


def steady_score(
    targets: tuple[Target, ...], profile: ProfileHistory, days: int = PLAN_DAYS
) -> DayScore:
    """The estimate on day ``days`` for a seller who meets ``targets`` steadily from day 1."""
    last_day = _START + dt.timedelta(days=days - 1)
    tallies = [
        tally for t in targets for tally in steady_tallies(t.key, t.per_week / 7.0, _START, days)
    ]
    activity = Activity.covering(last_day, last_day, tallies)
    return score_on(last_day, activity, profile, DEFAULT_SENSITIVITY)


@functools.cache
def default_plan() -> DefaultPlan:
    beginner = profile_with(TYPICAL_START)
    steps = round(1.0 / FRACTION_STEP)
    for step in range(1, steps + 1):
        fraction = round(step * FRACTION_STEP, 2)
        targets = targets_at(fraction)
        score = steady_score(targets, beginner)
        if score.total >= PROFICIENT:
            return DefaultPlan(fraction, targets, score)
    raise AssertionError("even the full healthy pace does not reach proficient")
