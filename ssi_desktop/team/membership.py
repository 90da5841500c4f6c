"""Whether this database joined a team, and as whom: local settings, and a private password.

The settings table holds the server's URL *without* its password, the member's name and the
last publish. The password lives in a file of its own, readable by the user alone (0600), in
the user's configuration folder: never in the database, so never in its backups or exports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ssi_desktop.store import settings
from ssi_desktop.store.db import database
from ssi_desktop.system.paths import APP_NAME, private_folder

URL_KEY = "team_url"
NAME_KEY = "team_name"
JOINED_KEY = "team_joined_on"
PUBLISHED_KEY = "team_published_at"
KEYS = (URL_KEY, NAME_KEY, JOINED_KEY, PUBLISHED_KEY)


@dataclass(frozen=True)
class Membership:
    server: str  # the URL without a password
    name: str
    joined_on: dt.date
    published_at: dt.datetime | None  # the last publish the server accepted

    def days_waiting(self, today: dt.date) -> int:
        """Days of scores the server has not seen: since the last publish (or the join)."""
        since = self.published_at.date() if self.published_at else self.joined_on
        return max(0, (today - since).days)

    def as_json(self, today: dt.date) -> dict[str, object]:
        return {
            "joined": True,
            "name": self.name,
            "server": self.server,
            "joined_on": self.joined_on.isoformat(),
            "last_publish": None if self.published_at is None else self.published_at.isoformat(),
            "days_waiting": self.days_waiting(today),
        }


def days_text(days: int) -> str:
    return f"{days} {'day' if days == 1 else 'days'}"


class NotJoinedError(Exception):
    """This database is not in a team (the message says how to join)."""


def current() -> Membership | None:
    """This database's team, read from the local settings only (no network, no driver)."""
    url, name, joined = settings.get(URL_KEY), settings.get(NAME_KEY), settings.get(JOINED_KEY)
    if not (url and name and joined):
        return None
    published = settings.get(PUBLISHED_KEY)
    return Membership(
        server=url,
        name=name,
        joined_on=dt.date.fromisoformat(joined),
        published_at=dt.datetime.fromisoformat(published) if published else None,
    )


def required() -> Membership:
    found = current()
    if found is None:
        raise NotJoinedError("this database is not in a team: run `ssi team join URL` first")
    return found


def secret_path(db_path: Path) -> Path:
    """Where this database's team password is kept: one file per database file."""
    key = hashlib.sha256(str(db_path.expanduser().resolve()).encode()).hexdigest()[:24]
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / "team" / f"{key}.secret"


def _write_private(path: Path, text: str) -> None:
    private_folder(path.parent)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".secret.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save(db_path: Path, server: str, name: str, password: str, today: dt.date) -> Membership:
    """Remember the team for this database: settings in one transaction, then the password."""
    _write_private(secret_path(db_path), password)
    with database.atomic():
        settings.put(URL_KEY, server)
        settings.put(NAME_KEY, name)
        settings.put(JOINED_KEY, today.isoformat())
        settings.delete(PUBLISHED_KEY)
    return required()


def password(db_path: Path) -> str:
    try:
        return secret_path(db_path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise NotJoinedError(
            "the team password of this database is missing: run `ssi team join URL` again"
        ) from None
    except OSError as error:
        raise NotJoinedError(f"cannot read the team password ({error.strerror})") from None


def forget(db_path: Path) -> bool:
    """Leave: remove the settings and the password file; False when not in a team."""
    was = current() is not None
    with database.atomic():
        for key in KEYS:
            settings.delete(key)
    secret_path(db_path).unlink(missing_ok=True)
    return was


def mark_published(at: dt.datetime) -> None:
    settings.put(PUBLISHED_KEY, at.isoformat(timespec="seconds"))
