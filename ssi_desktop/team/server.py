"""A member's side of the team server: join, publish, and read the board and trends.

Importing this module loads the PostgreSQL driver: only code paths of a seller who joined
(or is joining) import it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ssi_desktop.store import team_rows
from ssi_desktop.store.team_rows import BoardRow, PublishReport, Scored
from ssi_desktop.store.team_server import (
    CONNECT_TIMEOUT_S,
    TeamServerError,
    check_url,
    password_of,
    redact,
    session,
    user_of,
    with_login,
)
from ssi_desktop.system import clock
from ssi_desktop.team import aggregates, membership
from ssi_desktop.team.membership import Membership


def join(db_path: Path, url: str, today: dt.date) -> Membership:
    """Check the URL against the server once, then remember it for this database."""
    check_url(url)
    name, password = user_of(url), password_of(url)
    if not name or password is None:
        raise TeamServerError(
            "the URL needs the member's name and password"
            " (the line `ssi team invite` printed for you)"
        )
    with session(url) as db:
        if not team_rows.is_member(db):
            raise TeamServerError(f"{name!r} is not a member of a team on {redact(url)}")
    return membership.save(db_path, with_login(url, name, None), name, password, today)


def member_url(db_path: Path, joined: Membership) -> str:
    return with_login(joined.server, joined.name, membership.password(db_path))


def publish(
    db_path: Path, today: dt.date | None = None, timeout_s: float = CONNECT_TIMEOUT_S
) -> PublishReport:
    """Send what changed since the last publish (safe to repeat); remembers when it worked."""
    joined = membership.required()
    day = clock.today() if today is None else today
    collected = aggregates.collect(day)
    with session(member_url(db_path, joined), timeout_s) as db:
        report = team_rows.publish(db, collected)
    membership.mark_published(clock.now())
    return report


def erase(db_path: Path, timeout_s: float = CONNECT_TIMEOUT_S) -> int:
    """Delete every row this member published (row-level security allows their own)."""
    joined = membership.required()
    with session(member_url(db_path, joined), timeout_s) as db:
        return team_rows.erase(db)


def board(db_path: Path, timeout_s: float = CONNECT_TIMEOUT_S) -> list[BoardRow]:
    joined = membership.required()
    with session(member_url(db_path, joined), timeout_s) as db:
        return team_rows.board(db)


def trend(
    db_path: Path, name: str, first_day: dt.date, timeout_s: float = CONNECT_TIMEOUT_S
) -> list[Scored]:
    joined = membership.required()
    with session(member_url(db_path, joined), timeout_s) as db:
        return team_rows.trend(db, name, first_day)


def reachable(db_path: Path, timeout_s: float) -> str | None:
    """None when the server answers as this member, else the reason it does not."""
    joined = membership.required()
    try:
        with session(member_url(db_path, joined), timeout_s) as db:
            if not team_rows.is_member(db):
                return f"{joined.name!r} is no longer a member of the team"
    except TeamServerError as error:
        return str(error)
    return None
