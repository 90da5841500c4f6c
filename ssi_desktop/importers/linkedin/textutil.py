"""Small text helpers shared by the mappers: unwrapping, word counts, stable ids."""

from __future__ import annotations

import datetime
import hashlib

from .owner import normalize_text


def unwrap(text: str) -> str:
    """Undo LinkedIn's wrapping of each line of a multi-line post in quotes.

    After CSV parsing such a field reads ``"line one"\\n"line two"``: where a line ends with a quote
    and the next one starts with one, both quotes go, and so do the outer pair.
    """
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return text.strip()
    unwrapped = False
    for index in range(len(lines) - 1):
        left, right = lines[index].rstrip(), lines[index + 1].lstrip()
        if left.endswith('"') and right.startswith('"'):
            lines[index], lines[index + 1] = left[:-1], right[1:]
            unwrapped = True
    if unwrapped:
        if lines[0].startswith('"'):
            lines[0] = lines[0][1:]
        if lines[-1].endswith('"'):
            lines[-1] = lines[-1][:-1]
    return "\n".join(lines).strip()


def count_words(text: str) -> int:
    """Whitespace-separated tokens holding at least one letter or digit (emoji, dashes do not)."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def normalize_link(link: str) -> str:
    return link.strip().strip('"').strip().rstrip("/").casefold()


def stamp(value: datetime.datetime | datetime.date) -> str:
    return value.isoformat()


def external_id(kind: str, *parts: str) -> str:
    """``li:<kind>:<sha1>`` of the row's own content (never of the file or row number)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return f"li:{kind}:{digest.hexdigest()}"


def text_key(text: str) -> str:
    """The form of a body that goes into an id: unwrapped, NFC, case-folded, spaces collapsed."""
    return normalize_text(unwrap(text))
