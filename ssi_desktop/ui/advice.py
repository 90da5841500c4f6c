"""Short advice per pillar, and which logged action type has the most points left to earn."""

from __future__ import annotations

from ssi_desktop.catalog import ACTION_BY_KEY, Pillar
from ssi_desktop.scoring import Explanation
from ssi_desktop.scoring.model import most_a_type_earns

ADVICE: dict[Pillar, tuple[str, ...]] = {
    Pillar.BRAND: (
        "Finish the profile checklist: it is the one part of the score that never fades.",
        "Publish something of your own every week; one article a quarter adds depth.",
        "Ask two happy clients a month for a recommendation that names a result.",
    ),
    Pillar.PEOPLE: (
        "Save leads and view their profiles before you reach out: research counts here.",
        "Write a line for each person in connection requests; accepted requests earn the most.",
        "Send fewer generic requests: the ones nobody accepts cost points.",
    ),
    Pillar.INSIGHTS: (
        "Comment with 15 words or more on your buyers' posts: it weighs far more than a like.",
        "When you share, add your own take in a sentence or two.",
        "A little every working day beats a weekly burst: the window forgets bursts.",
    ),
    Pillar.RELATIONSHIPS: (
        "Aim for conversations, not broadcasts: replies to your messages count most.",
        "Connect with decision-makers and with several people at each target account.",
        "Congratulate contacts on new roles and milestones; it reopens quiet threads.",
    ),
}


def most_room(explanation: Explanation, pillar: Pillar) -> str:
    """The action type with the most points still to earn in this pillar, in one sentence."""
    best: tuple[float, str, float, float] | None = None
    for part in explanation.pillars[pillar]:
        if part.kind != "action" or ACTION_BY_KEY[part.source].can_lower_score:
            continue
        cap = most_a_type_earns(ACTION_BY_KEY[part.source], pillar)
        room = cap - max(part.points, 0.0)
        if best is None or room > best[0]:
            best = (room, part.label, part.points, cap)
    if best is None or best[0] < 0.05:
        return "Every action type here is close to the most it can earn: keep the pace steady."
    _room, label, points, cap = best
    return f"Most room to grow: {label} ({max(points, 0.0):.2f} of {cap:.2f} points so far)."
