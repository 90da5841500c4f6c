"""What the Outcomes tab and the relationships card show, read and scored in the worker.

The weekly SSI estimate needs the score model over half a year, so this runs on the score
worker's thread (build_snapshot calls load_pipeline) and reaches the window as frozen data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssi_desktop.application import estimate
from ssi_desktop.outcomes.engagement import PostRate, average_rate
from ssi_desktop.outcomes.replies import ReplyCount
from ssi_desktop.outcomes.weekly import Week, week_start, weekly_outcomes, with_estimates
from ssi_desktop.scoring import Sensitivity
from ssi_desktop.scoring.activity import window_start
from ssi_desktop.store import accounts, conversations, outcomes, posts
from ssi_desktop.store.accounts import AccountReach
from ssi_desktop.system.staleness import IsStale, never, stop_if

DEFAULT_WEEKS = 26
"""Half a year: pipeline follows activity with a lag of weeks, so a quarter is too short."""

POSTS_SHOWN = 24
"""The newest posts drawn in the engagement chart; more would make each bar a hairline."""

WAITING_SHOWN = 30


@dataclass(frozen=True)
class WaitingThread:
    """A conversation the seller started that has no answer yet."""

    id: int
    contact: str
    account: str
    started_on: dt.date


@dataclass(frozen=True)
class PipelineView:
    """Everything beyond the SSI, as of one day."""

    weeks: tuple[Week, ...]
    post_rates: tuple[PostRate, ...]
    posts_90d: int
    average_rate_90d: float | None
    replies_90d: ReplyCount
    reach: tuple[AccountReach, ...]
    waiting: tuple[WaitingThread, ...]


def load_weeks(
    last_day: dt.date, count: int = DEFAULT_WEEKS, sensitivity: Sensitivity | None = None
) -> list[Week]:
    """The ``count`` ISO weeks up to last_day: outcomes, and the estimate on each closing day
    (at ``sensitivity``, else the seller's own)."""
    first_day = week_start(last_day) - dt.timedelta(weeks=count - 1)
    weeks = weekly_outcomes(outcomes.facts_since(first_day), last_day, count)
    scores = estimate.series(weeks[0].closing_day, last_day, sensitivity)
    return with_estimates(weeks, {w.closing_day: scores.on(w.closing_day).total for w in weeks})


def load_pipeline(
    day: dt.date,
    weeks: int = DEFAULT_WEEKS,
    *,
    sensitivity: Sensitivity | None = None,
    cancelled: IsStale = never,
) -> PipelineView:
    """The Outcomes tab's view on ``day``; ``cancelled`` is asked between its reads (raises
    Cancelled), as the window's worker gives up on a view a newer change made stale."""
    threads = conversations.waiting(WAITING_SHOWN)
    rates = posts.rates()
    recent = [r for r in rates if window_start(day) <= r.day <= day]
    stop_if(cancelled)
    scored_weeks = tuple(load_weeks(day, weeks, sensitivity))
    stop_if(cancelled)
    reach = tuple(accounts.decision_makers_per_account(targets_only=True))
    stop_if(cancelled)
    return PipelineView(
        weeks=scored_weeks,
        post_rates=tuple(rates[-POSTS_SHOWN:]),
        posts_90d=len(recent),
        average_rate_90d=average_rate(((r.day, r.rate) for r in recent), day),
        replies_90d=conversations.reply_count_90d(day),
        reach=reach,
        waiting=tuple(
            WaitingThread(t.id, t.contact_name, t.account_name, t.started_on) for t in threads
        ),
    )
