"""Load the seller's log from the store and score it: the one path from data to estimate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring import Activity, ProfileHistory, ScoreSeries, Sensitivity, compute, prepare
from ssi_desktop.scoring.activity import window_start
from ssi_desktop.scoring.calibration import MIN_READINGS, UNCALIBRATED, Calibration, fit
from ssi_desktop.scoring.model import DEFAULT_SENSITIVITY
from ssi_desktop.scoring.network import NetworkHistory
from ssi_desktop.store import actions, calibration_cache, network, profile, readings, settings
from ssi_desktop.store.db import database
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.system.staleness import IsStale, never, stop_if

if TYPE_CHECKING:  # plan() and forecast() import them: the first score needs neither
    from ssi_desktop.habits.forecast import Forecast
    from ssi_desktop.habits.plan import Suggestion


@dataclass(frozen=True)
class _LoadedSpan:
    """An activity loaded earlier, and what its days before the last one came from."""

    database: object
    before_last_day: tuple[int, int]  # actions.log_fingerprint of the day before the last
    activity: Activity


_loaded: dict[tuple[dt.date, dt.date], _LoadedSpan] = {}
"""The spans loaded last (the trend's, the plan's), whichever thread loaded them: each value
is immutable, and checked against the database before it is used."""
_LOADED_SPANS_KEPT = 8


def load_activity(first_day: dt.date, last_day: dt.date) -> Activity:
    """The activity needed to score each day from first_day to last_day (one SQL aggregate).

    When the same span was loaded before and nothing dated before its last day changed since
    (the log's revisions say so), only the last day is read again: a quick-add today reads one
    day of the log, not 180 (at 10 years, 0.3 ms instead of 3-4 ms, and no 1,600 rows handed
    over one by one while the GUI thread wants the interpreter).
    """
    first = window_start(first_day)
    with database.atomic():  # one snapshot of the file for the revisions and the sums
        before = actions.log_fingerprint(last_day - dt.timedelta(days=1))
        seen = _loaded.get((first, last_day))
        if seen is not None and seen.database is database.obj and seen.before_last_day == before:
            activity = seen.activity.with_day(last_day, actions.daily_sums(last_day, last_day))
        else:
            activity = Activity.from_sums(first, last_day, actions.daily_sums(first, last_day))
    # Shared from now on with the next call: read-only, so that no caller can change it.
    activity.raw.flags.writeable = False
    activity.weighted.flags.writeable = False
    if len(_loaded) >= _LOADED_SPANS_KEPT:
        _loaded.clear()  # spans of days gone by
    _loaded[(first, last_day)] = _LoadedSpan(database.obj, before, activity)
    return activity


def forget_loaded_spans() -> None:
    """Read every span in full next time (benchmarks time the full read this way)."""
    _loaded.clear()


def series(
    first_day: dt.date, last_day: dt.date, sensitivity: Sensitivity | None = None
) -> ScoreSeries:
    """Scores for every day from first_day to last_day, read from the database.

    Without a ``sensitivity``, the seller's own: calibrated to the official readings when the
    switch is on (current_sensitivity()), so every estimate the seller sees agrees.
    """
    chosen = current_sensitivity() if sensitivity is None else sensitivity
    activity = load_activity(first_day, last_day)
    return compute(activity, profile.history(), first_day, last_day, chosen, network.history())


def trend(last_day: dt.date, days: int, sensitivity: Sensitivity | None = None) -> ScoreSeries:
    """The last ``days`` days up to last_day."""
    return series(last_day - dt.timedelta(days=days - 1), last_day, sensitivity)


MODEL_VERSION = 2
"""Bumped whenever the score model changes, so that a fit kept by an older model is refitted."""


@dataclass(frozen=True)
class _Reading:
    """An official reading as calibration sees it: its day and LinkedIn's four pillars."""

    day: dt.date
    pillars: Mapping[Pillar, float]


def calibrate(
    official: Sequence[OfficialReading] | None = None,
    history: ProfileHistory | None = None,
    *,
    quick: bool = False,
    known_network: NetworkHistory | None = None,
    cancelled: IsStale = never,
) -> Calibration:
    """Fit each pillar's sensitivity to every official reading (``official``, ``history`` and
    ``known_network``: the readings, the profile's and the network's history, when the caller
    has read them already).

    The log is loaded and faded once for the span of the readings; the fit then tries its
    candidate sensitivities on that (scoring.calibration). A reading is compared with the
    estimate of its own day, as every screen shows them side by side.

    ``quick``: when only the log changed since the last fit (an action logged on the day of
    a reading), return that fit instead of refitting; is_settled() then says False, and the
    caller refits later (the window does it with its slower panels).
    """
    global _last_fit, _unsaved_fit
    if official is None:
        official = readings.all_readings()
    found = [_Reading(r.day, r.pillars) for r in official]
    if not found:
        return UNCALIBRATED
    first_day, last_day = found[0].day, found[-1].day
    if history is None:
        history = profile.history()
    if known_network is None:
        known_network = network.history()
    # Refitting reloads the log over the readings' whole span (years): reuse the last fit
    # while nothing it was made from has changed.
    inputs_key = (
        MODEL_VERSION,
        tuple(found),
        history.fingerprint(),
        known_network.fingerprint(),
        actions.log_fingerprint(last_day),
    )
    if _last_fit is not None and _last_fit[0] == inputs_key:
        return _last_fit[1]
    if quick and _last_fit is not None and _last_fit[0][:-1] == inputs_key[:-1]:
        return replace(_last_fit[1], settled=False)
    stop_if(cancelled)
    digest = calibration_cache.fingerprint(inputs_key)
    calibration = calibration_cache.load(digest)  # a fresh process: the last one's fit
    fitted = calibration is None
    if calibration is None:
        activity = load_activity(first_day, last_day)
        stop_if(cancelled)
        inputs = prepare(activity, history, first_day, last_day, known_network)
        calibration = fit(inputs, found, lambda: stop_if(cancelled))
        if _save_at_once:
            calibration_cache.save(digest, calibration)
    _last_fit = (inputs_key, calibration)
    _unsaved_fit = fitted and not _save_at_once
    return calibration


_last_fit: tuple[tuple[object, ...], Calibration] | None = None
"""The newest fit and what it was made from; replaced whole, so threads never see it half-set."""
_save_at_once = True
_unsaved_fit = False


def save_fits_on_close() -> None:
    """Keep new fits in memory until save_last_fit(), instead of writing each at once.

    For the window: its score workers write with connections of their own, and a commit from
    another connection is how the window notices a write by the `ssi` command
    (ui/safety/outside_changes.py), so each fit saved by a worker set off a second, useless
    recompute and a reload of the History tab.
    """
    global _save_at_once
    _save_at_once = False


def save_last_fit() -> None:
    """Write the newest fit for the next process, if it was not written yet."""
    global _unsaved_fit
    if _last_fit is not None and _unsaved_fit:
        _unsaved_fit = False
        calibration_cache.save(calibration_cache.fingerprint(_last_fit[0]), _last_fit[1])


@dataclass(frozen=True)
class CalibrationState:
    """The seller's calibration switch and the fit it turns on."""

    enabled: bool
    calibration: Calibration

    @property
    def in_use(self) -> bool:
        """The switch is on and the fit changed the estimate."""
        return self.enabled and self.calibration.changed

    @property
    def status(self) -> str:
        """ "off", "too_few_readings", "no_activity", "unchanged" (the readings agree with
        the default scales) or "fitted" (the fit changed the estimate)."""
        fit = self.calibration
        if not self.enabled:
            return "off"
        if fit.readings < MIN_READINGS:
            return "too_few_readings"
        if not fit.has_activity:
            return "no_activity"
        return "fitted" if fit.changed else "unchanged"

    def estimate_on(self, day: dt.date) -> float | None:
        """The estimated total the seller sees on a reading's day (None: no reading that day)."""
        fit = self.calibration
        return (fit.totals_after if self.in_use else fit.totals_before).get(day)

    @property
    def sensitivity(self) -> Sensitivity:
        """What the estimate uses: the fit when in use, else the default."""
        return self.calibration.sensitivity if self.in_use else DEFAULT_SENSITIVITY


UNCALIBRATED_STATE = CalibrationState(enabled=True, calibration=UNCALIBRATED)
"""A new seller's state: the switch on, no readings to fit."""


def calibration_state(
    official: Sequence[OfficialReading] | None = None,
    history: ProfileHistory | None = None,
    *,
    quick: bool = False,
    known_network: NetworkHistory | None = None,
    cancelled: IsStale = never,
) -> CalibrationState:
    """The switch and the fit; the arguments as for calibrate()."""
    enabled = settings.calibration_enabled()
    fitted = calibrate(
        official, history, quick=quick, known_network=known_network, cancelled=cancelled
    )
    return CalibrationState(enabled, fitted)


def status_sentence(state: CalibrationState) -> str:
    """What the calibration's state means for the seller, in one or two sentences."""
    fit = state.calibration
    readings = f"{fit.readings} official reading{'' if fit.readings == 1 else 's'}"
    sentence = {
        "off": f"Calibration is off: the estimate uses the default scales ({readings} kept).",
        "too_few_readings": (
            f"{readings.capitalize()}: the fit needs at least {MIN_READINGS}, so the estimate "
            "keeps its default scales."
        ),
        "no_activity": (
            f"{readings.capitalize()}, but nothing is logged in the 90 days before any of them: "
            "log or import your activity (`ssi import linkedin`) so the fit has something to "
            "weigh."
        ),
        "unchanged": f"Your {readings} agree with the default scales: nothing to change.",
        "fitted": f"Fitted to your {readings}: the estimate uses the fitted scales.",
    }[state.status]
    stuck = [Pillar(key).short_label for key, at in fit.at_limit.items() if at]
    if state.status == "fitted" and stuck:
        sentence += (
            f" {', '.join(stuck)}: the fit reached the end of its range, so LinkedIn sees "
            "something there that the log does not hold. Import your archive "
            "(`ssi import linkedin`) and set your network (`ssi network set`)."
        )
    return sentence


def current_sensitivity() -> Sensitivity:
    """The sensitivity every estimate should use now; fits only when the fit would be used."""
    if not settings.calibration_enabled() or readings.reading_count() < MIN_READINGS:
        return DEFAULT_SENSITIVITY
    return calibrate().sensitivity


def plan(
    day: dt.date, sensitivity: Sensitivity | None = None, *, cancelled: IsStale = never
) -> list[Suggestion]:
    """Every action type ranked by what one more of it on ``day`` adds to that day's estimate.

    Loads and scores exactly as series(day, day) does (the same sensitivity when none is
    given), so the gains are the score's own, at the sensitivity in use now.
    """
    from ssi_desktop.habits.plan import rank

    chosen = current_sensitivity() if sensitivity is None else sensitivity
    activity = load_activity(day, day)
    return rank(day, activity, profile.history(), chosen, cancelled, network.history())


def forecast(today: dt.date, days: int, sensitivity: Sensitivity | None = None) -> Forecast:
    """Today's estimate and the next ``days`` days' at the last four weeks' pace."""
    from ssi_desktop.habits.forecast import forecast as habits_forecast

    chosen = current_sensitivity() if sensitivity is None else sensitivity
    tallies = actions.daily_tallies(window_start(today), today)
    return habits_forecast(tallies, profile.history(), today, days, chosen, network.history())
