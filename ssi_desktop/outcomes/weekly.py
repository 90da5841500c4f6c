"""Outcomes per ISO week (Monday to Sunday), beside the SSI estimate at each week's close."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from ssi_desktop.outcomes.kinds import OutcomeFact, OutcomeKind


@dataclass(frozen=True)
class Week:
    """One ISO week's outcomes; ``closing_day`` is its Sunday, or today for the current week."""

    start: dt.date
    closing_day: dt.date
    meetings: int = 0
    opportunities: int = 0
    deals_won: int = 0
    won_value: float = 0.0
    estimate: float | None = None
    """The estimated SSI on closing_day, filled in by whoever runs the score model."""

    @property
    def label(self) -> str:
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def empty_weeks(last_day: dt.date, count: int) -> list[Week]:
    """The ``count`` ISO weeks up to and including the one holding last_day, oldest first."""
    if count < 1:
        raise ValueError(f"need at least one week, not {count}")
    newest = week_start(last_day)
    starts = [newest - dt.timedelta(weeks=n) for n in range(count - 1, -1, -1)]
    return [Week(s, min(s + dt.timedelta(days=6), last_day)) for s in starts]


def weekly_outcomes(outcomes: Iterable[OutcomeFact], last_day: dt.date, count: int) -> list[Week]:
    """Count the outcomes of each of the ``count`` weeks up to last_day; later ones are ignored."""
    weeks = empty_weeks(last_day, count)
    shown = {w.start for w in weeks}
    counts: Counter[tuple[dt.date, OutcomeKind]] = Counter()
    won_value: defaultdict[dt.date, float] = defaultdict(float)
    for outcome in outcomes:
        start = week_start(outcome.day)
        if start not in shown or outcome.day > last_day:
            continue
        counts[start, outcome.kind] += 1
        if outcome.kind is OutcomeKind.DEAL_WON and outcome.value is not None:
            won_value[start] += outcome.value
    return [
        replace(
            w,
            meetings=counts[w.start, OutcomeKind.MEETING],
            opportunities=counts[w.start, OutcomeKind.OPPORTUNITY],
            deals_won=counts[w.start, OutcomeKind.DEAL_WON],
            won_value=won_value[w.start],
        )
        for w in weeks
    ]


def with_estimates(weeks: Iterable[Week], estimate_on: Mapping[dt.date, float]) -> list[Week]:
    """The weeks with the estimate of each closing day (None where the mapping has no day)."""
    return [replace(w, estimate=estimate_on.get(w.closing_day)) for w in weeks]
