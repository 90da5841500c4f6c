"""`ssi profile list|set`: the profile checklist of the brand pillar."""

from __future__ import annotations

import argparse

from ssi_desktop import clock
from ssi_desktop.catalog import PROFILE_ITEMS
from ssi_desktop.cli.common import not_in_future, opened_database, parse_day, print_json
from ssi_desktop.store import profile


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser("profile", parents=[db], help="your profile checklist")
    verbs = parser.add_subparsers(metavar="list|set", required=True)

    listing = verbs.add_parser("list", parents=[db], help="each item and whether it is done")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    setting = verbs.add_parser("set", parents=[db], help="mark an item done or undone")
    setting.add_argument(
        "item",
        metavar="ITEM",
        choices=[p.key for p in PROFILE_ITEMS],
        help=f"one of: {', '.join(p.key for p in PROFILE_ITEMS)}",
    )
    state = setting.add_mutually_exclusive_group(required=True)
    state.add_argument("--done", dest="done", action="store_true", help="the item is done")
    state.add_argument(
        "--undone", dest="done", action="store_false", help="the item is not done (any more)"
    )
    setting.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    setting.set_defaults(run=run_set)


def run_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        done = profile.state_on(clock.today())
    if args.json:
        print_json(
            [
                {"item": p.key, "label": p.label, "points": p.points, "done": done[p.key]}
                for p in PROFILE_ITEMS
            ]
        )
        return 0
    for p in PROFILE_ITEMS:
        mark = "x" if done[p.key] else " "
        print(f"[{mark}] {p.key:<16} {p.label} ({p.points:g} points)")
    return 0


def run_set(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    with opened_database(args):
        profile.set_item(args.item, args.done, day, clock.today())
    print(f"{args.item}: {'done' if args.done else 'not done'} from {day.isoformat()}.")
    return 0
