"""What a seller can log: the four pillars, every action type and the profile checklist.

This is the single source of truth for action keys. Keys are stable: they are stored in the
database, printed by the CLI and used in widget object names, so never rename one; add new ones.

The numbers here are the score model's per-action constants (see docs/SCORING.md):
- ``weights`` says how much a type, done in full, adds to the activity of which pillar. A
  pillar's activity points saturate as its weighted types add up (scoring/model.py), and no
  weight is big enough for one type alone to fill half a pillar.
- ``healthy_per_week`` is a steady pace a committed seller can keep. Done steadily, it counts
  as three quarters of a full type; it is also the starting point for weekly targets.
- ``seen_by_linkedin`` is False for what happens outside LinkedIn (a meeting booked): such a
  type is tracked, and shown with the outcomes, but earns no SSI points.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Pillar(StrEnum):
    """LinkedIn's four SSI pillars, each worth up to 25 points."""

    BRAND = "brand"
    PEOPLE = "people"
    INSIGHTS = "insights"
    RELATIONSHIPS = "relationships"

    @property
    def label(self) -> str:
        return PILLAR_TITLES[self]

    @property
    def short_label(self) -> str:
        return PILLAR_SHORT_TITLES[self]


PILLAR_TITLES: Mapping[Pillar, str] = {
    Pillar.BRAND: "Establish your professional brand",
    Pillar.PEOPLE: "Find the right people",
    Pillar.INSIGHTS: "Engage with insights",
    Pillar.RELATIONSHIPS: "Build relationships",
}

PILLAR_SHORT_TITLES: Mapping[Pillar, str] = {
    Pillar.BRAND: "Brand",
    Pillar.PEOPLE: "People",
    Pillar.INSIGHTS: "Insights",
    Pillar.RELATIONSHIPS: "Relationships",
}

PILLAR_MAX = 25.0
TOTAL_MAX = 100.0


@dataclass(frozen=True)
class ActionType:
    """One kind of thing the seller does on LinkedIn and logs here."""

    key: str
    pillar: Pillar
    label: str
    healthy_per_week: float
    weights: Mapping[Pillar, float]
    quality: str = ""
    can_lower_score: bool = False

    @property
    def seen_by_linkedin(self) -> bool:
        """False for actions outside LinkedIn: tracked, but worth no SSI points."""
        return bool(self.weights)

    @property
    def is_quality_variant(self) -> bool:
        return bool(self.quality)


@dataclass(frozen=True)
class ProfileItem:
    """A profile checklist item; its points count for the brand pillar while it is done."""

    key: str
    label: str
    points: float
    hint: str


def _action(
    key: str,
    pillar: Pillar,
    label: str,
    per_week: float,
    weight: float,
    *,
    quality: str = "",
    also: Mapping[Pillar, float] | None = None,
    can_lower_score: bool = False,
) -> ActionType:
    weights = {pillar: weight, **(also or {})} if weight else {}
    return ActionType(key, pillar, label, per_week, weights, quality, can_lower_score)


B, P, I, R = Pillar.BRAND, Pillar.PEOPLE, Pillar.INSIGHTS, Pillar.RELATIONSHIPS  # noqa: E741

ACTIONS: tuple[ActionType, ...] = (
    # Establish your professional brand: the profile checklist, followers (scoring/standing.py)
    # and these.
    _action("post_published", B, "Post published", 2, 1.6, also={I: 1.05}),
    _action("article_published", B, "Article published", 0.25, 0.8),
    _action("recommendation_received", B, "Recommendation received", 0.25, 0.8),
    _action("endorsement_received", B, "Endorsement received", 1, 0.3),
    _action("followers_gained", B, "New follower", 15, 0.5),
    # Find the right people.
    _action("prospect_search", P, "Prospect search", 5, 0.5),
    _action("profile_viewed", P, "Prospect profile viewed", 25, 0.6),
    _action("lead_saved", P, "Lead or account saved", 10, 0.6),
    _action(
        "connection_request_personalized",
        P,
        "Personalized connection request",
        25,
        1.4,
        quality="a note written for this person",
    ),
    _action(
        "connection_request_generic",
        P,
        "Generic connection request",
        10,
        0.2,
        quality="no personal note; costs points when few are accepted",
        can_lower_score=True,
    ),
    _action("connection_accepted", P, "Connection request accepted", 15, 1.3),
    _action("group_joined", P, "Group joined", 0.25, 0.3),
    # Engage with insights (post_published above also counts here).
    _action(
        "comment_thoughtful",
        I,
        "Thoughtful comment (15+ words)",
        15,
        1.05,
        quality="15 words or more",
    ),
    _action("comment_short", I, "Short comment", 5, 0.4),
    _action(
        "share_with_perspective",
        I,
        "Share with your own take",
        2,
        0.8,
        quality="your own comment on the shared post",
    ),
    _action("reshare", I, "Plain reshare", 1, 0.3),
    _action("reaction", I, "Reaction", 30, 0.6),
    _action("group_discussion", I, "Group discussion", 1, 0.5),
    # Build relationships: the network (scoring/standing.py) and these.
    _action("dm_sent", R, "Direct message sent", 20, 1.3),
    _action(
        "dm_reply_received",
        R,
        "Reply to your message",
        8,
        1.5,
        quality="a two-way conversation",
    ),
    _action(
        "decision_maker_connected",
        R,
        "Decision-maker connected",
        2,
        0.6,
        quality="a senior contact",
    ),
    _action("congratulation_sent", R, "Congratulation or milestone note", 3, 0.4),
    _action("inmail_sent", R, "InMail sent (Sales Navigator)", 10, 0.8),
    _action(
        "inmail_reply_received",
        R,
        "InMail reply received",
        3,
        1.0,
        quality="a prospect answered your InMail",
    ),
    # Tracked as an outcome; LinkedIn cannot see a meeting booked, so it earns no SSI points.
    _action("meeting_booked", R, "Meeting booked", 1, 0.0),
)

PROFILE_ITEMS: tuple[ProfileItem, ...] = (
    ProfileItem("photo", "Professional photo", 1.5, "A clear, friendly head-and-shoulders photo."),
    ProfileItem("banner", "Banner image", 1.0, "A banner that says whom you help and how."),
    ProfileItem(
        "headline",
        "Buyer-focused headline",
        1.5,
        "Name the buyer's problem you solve, not your title.",
    ),
    ProfileItem("about", "About section", 1.5, "A short story of the results your clients get."),
    ProfileItem(
        "experience", "Current role described", 1.0, "What you do for clients in this role."
    ),
    ProfileItem("featured", "Featured section", 1.0, "Pin a case study, a post or a guide."),
    ProfileItem("skills", "Five or more skills", 1.0, "List the skills your buyers look for."),
    ProfileItem(
        "recommendations",
        "Five or more recommendations",
        1.5,
        "Ask happy clients to vouch for you.",
    ),
)

ACTION_BY_KEY: Mapping[str, ActionType] = {a.key: a for a in ACTIONS}
PROFILE_ITEM_BY_KEY: Mapping[str, ProfileItem] = {p.key: p for p in PROFILE_ITEMS}
PROFILE_MAX = sum(item.points for item in PROFILE_ITEMS)


def actions_in(pillar: Pillar) -> Iterator[ActionType]:
    """The action types whose quick-add button lives on this pillar's tab."""
    return (a for a in ACTIONS if a.pillar is pillar)


def actions_earning(pillar: Pillar) -> Iterator[ActionType]:
    """Every action type that earns points in this pillar, including ones homed elsewhere."""
    return (a for a in ACTIONS if pillar in a.weights)


class UnknownActionError(KeyError):
    """Raised for an action key that is not in the catalog; may carry the keys meant."""

    def __str__(self) -> str:
        suggestions = self.args[1] if len(self.args) > 1 else ()
        if suggestions:
            return (
                f"unknown action type {self.args[0]!r}: did you mean: "
                f"{', '.join(suggestions)}? (see `ssi types`)"
            )
        return f"unknown action type {self.args[0]!r} (see `ssi types`)"


def action(key: str) -> ActionType:
    """The action type for a key, or UnknownActionError."""
    try:
        return ACTION_BY_KEY[key]
    except KeyError:
        raise UnknownActionError(key) from None


def _normalized(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def similar_keys(text: str, most: int = 4) -> list[str]:
    """The action keys a mistyped one probably meant: those holding it ("comment" for
    comment_thoughtful and comment_short), then those spelled alike."""
    wanted = _normalized(text)
    if not wanted:
        return []
    keys = [a.key for a in ACTIONS]
    holding = [key for key in keys if wanted in key]
    alike = difflib.get_close_matches(wanted, keys, n=most, cutoff=0.6)
    return list(dict.fromkeys(holding + alike))[:most]


def lookup_action(text: str) -> ActionType:
    """The action type a person typed: any case, spaces or dashes for underscores.

    UnknownActionError carries the keys it probably meant.
    """
    found = ACTION_BY_KEY.get(_normalized(text))
    if found is None:
        raise UnknownActionError(text, similar_keys(text))
    return found


def tier_name(total: float) -> str:
    """The seller community's tier for a total score, judged on the rounded total as shown."""
    shown = round(total)
    if shown <= 25:
        return "Beginner"
    if shown <= 50:
        return "Developing"
    if shown <= 75:
        return "Proficient"
    return "Leader"
