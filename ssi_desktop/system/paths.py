"""Where the seller's data lives: one SQLite file in the user's data folder by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ssi-desktop"
DB_ENV = "SSI_DESKTOP_DB"
DB_FILENAME = "ssi.sqlite3"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db PATH`` first, then the SSI_DESKTOP_DB variable, then the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / DB_FILENAME


def private_folder(folder: Path) -> Path:
    """Create ``folder`` and its missing parents readable by the user alone (0700); returns it.

    Folders that already exist keep their modes: the seller may keep the file in a folder
    of their own choosing.
    """
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
    return folder
