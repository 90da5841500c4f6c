"""What the team's admin sets up on their PostgreSQL server: tables, roles and policies.

Security lives on the server, not in the app: every member logs in as their own role, and
row-level security lets a role insert, change and delete only rows that carry its own name.
Everyone in the team reads every row (that is the leaderboard); nothing else in the database
is granted to them. Removing a member goes through one function that only managers and the
admin may call.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from ssi_desktop.catalog import Pillar
from ssi_desktop.store.team_server import (
    MEMBER_NAME,
    SCHEMA,
    TeamDatabase,
    TeamServerError,
    quote_name,
    session,
    user_of,
    with_login,
)

DATA_TABLES = ("day_score", "reading", "week_actions")
"""The tables a member writes: their own rows only."""

PASSWORD_BYTES = 24


@dataclass(frozen=True)
class TeamRoles:
    """The two group roles of the team in this database (roles are shared by the whole
    PostgreSQL cluster, so their names carry the database's)."""

    members: str
    managers: str


def team_roles(db: TeamDatabase) -> TeamRoles:
    database = str(db.execute_sql("SELECT current_database()").fetchone()[0])
    stem = f"ssi_team_{database}"[:50]
    return TeamRoles(members=f"{stem}_members", managers=f"{stem}_managers")


_PILLAR_COLUMNS = ",\n".join(
    f"    {p.value} double precision NOT NULL CHECK ({p.value} BETWEEN 0 AND 25)" for p in Pillar
)
_PILLARS_LIST = ", ".join(f"'{p.value}'" for p in Pillar)

TABLES_SQL = (
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.member (
    name name PRIMARY KEY,
    manager boolean NOT NULL DEFAULT false,
    invited_at timestamptz NOT NULL DEFAULT now()
)""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.day_score (
    member name NOT NULL DEFAULT current_user
        REFERENCES {SCHEMA}.member (name) ON DELETE CASCADE,
    day date NOT NULL,
    total double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
{_PILLAR_COLUMNS},
    PRIMARY KEY (member, day)
)""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.reading (
    member name NOT NULL DEFAULT current_user
        REFERENCES {SCHEMA}.member (name) ON DELETE CASCADE,
    day date NOT NULL,
    total double precision NOT NULL CHECK (total BETWEEN 0 AND 100),
{_PILLAR_COLUMNS},
    PRIMARY KEY (member, day)
)""",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.week_actions (
    member name NOT NULL DEFAULT current_user
        REFERENCES {SCHEMA}.member (name) ON DELETE CASCADE,
    week date NOT NULL CHECK (extract(isodow FROM week) = 1),
    pillar text NOT NULL CHECK (pillar IN ({_PILLARS_LIST})),
    actions integer NOT NULL CHECK (actions > 0),
    PRIMARY KEY (member, week, pillar)
)""",
)


def _create_role(name: str) -> str:
    return (
        f"DO $$ BEGIN CREATE ROLE {quote_name(name)} NOLOGIN; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )


def _policy(name: str, table: str, rule: str) -> str:
    # CREATE POLICY has no IF NOT EXISTS: a second init keeps the first one's policy.
    return (
        f"DO $$ BEGIN CREATE POLICY {name} ON {SCHEMA}.{table} {rule}; "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )


def _remove_function(roles: TeamRoles) -> str:
    managers = roles.managers.replace("'", "''")
    return f"""CREATE OR REPLACE FUNCTION {SCHEMA}.remove_member(who name) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT (pg_has_role(session_user, '{managers}', 'MEMBER')
            OR pg_has_role(session_user,
                (SELECT nspowner FROM pg_namespace WHERE nspname = '{SCHEMA}'), 'MEMBER')) THEN
        RAISE EXCEPTION 'only a manager or the admin may remove a member'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM {SCHEMA}.member WHERE name = who;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    EXECUTE format('DROP ROLE IF EXISTS %%I', who);  -- %% for the driver
    RETURN true;
END $$"""


def setup_statements(roles: TeamRoles) -> list[str]:
    members, managers = quote_name(roles.members), quote_name(roles.managers)
    statements = [
        _create_role(roles.members),
        _create_role(roles.managers),
        f"GRANT {members} TO {managers}",
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {members}",
        *TABLES_SQL,
        f"ALTER TABLE {SCHEMA}.member ENABLE ROW LEVEL SECURITY",
        f"REVOKE ALL ON {SCHEMA}.member FROM PUBLIC",
        f"GRANT SELECT ON {SCHEMA}.member TO {members}",
        _policy("team_reads", "member", f"FOR SELECT TO {members} USING (true)"),
    ]
    for table in DATA_TABLES:
        statements += [
            f"ALTER TABLE {SCHEMA}.{table} ENABLE ROW LEVEL SECURITY",
            f"REVOKE ALL ON {SCHEMA}.{table} FROM PUBLIC",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {SCHEMA}.{table} TO {members}",
            _policy("team_reads", table, f"FOR SELECT TO {members} USING (true)"),
            _policy(
                "own_rows_added",
                table,
                f"FOR INSERT TO {members} WITH CHECK (member = current_user)",
            ),
            _policy(
                "own_rows_changed",
                table,
                f"FOR UPDATE TO {members} USING (member = current_user)"
                " WITH CHECK (member = current_user)",
            ),
            _policy(
                "own_rows_deleted", table, f"FOR DELETE TO {members} USING (member = current_user)"
            ),
        ]
    statements += [
        _remove_function(roles),
        f"REVOKE ALL ON FUNCTION {SCHEMA}.remove_member(name) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {SCHEMA}.remove_member(name) TO {managers}",
    ]
    return statements


def init_team(admin_url: str) -> bool:
    """Create the team's schema, tables, roles and policies; False when they all existed."""
    with session(admin_url) as db:
        existed = bool(
            db.execute_sql(
                "SELECT count(*) FROM pg_namespace WHERE nspname = %s", (SCHEMA,)
            ).fetchone()[0]
        )
        roles = team_roles(db)
        with db.atomic():
            for statement in setup_statements(roles):
                db.execute_sql(statement)
    return not existed


def check_member_name(name: str) -> str:
    if not MEMBER_NAME.fullmatch(name) or name.startswith("pg_"):
        raise TeamServerError(
            f"{name!r} cannot be a member name: use 1 to 40 letters, digits, _ . or -,"
            " starting with a letter"
        )
    return name


def _require_team(db: TeamDatabase) -> None:
    found = db.execute_sql("SELECT to_regclass(%s)", (f"{SCHEMA}.member",)).fetchone()[0]
    if found is None:
        raise TeamServerError("this server has no team yet: run `ssi team init --server URL`")


def invite(admin_url: str, name: str, manager: bool = False) -> str:
    """Create the member's login role; returns the URL to hand them (it holds a password)."""
    check_member_name(name)
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    with session(admin_url) as db:
        _require_team(db)
        taken = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
        if taken:
            raise TeamServerError(f"a role named {name!r} exists on this server already")
        roles = team_roles(db)
        groups = quote_name(roles.members)
        if manager:
            groups += ", " + quote_name(roles.managers)
        with db.atomic():
            db.execute_sql(
                f"CREATE ROLE {quote_name(name)} LOGIN INHERIT NOSUPERUSER NOCREATEDB"
                f" NOCREATEROLE NOREPLICATION CONNECTION LIMIT 20 PASSWORD %s IN ROLE {groups}",
                (password,),
            )
            db.execute_sql(
                f"INSERT INTO {SCHEMA}.member (name, manager) VALUES (%s, %s)", (name, manager)
            )
    return with_login(admin_url, name, password)


def remove(url: str, name: str) -> None:
    """Take a member and all their rows away (the URL of a manager or of the admin)."""
    check_member_name(name)
    with session(url) as db:
        _require_team(db)
        if user_of(url) == name:
            raise TeamServerError("a member cannot remove themselves: use `ssi team leave`")
        removed = db.execute_sql(f"SELECT {SCHEMA}.remove_member(%s)", (name,)).fetchone()[0]
    if not removed:
        raise TeamServerError(f"{name!r} is not a member of this team")
