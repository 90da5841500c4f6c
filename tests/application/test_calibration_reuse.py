"""The calibration fit is reused while nothing it was made from changes, and only then."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ssi_desktop.application import estimate
from ssi_desktop.scoring import calibration
from ssi_desktop.store import accounts, actions, profile, readings
from ssi_desktop.store.actions import NewEntry
from ssi_desktop.store.models import Account
from ssi_desktop.system.staleness import Cancelled
from tests.conftest import TODAY
from tests.readings_helpers import make_reading

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)
LAST_READING = TODAY - 2 * WEEK


@pytest.fixture
def fits(db: object, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the fits; the log has history and three readings, the newest two weeks ago."""
    start = TODAY - 20 * WEEK
    actions.record_many(
        [NewEntry("post_published", start + n * dt.timedelta(days=3)) for n in range(40)], TODAY
    )
    for weeks_ago in (6, 4, 2):
        readings.record(make_reading(TODAY - weeks_ago * WEEK, brand=9.0 + weeks_ago / 2), TODAY)
    made: list[int] = []
    real_fit = calibration.fit

    def counting_fit(*args: object) -> calibration.Calibration:
        made.append(1)
        return real_fit(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(estimate, "fit", counting_fit)
    monkeypatch.setattr(estimate, "_last_fit", None)
    return made


def test_an_unchanged_log_is_fitted_once(fits: list[int]) -> None:
    first = estimate.calibrate()
    assert estimate.calibrate() == first
    assert len(fits) == 1


def test_logging_on_the_day_of_the_last_reading_refits(fits: list[int]) -> None:
    # A reading is compared with the estimate of its own day, which that action changes.
    estimate.calibrate()
    actions.record(NewEntry("post_published", LAST_READING), TODAY)
    estimate.calibrate()
    assert len(fits) == 2


def test_logging_today_after_the_last_reading_reuses_the_fit(fits: list[int]) -> None:
    estimate.calibrate()
    actions.record(NewEntry("post_published", TODAY), TODAY)
    estimate.calibrate()
    assert len(fits) == 1


def test_adding_then_undoing_refits_to_the_same_scales(fits: list[int]) -> None:
    before = estimate.calibrate()
    actions.record(NewEntry("post_published", LAST_READING - DAY), TODAY)
    actions.undo_last()
    assert estimate.calibrate() == before


def _edit_oldest_type() -> None:
    oldest = actions.entries()[-1]
    actions.update(oldest.id, NewEntry("reaction", oldest.day), TODAY)


def _edit_oldest_count() -> None:
    oldest = actions.entries()[-1]
    actions.update(oldest.id, NewEntry(oldest.key, oldest.day, count=2), TODAY)


def _move_oldest_a_day() -> None:
    oldest = actions.entries()[-1]
    actions.update(oldest.id, NewEntry(oldest.key, oldest.day + dt.timedelta(days=1)), TODAY)


@pytest.mark.parametrize(
    "change",
    [
        lambda: actions.record(NewEntry("post_published", LAST_READING - DAY), TODAY),
        _edit_oldest_type,
        _edit_oldest_count,
        _move_oldest_a_day,
        lambda: actions.delete(actions.entries()[-1].id),
        lambda: readings.record(make_reading(TODAY - WEEK, brand=14.0), TODAY),
        lambda: profile.set_item("photo", True, TODAY - 10 * WEEK, TODAY),
    ],
    ids=[
        "add-the-day-before-a-reading",
        "type",
        "count",
        "day",
        "delete",
        "new-reading",
        "profile",
    ],
)
def test_a_change_the_fit_depends_on_refits_it(
    fits: list[int], change: Callable[[], object]
) -> None:
    estimate.calibrate()
    change()
    estimate.calibrate()
    assert len(fits) == 2


def test_a_contacts_account_becoming_a_target_refits(fits: list[int]) -> None:
    account = accounts.add_account("Northwind")
    person = accounts.add_contact("Dana Reyes", account.id)
    actions.record(NewEntry("dm_sent", TODAY - 10 * WEEK, contact_id=person.id), TODAY)
    estimate.calibrate()
    Account.update(is_target=True).where(Account.id == account.id).execute()
    estimate.calibrate()
    assert len(fits) == 2


def test_a_new_process_uses_the_fit_stored_with_the_data(
    fits: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = estimate.calibrate()
    monkeypatch.setattr(estimate, "_last_fit", None)  # as when the app starts again
    assert estimate.calibrate() == first
    assert len(fits) == 1


def test_a_stored_fit_of_other_data_is_not_used(
    fits: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    estimate.calibrate()
    actions.record(NewEntry("post_published", LAST_READING - DAY), TODAY)
    monkeypatch.setattr(estimate, "_last_fit", None)
    estimate.calibrate()
    assert len(fits) == 2


def test_a_quick_look_hands_out_the_last_fit_until_it_is_refitted(fits: list[int]) -> None:
    """The window shows a quick-add at once with the last fit, then settles it."""
    first = estimate.calibrate()
    actions.record(NewEntry("post_published", LAST_READING), TODAY)

    quick = estimate.calibrate(quick=True)
    assert not quick.settled and quick.sensitivity == first.sensitivity
    assert len(fits) == 1  # nothing refitted yet
    settled = estimate.calibrate()
    assert settled.settled and len(fits) == 2
    assert estimate.calibrate(quick=True) == settled  # the log as it is now: settled


def test_a_quick_look_refits_when_a_reading_changed(fits: list[int]) -> None:
    estimate.calibrate()
    readings.record(make_reading(TODAY, brand=12.0), TODAY)
    assert estimate.calibrate(quick=True).settled
    assert len(fits) == 2


def test_a_stale_refit_stops_at_once_and_keeps_nothing(fits: list[int]) -> None:
    """A quick-add while the details worker refits years of readings makes the refit stale:
    it gives up at its next search instead of holding the interpreter for the whole fit."""
    asked_in_fit: list[int] = []

    def stale() -> bool:
        if fits:  # the fit has started: a quick-add makes it stale now
            asked_in_fit.append(1)
        return bool(fits)

    with pytest.raises(Cancelled):
        estimate.calibrate(cancelled=stale)
    assert asked_in_fit == [1]  # it stopped at the fit's first check
    assert estimate._last_fit is None  # no half-made fit is kept
    fitted = estimate.calibrate()
    assert fitted.fitted and len(fits) == 2
