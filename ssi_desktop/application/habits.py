"""What the habit views show, read from the store in one go: call it from the worker thread.

``targets_report`` reads the log, targets and rest days (a few SQL aggregates, no score model);
``habit_report`` adds the plan, which runs the score model, so the GUI must not call it itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ssi_desktop.application import estimate
from ssi_desktop.habits.days import week_start
from ssi_desktop.habits.default_plan import default_plan
from ssi_desktop.habits.forecast import MILESTONES, Forecast
from ssi_desktop.habits.plan import Suggestion
from ssi_desktop.habits.streaks import Streak, streak
from ssi_desktop.habits.targets import Progress, Target, progress
from ssi_desktop.scoring import Sensitivity
from ssi_desktop.store import habit_targets, log_totals, rest_days
from ssi_desktop.system.staleness import IsStale, never, stop_if

CALENDAR_WEEKS = 53
"""The habit calendar shows a year: 53 columns of weeks always cover the last 12 months."""

FAVOURITE_DAYS = 90


@dataclass(frozen=True)
class TargetStatus:
    """One target with its progress in the current day or week, and its streak."""

    target: Target
    progress: Progress
    streak: Streak

    def as_json(self) -> dict[str, object]:
        kind = self.target.action
        return {
            "key": self.target.key,
            "label": kind.label,
            "pillar": kind.pillar.value,
            "count": self.target.count,
            "per": self.target.per.value,
            "from": self.progress.first_day.isoformat(),
            "to": self.progress.last_day.isoformat(),
            "done": self.progress.done,
            "met": self.progress.met,
            "streak": self.streak.current,
            "best_streak": self.streak.best,
        }

    def streak_json(self) -> dict[str, object]:
        return {
            "key": self.target.key,
            "label": self.target.action.label,
            "count": self.target.count,
            "per": self.target.per.value,
            "current": self.streak.current,
            "best": self.streak.best,
            "open": self.streak.open,
        }


@dataclass(frozen=True)
class HabitReport:
    day: dt.date
    targets: tuple[TargetStatus, ...]
    plan: tuple[Suggestion, ...]
    favourites: tuple[str, ...]
    """Action keys logged most over the last 90 days, most first (for quick-add menus)."""
    active_days: Mapping[dt.date, int]
    """Actions logged on each day of the habit calendar's span (days without any are missing)."""
    rest_days: frozenset[dt.date]
    forecast: Forecast
    """The estimate ahead at the last four weeks' pace, up to the farthest milestone."""
    default_targets: tuple[Target, ...]
    """The default plan, worked out here so that the window never runs the model for it."""

    @property
    def calendar_start(self) -> dt.date:
        return calendar_start(self.day)


def targets_report(day: dt.date, cancelled: IsStale = never) -> list[TargetStatus]:
    """Each target's progress and streak as of ``day``."""
    wanted = habit_targets.all_targets()
    if not wanted:
        return []
    history = habit_targets.daily_counts((t.key for t in wanted), day, cancelled)
    resting = rest_days.days()
    statuses = []
    for target in wanted:
        stop_if(cancelled)
        counts = history.get(target.key, {})
        statuses.append(
            TargetStatus(
                target, progress(target, counts, day), streak(target, counts, resting, day)
            )
        )
    return statuses


def calendar_start(day: dt.date) -> dt.date:
    """The Monday that begins the habit calendar ending in ``day``'s week."""
    return week_start(day) - dt.timedelta(weeks=CALENDAR_WEEKS - 1)


def habit_report(
    day: dt.date, cancelled: IsStale = never, *, sensitivity: Sensitivity | None = None
) -> HabitReport:
    """Everything the Today panel, the progress rows, the calendar, the forecast and the tray
    need (runs the score model: call it from the worker, as build_snapshot does). It scores
    as every estimate does now (calibrated when switched on), so the gains are the score's;
    ``sensitivity``, when given, is that calibration already worked out."""
    chosen = estimate.current_sensitivity() if sensitivity is None else sensitivity
    active_days = log_totals.totals_per_day(calendar_start(day), day)
    favourites = log_totals.most_logged(day - dt.timedelta(days=FAVOURITE_DAYS - 1), day)
    # ``cancelled`` between the slow steps (each a few ms at most): a newer change makes this
    # report stale, and the score of that change should not share the interpreter with it.
    stop_if(cancelled)
    targets = tuple(targets_report(day, cancelled))
    stop_if(cancelled)
    plan = tuple(estimate.plan(day, chosen, cancelled=cancelled))
    stop_if(cancelled)
    forecast = estimate.forecast(day, max(MILESTONES), chosen)
    return HabitReport(
        day=day,
        targets=targets,
        plan=plan,
        favourites=tuple(favourites),
        active_days=MappingProxyType(active_days),
        rest_days=rest_days.days(),
        forecast=forecast,
        default_targets=default_plan().targets,
    )
