"""Conversations with contacts: how many threads the seller opens get an answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ssi_desktop.scoring.activity import window_start


class StartedBy(StrEnum):
    ME = "me"
    THEM = "them"


@dataclass(frozen=True)
class Thread:
    """A direct-message thread: when and by whom it was started, when it was answered."""

    started_on: dt.date
    started_by: StartedBy
    answered_on: dt.date | None = None


@dataclass(frozen=True)
class ReplyCount:
    """The threads the seller started in the last 90 days, and how many were answered."""

    started: int
    answered: int

    @property
    def rate(self) -> float | None:
        """Percent answered; None when the seller started no thread in the window."""
        return 100.0 * self.answered / self.started if self.started else None


def reply_count(threads: Iterable[Thread], today: dt.date) -> ReplyCount:
    """Count the threads the seller started in the 90 days up to today, and those answered by then.

    Threads the other side started say nothing about the seller's outreach and are left out.
    """
    first = window_start(today)
    mine = [t for t in threads if t.started_by is StartedBy.ME and first <= t.started_on <= today]
    answered = sum(1 for t in mine if t.answered_on is not None and t.answered_on <= today)
    return ReplyCount(len(mine), answered)


def reply_rate(threads: Iterable[Thread], today: dt.date) -> float | None:
    """Percent of the threads the seller started in the last 90 days that were answered by today."""
    return reply_count(threads, today).rate
