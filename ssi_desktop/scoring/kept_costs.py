"""The fit's grid costs on every reading but the newest, kept from one fit to the next.

An action logged on the day of an official reading changes the estimate of that one reading:
every older reading's 90 days lie wholly in the past. Yet the calibration is fitted again
(estimate.calibrate), and at ten years of weekly readings a refit scored all 261 of them on
120 grids of 225 candidates: 500-650 ms of the interpreter per quick-add, shared with the GUI
thread. The fit therefore splits each grid's cost into the newest reading's part and the rest
(calibration._best_fit), and the rest is kept here under a digest of everything it was computed
from: the candidates, the pillar, the readings' values and the model's inputs on their days.
A refit after a quick-add finds every older part here and scores one reading per grid.

The split is the same whether a cost is found here or computed, so a fit gives the same scales
either way. Pure: a digest of equal inputs is equal in any thread, and a value is never changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring.activity import FloatArray
from ssi_desktop.scoring.model import IntArray, ScoreInputs

KEPT = 600
"""Enough for five fits (a fit and its four held-out fits use 4 x 5 x 6 = 120 grids); each cost
is one float per candidate, so the whole store stays near a megabyte."""

_costs: dict[bytes, FloatArray] = {}


def signature(
    inputs: ScoreInputs, pillar: Pillar, columns: IntArray, observed: FloatArray
) -> bytes:
    """A digest of what one pillar's points on these days depend on, and the readings there."""
    digest = hashlib.blake2b(pillar.value.encode(), digest_size=20)
    digest.update(columns.tobytes())
    digest.update(observed.tobytes())
    digest.update(inputs.strengths[:, columns].tobytes())
    digest.update(inputs.spam_cost[columns].tobytes())
    for strengths in inputs.standing_strengths.values():
        digest.update(strengths[columns].tobytes())
    for points in inputs.profile_points.values():
        digest.update(points[columns].tobytes())
    return digest.digest()


def cost(
    made_from: bytes,
    activity_scales: FloatArray,
    standing_scales: FloatArray,
    compute: Callable[[], FloatArray],
) -> FloatArray:
    """The cost kept for these candidates on the days ``made_from`` describes, or compute()'s."""
    digest = hashlib.blake2b(made_from, digest_size=20)
    digest.update(activity_scales.tobytes())
    digest.update(standing_scales.tobytes())
    key = digest.digest()
    found = _costs.get(key)
    if found is not None:
        return found
    computed = compute()
    computed.flags.writeable = False
    if len(_costs) >= KEPT:
        _costs.clear()  # the costs of fits gone by; the next refit fills it again
    _costs[key] = computed
    return computed


def forget() -> None:
    """Compute every cost again (benchmarks time a fit from scratch this way)."""
    _costs.clear()
