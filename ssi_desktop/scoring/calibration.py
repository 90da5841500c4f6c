"""Calibration: fit each pillar's two scales so the estimate matches the official readings.

docs/SCORING.md ("Calibration to official readings") explains the method. In short, for each
pillar separately (a pillar's points depend on its own multipliers only), find the log-scales
``a`` (of the activity) and ``n`` (of the network's standing part), each in [-ln 4, ln 4],
minimising

    sum over readings of |estimate(e ** a, e ** n) - reading|  +  PRIOR_WEIGHT * (a ** 2 + n ** 2)

by a coarse grid followed by finer grids around the best point. The grids contain (0, 0)
exactly, so a pillar without signal keeps its default scales, and the search has no random
start: the same readings always give the same scales. Because (0, 0) is always a candidate, the
fitted cost is never above the default's, so on the readings it was fitted to, each pillar's
mean absolute error after the fit is never above the one before it. With enough readings the
error reported after the fit is measured on readings each fit did not see (HOLDOUT_FOLDS).
Pure: no clock, no database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

import numpy as np

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring import kept_costs
from ssi_desktop.scoring.activity import FloatArray
from ssi_desktop.scoring.model import (
    DEFAULT_SENSITIVITY,
    IntArray,
    ScoreInputs,
    Sensitivity,
    pillar_points,
)

MIN_READINGS = 3
"""Fewer readings than this leave the default scales: two points say little about a slope."""

SCALE_MIN, SCALE_MAX = 0.25, 4.0
"""No scale goes below a quarter or above four times the default: beyond that the model, not
its scale, is wrong for this seller, and a fit would only chase noise. A scale that ends at a
bound is reported (Calibration.at_limit)."""

PRIOR_WEIGHT = 4.0
"""How strongly the fit prefers the default scales, in points of absolute error per squared
log-scale. Doubling a scale costs 8 * ln(2) ** 2 = 3.8 points: three readings must each come
out more than 1.3 points closer to justify it, while thirty readings with a steady gap move
the scale almost all the way."""

GRID_STEPS = 7
"""Each search grid has 2 * GRID_STEPS + 1 points a side, centred on the best point so far."""

REFINEMENTS = 5
"""Finer grids after the coarse one; each is GRID_STEPS times finer (final step about 1e-5,
a hundred-thousandth of a scale: far below what a reading's two decimals can tell)."""

GRID_SLICES = 3
"""A grid's candidates are scored in this many slices, asking between them whether to stop."""

HOLDOUT_FROM, HOLDOUT_FOLDS = 6, 4
"""From six readings on, the error after the fit is measured on readings the fit did not use:
the readings (by date) are dealt into four groups, and each group is compared with a fit made
on the other three."""

TOTAL = "total"


class Observation(Protocol):
    """An official reading as calibration sees it: a day and LinkedIn's four pillar scores."""

    @property
    def day(self) -> dt.date: ...

    @property
    def pillars(self) -> Mapping[Pillar, float]: ...


@dataclass(frozen=True)
class Calibration:
    """The fitted sensitivity and how far the estimate is from the readings, before and after.

    Errors are mean absolute errors in points, per pillar (keyed by the pillar's value) and for
    the total ("total"); None when there is no reading to compare with. ``mae_after`` is
    measured on held-out readings when ``held_out`` (see HOLDOUT_FROM), on the fitted readings
    otherwise; ``mae_fitted`` always on the fitted readings. ``totals_before`` and
    ``totals_after`` are the estimated totals on each reading's day, at the default and at the
    fitted sensitivity. ``at_limit`` says, per pillar, whether one of its scales ended at a
    bound. ``has_activity`` is False when no action counts on any reading's day: then nothing
    is fitted.
    """

    readings: int
    sensitivity: Sensitivity
    mae_before: Mapping[str, float] | None
    mae_after: Mapping[str, float] | None
    totals_before: Mapping[dt.date, float] = field(default_factory=dict)
    totals_after: Mapping[dt.date, float] = field(default_factory=dict)
    at_limit: Mapping[str, bool] = field(default_factory=lambda: {p.value: False for p in Pillar})
    has_activity: bool = True
    held_out: bool = False
    mae_fitted: Mapping[str, float] | None = None
    settled: bool = True
    """False for the last fit handed out again after the log changed (estimate.calibrate's
    ``quick``): right but for the actions logged since, and refitted soon."""

    @property
    def fitted(self) -> bool:
        """True when there were enough readings, with activity, to fit."""
        return self.readings >= MIN_READINGS and self.has_activity

    @property
    def changed(self) -> bool:
        """True when the fit moved any scale away from the default."""
        return self.fitted and self.sensitivity != DEFAULT_SENSITIVITY


UNCALIBRATED = Calibration(0, DEFAULT_SENSITIVITY, None, None)
"""No readings: nothing to fit, nothing to compare with."""


@dataclass(frozen=True)
class _PillarFit:
    activity: float  # log-scale
    standing: float  # log-scale

    @property
    def at_limit(self) -> bool:
        bound = math.log(SCALE_MAX)
        return max(abs(self.activity), abs(self.standing)) >= bound - 1e-9


def _carry_on() -> None:
    return None


def fit(
    inputs: ScoreInputs,
    readings: Sequence[Observation],
    between: Callable[[], None] = _carry_on,
) -> Calibration:
    """Fit the sensitivity to ``readings``, whose days must lie within ``inputs``.

    ``between`` is called before each of the fit's grid searches (a few ms each at ten years
    of log): a caller whose result is no longer wanted raises from it and stops the fit there.
    """
    if not readings:
        return UNCALIBRATED
    ordered = sorted(readings, key=lambda r: r.day)  # the same readings give the same sums
    columns = inputs.columns([r.day for r in ordered])
    observed = {p: np.array([r.pillars[p] for r in ordered], dtype=np.float64) for p in Pillar}
    default = {p: _points_at(inputs, p, _PillarFit(0.0, 0.0), columns) for p in Pillar}
    days = [r.day for r in ordered]
    errors, totals = _mean_errors(default, observed), _totals(days, default)
    active = inputs.has_activity(columns)
    if len(ordered) < MIN_READINGS or not active:
        return Calibration(
            len(ordered),
            DEFAULT_SENSITIVITY,
            errors,
            errors,
            totals,
            totals,
            has_activity=active,
            mae_fitted=errors,
        )
    fits = {}
    for p in Pillar:
        fits[p] = _best_fit(inputs, p, columns, observed[p], between)
    fitted = {p: _points_at(inputs, p, fits[p], columns) for p in Pillar}
    held_out = len(ordered) >= HOLDOUT_FROM
    after = _held_out(inputs, columns, observed, between) if held_out else fitted
    return Calibration(
        len(ordered),
        Sensitivity(
            **{p.value: math.exp(fits[p].activity) for p in Pillar},
            **{f"{p.value}_standing": math.exp(fits[p].standing) for p in Pillar},
        ),
        errors,
        _mean_errors(after, observed),
        totals,
        _totals(days, fitted),
        at_limit={p.value: fits[p].at_limit for p in Pillar},
        held_out=held_out,
        mae_fitted=_mean_errors(fitted, observed),
    )


def _held_out(
    inputs: ScoreInputs,
    columns: IntArray,
    observed: Mapping[Pillar, FloatArray],
    between: Callable[[], None],
) -> dict[Pillar, FloatArray]:
    """Each reading's estimate from a fit made without its group (see HOLDOUT_FOLDS)."""
    group = np.arange(len(columns)) % HOLDOUT_FOLDS
    estimates = {p: np.zeros(len(columns)) for p in Pillar}
    for fold in range(HOLDOUT_FOLDS):
        kept, left = group != fold, group == fold
        for p in Pillar:
            found = _best_fit(inputs, p, columns[kept], observed[p][kept], between)
            estimates[p][left] = _points_at(inputs, p, found, columns[left])
    return estimates


def _totals(days: Sequence[dt.date], points: Mapping[Pillar, FloatArray]) -> dict[dt.date, float]:
    totals: FloatArray = np.sum([points[p] for p in Pillar], axis=0)
    return {day: float(total) for day, total in zip(days, totals, strict=True)}


def _points_at(
    inputs: ScoreInputs, pillar: Pillar, found: _PillarFit, columns: IntArray
) -> FloatArray:
    scales = np.exp([found.activity]), np.exp([found.standing])
    points: FloatArray = pillar_points(inputs, pillar, *scales, columns)[0]
    return points


def _best_fit(
    inputs: ScoreInputs,
    pillar: Pillar,
    columns: IntArray,
    observed: FloatArray,
    between: Callable[[], None] = _carry_on,
) -> _PillarFit:
    """The penalised least-absolute-error scales of one pillar, on log-scale grids
    (``between`` is called between slices of each grid's candidates).

    Each grid's cost is the newest reading's part plus the older readings' part, which a
    refit after a quick-add on the newest reading's day finds in kept_costs."""
    bound = math.log(SCALE_MAX)  # SCALE_MIN is its inverse: the range is symmetric
    offsets = np.arange(-GRID_STEPS, GRID_STEPS + 1, dtype=np.float64)
    grid_a, grid_n = (axis.ravel() for axis in np.meshgrid(offsets, offsets))
    older, newest = columns[:-1], columns[-1:]
    older_made_from = kept_costs.signature(inputs, pillar, older, observed[:-1])
    best_a, best_n, step = 0.0, 0.0, bound / GRID_STEPS
    for _ in range(REFINEMENTS + 1):
        # The centre offset is exactly 0, so each grid keeps its best point: never worse.
        a = np.clip(best_a + grid_a * step, -bound, bound)
        n = np.clip(best_n + grid_n * step, -bound, bound)
        scales = np.exp(a), np.exp(n)
        older_cost = kept_costs.cost(
            older_made_from,
            *scales,
            partial(_grid_cost, inputs, pillar, *scales, older, observed[:-1], between),
        )
        between()
        newest_cost = _grid_cost(inputs, pillar, *scales, newest, observed[-1:], slices=1)
        prior = PRIOR_WEIGHT * (a**2 + n**2)
        cost = older_cost + newest_cost + prior
        # Costs that differ by less than a rounding tie; the tie goes to the default's side.
        index = np.lexsort((prior, np.round(cost, 9)))[0]
        best_a, best_n = float(a[index]), float(n[index])
        step /= GRID_STEPS
    return _PillarFit(best_a, best_n)


def _grid_cost(
    inputs: ScoreInputs,
    pillar: Pillar,
    activity_scales: FloatArray,
    standing_scales: FloatArray,
    columns: IntArray,
    observed: FloatArray,
    between: Callable[[], None] = _carry_on,
    slices: int = GRID_SLICES,
) -> FloatArray:
    """Each candidate's summed absolute error on these readings, a slice of candidates at a
    time with ``between`` called before each: at ten years of log one grid took ~12 ms of the
    interpreter in one go, which a click waiting for its score had to share."""
    if len(columns) == 0:
        return np.zeros(len(activity_scales))
    costs = []
    for rows in np.array_split(np.arange(len(activity_scales)), slices):
        between()
        points = pillar_points(
            inputs, pillar, activity_scales[rows], standing_scales[rows], columns
        )
        costs.append(np.sum(np.abs(points - observed), axis=1))
    return np.concatenate(costs)


def _mean_errors(
    estimates: Mapping[Pillar, FloatArray], observed: Mapping[Pillar, FloatArray]
) -> dict[str, float]:
    errors = {p.value: float(np.mean(np.abs(estimates[p] - observed[p]))) for p in Pillar}
    total_gap = sum(estimates[p] for p in Pillar) - sum(observed[p] for p in Pillar)
    errors[TOTAL] = float(np.mean(np.abs(total_gap)))
    return errors
