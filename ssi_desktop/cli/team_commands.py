"""`ssi team ...`: set up a team on a PostgreSQL server, join it, publish and see the board.

The server modules (and with them the PostgreSQL driver) load inside the commands, so that
`ssi` itself starts as fast for a seller who never joined a team.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ssi_desktop.catalog import Pillar
from ssi_desktop.cli.common import CliError, Commands, opened_database, print_json
from ssi_desktop.system import clock
from ssi_desktop.team import membership

if TYPE_CHECKING:
    from ssi_desktop.store.team_rows import BoardRow

SERVER_HELP = "the admin's connection URL (postgresql://ADMIN:PASSWORD@HOST/DATABASE)"


def register(commands: Commands, db: argparse.ArgumentParser) -> None:
    team = commands.add_parser(
        "team", help="a shared leaderboard on your team's own PostgreSQL server (opt-in)"
    )
    verbs = team.add_subparsers(title="team commands", metavar="VERB", required=True)

    init = verbs.add_parser("init", help="admin: create the team's tables and policies")
    init.add_argument("--server", required=True, metavar="URL", help=SERVER_HELP)
    init.set_defaults(run=run_init)

    invite = verbs.add_parser(
        "invite", help="admin: create a member and print the URL to hand them"
    )
    invite.add_argument(
        "name", metavar="NAME", help="the member's name on the board (letters, digits, _ . -)"
    )
    invite.add_argument("--server", required=True, metavar="URL", help=SERVER_HELP)
    invite.add_argument("--manager", action="store_true", help="may also remove members")
    invite.set_defaults(run=run_invite)

    remove = verbs.add_parser("remove", help="manager or admin: remove a member and their rows")
    remove.add_argument("name", metavar="NAME", help="the member to take off the team")
    remove.add_argument(
        "--server", required=True, metavar="URL", help="a manager's or the admin's URL"
    )
    remove.set_defaults(run=run_remove)

    join = verbs.add_parser("join", parents=[db], help="join with the URL your admin gave you")
    join.add_argument("url", metavar="URL", help="the connection URL your admin gave you")
    join.set_defaults(run=run_join)

    leave = verbs.add_parser("leave", parents=[db], help="stop publishing and forget the team here")
    leave.add_argument(
        "--erase",
        action="store_true",
        help="first delete everything you published from the server (else it stays there"
        " until a manager removes you)",
    )
    leave.set_defaults(run=run_leave)

    for name, run, text in (
        ("status", run_status, "whether this database is in a team, and the last publish"),
        ("publish", run_publish, "send what changed since the last publish (aggregates only)"),
        ("board", run_board, "the leaderboard: each member's latest published day, best first"),
    ):
        verb = verbs.add_parser(name, parents=[db], help=text)
        verb.add_argument("--json", action="store_true", help="print JSON")
        verb.set_defaults(run=run)


@contextmanager
def server_errors() -> Iterator[None]:
    """The team's errors, as the one line every `ssi` error is."""
    from ssi_desktop.store.team_server import TeamServerError

    try:
        yield
    except (TeamServerError, membership.NotJoinedError) as error:
        raise CliError(str(error)) from None


def run_init(args: argparse.Namespace) -> int:
    from ssi_desktop.store import team_schema

    with server_errors():
        created = team_schema.init_team(args.server)
    print("The team is set up." if created else "The team was set up already: nothing changed.")
    return 0


def run_invite(args: argparse.Namespace) -> int:
    from ssi_desktop.store import team_schema

    with server_errors():
        print(team_schema.invite(args.server, args.name, args.manager))
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from ssi_desktop.store import team_schema

    with server_errors():
        team_schema.remove(args.server, args.name)
    print(f"Removed {args.name} and their published rows.")
    return 0


def run_join(args: argparse.Namespace) -> int:
    from ssi_desktop.team import server

    with opened_database(args) as path, server_errors():
        if membership.current() is not None:
            raise CliError("this database is in a team already: run `ssi team leave` first")
        joined = server.join(path, args.url, clock.today())
    print(f"Joined the team as {joined.name}. `ssi team publish` sends your aggregates.")
    return 0


def run_leave(args: argparse.Namespace) -> int:
    with opened_database(args) as path:
        if membership.current() is None:
            raise CliError("this database is not in a team")
        erased = None
        if args.erase:
            from ssi_desktop.team import server

            with server_errors():
                erased = server.erase(path)  # before forgetting: it needs the password
        membership.forget(path)
    print("Left the team here: nothing is published from this database any more.")
    if erased is None:
        print("What you published stays on the server until a manager removes you.")
    else:
        print(f"Deleted the {erased} rows you had published.")
    return 0


def run_status(args: argparse.Namespace) -> int:
    today = clock.today()
    with opened_database(args):
        joined = membership.current()
    if args.json:
        print_json({"joined": False} if joined is None else joined.as_json(today))
        return 0
    if joined is None:
        print("Not in a team: nothing leaves this computer.")
        return 0
    at = joined.published_at
    last = "never" if at is None else at.strftime("%Y-%m-%d %H:%M")
    print(f"In a team as {joined.name} on {joined.server} since {joined.joined_on.isoformat()}")
    print(f"Last publish: {last} ({membership.days_text(joined.days_waiting(today))} waiting)")
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from ssi_desktop.team import server

    with opened_database(args) as path, server_errors():
        report = server.publish(path)
    if args.json:
        print_json(
            {
                "days": report.days,
                "readings": report.readings,
                "weeks": report.weeks,
                "removed": report.removed,
            }
        )
        return 0
    if report.sent == 0:
        print("Published: the server was up to date.")
    else:
        counts = [
            counted(report.days, "day"),
            counted(report.readings, "reading"),
            counted(report.weeks, "weekly count"),
        ]
        removed = f"; removed {counted(report.removed, 'row')}" if report.removed else ""
        print(f"Published {', '.join(counts[:2])} and {counts[2]}{removed}.")
    return 0


def run_board(args: argparse.Namespace) -> int:
    from ssi_desktop.team import server

    with opened_database(args) as path, server_errors():
        rows = server.board(path)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    if not rows:
        print("Nobody in the team has published yet.")
        return 0
    print(describe_board(rows))
    return 0


def counted(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def describe_board(rows: list[BoardRow]) -> str:
    width = max(len("member"), *(len(row.name) for row in rows))
    heads = " ".join(f"{p.value[:9]:>9}" for p in Pillar)
    lines = [f"{'#':>2}  {'member':<{width}}  {'date':<10}  total  {heads}  7-day  official"]
    for rank, row in enumerate(rows, 1):
        pillars = " ".join(f"{row.latest.pillars[p]:9.2f}" for p in Pillar)
        official = "-" if row.official is None else f"{row.official[1]:.0f} ({row.official[0]})"
        lines.append(
            f"{rank:>2}  {row.name:<{width}}  {row.latest.day.isoformat()}  {row.latest.total:5.1f}"
            f"  {pillars}  {row.change_7d:+5.1f}  {official}"
        )
    return "\n".join(lines)
