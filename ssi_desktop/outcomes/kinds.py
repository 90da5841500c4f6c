"""The results social selling is for: meetings booked, opportunities opened, deals won."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class OutcomeKind(StrEnum):
    MEETING = "meeting"
    OPPORTUNITY = "opportunity"
    DEAL_WON = "deal_won"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]

    @property
    def has_value(self) -> bool:
        """Opportunities and deals carry money; a meeting does not."""
        return self is not OutcomeKind.MEETING

    @classmethod
    def parse(cls, text: str) -> OutcomeKind:
        """The kind a seller means: "meeting", "Meetings", "deal-won", "won", "opp" and so on."""
        word = text.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return OUTCOME_ALIASES[word]
        except KeyError:
            choices = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown outcome {text!r} (one of: {choices})") from None


OUTCOME_LABELS = {
    OutcomeKind.MEETING: "Meeting booked",
    OutcomeKind.OPPORTUNITY: "Opportunity opened",
    OutcomeKind.DEAL_WON: "Deal won",
}

OUTCOME_ALIASES = {
    **dict.fromkeys(("meeting", "meetings", "meeting_booked", "mtg"), OutcomeKind.MEETING),
    **dict.fromkeys(
        ("opportunity", "opportunities", "opportunity_opened", "opp", "opps"),
        OutcomeKind.OPPORTUNITY,
    ),
    **dict.fromkeys(
        ("deal_won", "deals_won", "won_deal", "deal", "deals", "won", "win"), OutcomeKind.DEAL_WON
    ),
}


@dataclass(frozen=True)
class OutcomeFact:
    """One recorded outcome, as the weekly view needs it."""

    kind: OutcomeKind
    day: dt.date
    value: float | None = None
