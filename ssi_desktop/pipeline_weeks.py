"""Weekly outcomes beside the weekly SSI estimate, read from the database.

This runs the score model, so the window calls it from its worker, never on the GUI thread,
and hands the result to the Outcomes tab.
"""

from __future__ import annotations

import datetime as dt

from ssi_desktop import estimate
from ssi_desktop.pipeline.weekly import Week, week_start, weekly_outcomes, with_estimates
from ssi_desktop.store import outcomes

DEFAULT_WEEKS = 26
"""Half a year: pipeline follows activity with a lag of weeks, so a quarter is too short."""


def load_weeks(last_day: dt.date, count: int = DEFAULT_WEEKS) -> list[Week]:
    """The ``count`` ISO weeks up to last_day: outcomes, and the estimate on each closing day."""
    first_day = week_start(last_day) - dt.timedelta(weeks=count - 1)
    weeks = weekly_outcomes(outcomes.facts_since(first_day), last_day, count)
    scores = estimate.series(weeks[0].closing_day, last_day)
    return with_estimates(weeks, {w.closing_day: scores.on(w.closing_day).total for w in weeks})
