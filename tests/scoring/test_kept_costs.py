"""A refit reuses the grid costs of the readings that did not change (scoring/kept_costs.py),
gives exactly the fit made from scratch, and never reuses a cost whose inputs changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring import Activity, Tally, calibration, kept_costs, prepare
from ssi_desktop.scoring.calibration import Calibration, fit
from ssi_desktop.scoring.model import ScoreInputs
from ssi_desktop.store.readings import OfficialReading
from tests.readings_helpers import make_reading
from tests.scoring.test_calibration import (
    DEMO,
    FIRST,
    LAST,
    PROFILE,
    reading_days,
    readings_of,
    sensitivities,
)

pillar_values = st.tuples(*[st.floats(0, 25)] * 4)


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    kept_costs.forget()
    yield
    kept_costs.forget()


def _inputs(extra: int = 0, on: dt.date = LAST) -> ScoreInputs:
    """The demo seller's inputs, with ``extra`` thoughtful comments logged ``on`` a day."""
    tallies = [Tally(e.day, e.key, e.count, e.at_target) for e in DEMO]
    if extra:
        tallies.append(Tally(on, "comment_thoughtful", extra, False))
    return prepare(Activity.covering(FIRST, LAST, tallies), PROFILE, FIRST, LAST)


def _from_scratch(inputs: ScoreInputs, found: list[OfficialReading]) -> Calibration:
    kept_costs.forget()
    return fit(inputs, found)


def _readings(days: list[dt.date], values: tuple[float, ...]) -> list[OfficialReading]:
    return [make_reading(day, *(v + 0.1 * i for v in values)) for i, day in enumerate(days)]


@settings(max_examples=15, deadline=None)
@given(reading_days, pillar_values, pillar_values)
def test_a_refit_after_the_newest_reading_changed_is_the_fit_from_scratch(
    days: list[dt.date], before: tuple[float, ...], after: tuple[float, ...]
) -> None:
    days = sorted(days)
    found = _readings(days, before)
    fit(_inputs(), found)  # keeps the costs of every reading but the newest
    found[-1] = make_reading(days[-1], *after)

    assert fit(_inputs(), found) == _from_scratch(_inputs(), found)


@settings(max_examples=10, deadline=None)
@given(reading_days, pillar_values, st.data())
def test_a_change_to_an_older_reading_is_never_answered_from_kept_costs(
    days: list[dt.date], values: tuple[float, ...], data: st.DataObject
) -> None:
    days = sorted(days)
    found = _readings(days, values)
    fit(_inputs(), found)
    changed = data.draw(st.integers(0, len(days) - 2))
    found[changed] = make_reading(days[changed], *data.draw(pillar_values))

    assert fit(_inputs(), found) == _from_scratch(_inputs(), found)


@settings(max_examples=10, deadline=None)
@given(sensitivities, st.sampled_from([95, 130, 170, (LAST - FIRST).days]))
def test_actions_logged_on_a_reading_day_refit_to_the_fit_from_scratch(
    sensitivity: calibration.Sensitivity, offset: int
) -> None:
    days = [FIRST + dt.timedelta(days=d) for d in (95, 130, 170)]
    found = [*readings_of(sensitivity, days), make_reading(LAST, 5.0, 6.0, 7.0, 8.0)]
    fit(_inputs(), found)
    logged = _inputs(extra=12, on=FIRST + dt.timedelta(days=offset))

    assert fit(logged, found) == _from_scratch(logged, found)


def test_a_refit_on_the_newest_reading_day_scores_only_that_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    days = [FIRST + dt.timedelta(days=d) for d in range(95, 265, 7)]
    found = _readings(days, (10.0, 9.0, 8.0, 12.0))
    scored: list[int] = []

    def counted(inputs: ScoreInputs, pillar: Pillar, *args: np.ndarray) -> np.ndarray:
        scored.append(args[0].size * args[2].size)  # candidates x readings scored
        return points(inputs, pillar, *args)

    points = calibration.pillar_points
    monkeypatch.setattr(calibration, "pillar_points", counted)
    first = fit(_inputs(), found)
    first_work, scored[:] = sum(scored), []
    refit = fit(_inputs(extra=3), found)

    assert len(days) >= 20
    assert sum(scored) * len(days) / 4 < first_work  # about 1/len(days) of it, give or take
    assert refit.readings == first.readings == len(days)
