"""The JSON LinkedIn's SSI page loads, read into a reading.

The parts used: ``memberScore.overall`` (the total), ``memberScore.subScores[]`` (``pillar``
and ``score``) and, beside it, ``groupScore[]`` (``groupType`` INDUSTRY, NETWORK or TEAM,
``rank`` as in "Top N%", ``score.overall`` as the group's average). The payload may come
wrapped in outer objects (``{"data": {...}}``), so ``memberScore`` is looked for at any depth.
A team's numbers have no place in a reading and are left out.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import Any

from ssi_desktop.catalog import Pillar
from ssi_desktop.reading_formats.page_text import PILLAR_NAMES, NoReadingError
from ssi_desktop.reading_formats.values import ReadingValues, parse_number

PILLAR_KEYS: Mapping[str, Pillar] = {
    "PROFESSIONAL_BRAND": Pillar.BRAND,
    "FIND_RIGHT_PEOPLE": Pillar.PEOPLE,
    "INSIGHT_ENGAGEMENT": Pillar.INSIGHTS,
    "STRONG_RELATIONSHIP": Pillar.RELATIONSHIPS,
}
MAX_DEPTH = 20


def _holder(data: object, key: str) -> Mapping[str, Any] | None:
    """The object holding ``key``, breadth first so the outermost one wins."""
    queue: deque[tuple[object, int]] = deque([(data, 0)])
    while queue:
        node, depth = queue.popleft()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, Mapping):
            if node.get(key) is not None:
                return node
            queue.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            queue.extend((child, depth + 1) for child in node)
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, str):
        try:
            return parse_number(value)
        except ValueError:
            return None
    return None


def _groups(holder: Mapping[str, Any]) -> dict[str, tuple[float | None, float | None]]:
    """(rank, average) per group type."""
    groups = holder.get("groupScore")
    if isinstance(groups, Mapping):
        groups = list(groups.values())
    found: dict[str, tuple[float | None, float | None]] = {}
    for group in groups if isinstance(groups, list) else []:
        if not isinstance(group, Mapping):
            continue
        kind = str(group.get("groupType", "")).upper()
        score = group.get("score")
        average = _number(score.get("overall")) if isinstance(score, Mapping) else None
        found.setdefault(kind, (_number(group.get("rank")), average))
    return found


def parse_payload(data: object) -> ReadingValues:
    """The reading in the SSI page's JSON; NoReadingError names what is missing."""
    holder = _holder(data, "memberScore")
    if holder is None or not isinstance(holder["memberScore"], Mapping):
        raise NoReadingError(
            "the JSON holds no memberScore: it is not the payload of LinkedIn's SSI page"
        )
    member = holder["memberScore"]
    total = _number(member.get("overall"))
    pillars: dict[Pillar, float] = {}
    sub_scores = member.get("subScores")
    for sub in sub_scores if isinstance(sub_scores, list) else []:
        if isinstance(sub, Mapping):
            pillar = PILLAR_KEYS.get(str(sub.get("pillar", "")).upper())
            value = _number(sub.get("score"))
            if pillar is not None and value is not None:
                pillars.setdefault(pillar, value)
    missing = [f'"{PILLAR_NAMES[p]}" ({key})' for key, p in PILLAR_KEYS.items() if p not in pillars]
    if total is None or missing:
        parts = ["memberScore.overall (the total)"] if total is None else []
        if missing:
            parts.append(f"the pillar{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
        raise NoReadingError(f"no complete SSI reading in the JSON: missing {' and '.join(parts)}")
    # Usually beside memberScore; a wrapper may have put the groups elsewhere.
    groups = _groups(holder if "groupScore" in holder else _holder(data, "groupScore") or {})
    industry_rank, industry_avg = groups.get("INDUSTRY", (None, None))
    network_rank, network_avg = groups.get("NETWORK", (None, None))
    return ReadingValues(total, pillars, industry_rank, network_rank, industry_avg, network_avg)
