"""The team's PostgreSQL server, reached through peewee: connecting and its one-line errors.

Only code that runs for a seller who joined a team (or for the admin setting one up) imports
this module: it loads the driver (store/postgres_driver.py says why not earlier).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import peewee
import psycopg2
import psycopg2.extensions

SCHEMA = "ssi_team"
"""Every table, policy and function of the team lives in this schema of the admin's database."""

CONNECT_TIMEOUT_S = 10
"""How long a connection may take before the server counts as offline (libpq's own timer:
it also runs out when a server accepts and never answers)."""

STATEMENT_TIMEOUT_MS = 30_000

MEMBER_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,39}")
"""A member's name is also their login role on the server: letters, digits, _ . and -, which
read the same on the board, in SQL (quoted) and in a URL."""

URL_SCHEMES = ("postgresql", "postgres")


class TeamServerError(Exception):
    """The team server refused or could not be reached; the message is one line."""


class _Psycopg2(peewee.Psycopg2Adapter):
    """peewee's psycopg2 adapter, given the driver that peewee was kept from importing."""

    txn_idle = psycopg2.extensions.TRANSACTION_STATUS_IDLE
    txn_inerror = psycopg2.extensions.TRANSACTION_STATUS_INERROR
    txn_unknown = psycopg2.extensions.TRANSACTION_STATUS_UNKNOWN

    def check_driver(self) -> None:
        pass

    def get_binary_type(self) -> Any:
        return psycopg2.Binary

    def connect(self, db: peewee.Database, **params: Any) -> Any:
        return psycopg2.connect(db.database, **params)


class TeamDatabase(peewee.PostgresqlDatabase):
    psycopg2_adapter = _Psycopg2


def libpq_version() -> str:
    """The bundled libpq's version, as 15.4 (the packaged app's self-test shows it)."""
    number = int(psycopg2.extensions.libpq_version())
    return f"{number // 10000}.{number % 10000}"


def check_url(url: str) -> str:
    """The URL itself, if it looks like a PostgreSQL connection URL; else TeamServerError."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in URL_SCHEMES:
        raise TeamServerError(
            f"{redact(url)!r} is not a PostgreSQL URL (postgresql://NAME:PASSWORD@HOST/DATABASE)"
        )
    try:
        psycopg2.extensions.parse_dsn(url)
    except psycopg2.ProgrammingError as error:
        raise TeamServerError(f"the URL cannot be read ({first_line(error)})") from None
    return url


def redact(url: str) -> str:
    """The URL without its password, for messages, settings and logs."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def password_of(url: str) -> str | None:
    password = urllib.parse.urlsplit(url).password
    return None if password is None else urllib.parse.unquote(password)


def user_of(url: str) -> str | None:
    user = urllib.parse.urlsplit(url).username
    return None if user is None else urllib.parse.unquote(user)


def with_login(url: str, user: str, password: str | None) -> str:
    """The same server, database and options (host, sslmode...), as another login."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    login = urllib.parse.quote(user, safe="")
    if password is not None:
        login += ":" + urllib.parse.quote(password, safe="")
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{login}@{host}"))


def first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].strip()


def connect(url: str, timeout_s: float = CONNECT_TIMEOUT_S) -> TeamDatabase:
    """An open connection to the team server, or TeamServerError saying why not."""
    db = TeamDatabase(
        check_url(url),
        connect_timeout=max(1, round(timeout_s)),
        options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        # a server that vanishes mid-answer is noticed within a minute, not never
        keepalives=1,
        keepalives_idle=20,
        keepalives_interval=10,
        keepalives_count=3,
        application_name="ssi-desktop",
        autoconnect=False,
    )
    try:
        db.connect()
    except (peewee.DatabaseError, peewee.InterfaceError, psycopg2.Error) as error:
        raise TeamServerError(f"cannot reach the team server: {first_line(error)}") from None
    return db


@contextmanager
def session(url: str, timeout_s: float = CONNECT_TIMEOUT_S) -> Iterator[TeamDatabase]:
    """Connect, run the block, close; any server error becomes one TeamServerError line."""
    db = connect(url, timeout_s)
    try:
        yield db
    except (peewee.DatabaseError, peewee.InterfaceError, psycopg2.Error) as error:
        raise TeamServerError(f"the team server refused: {first_line(error)}") from None
    finally:
        db.close()


def quote_name(name: str) -> str:
    """An SQL identifier, quoted (for role names in DDL, which takes no parameters)."""
    return '"' + name.replace('"', '""') + '"'
