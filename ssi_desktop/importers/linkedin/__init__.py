"""Parser of LinkedIn's data archive ("Get a copy of your data", ZIP or unpacked folder).

Pure and offline: it reads the archive and returns an ArchiveReport; it writes nothing.
"""

from .model import (
    ACTION_KEYS,
    PROFILE_ITEM_KEYS,
    SOURCE_KEYS,
    ArchiveError,
    ArchiveReport,
    ImportCancelled,
    ImportedAction,
    ProfileItemSeen,
)
from .reader import DEFAULT_MAX_FILE_BYTES, read_archive
from .summary import summary_lines

__all__ = [
    "ACTION_KEYS",
    "DEFAULT_MAX_FILE_BYTES",
    "PROFILE_ITEM_KEYS",
    "SOURCE_KEYS",
    "ArchiveError",
    "ArchiveReport",
    "ImportCancelled",
    "ImportedAction",
    "ProfileItemSeen",
    "read_archive",
    "summary_lines",
]
