"""What one official reading holds, before it has a date, and the numbers as LinkedIn prints
them ("20,998", "Top 9%")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ssi_desktop.catalog import PILLAR_MAX, Pillar

TOTAL_TOLERANCE = 0.5 + 4 * 0.005
"""LinkedIn shows the total rounded to a whole number and each pillar rounded to 2 decimals, so
the total typed in may differ from the sum of the pillars typed in by half a point plus four
pillar roundings."""

# A sign is read so that the store's range check can say what is wrong with "-1".
_NUMBER = re.compile(r"\s*(-?(?:\d+(?:[.,]\d+)?|[.,]\d+))\s*")
_RANK = re.compile(r"\s*(?:top\s*)?(-?\d+(?:[.,]\d+)?)\s*%?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ReadingValues:
    """The numbers of LinkedIn's SSI page: the total, the four pillars with the precision
    given, and the industry and network benchmarks where the page showed them."""

    total: float
    pillars: Mapping[Pillar, float] = field(hash=False)
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    @property
    def pillar_sum(self) -> float:
        return sum(self.pillars[p] for p in Pillar)

    def adds_up(self) -> bool:
        """Whether the total is what LinkedIn would show for these pillars."""
        in_range = all(0.0 <= self.pillars[p] <= PILLAR_MAX for p in Pillar)
        return in_range and abs(self.total - self.pillar_sum) <= TOTAL_TOLERANCE


def parse_number(text: str) -> float:
    """A number as a page in any language prints it: "20.998" or "20,998".

    SSI numbers never reach a thousand, so a comma is always a decimal comma here.
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise ValueError(f"{text.strip()!r} is not a number")
    return float(match.group(1).replace(",", "."))


def parse_rank(text: str) -> float:
    """The N of LinkedIn's "Top N%": accepts "Top 9%", "9%" and "9"."""
    match = _RANK.fullmatch(text)
    if match is None:
        raise ValueError(f'{text.strip()!r} is not a rank: write it as "Top 9%", "9%" or "9"')
    return float(match.group(1).replace(",", "."))
