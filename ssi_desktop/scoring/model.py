"""The estimated SSI: four pillars of 0-25 points from the last 90 days of logged actions.

docs/SCORING.md explains the model and every constant below. In short, for each day D:

1. Daily diminishing returns: ``n`` actions of one type on one day are worth ``n ** 0.7``.
2. Rolling window with fading: a day's worth counts fully on D and 1/90 less each day after,
   reaching zero when it leaves the 90-day window.
3. Saturation per action type: the faded sum ``A`` earns ``cap * (1 - 2 ** (-A / half))``
   points, where ``half`` is set so that the type's healthy weekly pace, kept up steadily,
   earns HEALTHY_SHARE of its cap.
4. Spam cost: generic connection requests that acceptances do not cover cost up to
   SPAM_COST_MAX points of "Find the right people".
5. The profile checklist adds its items' points to the brand pillar while they are done.

A pillar is the sum of its contributions, the total is the sum of the pillars; nothing is
rounded here. The functions are pure: the day is always passed in, never read from a clock.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from ssi_desktop.catalog import (
    ACTION_BY_KEY,
    ACTIONS,
    PILLAR_MAX,
    PROFILE_ITEM_BY_KEY,
    PROFILE_ITEMS,
    ActionType,
    Pillar,
    actions_earning,
)
from ssi_desktop.scoring.activity import (
    KEY_INDEX,
    WINDOW_DAYS,
    Activity,
    FloatArray,
    window_start,
)
from ssi_desktop.scoring.profile import ProfileHistory

IntArray = npt.NDArray[np.intp]

DAILY_EXPONENT = 0.7
"""n actions of one type on one day count as n ** 0.7: the tenth comment of a day adds less than
the first. Below 1, it makes the same actions spread over more days always worth more."""

WINDOW_WEIGHTS: FloatArray = (WINDOW_DAYS - np.arange(WINDOW_DAYS)) / WINDOW_DAYS
"""Weight of a day's actions t days ago (t = 0..89): 1 today, fading by 1/90 a day."""

HEALTHY_SHARE = 0.75
"""A type's healthy weekly pace, kept up for 90 days, earns this share of its cap."""

SPAM_COST_MAX = 6.0
SPAM_COST_HALF = 20.0
"""Generic requests not covered by acceptances (faded like everything else) cost up to 6
points of "Find the right people"; 20 such requests cost half of that."""

GENERIC_REQUEST, ACCEPTED_REQUEST = "connection_request_generic", "connection_accepted"


def _steady_faded_sum(per_week: float) -> float:
    """The faded sum A of a steady pace, logged as whole actions on evenly spaced days."""
    per_day = per_week / 7.0
    done_by = np.floor(per_day * np.arange(WINDOW_DAYS + 1) + 1e-9)
    counts = np.diff(done_by)[::-1]  # newest day first, to line up with WINDOW_WEIGHTS
    return float(np.sum(WINDOW_WEIGHTS * counts**DAILY_EXPONENT))


def _half_credit(a: ActionType) -> float:
    # cap * (1 - 2 ** (-A / half)) = HEALTHY_SHARE * cap  <=>  half = A / log2(1 / (1 - share))
    return _steady_faded_sum(a.healthy_per_week) / math.log2(1.0 / (1.0 - HEALTHY_SHARE))


HALF_CREDIT: Mapping[str, float] = {a.key: _half_credit(a) for a in ACTIONS}
"""The faded sum at which a type earns half of its cap, derived from its healthy pace."""

_HALF_CREDITS: FloatArray = np.array([HALF_CREDIT[a.key] for a in ACTIONS])


@dataclass(frozen=True)
class Sensitivity:
    """Per-pillar multipliers of the faded sums; 1.0 each by default, fitted by calibration."""

    brand: float = 1.0
    people: float = 1.0
    insights: float = 1.0
    relationships: float = 1.0

    def of(self, pillar: Pillar) -> float:
        value: float = getattr(self, pillar.value)
        return value


DEFAULT_SENSITIVITY = Sensitivity()


@dataclass(frozen=True)
class Contribution:
    """Points one source earned in one pillar on one day."""

    source: str  # an action key, a profile item key, or "spam_cost"
    kind: str  # "action", "profile" or "penalty"
    label: str
    points: float
    count: int = 0  # actions of this type inside the 90-day window (0 for profile items)


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
                    _label(source, kind),
                    float(points[i]),
                    int(self.window_counts[source][i]) if kind == "action" else 0,
                )
                for (kind, source), points in parts.items()
            ]
            pillars[pillar] = tuple(rows)
        return Explanation(day, pillars)


def _label(source: str, kind: str) -> str:
    if kind == "action":
        return ACTION_BY_KEY[source].label
    if kind == "profile":
        return PROFILE_ITEM_BY_KEY[source].label
    return "Unaccepted generic requests"


def _faded(daily: FloatArray, days: int) -> FloatArray:
    """For each of the last ``days`` columns, the window-weighted sum of the 90 days up to it."""
    windows = sliding_window_view(daily, WINDOW_DAYS, axis=-1)[..., -days:, :]
    result: FloatArray = windows @ WINDOW_WEIGHTS[::-1]
    return result


@dataclass(frozen=True)
class ScoreInputs:
    """Everything the estimate needs for each day from first_day to last_day, except the
    sensitivity: most of the work of compute(), done once. Calibration tries many
    sensitivities on one ScoreInputs with pillar_points().
    """

    first_day: dt.date
    last_day: dt.date
    strengths: FloatArray  # (action types, days) in catalog order: faded sum / HALF_CREDIT
    window_counts: FloatArray  # (action types, days): actions inside each day's window
    spam_cost: FloatArray  # (days,): what spam may take from "Find the right people" at most
    profile_points: Mapping[str, FloatArray]  # profile item key -> its points on each day

    def columns(self, days: Sequence[dt.date]) -> IntArray:
        """The positions of these days in the arrays above."""
        for day in days:
            if not self.first_day <= day <= self.last_day:
                raise ValueError(f"{day} is outside {self.first_day} .. {self.last_day}")
        return np.array([(day - self.first_day).days for day in days], dtype=np.intp)


def prepare(
    activity: Activity, profile: ProfileHistory, first_day: dt.date, last_day: dt.date
) -> ScoreInputs:
    """The sensitivity-free part of scoring every day from first_day to last_day.

    ``activity`` must span at least window_start(first_day) .. last_day
    (Activity.covering(first_day, last_day, ...) builds one).
    """
    if window_start(first_day) < activity.first_day or last_day > activity.last_day:
        raise ValueError("activity does not cover the 90 days before each scored day")
    start = (window_start(first_day) - activity.first_day).days
    stop = (last_day - activity.first_day).days + 1
    days = (last_day - first_day).days + 1
    raw = activity.raw[:, start:stop]
    faded = _faded(activity.weighted[:, start:stop] ** DAILY_EXPONENT, days)
    spam = _faded(raw[KEY_INDEX[GENERIC_REQUEST]], days) - _faded(
        raw[KEY_INDEX[ACCEPTED_REQUEST]], days
    )
    return ScoreInputs(
        first_day,
        last_day,
        strengths=faded / _HALF_CREDITS[:, np.newaxis],
        window_counts=sliding_window_view(raw, WINDOW_DAYS, axis=-1)[:, -days:, :].sum(axis=-1),
        spam_cost=SPAM_COST_MAX * (1.0 - np.exp2(-np.maximum(spam, 0.0) / SPAM_COST_HALF)),
        profile_points=profile.points_over(first_day, days),
    )


def _action_points(cap: float, strengths: FloatArray, scale: float | FloatArray) -> FloatArray:
    """Saturation: the points an action type earns for its strengths at a sensitivity."""
    points: FloatArray = cap * (1.0 - np.exp2(-scale * strengths))
    return points


def _spam_deduction(cost: FloatArray, earned: FloatArray) -> FloatArray:
    """Spam can cost the people pillar what it earned, never push it below zero."""
    deduction: FloatArray = -np.minimum(cost, earned)
    return deduction


def score(inputs: ScoreInputs, sensitivity: Sensitivity = DEFAULT_SENSITIVITY) -> ScoreSeries:
    """Every pillar's contributions on each day of ``inputs`` at this sensitivity."""
    contributions: dict[Pillar, dict[tuple[str, str], FloatArray]] = {p: {} for p in Pillar}
    for a in ACTIONS:
        strengths = inputs.strengths[KEY_INDEX[a.key]]
        for pillar, cap in a.caps.items():
            contributions[pillar][("action", a.key)] = _action_points(
                cap, strengths, sensitivity.of(pillar)
            )
    earned = np.sum(list(contributions[Pillar.PEOPLE].values()), axis=0)
    contributions[Pillar.PEOPLE][("penalty", "spam_cost")] = _spam_deduction(
        inputs.spam_cost, earned
    )
    for key, points in inputs.profile_points.items():
        contributions[Pillar.BRAND][("profile", key)] = points

    window_counts = {a.key: inputs.window_counts[KEY_INDEX[a.key]] for a in ACTIONS}
    return ScoreSeries(inputs.first_day, inputs.last_day, contributions, window_counts)


def pillar_points(
    inputs: ScoreInputs, pillar: Pillar, scales: FloatArray, columns: IntArray
) -> FloatArray:
    """One pillar's points for each candidate scale (rows) on each chosen day (columns).

    The same formula as score(), for many sensitivities of one pillar at once: a pillar's points
    depend on its own multiplier alone, so calibration can fit the pillars one by one.
    """
    scale = np.asarray(scales, dtype=np.float64)[:, np.newaxis]
    points: FloatArray = np.zeros((scale.shape[0], len(columns)))
    for a in actions_earning(pillar):
        strengths = inputs.strengths[KEY_INDEX[a.key], columns]
        points += _action_points(a.caps[pillar], strengths, scale)
    if pillar is Pillar.PEOPLE:
        points += _spam_deduction(inputs.spam_cost[columns], points)
    if pillar is Pillar.BRAND:
        for item_points in inputs.profile_points.values():
            points += item_points[columns]
    return points


def compute(
    activity: Activity,
    profile: ProfileHistory,
    first_day: dt.date,
    last_day: dt.date,
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
) -> ScoreSeries:
    """Score every day from first_day to last_day.

    ``activity`` must span at least window_start(first_day) .. last_day
    (Activity.covering(first_day, last_day, ...) builds one).
    """
    return score(prepare(activity, profile, first_day, last_day), sensitivity)


def score_on(
    day: dt.date,
    activity: Activity,
    profile: ProfileHistory,
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
) -> DayScore:
    """The estimate for one day."""
    return compute(activity, profile, day, day, sensitivity).on(day)


def profile_only(day: dt.date, profile: ProfileHistory) -> float:
    """The part of the score that needs no activity: the profile checklist's points."""
    done = profile.done_on(day)
    return float(sum(item.points for item in PROFILE_ITEMS if done[item.key]))
