"""Calibration: the fit recovers a known scale, stays put without signal, is bounded and
deterministic; and the fast per-pillar path computes the same points as the model."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.application import estimate
from ssi_desktop.catalog import PILLAR_MAX, Pillar
from ssi_desktop.demo import history as demo
from ssi_desktop.scoring import Activity, ProfileHistory, Sensitivity, Tally, prepare
from ssi_desktop.scoring.calibration import (
    MIN_READINGS,
    SCALE_MAX,
    SCALE_MIN,
    UNCALIBRATED,
    fit,
)
from ssi_desktop.scoring.model import DEFAULT_SENSITIVITY, pillar_points, score
from ssi_desktop.store import readings
from ssi_desktop.store.actions import record_many
from ssi_desktop.store.models import ProfileChange
from ssi_desktop.store.readings import OfficialReading
from tests.conftest import TODAY
from tests.readings_helpers import make_reading

FIRST, LAST = dt.date(2026, 3, 1), dt.date(2026, 11, 20)
SPAN = (LAST - FIRST).days + 1
DEMO = list(demo.history(FIRST - dt.timedelta(days=120), LAST, seed=3))
PROFILE = ProfileHistory(demo.profile_events(FIRST - dt.timedelta(days=120), LAST, seed=3))
ACTIVITY = Activity.covering(FIRST, LAST, [Tally(e.day, e.key, e.count, e.at_target) for e in DEMO])
INPUTS = prepare(ACTIVITY, PROFILE, FIRST, LAST)
"""Pure inputs for the property tests: a demo seller's 265 days, prepared once."""

scales = st.floats(min_value=0.1, max_value=10.0)
sensitivities = st.builds(Sensitivity, *[scales] * 8)
reading_days = st.lists(
    st.integers(0, SPAN - 1).map(lambda i: FIRST + dt.timedelta(days=i)),
    min_size=MIN_READINGS,
    max_size=30,
    unique=True,
)


def readings_of(sensitivity: Sensitivity, days: list[dt.date]) -> list[OfficialReading]:
    """What LinkedIn would show if it scored exactly like the model at this sensitivity."""
    series = score(INPUTS, sensitivity)
    return [make_reading(d, *(series.on(d).pillars[p] for p in Pillar)) for d in days]


@given(sensitivities, st.sampled_from(list(Pillar)))
def test_the_fast_pillar_path_equals_the_full_model(
    sensitivity: Sensitivity, pillar: Pillar
) -> None:
    columns = INPUTS.columns([FIRST, FIRST + dt.timedelta(days=100), LAST])
    activity, standing = np.array([sensitivity.of(pillar)]), [sensitivity.standing_of(pillar)]
    fast = pillar_points(INPUTS, pillar, activity, np.array(standing), columns)[0]
    full = score(INPUTS, sensitivity).pillars[pillar][columns]
    np.testing.assert_allclose(fast, full, rtol=0, atol=1e-9)


@settings(max_examples=30, deadline=None)
@given(reading_days)
def test_readings_that_agree_with_the_default_keep_it_exactly(days: list[dt.date]) -> None:
    result = fit(INPUTS, readings_of(DEFAULT_SENSITIVITY, days))

    assert result.sensitivity == DEFAULT_SENSITIVITY
    assert result.mae_after is not None
    assert max(result.mae_after.values()) == pytest.approx(0.0, abs=1e-12)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(*[st.floats(0, PILLAR_MAX)] * 4), min_size=MIN_READINGS, max_size=10))
def test_a_pillar_without_activity_keeps_the_default_whatever_the_readings(
    observed: list[tuple[float, float, float, float]],
) -> None:
    quiet = prepare(Activity.covering(FIRST, LAST), ProfileHistory(), FIRST, LAST)
    found = [make_reading(FIRST + dt.timedelta(days=i), *p) for i, p in enumerate(observed)]

    assert fit(quiet, found).sensitivity == DEFAULT_SENSITIVITY


@settings(max_examples=25, deadline=None)
@given(
    reading_days,
    st.lists(st.tuples(*[st.floats(0, PILLAR_MAX)] * 4), min_size=30, max_size=30),
)
def test_the_fit_stays_within_its_bounds_and_never_makes_a_pillar_worse(
    days: list[dt.date], observed: list[tuple[float, float, float, float]]
) -> None:
    found = [make_reading(d, *p) for d, p in zip(days, observed, strict=False)]
    result = fit(INPUTS, found)

    for pillar in Pillar:
        assert SCALE_MIN <= result.sensitivity.of(pillar) <= SCALE_MAX
        assert SCALE_MIN <= result.sensitivity.standing_of(pillar) <= SCALE_MAX
    assert result.mae_before is not None and result.mae_fitted is not None
    for pillar in Pillar:  # the default is always a candidate, so no pillar gets worse
        assert result.mae_fitted[pillar.value] <= result.mae_before[pillar.value] + 1e-9


@settings(max_examples=15, deadline=None)
@given(reading_days, sensitivities, st.randoms(use_true_random=False))
def test_the_fit_is_deterministic_and_ignores_reading_order(
    days: list[dt.date], truth: Sensitivity, rng: object
) -> None:
    found = readings_of(truth, days)
    shuffled = list(found)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]

    assert fit(INPUTS, found) == fit(INPUTS, found) == fit(INPUTS, shuffled)


@settings(deadline=None)
@given(st.lists(reading_days.map(lambda d: d[0]), max_size=MIN_READINGS - 1, unique=True))
def test_fewer_than_three_readings_leave_the_default(days: list[dt.date]) -> None:
    found = readings_of(Sensitivity(2.0, 2.0, 2.0, 2.0), days)
    result = fit(INPUTS, found)

    assert result.sensitivity == DEFAULT_SENSITIVITY
    assert not result.fitted
    assert result.mae_after == result.mae_before
    assert (result.mae_before is None) == (not days)


def test_no_readings_is_the_uncalibrated_state() -> None:
    assert fit(INPUTS, []) == UNCALIBRATED


def test_a_reading_outside_the_prepared_days_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        fit(
            INPUTS,
            readings_of(DEFAULT_SENSITIVITY, [FIRST, LAST])[:1] * 2
            + [make_reading(LAST + dt.timedelta(days=1))],
        )


@pytest.fixture
def demo_seller(db: Path) -> None:
    """The demo seller's history and profile, stored as the app would store them."""
    record_many(DEMO, TODAY)
    for event in demo.profile_events(FIRST - dt.timedelta(days=120), LAST, seed=3):
        ProfileChange.create(item=event.item, day=event.day, done=event.done)


KNOWN = Sensitivity(brand=1.6, people=0.5, insights=2.2, relationships=0.5)


def test_calibration_recovers_a_known_scale_from_stored_readings(demo_seller: None) -> None:
    days = [FIRST + dt.timedelta(days=d) for d in range(1, SPAN, 14)]
    truth = estimate.series(days[0], days[-1], KNOWN)
    for day in days:  # typed in as LinkedIn shows them: 2 decimals, a whole total
        shown = truth.on(day)
        readings.record(make_reading(day, *(round(shown.pillars[p], 2) for p in Pillar)), TODAY)

    result = estimate.calibrate()

    assert result.readings == len(days) >= 15
    for pillar in Pillar:
        assert result.sensitivity.of(pillar) == pytest.approx(KNOWN.of(pillar), rel=0.08)
    assert result.mae_before is not None and result.mae_after is not None
    for pillar in Pillar:  # the default really was off, and the fit closes the gap
        assert result.mae_before[pillar.value] > 0.5
        assert result.mae_after[pillar.value] < 0.1  # measured on readings held out


def test_current_sensitivity_follows_the_switch_and_the_reading_count(
    demo_seller: None,
) -> None:
    from ssi_desktop.store import settings as stored

    truth = estimate.series(FIRST, LAST, KNOWN)
    days = [FIRST + dt.timedelta(days=d) for d in (1, 90, 180)]
    for day in days[:2]:
        readings.record(make_reading(day, *(truth.on(day).pillars[p] for p in Pillar)), TODAY)
    assert estimate.current_sensitivity() == DEFAULT_SENSITIVITY  # two readings: not enough

    day = days[2]
    readings.record(make_reading(day, *(truth.on(day).pillars[p] for p in Pillar)), TODAY)
    fitted = estimate.current_sensitivity()
    assert fitted != DEFAULT_SENSITIVITY
    assert fitted == estimate.calibrate().sensitivity == estimate.calibration_state().sensitivity

    stored.set_calibration_enabled(False)
    assert estimate.current_sensitivity() == DEFAULT_SENSITIVITY
    state = estimate.calibration_state()
    assert not state.enabled and state.sensitivity == DEFAULT_SENSITIVITY
    assert state.calibration.sensitivity == fitted  # the fit is still shown, just not used


def test_the_fit_moves_less_with_few_readings_than_with_many() -> None:
    """The prior: three readings pull the scale less far than thirty saying the same."""
    truth = Sensitivity(3.0, 3.0, 3.0, 3.0)
    few = fit(INPUTS, readings_of(truth, [FIRST + dt.timedelta(days=d) for d in (100, 180, 260)]))
    many = fit(INPUTS, readings_of(truth, [FIRST + dt.timedelta(days=d) for d in range(0, 264, 9)]))

    assert few.mae_fitted is not None and many.mae_fitted is not None
    assert many.mae_before is not None
    for pillar in Pillar:
        moved = abs(math.log(few.sensitivity.of(pillar)))
        assert moved < abs(math.log(many.sensitivity.of(pillar)))
        assert many.sensitivity.of(pillar) > 2.0  # most of the way to 3
        # Thirty readings are matched closely; the prior keeps the last few hundredths.
        assert many.mae_fitted[pillar.value] < 0.1 * many.mae_before[pillar.value]


def test_a_calibration_is_a_frozen_value() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        UNCALIBRATED.readings = 3  # type: ignore[misc]
