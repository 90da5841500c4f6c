"""The estimated SSI: four pillars of 0-25 points, a standing part and 90 days of activity.

docs/SCORING.md explains the model and every constant below. In short, for each day D:

1. Daily diminishing returns: ``n`` actions of one type on one day are worth ``n ** 0.7``.
2. Rolling window with fading: a day's worth counts fully on D and 1/90 less each day after,
   reaching zero when it leaves the 90-day window. The faded sum, divided by the type's
   ``half`` (set so that its healthy weekly pace scores HEALTHY_SHARE), is its strength ``x``.
3. Each type is done to a degree ``f = 1 - 2 ** (-x)``; the pillar's activity sums the types'
   degrees times their weights, ``S = sum w * f``, and earns ``budget * (1 - 2 ** -S)``: more
   kinds of work fill a pillar, one kind alone never fills half of it. Each type's share of
   those points is ``w * f / S``, so the explanation adds up.
4. The standing part (scoring/standing.py): the network of that day earns points that never
   fade, and the profile checklist adds its items' points to the brand pillar while done.
5. Spam cost: generic connection requests with a low acceptance rate cost up to
   SPAM_COST_MAX points of "Find the right people".

A pillar is the sum of its contributions, the total is the sum of the pillars; nothing is
rounded here. The functions are pure: the day is always passed in, never read from a clock.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from ssi_desktop.catalog import (
    ACTIONS,
    ActionType,
    Pillar,
    actions_earning,
)
from ssi_desktop.scoring.activity import (
    KEY_INDEX,
    WINDOW_DAYS,
    Activity,
    FloatArray,
    Tally,
    window_start,
)
from ssi_desktop.scoring.network import NetworkHistory
from ssi_desktop.scoring.profile import ProfileHistory
from ssi_desktop.scoring.series import DayScore, ScoreSeries
from ssi_desktop.scoring.standing import ACTIVITY_BUDGET, STANDING_PARTS, StandingPart

IntArray = npt.NDArray[np.intp]

DAILY_EXPONENT = 0.7
"""n actions of one type on one day count as n ** 0.7: the tenth comment of a day adds less than
the first. Below 1, it makes the same actions spread over more days always worth more."""

WINDOW_WEIGHTS: FloatArray = (WINDOW_DAYS - np.arange(WINDOW_DAYS)) / WINDOW_DAYS
"""Weight of a day's actions t days ago (t = 0..89): 1 today, fading by 1/90 a day."""

HEALTHY_SHARE = 0.75
"""A type's healthy weekly pace, kept up for 90 days, does it to this degree (f above)."""

SPAM_COST_MAX = 5.0
"""The most that generic requests nobody accepts can cost "Find the right people"."""

HEALTHY_ACCEPTANCE = 0.30
"""An acceptance rate sellers call healthy: at or above it, generic requests cost nothing."""

SPAM_JUDGED_FROM, SPAM_FULLY_JUDGED = 10.0, 30.0
"""Generic requests (faded) in the window before the rate is judged at all, and from which it
is judged in full: a handful of requests says nothing about a seller's habits."""

GENERIC_REQUEST, ACCEPTED_REQUEST = "connection_request_generic", "connection_accepted"


def _steady_faded_sum(per_week: float) -> float:
    """The faded sum A of a steady pace, logged as whole actions on evenly spaced days."""
    per_day = per_week / 7.0
    done_by = np.floor(per_day * np.arange(WINDOW_DAYS + 1) + 1e-9)
    counts = np.diff(done_by)[::-1]  # newest day first, to line up with WINDOW_WEIGHTS
    return float(np.sum(WINDOW_WEIGHTS * counts**DAILY_EXPONENT))


def _half_credit(a: ActionType) -> float:
    # 1 - 2 ** (-A / half) = HEALTHY_SHARE  <=>  half = A / log2(1 / (1 - share))
    return _steady_faded_sum(a.healthy_per_week) / math.log2(1.0 / (1.0 - HEALTHY_SHARE))


HALF_CREDIT: Mapping[str, float] = {a.key: _half_credit(a) for a in ACTIONS}
"""The faded sum at which a type is done to half a degree, derived from its healthy pace."""

_HALF_CREDITS: FloatArray = np.array([HALF_CREDIT[a.key] for a in ACTIONS])


def spam_cost(generic: FloatArray, accepted: FloatArray) -> FloatArray:
    """The most spam may cost on each day, from the faded generic requests and acceptances.

    Judged by the acceptance rate, since LinkedIn cannot tell which request an acceptance
    answered, acceptances are set against the generic requests: at HEALTHY_ACCEPTANCE or more
    the cost is zero, below it the cost grows with the square of the shortfall, to the whole
    SPAM_COST_MAX when nothing is accepted. The volume only decides whether there is enough
    to judge (SPAM_JUDGED_FROM to SPAM_FULLY_JUDGED requests).
    """
    rate = np.divide(accepted, generic, out=np.ones_like(generic), where=generic > 0)
    shortfall = np.clip(1.0 - rate / HEALTHY_ACCEPTANCE, 0.0, 1.0)
    judged = np.clip(
        (generic - SPAM_JUDGED_FROM) / (SPAM_FULLY_JUDGED - SPAM_JUDGED_FROM), 0.0, 1.0
    )
    cost: FloatArray = SPAM_COST_MAX * shortfall**2 * judged
    return cost


@dataclass(frozen=True)
class Sensitivity:
    """Per-pillar multipliers, 1.0 each by default, fitted by calibration: of the activity's
    strengths (``brand`` ... ``relationships``) and of the network's (``*_standing``)."""

    brand: float = 1.0
    people: float = 1.0
    insights: float = 1.0
    relationships: float = 1.0
    brand_standing: float = 1.0
    people_standing: float = 1.0
    insights_standing: float = 1.0
    relationships_standing: float = 1.0

    def of(self, pillar: Pillar) -> float:
        """The activity's multiplier in this pillar."""
        value: float = getattr(self, pillar.value)
        return value

    def standing_of(self, pillar: Pillar) -> float:
        """The network's multiplier in this pillar."""
        value: float = getattr(self, f"{pillar.value}_standing")
        return value


DEFAULT_SENSITIVITY = Sensitivity()


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
    standing_strengths: Mapping[StandingPart, FloatArray]  # part -> measure / half each day

    def columns(self, days: Sequence[dt.date]) -> IntArray:
        """The positions of these days in the arrays above."""
        for day in days:
            if not self.first_day <= day <= self.last_day:
                raise ValueError(f"{day} is outside {self.first_day} .. {self.last_day}")
        return np.array([(day - self.first_day).days for day in days], dtype=np.intp)

    def has_activity(self, columns: IntArray) -> bool:
        """True when any action counts on any of these days."""
        return bool(np.any(self.window_counts[:, columns] > 0))


NO_NETWORK_RECORDED = NetworkHistory()


def prepare(
    activity: Activity,
    profile: ProfileHistory,
    first_day: dt.date,
    last_day: dt.date,
    network: NetworkHistory = NO_NETWORK_RECORDED,
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
    measures = network.over(first_day, days)
    return ScoreInputs(
        first_day,
        last_day,
        strengths=faded / _HALF_CREDITS[:, np.newaxis],
        window_counts=sliding_window_view(raw, WINDOW_DAYS, axis=-1)[:, -days:, :].sum(axis=-1),
        spam_cost=spam_cost(
            _faded(raw[KEY_INDEX[GENERIC_REQUEST]], days),
            _faded(raw[KEY_INDEX[ACCEPTED_REQUEST]], days),
        ),
        profile_points=profile.points_over(first_day, days),
        standing_strengths={part: measures[part.measure] / part.half for part in STANDING_PARTS},
    )


def _saturated(strengths: FloatArray, scale: float | FloatArray) -> FloatArray:
    """How far toward full a strength goes: 0 at none, approaching 1, half at 1."""
    degree: FloatArray = 1.0 - np.exp2(-scale * strengths)
    return degree


def _activity_parts(
    inputs: ScoreInputs, pillar: Pillar, scale: float | FloatArray, columns: IntArray | slice
) -> dict[str, FloatArray]:
    """Each action type's share of the pillar's activity points (step 3 of the model)."""
    weighted = {
        a.key: a.weights[pillar] * _saturated(inputs.strengths[KEY_INDEX[a.key], columns], scale)
        for a in actions_earning(pillar)
    }
    done = np.sum(list(weighted.values()), axis=0)
    points = ACTIVITY_BUDGET[pillar] * (1.0 - np.exp2(-done))
    share = np.divide(points, done, out=np.zeros_like(done), where=done > 0)
    return {key: value * share for key, value in weighted.items()}


def _standing_parts(
    inputs: ScoreInputs, pillar: Pillar, scale: float | FloatArray, columns: IntArray | slice
) -> dict[str, FloatArray]:
    return {
        part.source: part.cap * _saturated(strengths[columns], scale)
        for part, strengths in inputs.standing_strengths.items()
        if part.pillar is pillar
    }


def _spam_deduction(cost: FloatArray, earned: FloatArray) -> FloatArray:
    """Spam can cost the people pillar what it earned, never push it below zero."""
    deduction: FloatArray = -np.minimum(cost, earned)
    return deduction


def score(inputs: ScoreInputs, sensitivity: Sensitivity = DEFAULT_SENSITIVITY) -> ScoreSeries:
    """Every pillar's contributions on each day of ``inputs`` at this sensitivity."""
    everything = slice(None)
    contributions: dict[Pillar, dict[tuple[str, str], FloatArray]] = {p: {} for p in Pillar}
    for pillar in Pillar:
        parts = contributions[pillar]
        activity = _activity_parts(inputs, pillar, sensitivity.of(pillar), everything)
        for key, points in activity.items():
            parts[("action", key)] = points
        standing = _standing_parts(inputs, pillar, sensitivity.standing_of(pillar), everything)
        for source, points in standing.items():
            parts[("standing", source)] = points
    earned = np.sum(list(contributions[Pillar.PEOPLE].values()), axis=0)
    contributions[Pillar.PEOPLE][("penalty", "spam_cost")] = _spam_deduction(
        inputs.spam_cost, earned
    )
    for key, points in inputs.profile_points.items():
        contributions[Pillar.BRAND][("profile", key)] = points

    window_counts = {a.key: inputs.window_counts[KEY_INDEX[a.key]] for a in ACTIONS}
    return ScoreSeries(inputs.first_day, inputs.last_day, contributions, window_counts)


def pillar_points(
    inputs: ScoreInputs,
    pillar: Pillar,
    activity_scales: FloatArray,
    standing_scales: FloatArray,
    columns: IntArray,
) -> FloatArray:
    """One pillar's points for each candidate (row: an activity scale and a standing scale,
    paired) on each chosen day (columns).

    The same formula as score(), for many sensitivities of one pillar at once: a pillar's points
    depend on its own multipliers alone, so calibration can fit the pillars one by one.
    """
    activity_scale = np.asarray(activity_scales, dtype=np.float64)[:, np.newaxis]
    standing_scale = np.asarray(standing_scales, dtype=np.float64)[:, np.newaxis]
    points: FloatArray = np.zeros((activity_scale.shape[0], len(columns)))
    for part in _activity_parts(inputs, pillar, activity_scale, columns).values():
        points += part
    for part in _standing_parts(inputs, pillar, standing_scale, columns).values():
        points += part
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
    network: NetworkHistory = NO_NETWORK_RECORDED,
) -> ScoreSeries:
    """Score every day from first_day to last_day.

    ``activity`` must span at least window_start(first_day) .. last_day
    (Activity.covering(first_day, last_day, ...) builds one).
    """
    return score(prepare(activity, profile, first_day, last_day, network), sensitivity)


def score_on(
    day: dt.date,
    activity: Activity,
    profile: ProfileHistory,
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
    network: NetworkHistory = NO_NETWORK_RECORDED,
) -> DayScore:
    """The estimate for one day."""
    return compute(activity, profile, day, day, sensitivity, network).on(day)


def totals_with_one_more(
    day: dt.date,
    activity: Activity,
    profile: ProfileHistory,
    sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
    network: NetworkHistory = NO_NETWORK_RECORDED,
) -> tuple[float, dict[str, float]]:
    """The total on ``day`` as logged, and as it would be with one more action of each type
    (not at a target): the plan's what-ifs, scored as one batch instead of a score_on() each.

    Each action type's row of ScoreInputs depends on that type's counts alone, so a single
    prepare() with one more of *every* type gives each type's row as it would be with one more
    of that type only. The spam cost is the exception (it reads the generic requests and the
    acceptances), so those two what-ifs are prepared on their own. The what-ifs are then the
    columns of one ScoreInputs, scored at once: 4 prepares and one score instead of 26 of each.
    tests/scoring/test_model_properties.py checks every what-if against score_on().
    """
    as_logged = prepare(activity, profile, day, day, network)
    every = activity
    for kind in ACTIONS:
        every = every.plus(Tally(day, kind.key, 1))
    one_more_each = prepare(every, profile, day, day, network)
    columns = len(ACTIONS) + 1  # 0: as logged; 1 + i: one more of ACTIONS[i]
    rows = np.array([KEY_INDEX[kind.key] for kind in ACTIONS])
    what_ifs = np.arange(1, columns)
    strengths = np.repeat(as_logged.strengths, columns, axis=1)
    strengths[rows, what_ifs] = one_more_each.strengths[rows, 0]
    window_counts = np.repeat(as_logged.window_counts, columns, axis=1)
    window_counts[rows, what_ifs] = one_more_each.window_counts[rows, 0]
    spam = np.repeat(as_logged.spam_cost, columns)
    for at, kind in enumerate(ACTIONS, start=1):
        if kind.key in (GENERIC_REQUEST, ACCEPTED_REQUEST):
            alone = prepare(activity.plus(Tally(day, kind.key, 1)), profile, day, day, network)
            spam[at] = alone.spam_cost[0]
    batch = ScoreInputs(
        day,
        day + dt.timedelta(days=columns - 1),  # the columns are what-ifs, not days
        strengths=strengths,
        window_counts=window_counts,
        spam_cost=spam,
        profile_points={k: np.repeat(v, columns) for k, v in as_logged.profile_points.items()},
        standing_strengths={
            part: np.repeat(v, columns) for part, v in as_logged.standing_strengths.items()
        },
    )
    totals = score(batch, sensitivity).totals
    return float(totals[0]), {kind.key: float(totals[at]) for at, kind in enumerate(ACTIONS, 1)}


def most_a_type_earns(action_type: ActionType, pillar: Pillar) -> float:
    """The points one action type could earn in a pillar alone, at any volume."""
    return float(ACTIVITY_BUDGET[pillar] * (1.0 - 2.0 ** -action_type.weights[pillar]))
