"""What the window shows, built from the database in one go: the worker's only task.

build_snapshot() runs on the worker thread with that thread's own connection. It knows nothing
of Qt, so it can be tested, timed and extended (readings, targets, streaks) like any function:
add a field to ScoreSnapshot, fill it here, and read it in the widget that shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from ssi_desktop.application import estimate
from ssi_desktop.application import readings as reading_overlay
from ssi_desktop.application.estimate import UNCALIBRATED_STATE, CalibrationState
from ssi_desktop.application.readings import NO_OVERLAY, ReadingOverlay
from ssi_desktop.catalog import Pillar
from ssi_desktop.scoring import Activity, Explanation, ProfileHistory, compute
from ssi_desktop.scoring.activity import FloatArray
from ssi_desktop.scoring.network import ASSUMED, Network, NetworkHistory
from ssi_desktop.store import actions, network, profile, readings
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.system.staleness import never, stop_if

if TYPE_CHECKING:  # add_details() imports them: the first score needs neither
    from ssi_desktop.application.habits import HabitReport
    from ssi_desktop.application.outcomes import PipelineView

TREND_DAYS = 90


@dataclass(frozen=True)
class ScoreSnapshot:
    """The estimate on ``day`` and everything around it that the window shows."""

    day: dt.date
    pillars: Mapping[Pillar, float]
    total: float
    trend_days: tuple[dt.date, ...]
    trend_total: FloatArray
    trend_pillars: Mapping[Pillar, FloatArray]
    explanation: Explanation
    counts_today: Mapping[str, int]
    profile_done: Mapping[str, bool]
    entry_count: int
    calibration: CalibrationState = UNCALIBRATED_STATE  # the fit and whether it is used
    readings: ReadingOverlay = NO_OVERLAY  # official readings drawn on the dashboard
    official: tuple[OfficialReading, ...] = ()  # every official reading, oldest first
    network: Network = ASSUMED  # the network on ``day`` (the score's standing part)
    network_since: dt.date | None = None  # the day of that network's record; None: assumed
    pipeline: PipelineView | None = None
    """Outcomes, conversations, posts and target accounts (the Outcomes tab)."""
    habits: HabitReport | None = None  # targets, streaks, plan, forecast, calendar

    def count_today(self, key: str) -> int:
        return self.counts_today.get(key, 0)


def _frozen(values: FloatArray) -> FloatArray:
    copy = np.array(values, dtype=np.float64)
    copy.flags.writeable = False
    return copy


@dataclass(frozen=True)
class Standing:
    """What the score needs besides the log; logging or undoing an action changes none of it."""

    official: tuple[OfficialReading, ...]  # every reading, oldest first: markers and the fit
    history: ProfileHistory
    network: NetworkHistory


def read_standing() -> Standing:
    return Standing(tuple(readings.all_readings()), profile.history(), network.history())


class StandingReads:
    """The Standing read last, reused until forget().

    The window calls forget() after every change except an action logged or undone, which it
    makes itself and knows about: a quick-add then reads only the log (at ten years of demo
    data, 2.5 ms less of the 5 the score took).
    """

    def __init__(self) -> None:
        self._epoch = 0  # written by the GUI thread only
        self._kept: tuple[int, Standing] | None = None

    def forget(self) -> None:
        self._epoch += 1

    def read(self) -> Standing:
        epoch = self._epoch  # taken first: a change made during the read is read next time
        kept = self._kept
        if kept is None or kept[0] != epoch:
            kept = (epoch, read_standing())
            self._kept = kept
        return kept[1]


def build_score(
    day: dt.date,
    cancelled: Callable[[], bool] = never,
    *,
    trend_days: int = TREND_DAYS,
    standing: StandingReads | None = None,
) -> ScoreSnapshot:
    """The score, the trend and today's counts for ``day``: what a quick-add must show at once.

    ``cancelled`` is asked between the steps; when it says yes, Cancelled is raised. The slower
    panels (add_details) are left at their defaults. ``standing``: what was read before and
    is known to be unchanged (else it is read now).
    """
    first_day = day - dt.timedelta(days=trend_days - 1)
    activity = estimate.load_activity(first_day, day)
    read = read_standing() if standing is None else standing.read()
    history, known_network, official = read.history, read.network, read.official
    counts = actions.counts_on(day)
    entry_count = actions.entry_count()
    overlay = reading_overlay.from_readings(official, first_day, day)
    stop_if(cancelled)
    # A refit of years of readings would hold a quick-add up: the last fit is shown first, and
    # add_details() refits when an action landed on the day of a reading.
    calibration = estimate.calibration_state(
        official, history, quick=True, known_network=known_network
    )
    scored = _scored(day, first_day, activity, history, known_network, calibration)
    stop_if(cancelled)
    return ScoreSnapshot(
        **scored,
        day=day,
        counts_today=MappingProxyType(counts),
        profile_done=MappingProxyType(history.done_on(day)),
        entry_count=entry_count,
        readings=overlay,
        official=official,
        network=known_network.on(day),
        network_since=known_network.recorded_on(day),
    )


def _scored(
    day: dt.date,
    first_day: dt.date,
    activity: Activity,
    history: ProfileHistory,
    known_network: NetworkHistory,
    calibration: CalibrationState,
) -> dict[str, Any]:
    """The snapshot's fields that depend on the calibration: the score, its trend, its why."""
    series = compute(activity, history, first_day, day, calibration.sensitivity, known_network)
    today = series.on(day)
    return {
        "pillars": MappingProxyType(dict(today.pillars)),
        "total": today.total,
        "trend_days": tuple(series.days),
        "trend_total": _frozen(series.totals),
        "trend_pillars": MappingProxyType({p: _frozen(series.pillars[p]) for p in Pillar}),
        "explanation": series.explain(day),
        "calibration": calibration,
    }


def settled(snapshot: ScoreSnapshot, cancelled: Callable[[], bool] = never) -> ScoreSnapshot:
    """The snapshot with a calibration refitted to the log as it is now (see build_score).

    A refit of years of readings takes a few hundred ms of the interpreter: a quick-add in the
    meantime makes it stale (``cancelled``), and it stops within a few ms so that the new
    score does not wait for the interpreter behind it."""
    if snapshot.calibration.calibration.settled:
        return snapshot
    history = profile.history()
    calibration = estimate.calibration_state(readings.all_readings(), history, cancelled=cancelled)
    if calibration.sensitivity == snapshot.calibration.sensitivity:
        # The same scales give the same score: the trend's arrays stay the ones on screen,
        # so the window does not draw them again.
        return replace(snapshot, calibration=calibration)
    first_day = snapshot.trend_days[0]
    activity = estimate.load_activity(first_day, snapshot.day)
    fields = _scored(snapshot.day, first_day, activity, history, network.history(), calibration)
    return replace(snapshot, **fields)


def add_details(snapshot: ScoreSnapshot, cancelled: Callable[[], bool] = never) -> ScoreSnapshot:
    """The same snapshot with the panels that take longer to gather (outcomes, posts, habits),
    and its calibration settled."""
    from ssi_desktop.application.habits import habit_report
    from ssi_desktop.application.outcomes import load_pipeline

    stop_if(cancelled)
    snapshot = settled(snapshot, cancelled)
    stop_if(cancelled)
    # The calibration just settled is the one every panel scores with: worked out once here,
    # not once more by each of them.
    sensitivity = snapshot.calibration.sensitivity
    pipeline = load_pipeline(snapshot.day, sensitivity=sensitivity, cancelled=cancelled)
    stop_if(cancelled)
    habits = habit_report(snapshot.day, cancelled, sensitivity=sensitivity)
    return replace(snapshot, pipeline=pipeline, habits=habits)


def build_snapshot(
    day: dt.date, cancelled: Callable[[], bool] = never, *, trend_days: int = TREND_DAYS
) -> ScoreSnapshot:
    """Everything the window shows for ``day``: build_score, then add_details."""
    return add_details(build_score(day, cancelled, trend_days=trend_days), cancelled)
