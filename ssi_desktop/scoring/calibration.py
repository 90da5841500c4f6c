"""Calibration: fit each pillar's sensitivity so the estimate matches the official readings.

docs/SCORING.md ("Calibration to official readings") explains the method. In short, for each
pillar separately (a pillar's points depend on its own multiplier only), find the log-scale
``u`` in [-ln 4, ln 4] minimising

    sum over readings of |estimate(e ** u) - reading|  +  PRIOR_WEIGHT * u ** 2

by a coarse grid followed by finer grids around the best point. The grids contain u = 0
exactly, so a pillar without signal keeps a scale of exactly 1.0, and the search has no random
start: the same readings always give the same scales. Because u = 0 is always a candidate, the
fitted cost is never above the default's, so each pillar's mean absolute error after the fit is
never above the one before it. Pure: no clock, no database.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring.activity import FloatArray
from ssi_desktop.scoring.model import (
    DEFAULT_SENSITIVITY,
    IntArray,
    ScoreInputs,
    Sensitivity,
    pillar_points,
)

MIN_READINGS = 3
"""Fewer readings than this leave the default scale: two points say little about a slope."""

SCALE_MIN, SCALE_MAX = 0.25, 4.0
"""No pillar is scaled by less than a quarter or more than four times: beyond that the model,
not its scale, is wrong for this seller, and a fit would only chase noise."""

PRIOR_WEIGHT = 8.0
"""How strongly the fit prefers the default scale, in points of absolute error per squared
log-scale. Doubling a pillar's scale costs 8 * ln(2) ** 2 = 3.8 points: three readings must each
come out more than 1.3 points closer to justify it, while thirty readings with a steady gap move
the scale almost all the way."""

GRID_STEPS = 20
"""Each search grid has 2 * GRID_STEPS + 1 points, centred on the best point so far."""

REFINEMENTS = 5
"""Finer grids after the coarse one; each is GRID_STEPS times finer (step below 1e-7)."""

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
    the total ("total"); None when there is no reading to compare with. ``totals_before`` and
    ``totals_after`` are the estimated totals on each reading's day, at the default and at the
    fitted sensitivity.
    """

    readings: int
    sensitivity: Sensitivity
    mae_before: Mapping[str, float] | None
    mae_after: Mapping[str, float] | None
    totals_before: Mapping[dt.date, float] = field(default_factory=dict)
    totals_after: Mapping[dt.date, float] = field(default_factory=dict)

    @property
    def fitted(self) -> bool:
        """True when there were enough readings to fit; otherwise the scale is the default."""
        return self.readings >= MIN_READINGS


UNCALIBRATED = Calibration(0, DEFAULT_SENSITIVITY, None, None)
"""No readings: nothing to fit, nothing to compare with."""


def fit(inputs: ScoreInputs, readings: Sequence[Observation]) -> Calibration:
    """Fit the sensitivity to ``readings``, whose days must lie within ``inputs``."""
    if not readings:
        return UNCALIBRATED
    ordered = sorted(readings, key=lambda r: r.day)  # the same readings give the same sums
    columns = inputs.columns([r.day for r in ordered])
    observed = {p: np.array([r.pillars[p] for r in ordered], dtype=np.float64) for p in Pillar}
    default = {p: _points_at(inputs, p, 1.0, columns) for p in Pillar}
    days = [r.day for r in ordered]
    if len(ordered) < MIN_READINGS:
        errors, totals = _mean_errors(default, observed), _totals(days, default)
        return Calibration(len(ordered), DEFAULT_SENSITIVITY, errors, errors, totals, totals)
    scales = {p: _best_scale(inputs, p, columns, observed[p]) for p in Pillar}
    fitted = {p: _points_at(inputs, p, scales[p], columns) for p in Pillar}
    return Calibration(
        len(ordered),
        Sensitivity(**{p.value: scales[p] for p in Pillar}),
        _mean_errors(default, observed),
        _mean_errors(fitted, observed),
        _totals(days, default),
        _totals(days, fitted),
    )


def _totals(days: Sequence[dt.date], points: Mapping[Pillar, FloatArray]) -> dict[dt.date, float]:
    totals: FloatArray = np.sum([points[p] for p in Pillar], axis=0)
    return {day: float(total) for day, total in zip(days, totals, strict=True)}


def _points_at(inputs: ScoreInputs, pillar: Pillar, scale: float, columns: IntArray) -> FloatArray:
    points: FloatArray = pillar_points(inputs, pillar, np.array([scale]), columns)[0]
    return points


def _best_scale(
    inputs: ScoreInputs, pillar: Pillar, columns: IntArray, observed: FloatArray
) -> float:
    """The penalised least-absolute-error scale of one pillar, searched on log-scale grids."""
    low, high = math.log(SCALE_MIN), math.log(SCALE_MAX)
    offsets = np.arange(-GRID_STEPS, GRID_STEPS + 1, dtype=np.float64)
    best, step = 0.0, max(-low, high) / GRID_STEPS
    for _ in range(REFINEMENTS + 1):
        # The centre offset is exactly 0, so each grid keeps its best point: never worse.
        candidates = np.clip(best + offsets * step, low, high)
        estimates = pillar_points(inputs, pillar, np.exp(candidates), columns)
        cost = np.sum(np.abs(estimates - observed), axis=1) + PRIOR_WEIGHT * candidates**2
        # Costs that differ by less than a rounding tie; the tie goes to the default's side.
        best = float(candidates[np.lexsort((np.abs(candidates), cost))[0]])
        step /= GRID_STEPS
    return math.exp(best)


def _mean_errors(
    estimates: Mapping[Pillar, FloatArray], observed: Mapping[Pillar, FloatArray]
) -> dict[str, float]:
    errors = {p.value: float(np.mean(np.abs(estimates[p] - observed[p]))) for p in Pillar}
    total_gap = sum(estimates[p] for p in Pillar) - sum(observed[p] for p in Pillar)
    errors[TOTAL] = float(np.mean(np.abs(total_gap)))
    return errors
