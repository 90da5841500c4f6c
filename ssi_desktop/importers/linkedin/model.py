"""The values the LinkedIn archive parser hands to the rest of the application."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ssi_desktop.catalog import ACTION_BY_KEY, PROFILE_ITEM_BY_KEY

ACTION_KEYS: frozenset[str] = frozenset(ACTION_BY_KEY)
PROFILE_ITEM_KEYS: frozenset[str] = frozenset(PROFILE_ITEM_BY_KEY)

SOURCE_KEYS: tuple[str, ...] = (
    "connections",
    "invitations_sent",
    "invitations_accepted",
    "conversations",
    "conversations_started",
    "conversations_replied",
    "posts",
    "comments",
    "reactions",
    "recommendations_received",
    "endorsements_received",
)


class ArchiveError(Exception):
    """The path is not a LinkedIn archive that can be read at all (one clear sentence)."""


class ImportCancelled(Exception):  # noqa: N818 - the name is part of the public contract
    """The caller's ``cancelled()`` returned True while the archive was being read."""


@dataclass(frozen=True, slots=True)
class ImportedAction:
    """One habit event found in the archive (one row, or one reply day of a conversation)."""

    day: datetime.date
    key: str
    count: int
    external_id: str
    note: str = ""
    words: int | None = None
    at_target: bool = False


@dataclass(frozen=True, slots=True)
class ProfileItemSeen:
    """A profile item that the archive shows as present on ``day``."""

    item: str
    day: datetime.date


@dataclass(frozen=True)
class ArchiveReport:
    """Everything read from one archive, ready for a preview and an import."""

    actions: tuple[ImportedAction, ...]
    profile_items: tuple[ProfileItemSeen, ...]
    sources: dict[str, int]
    skipped: dict[str, int]
    files: dict[str, int]
    problems: tuple[str, ...]
    first_day: datetime.date | None
    last_day: datetime.date | None
    owner_url: str | None
