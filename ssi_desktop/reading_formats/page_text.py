"""LinkedIn's SSI page as a browser copies it (Select All, Copy), read back into numbers.

A copied page is loose text: block elements become lines, a number and its label may be split
over lines or sit in either order ("Find the right people 6.4" or "6.4 Find the right people"),
and the page has other text around. So the text is read as one line of words, each label is
matched case-insensitively, and the number is taken from right after it, or right before it
when the page's layout puts numbers first. The page may also show a comparison group's
numbers under the same labels ("31 out of 100"): of all the candidates, the first total and
four pillars that add up the way LinkedIn adds them win.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from ssi_desktop.catalog import PILLAR_MAX, Pillar
from ssi_desktop.reading_formats.values import ReadingValues

NUM = r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)(?!\d|[.,]\d)"
"""A number of the page, with a decimal point or comma; never part of a longer number."""
SEP = r"\s*[:\-–—|]?\s*"
OUT_OF_25 = r"(?:\s*(?:out\s+of|/)\s*25(?![\d.,]))?"


def _words(phrase: str) -> str:
    return r"\b" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"\b"


PILLAR_NAMES: Mapping[Pillar, str] = {
    Pillar.BRAND: "Establish your professional brand",
    Pillar.PEOPLE: "Find the right people",
    Pillar.INSIGHTS: "Engage with insights",
    Pillar.RELATIONSHIPS: "Build relationships",
}
"""The names LinkedIn's page gives the pillars."""

_PILLAR_LABELS = {p: re.compile(_words(name), re.IGNORECASE) for p, name in PILLAR_NAMES.items()}
_VALUE_AFTER = re.compile(rf"{SEP}{NUM}(?!\s*%)")
_VALUE_BEFORE = re.compile(rf"(?<!top ){NUM}{OUT_OF_25}{SEP}$", re.IGNORECASE)

_RANK_LABELS = {
    "industry": re.compile(r"\bindustry\s+(?:ssi\s+)?rank(?:ing)?\b", re.IGNORECASE),
    "network": re.compile(r"\bnetwork\s+(?:ssi\s+)?rank(?:ing)?\b", re.IGNORECASE),
}
# After the label the page may put a line of its own ("Your SSI ranking in the Software
# Development industry") before "Top N%": words only, never a number.
_RANK_AFTER = re.compile(rf"(?:{SEP}|[^\d%]{{0,120}}?\btop\s*){NUM}\s*%", re.IGNORECASE)
_RANK_BEFORE = re.compile(rf"(?:top\s*)?{NUM}\s*%{SEP}$", re.IGNORECASE)

_AVERAGE_SENTENCE = re.compile(
    rf"\bpeople\s+in\s+(.{{1,120}}?)\s+(?:have|has)\s+an\s+average\s+ssi\s+(?:of\s+)?{NUM}",
    re.IGNORECASE,
)
_RANK_SENTENCE = re.compile(
    rf"\s*\.?\s*you\s+rank\s+(?:in\s+)?(?:the\s+)?top\s*{NUM}\s*%", re.IGNORECASE
)
_AVERAGE_SHORT = re.compile(
    rf"\b(industry|network)\b[^.\d]{{0,60}}?\baverage\b[^.\d]{{0,20}}?{NUM}(?!\s*%)",
    re.IGNORECASE,
)

_TOTALS = (
    re.compile(rf"{NUM}\s*(?:out\s+of|/)\s*100(?![\d.,])", re.IGNORECASE),
    re.compile(
        rf"\bsocial\s+selling\s+index(?:\s*\(ssi\))?(?:\s+score)?{SEP}(?:is\s+)?{NUM}(?!\s*%)",
        re.IGNORECASE,
    ),
    # "Your SSI is 53", "SSI: 53", "My SSI today: 53", "Total = 53"
    re.compile(rf"\b(?:ssi|total)\b[^\d%.:=]{{0,20}}?(?:\bis|:|=)\s*{NUM}(?!\s*%)", re.IGNORECASE),
)

MAX_CHOICES = 4
"""Numbers tried per pillar: the member's, a comparison group's, and a stray one or two."""

TOTAL_HINT = 'the total ("N out of 100")'


class NoReadingError(ValueError):
    """The pasted text holds no complete reading; the message names what is missing."""


def _number(text: str) -> float:
    return float(text.replace(",", "."))


_Layout = Callable[[str, re.Match[str]], float | None]
"""Where a label's number sits: right after the label, or right before it."""

K = TypeVar("K")


def _after(pattern: re.Pattern[str]) -> _Layout:
    def find(text: str, label: re.Match[str]) -> float | None:
        found = pattern.match(text, label.end())
        return _number(found.group(1)) if found else None

    return find


def _before(pattern: re.Pattern[str]) -> _Layout:
    def find(text: str, label: re.Match[str]) -> float | None:
        # Only the last stretch before the label can hold its number: bounded, so a long
        # page costs no more per label than a short one.
        start = max(0, label.start() - 40)
        found = pattern.search(text, start, label.start())
        return _number(found.group(1)) if found else None

    return find


def _numbers(
    text: str, labels: Mapping[K, re.Pattern[str]], layout: _Layout, most: float
) -> dict[K, list[float]]:
    """Each label's numbers in one layout, in page order. A label without a number (a pillar
    named in a tip) is passed over."""
    found: dict[K, list[float]] = {}
    for key, pattern in labels.items():
        read = (layout(text, match) for match in pattern.finditer(text))
        found[key] = [value for value in read if value is not None and value <= most]
    return found


def _totals(text: str) -> list[float]:
    seen: list[float] = []
    for pattern in _TOTALS:
        for match in pattern.finditer(text):
            value = _number(match.group(1))
            if value <= 100 and value not in seen:
                seen.append(value)
    return seen


def _ranks(text: str) -> dict[str, float]:
    after, before = (
        {key: ranks[0] for key, ranks in _numbers(text, _RANK_LABELS, layout, 100).items() if ranks}
        for layout in (_after(_RANK_AFTER), _before(_RANK_BEFORE))
    )
    # "Top 85% Industry SSI rank Top 94% Network SSI rank": numbers first, so reading after
    # each label finds fewer (or shifted) ranks than reading before it.
    return before if len(before) > len(after) else after


def _group_sentences(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """The industry's and the network's average SSI from the page's sentences about them, and
    the ranks said right after ("... an average SSI of 24. You rank in the top 7%")."""
    averages: dict[str, float] = {}
    ranks: dict[str, float] = {}
    for match in _AVERAGE_SENTENCE.finditer(text):
        group = match.group(1).lower()
        if group.endswith("industry") or ("industry" in group and "network" not in group):
            kind = "industry"
        elif "network" in group:
            kind = "network"
        else:
            continue
        averages.setdefault(kind, _number(match.group(2)))
        rank = _RANK_SENTENCE.match(text, match.end())
        if rank is not None:
            ranks.setdefault(kind, _number(rank.group(1)))
    for match in _AVERAGE_SHORT.finditer(text):
        averages.setdefault(match.group(1).lower(), _number(match.group(2)))
    return averages, ranks


def _missing(total: bool, pillars: list[Pillar]) -> str:
    parts = [TOTAL_HINT] if total else []
    if pillars:
        names = ", ".join(f'"{PILLAR_NAMES[p]}"' for p in pillars)
        parts.append(f"the pillar{'s' if len(pillars) > 1 else ''} {names}")
    return " and ".join(parts)


def _pillars(text: str, totals: list[float]) -> tuple[dict[Pillar, float], float] | None:
    """The pillars and total that add up the way LinkedIn adds them, preferring numbers after
    their labels and earlier numbers on the page (the member's own before a comparison
    group's); else the first complete set, for the store's check to explain."""
    first: tuple[dict[Pillar, float], float] | None = None
    for layout in (_after(_VALUE_AFTER), _before(_VALUE_BEFORE)):
        found = _numbers(text, _PILLAR_LABELS, layout, PILLAR_MAX)
        if not totals or not all(found.values()):
            continue
        choices = [found[p][:MAX_CHOICES] for p in Pillar]
        for values in itertools.product(*choices):
            pillars = dict(zip(Pillar, values, strict=True))
            for total in totals:
                if ReadingValues(total, pillars).adds_up():
                    return pillars, total
            if first is None:
                first = pillars, totals[0]
    return first


def parse_page_text(text: str) -> ReadingValues:
    """The reading in a copied SSI page; NoReadingError names what is missing."""
    flat = " ".join(text.split())
    totals = _totals(flat)
    chosen = _pillars(flat, totals)
    if chosen is None:
        found = [
            _numbers(flat, _PILLAR_LABELS, layout, PILLAR_MAX)
            for layout in (_after(_VALUE_AFTER), _before(_VALUE_BEFORE))
        ]
        best = max(found, key=lambda values: sum(bool(v) for v in values.values()))
        missing = [p for p in Pillar if not best[p]]
        raise NoReadingError(
            f"no complete SSI reading in the text: missing {_missing(not totals, missing)}"
        )
    pillars, total = chosen
    averages, said_ranks = _group_sentences(flat)
    ranks = {**said_ranks, **_ranks(flat)}  # the rank under its label, else the sentence's
    return ReadingValues(
        total,
        pillars,
        industry_rank=ranks.get("industry"),
        network_rank=ranks.get("network"),
        industry_avg=averages.get("industry"),
        network_avg=averages.get("network"),
    )
