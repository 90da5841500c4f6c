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
