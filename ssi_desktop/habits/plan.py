"""The next best action: every action type ranked by what one more of it adds to today's total.

The gain is asked of the score model itself: today's activity plus one action of a type,
scored exactly as the estimate is, minus today's total (``totals_with_one_more`` scores every
type's what-if in one batch). So logging the top action raises the estimate by the gain shown,
at the sensitivity in use (an official reading dated today may refit it a little once the
action is logged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ssi_desktop.catalog import ACTIONS, ActionType, action
from ssi_desktop.scoring import Activity, ProfileHistory, Sensitivity
from ssi_desktop.scoring.model import NO_NETWORK_RECORDED, totals_with_one_more
from ssi_desktop.scoring.network import NetworkHistory
from ssi_desktop.system.staleness import IsStale, never, stop_if


@dataclass(frozen=True)
class Suggestion:
    """One more action of type ``key`` today would change the estimated total by ``gain``."""

    key: str
    gain: float

    @property
    def action(self) -> ActionType:
        return action(self.key)

    def as_json(self) -> dict[str, object]:
        kind = self.action
        return {
            "key": self.key,
            "label": kind.label,
            "pillar": kind.pillar.value,
            "gain": self.gain,
        }


def rank(
    day: dt.date,
    activity: Activity,
    profile: ProfileHistory,
    sensitivity: Sensitivity,
    cancelled: IsStale = never,
    network: NetworkHistory = NO_NETWORK_RECORDED,
) -> list[Suggestion]:
    """Every action type, the biggest gain first (catalog order among equal gains)."""

    stop_if(cancelled)
    before, after = totals_with_one_more(day, activity, profile, sensitivity, network)
    return _best_first([Suggestion(key, total - before) for key, total in after.items()])


def _best_first(suggestions: list[Suggestion]) -> list[Suggestion]:
    order = {a.key: i for i, a in enumerate(ACTIONS)}
    return sorted(suggestions, key=lambda s: (-s.gain, order[s.key]))


def worth_doing(plan: Sequence[Suggestion]) -> list[Suggestion]:
    """The suggestions that would raise the score (generic requests may lower it)."""
    return [s for s in plan if s.gain > 0]


def quick_add_keys(plan: Sequence[Suggestion], most_used: Sequence[str], limit: int) -> list[str]:
    """Keys for a short quick-add menu: the best few of the plan, then the seller's favourites."""
    picks = [s.key for s in worth_doing(plan)[: (limit + 1) // 2]]
    for key in most_used:
        if len(picks) >= limit:
            break
        if key not in picks:
            picks.append(key)
    return picks
