"""Who owns the archive, and how profile URLs and names are compared.

Connections.csv percent-encodes URL slugs (``j%C3%BCrgen-m``) while other files write them raw
(``jürgen-m``); URLs may lack the scheme (endorsements) or be cut short (invitations). Every URL is
turned into ``https://www.linkedin.com/in/<decoded lower-case slug>`` before comparing.

Owner order: the ``inviterProfileUrl`` of OUTGOING invitations, else the ``inviteeProfileUrl`` of
INCOMING ones, else the message sender found in the most conversations (then the most messages),
else no URL: the owner is then recognized by name only (Profile.csv, OUTGOING ``From``, 2018
OUTGOING messages).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def normalize_text(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: the form compared and hashed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def normalize_name(*parts: str) -> str:
    return normalize_text(" ".join(parts))


@functools.lru_cache(maxsize=1 << 16)
def normalize_profile_url(url: str) -> str | None:
    """The canonical form of a LinkedIn profile URL, or ``None`` when empty.

    Cached: a messages file repeats the same few thousand URLs on every row.
    """
    text = url.strip().strip('"').strip()
    if not text:
        return None
    if not _SCHEME.match(text):
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = parts.hostname or ""
    path = unicodedata.normalize("NFC", unquote(parts.path)).casefold()
    segments = [segment for segment in path.split("/") if segment]
    if host.endswith("linkedin.com") and len(segments) >= 2 and segments[0] in {"in", "pub"}:
        return f"https://www.linkedin.com/{segments[0]}/{segments[1]}"
    if not host:
        return None
    return f"https://{host}/{'/'.join(segments)}".rstrip("/")


def profile_slug(url: str | None) -> str | None:
    if url is None or "/in/" not in url:
        return None
    return url.rsplit("/in/", 1)[1] or None


def _most_common(counter: Counter[str]) -> str | None:
    if not counter:
        return None
    # highest count first, then alphabetical for a stable answer
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


@dataclass(frozen=True)
class Owner:
    url: str | None
    names: frozenset[str]

    def is_owner(self, url: str | None, name: str) -> bool:
        if self.url is not None and url is not None:
            return url == self.url
        return normalize_name(name) in self.names


def detect_owner(
    *,
    outgoing_inviters: Counter[str],
    incoming_invitees: Counter[str],
    senders: Iterable[tuple[str, int, int, str]],
    names: Iterable[str],
) -> Owner:
    """Pick the owner.

    ``senders`` are (url, conversations taken part in, messages sent, normalized sender name);
    among senders in as many conversations, one bearing an owner's name wins, then the most
    messages, then the URL alphabetically (for a stable answer).
    """
    known = frozenset(name for name in names if name)
    url = _most_common(outgoing_inviters) or _most_common(incoming_invitees)
    if url is None:
        ranked = sorted(senders, key=lambda s: (-s[1], s[3] not in known, -s[2], s[0]))
        url = ranked[0][0] if ranked else None
    return Owner(url, known)
