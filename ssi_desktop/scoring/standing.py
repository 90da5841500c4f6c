"""The standing part of the score: what LinkedIn credits without any recent action.

A member who did nothing for months still reads about 20 on LinkedIn's SSI page, not the
profile checklist alone: the network they built holds part of every pillar up. Each part here
is a measure of the network (scoring/network.py) that saturates toward its cap,

    points = cap * (1 - 2 ** (-scale * measure / half))

so a network twice the size never earns twice the points, and no network reaches the cap. The
caps, with the profile checklist for the brand pillar, leave each pillar its activity budget
(ACTIVITY_BUDGET): standing and activity together can never pass 25. docs/SCORING.md names the
real readings each number is anchored on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ssi_desktop.catalog import PILLAR_MAX, PROFILE_MAX, Pillar


@dataclass(frozen=True)
class StandingPart:
    """One measure of the network earning standing points in one pillar."""

    measure: str  # "connections", "followers" or "decision_makers" (NetworkHistory.over)
    pillar: Pillar
    label: str
    cap: float
    half: float  # the measure at which the part earns half its cap

    @property
    def source(self) -> str:
        """The part's key in the score's explanation."""
        return f"network_{self.measure}"


STANDING_PARTS: tuple[StandingPart, ...] = (
    StandingPart("followers", Pillar.BRAND, "Followers", 4.0, 800.0),
    StandingPart("connections", Pillar.PEOPLE, "Network to prospect in", 5.0, 500.0),
    StandingPart("followers", Pillar.INSIGHTS, "Audience for your posts", 1.0, 800.0),
    StandingPart("connections", Pillar.RELATIONSHIPS, "Connections", 7.0, 600.0),
    StandingPart("decision_makers", Pillar.RELATIONSHIPS, "Decision-makers you know", 8.0, 120.0),
)


def standing_parts(pillar: Pillar) -> tuple[StandingPart, ...]:
    return tuple(part for part in STANDING_PARTS if part.pillar is pillar)


def standing_max(pillar: Pillar) -> float:
    """The most the network can give this pillar (the profile checklist aside)."""
    return sum(part.cap for part in standing_parts(pillar))


ACTIVITY_BUDGET: Mapping[Pillar, float] = {
    pillar: PILLAR_MAX - standing_max(pillar) - (PROFILE_MAX if pillar is Pillar.BRAND else 0.0)
    for pillar in Pillar
}
"""What the last 90 days of activity can earn in each pillar: 25 less the standing part."""
