"""A throw-away PostgreSQL cluster for the team tests and the team benchmark.

initdb and pg_ctl make a cluster in a temporary folder that listens on a Unix socket only
(listen_addresses is empty: no TCP port). PostgreSQL refuses to run as root, so as root the
cluster belongs to an unprivileged user (postgres, created by the Debian package).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ADMIN = "team_admin"
UNPRIVILEGED_USER = "postgres"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest versioned folder."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def _owner_command() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(UNPRIVILEGED_USER)
    except KeyError:
        raise RuntimeError(
            f"PostgreSQL will not run as root and there is no {UNPRIVILEGED_USER!r} user"
        ) from None
    return ["runuser", "-u", UNPRIVILEGED_USER, "--"]


@dataclass(frozen=True)
class Cluster:
    socket_dir: Path
    superuser_password: str
    admin_password: str

    def url(self, user: str, password: str, database: str) -> str:
        return f"postgresql://{user}:{password}@/{database}?host={self.socket_dir}"

    def superuser_url(self, database: str = "postgres") -> str:
        return self.url("postgres", self.superuser_password, database)

    def admin_url(self, database: str) -> str:
        return self.url(ADMIN, self.admin_password, database)


def _run(command: list[str], folder: Path) -> None:
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip() or done.stdout}")


@contextlib.contextmanager
def running_cluster(bin_dir: Path) -> Iterator[Cluster]:
    """Start a cluster (password logins only), yield it, then stop it and delete it."""
    as_owner = _owner_command()
    # A short path: a Unix socket's path must fit in about 100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="ssi-pg-"))
    if as_owner:
        shutil.chown(folder, UNPRIVILEGED_USER, UNPRIVILEGED_USER)
    folder.chmod(0o700)
    data = folder / "data"
    password_file = folder / "pw"
    cluster = Cluster(folder, secrets.token_hex(12), secrets.token_hex(12))
    password_file.write_text(cluster.superuser_password)
    if as_owner:
        shutil.chown(password_file, UNPRIVILEGED_USER)
    started = False
    try:
        _run(
            [
                *as_owner,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                f"--pwfile={password_file}",
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C",
            ],
            folder,
        )
        password_file.unlink()
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c max_connections=60"
        _run(
            [
                *as_owner,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
            folder,
        )
        started = True
        _create_admin(cluster)
        yield cluster
    finally:
        if started:
            _run(
                [
                    *as_owner,
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                folder,
            )
        shutil.rmtree(folder, ignore_errors=True)


def superuser_sql(cluster: Cluster, *statements: str, database: str = "postgres") -> None:
    import psycopg2

    connection = psycopg2.connect(cluster.superuser_url(database))
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def _create_admin(cluster: Cluster) -> None:
    """The team's admin as the README tells to make one: no superuser, may create roles."""
    superuser_sql(
        cluster, f"CREATE ROLE {ADMIN} LOGIN CREATEROLE PASSWORD '{cluster.admin_password}'"
    )


def create_database(cluster: Cluster, name: str) -> None:
    superuser_sql(cluster, f"CREATE DATABASE {name} OWNER {ADMIN}")


def drop_database(cluster: Cluster, name: str) -> None:
    """Drop a test's database and every role its team made (roles span the cluster)."""
    import psycopg2

    connection = psycopg2.connect(cluster.superuser_url())
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            stem = f"ssi_team_{name}"
            cursor.execute(
                "SELECT m.rolname FROM pg_auth_members AS a"
                " JOIN pg_roles AS g ON g.oid = a.roleid"
                " JOIN pg_roles AS m ON m.oid = a.member"
                " WHERE g.rolname = %s AND m.rolname NOT LIKE 'ssi\\_team\\_%%'",
                (f"{stem}_members",),
            )
            for (member,) in cursor.fetchall():
                cursor.execute(f'DROP ROLE IF EXISTS "{member}"')
            for group in ("managers", "members"):
                cursor.execute(f'DROP ROLE IF EXISTS "{stem}_{group}"')
    finally:
        connection.close()
