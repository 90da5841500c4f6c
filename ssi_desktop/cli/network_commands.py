"""`ssi network set|list`: the size of the seller's network, dated (the score's standing part)."""

from __future__ import annotations

import argparse

from ssi_desktop.cli.common import not_in_future, opened_database, parse_day, print_json
from ssi_desktop.scoring.network import ASSUMED_CONNECTIONS, DECISION_MAKER_SHARE, NetworkRecord
from ssi_desktop.store import network
from ssi_desktop.system import clock


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "network",
        parents=[db],
        help="your network's size: connections, followers, decision-makers",
        description=(
            "LinkedIn credits the network you have built, not only what you did lately. "
            "Record it now and then (LinkedIn shows your connections and followers on your "
            "profile); each record counts from its date until the next one."
        ),
    )
    verbs = parser.add_subparsers(metavar="set|list", required=True)

    setting = verbs.add_parser("set", parents=[db], help="record your network on a day")
    setting.add_argument(
        "--connections", type=int, required=True, metavar="N", help="first-degree connections"
    )
    setting.add_argument(
        "--followers", type=int, metavar="N", help="followers (default: your connections)"
    )
    setting.add_argument(
        "--decision-makers",
        type=int,
        metavar="N",
        help=(
            "connections who decide on purchases: directors, VPs, heads, chiefs, founders, "
            f"owners, partners (default: one in {round(1 / DECISION_MAKER_SHARE)} of your "
            "connections)"
        ),
    )
    setting.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    setting.set_defaults(run=run_set)

    listing = verbs.add_parser("list", parents=[db], help="every record, oldest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)


def _as_json(record: NetworkRecord) -> dict[str, object]:
    return {
        "date": record.day.isoformat(),
        "connections": record.connections,
        "followers": record.followers,
        "decision_makers": record.decision_makers,
    }


def _shown(record: NetworkRecord) -> str:
    parts = [f"{record.connections:,} connections"]
    if record.followers is not None:
        parts.append(f"{record.followers:,} followers")
    if record.decision_makers is not None:
        parts.append(f"{record.decision_makers:,} decision-makers")
    return ", ".join(parts)


def run_set(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    entry = NetworkRecord(day, args.connections, args.followers, args.decision_makers)
    with opened_database(args):
        replaced = network.record(entry, clock.today())
    print(f"Network on {day.isoformat()}: {_shown(entry)}.")
    if replaced is not None:
        print(f"It replaces that day's earlier record ({_shown(replaced)}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        records = network.all_records()
    if args.json:
        print_json([_as_json(r) for r in records])
        return 0
    if not records:
        print(
            f"No network recorded: the estimate assumes {ASSUMED_CONNECTIONS} connections. "
            "Record yours with `ssi network set --connections N`."
        )
        return 0
    for r in records:
        print(f"{r.day.isoformat()}  {_shown(r)}")
    return 0
